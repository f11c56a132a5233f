// Redrawing the annotation view from the server after every change, so
// the page always shows what is stored.

import { request } from './api.js';
import { selectionOffsets, selectOffsets } from './offsets.js';
import { spanByID } from './editor.js';

// MAX_RANGES is how many changed places one redraw fetches on their own
// (the server's limit); past it, as after accepting many suggestions, the
// whole document is redrawn.
const MAX_RANGES = 200;

/**
 * createRedraw returns redraw(fetched) for the page. ctx holds the page's
 * docId, layerQuery, docEl, api, labelSet and quotes; parts are its
 * patcher (redraw.js), chips, doneWarning, suggestions and editor.
 */
export function createRedraw(ctx, parts) {
  const { docEl, labelSet } = ctx;
  const { patcher, editor } = parts;
  const el = (id) => document.getElementById(id);

  // redraw shows what the layer holds now; fetched is its answer, when
  // the caller has it. A changed label set redraws the whole view, its
  // colours being everywhere, and the label bar; the quotation tools
  // follow the layer's relation rules. redraw returns how the set and the
  // rules changed, in words (NO_CHANGE's fields empty when they did not).
  return async function redraw(fetched) {
    const layer = fetched || await ctx.api.layer();
    const relabelled = labelSet.changed(layer.labels);
    const ranges = patcher.changedRanges(layer.spans);
    const partial = !relabelled && ranges.length <= MAX_RANGES;
    const only = partial ? `only=${ranges.join(',')}` : '';
    const warn = el('quote-warning') ? 'warn=quotes' : '';
    const query = [ctx.layerQuery.slice(1), only, warn].filter(Boolean).join('&');
    const html = await request('GET', `/documents/${ctx.docId}/view${query ? `?${query}` : ''}`);
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    // Keep a selection the annotator made while the save was under way.
    const kept = selectionOffsets(docEl);
    const part = (name) => parsed.querySelector(`[data-part="${name}"]`);
    const fitted = partial ? patcher.patch(part('doc'), part('spans'), layer.spans)
      : patcher.replace(part('doc'), part('spans'), layer.spans);
    el('quote-list').replaceChildren(...part('quotes').childNodes);
    const change = { labels: relabelled ? labelSet.redraw(part) : '', rules: ctx.quotes.setRules(layer.relation_types) };
    parts.doneWarning.askBeforeDone();
    const layerStatus = part('status');
    el('layer-status').textContent = layerStatus.textContent;
    el('layer-status').dataset.status = layerStatus.dataset.status;
    // The list of quotations still lacking a speaker, when the page has it.
    if (part('warning')) el('warn-list').replaceChildren(...part('warning').childNodes);
    parts.doneWarning.warningState();
    // A whole new text: its chips are drawn on the paragraphs on screen now,
    // the others' as they come into view. After every save, after the
    // Quotations panel: the chips read who said each quotation from it.
    parts.chips.fit(fitted);
    if (kept) selectOffsets(docEl, kept.start, kept.end);
    await Promise.all([ctx.quotes.refresh(layer), parts.suggestions.refresh()]);
    const selected = editor.selected();
    if (selected) {
      const still = spanByID(selected.id);
      if (still) editor.open(still); else editor.close();
    }
    return change;
  };
}
