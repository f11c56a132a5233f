// "Label every occurrence": the open span's label given to every other
// place its text stands as a whole word (the server finds them, and
// leaves alone those already labelled), as one step that Ctrl+Z undoes.

import { request } from './api.js';
import { keyName } from './keyname.js';

/**
 * createOccurrences wires the span editor's button and its key (A) to the
 * span ctx.selected() returns.
 */
export function createOccurrences(ctx) {
  const button = document.getElementById('label-occurrences');

  async function labelAll(span) {
    if (ctx.refuseReadOnly()) return;
    const res = await ctx.save('label the other occurrences', () =>
      request('POST', `/api/v1/documents/${ctx.docId}/spans/${span.id}/occurrences${ctx.layerQuery}`));
    const made = res.spans;
    if (made.length > 0) {
      ctx.record({ kind: 'batch', entries: made.map((s) => ({ kind: 'create',
        span: { id: s.id, start: s.start, end: s.end, label: s.label, text: s.text, attributes: s.attributes } })) });
    }
    ctx.showStatus(made.length === 0
      ? `No other unlabelled “${span.text}” in the text`
      : `Labelled ${made.length} more “${span.text}” as ${span.label}; Ctrl+Z takes them back`);
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
