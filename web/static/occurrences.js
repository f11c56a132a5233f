// "Label every occurrence": the open span's label given to every other
// place its text stands as a whole word (the server finds them, and
// leaves alone those already labelled), as one step that Ctrl+Z undoes.

import { request } from './api.js';
import { t, tn } from './i18n.js';
import { keyName } from './keyname.js';
import { isolate } from './words.js';

/**
 * createOccurrences wires the span editor's button and its key (A) to the
 * span ctx.selected() returns.
 */
export function createOccurrences(ctx) {
  const button = document.getElementById('label-occurrences');

  async function labelAll(span) {
    if (ctx.refuseReadOnly()) return;
    const res = await ctx.save(t('label the other occurrences'), () =>
      request('POST', `/api/v1/documents/${ctx.docId}/spans/${span.id}/occurrences${ctx.layerQuery}`));
    const made = res.spans;
    if (made.length > 0) {
      ctx.record({ kind: 'batch', entries: made.map((s) => ({ kind: 'create',
        span: { id: s.id, start: s.start, end: s.end, label: s.label, text: s.text, attributes: s.attributes } })) });
    }
    ctx.showStatus(made.length === 0
      ? t('No other unlabelled “{0}” in the text', span.text)
      : tn(made.length, 'Labelled {0} more “{1}” as {2}; Ctrl+Z takes them back', 'Labelled {0} more “{1}” as {2}; Ctrl+Z takes them back', span.text, isolate(span.label)));
  }

  const run = () => {
    const span = ctx.selected();
    if (span) labelAll(span).catch(ctx.reported);
  };
  button.addEventListener('click', run);

  return {
    /** Key A, with a span open. True when consumed. */
    key(e) {
      if (keyName(e) !== 'a' || !ctx.selected()) return false;
      run();
      return true;
    },
  };
}
