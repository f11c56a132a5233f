// "Copy" beside a secret shown once (a new API token, a reset password): a button with
// data-copy names the element whose text it copies. Where the page may
// not write to the clipboard (plain http on another host, a refusal) the
// text is selected instead and the button says to press Ctrl+C, so the
// secret is never lost to a silent failure.

import { t } from './i18n.js';

document.addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-copy]');
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  const said = document.getElementById(button.dataset.copyStatus);
  const range = document.createRange();
  range.selectNodeContents(source);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  try {
    if (!navigator.clipboard) throw new Error(t('this page may not use the clipboard'));
    await navigator.clipboard.writeText(source.textContent);
    said.textContent = t('Copied.');
  } catch (err) {
    said.textContent = t('Not copied ({0}): it is selected, press Ctrl+C.', err.message);
  }
});
