// The save status in the bar, and the message under the bar that says
// why a save failed or what changed around the page.

import { t } from './i18n.js';
import { revealRange } from './reveal.js';
import { isolate } from './words.js';
import { createToast } from './toast.js';

/**
 * createStatusLine wires the bar's save status and its message for the
 * text docEl: show(text) sets the status, showError(message, kind) shows
 * the message, clearError() hides it, reported(err) shows an error no save
 * has shown yet.
 */
export function createStatusLine(docEl) {
  const el = (id) => document.getElementById(id);
  const status = el('save-status');
  const errorBox = el('save-error');
  // The status is cut to one line (app.css); its title keeps it whole.
  // While the bar is scrolled away, the status shows as a toast (toast.js).
  const toast = createToast(status, [el('span-editor'), errorBox], docEl,
    { el: el('span-editor'), head: document.querySelector('#span-editor .editor-top'), keep: el('editor-close') });

  // On a short screen the message is pinned to the foot of the screen
  // (app.css), where a narrow screen's span editor is a sheet: it stands
  // above the sheet, moving as the sheet opens, closes or changes
  // height, so it never covers the sheet's labels.
  const sheet = el('span-editor');
  function placeError() {
    const over = !sheet.hidden && getComputedStyle(sheet).position === 'fixed' && getComputedStyle(errorBox).position === 'fixed';
    errorBox.style.bottom = over ? `${window.innerHeight - sheet.getBoundingClientRect().top + 8}px` : '';
  }
  new ResizeObserver(placeError).observe(sheet);
  window.addEventListener('resize', placeError);
  new MutationObserver(() => {
    status.title = status.textContent;
    toast.show();
  }).observe(status, { childList: true, characterData: true, subtree: true });

  // showError says why a save failed (kind 'error', in red) or, as a
  // 'notice', what changed around the page; either stays until dismissed
  // or the next save succeeds.
  function showError(message, kind = 'error') {
    el('save-error-text').textContent = message;
    errorBox.classList.toggle('error', kind === 'error');
    errorBox.classList.toggle('notice', kind !== 'error');
    el('save-error-close').setAttribute('aria-label', kind === 'error' ? t('Dismiss the error') : t('Dismiss the notice'));
    errorBox.hidden = false;
    placeError();
    // The message must not cover the text being worked on: once the page
    // has settled (a failed save gives the selection back first), the
    // selection or the open span is brought clear of the bar the message
    // makes taller, or of the foot of a short screen it is pinned to.
    requestAnimationFrame(() => {
      const range = workingRange();
      if (range) revealRange(range).catch((err) => { el('save-error-text').textContent += ` (${t('The text could not be scrolled clear of this message: {0}.', isolate(err.message))})`; });
    });
  }

  // workingRange is the text being worked on: the selection in the text,
  // else the span open in the editor; null when neither.
  function workingRange() {
    const sel = window.getSelection();
    if (sel.rangeCount > 0 && !sel.isCollapsed && docEl.contains(sel.anchorNode)) return sel.getRangeAt(0);
    const seg = docEl.querySelector('.seg.selected');
    if (!seg) return null;
    const range = new Range();
    range.selectNodeContents(seg);
    return range;
  }
  el('save-error-close').addEventListener('click', () => {
    errorBox.hidden = true;
    docEl.focus({ preventScroll: true }); // back to the text, where the work is
  });

  // Every action started from a click or a key ends here: a failed save
  // has already been shown by save(); anything else is shown now, never
  // dropped.
  function reported(err) {
    if (!err || !err.shown) showError(t('Something went wrong: {0}', isolate(err && err.message ? err.message : err)));
  }

  return {
    show: (text) => {
      toast.float(text);
      status.textContent = text;
    },
    showError,
    clearError: () => { errorBox.hidden = true; },
    reported,
  };
}
