// The place an address names in the text (?at=START-END, code points; the
// review's rows link so to gold).

import { selectOffsets } from './offsets.js';
import { revealRange } from './reveal.js';
import { spanByID } from './editor.js';
import { t } from './i18n.js';

/**
 * goToPlace opens the place the address names: the span of the layer
 * there, in editor, else the text of docEl there, selected for a label's
 * key. An address naming no place of the text is told to showError.
 */
export async function goToPlace(docEl, editor, showError) {
  const at = new URLSearchParams(location.search).get('at');
  if (!at) return;
  const m = /^(\d+)-(\d+)$/.exec(at);
  const start = m && Number(m[1]);
  const end = m && Number(m[2]);
  const span = m && [...document.querySelectorAll('.span-item')].find((b) => Number(b.dataset.start) === start && Number(b.dataset.end) === end);
  if (span) {
    editor.open(spanByID(Number(span.dataset.span)));
    await editor.showInText();
    return;
  }
  if (!m || end <= start || !selectOffsets(docEl, start, end)) {
    showError(t('The address names the place {0}, which is not one of this text (code points START-END within its length).', at));
    return;
  }
  await revealRange(window.getSelection().getRangeAt(0));
}
