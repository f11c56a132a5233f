// The export form offers only downloads the server writes: a format of
// one layer (Label Studio JSON, data-one-layer) takes no "every layer",
// and offsets in UTF-16 units are for the doccano formats alone
// (data-utf16). Choosing a format that cannot take what is chosen moves
// that choice to the one it can and says so, rather than let Download
// open the export's refusal in place of the page.

import { t } from './i18n.js';

const form = document.querySelector('form.export');
if (form) {
  const format = form.querySelector('select[name="format"]');
  const layer = form.querySelector('select[name="layer"]');
  const offsets = form.querySelector('select[name="offsets"]');
  const said = document.getElementById('export-choice');
  const every = layer.querySelector('option[value="all"]');
  const utf16 = offsets.querySelector('option[value="utf16"]');
  if (!every || !utf16 || !said) throw new Error('export form: the every-layer or UTF-16 option, or #export-choice, is missing');
  const fit = () => {
    const chosen = format.selectedOptions[0];
    const name = chosen.textContent;
    const notes = [];
    every.disabled = chosen.hasAttribute('data-one-layer');
    if (every.disabled && layer.value === 'all') {
      layer.value = 'gold';
      notes.push(t('{0} holds one layer: gold is chosen.', name));
    }
    utf16.disabled = !chosen.hasAttribute('data-utf16');
    if (utf16.disabled && offsets.value === 'utf16') {
      offsets.value = 'codepoint';
      notes.push(t('{0} counts offsets in code points: UTF-16 units are for the doccano formats.', name));
    }
    said.textContent = notes.join(' ');
  };
  format.addEventListener('change', fit);
  // A page restored with its choices kept (Back, a reload) is fitted
  // too, and says what moved.
  fit();
}
