// The annotation view: select text, press a label's key (or click it) to
// make a span; click a highlight to change or delete it; undo and redo.
// Every change is saved at once; a failed save is shown, never dropped.

import { selectionOffsets, selectOffsets } from './offsets.js';
import { request } from './api.js';
import { History } from './history.js';
import { createQuoteTools } from './quotes.js';
import { createSuggestions } from './suggest.js';
import { watchChips } from './chips.js';
import { createPatcher } from './redraw.js';
import { createOccurrences } from './occurrences.js';
import { createFind } from './find.js';
import { createKeyHelp } from './keyhelp.js';
import { createLabelSet } from './labelbar.js';
import { createStatusLine } from './status.js';
import { createSaves } from './saves.js';
import { watchBar } from './bar.js';
import { createDoneWarning } from './donewarning.js';
import { createLayerAPI } from './layer.js';
import { createEdits } from './edits.js';
import { createSteps } from './steps.js';
import { createEditor, spanByID } from './editor.js';
import { watchKeys } from './keys.js';
import { goToPlace } from './place.js';

// MAX_RANGES is how many changed places one redraw fetches on their own
// (the server's limit); past it, as after accepting many suggestions, the
// whole document is redrawn.
const MAX_RANGES = 200;

const root = document.getElementById('doc');
if (root) init(root);

function init(docEl) {
  const docId = docEl.dataset.doc;
  const layerQuery = docEl.dataset.layer ? `?layer=${encodeURIComponent(docEl.dataset.layer)}` : '';
  const el = (id) => document.getElementById(id);
  // A read-only layer's bar has no Undo, Redo, labels or Snap
  // (annotate.templ): there is nothing to change.
  const undoButton = el('undo');
  const redoButton = el('redo');
  const history = new History(() => {
    if (undoButton) undoButton.disabled = !history.canUndo();
    if (redoButton) redoButton.disabled = !history.canRedo();
  }, () => saves.idle());
  const statusLine = createStatusLine(docEl);
  const { showError, reported } = statusLine;
  const readOnly = docEl.dataset.readonly === 'true';
  // ctx is what the page's modules share; each reads it when it acts, so
  // parts made later (the layer's requests, the quotation tools, the
  // editor) are filled in below as they are made.
  const ctx = {
    docId, layerQuery, docEl, showError, reported, readOnly, refuseReadOnly,
    showStatus: statusLine.show,
    clearError: statusLine.clearError,
    record: (entry) => history.push(entry),
    selected: () => editor.selected(),
    redraw: (fetched) => redraw(fetched),
  };
  const saves = createSaves(ctx);
  ctx.save = saves.save;
  watchBar(el('annotate-bar'), document.querySelector('.side'));

  // patcher knows what the page shows of each span, so a redraw asks the
  // server only for what a change touched (redraw.js).
  const patcher = createPatcher(docEl, el('span-list'));
  const labelSet = createLabelSet(docEl);
  ctx.labelSet = labelSet;
  // Label chips are fitted to the text as laid out: as each paragraph
  // comes into view, after every redraw, when the font is in and whenever
  // the text's width changes (chips.js).
  const chips = watchChips(docEl, reported);

  const doneWarning = createDoneWarning();

  const api = createLayerAPI(docId, layerQuery);
  ctx.api = api;

  // redraw shows what the layer holds now; fetched is its answer, when
  // the caller has it. A changed label set redraws the whole view, its
  // colours being everywhere, and the label bar; the quotation tools
  // follow the layer's relation rules. redraw returns how the set and the
  // rules changed, in words (NO_CHANGE's fields empty when they did not).
  async function redraw(fetched) {
    const layer = fetched || await api.layer();
    const relabelled = labelSet.changed(layer.labels);
    const ranges = patcher.changedRanges(layer.spans);
    const partial = !relabelled && ranges.length <= MAX_RANGES;
    const only = partial ? `only=${ranges.join(',')}` : '';
    const warn = el('quote-warning') ? 'warn=quotes' : '';
    const query = [layerQuery.slice(1), only, warn].filter(Boolean).join('&');
    const html = await request('GET', `/documents/${docId}/view${query ? `?${query}` : ''}`);
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    // Keep a selection the annotator made while the save was under way.
    const kept = selectionOffsets(docEl);
    const part = (name) => parsed.querySelector(`[data-part="${name}"]`);
    const fitted = partial ? patcher.patch(part('doc'), part('spans'), layer.spans)
      : patcher.replace(part('doc'), part('spans'), layer.spans);
    el('quote-list').replaceChildren(...part('quotes').childNodes);
    const change = { labels: relabelled ? labelSet.redraw(part) : '', rules: quotes.setRules(layer.relation_types) };
    doneWarning.askBeforeDone();
    const layerStatus = part('status');
    el('layer-status').textContent = layerStatus.textContent;
    el('layer-status').dataset.status = layerStatus.dataset.status;
    // The list of quotations still lacking a speaker, when the page has it.
    if (part('warning')) el('warn-list').replaceChildren(...part('warning').childNodes);
    doneWarning.warningState();
    // A whole new text: its chips are drawn on the paragraphs on screen now,
    // the others' as they come into view.
    chips.fit(fitted);
    if (kept) selectOffsets(docEl, kept.start, kept.end);
    await Promise.all([quotes.refresh(layer), suggestions.refresh()]);
    const selected = editor.selected();
    if (selected) {
      const still = spanByID(selected.id);
      if (still) editor.open(still); else editor.close();
    }
    return change;
  }

  // refuseReadOnly tells an annotator trying to change a read-only layer
  // why it is (another's layer, or one marked done), then true.
  function refuseReadOnly() {
    if (readOnly) showError(docEl.dataset.readonlyReason || 'This layer is read only.');
    return readOnly;
  }

  ctx.closeEditor = () => editor.close();
  const { createFromSelection, relabel, removeSpan } = createEdits(ctx);
  Object.assign(ctx, { relabel, removeSpan });
  const apply = createSteps(ctx, history);

  const quotes = createQuoteTools(ctx);
  ctx.quotes = quotes;
  const suggestions = createSuggestions(ctx);
  const occurrences = createOccurrences(ctx);
  const find = createFind(ctx);
  const keyHelp = createKeyHelp(docEl);
  const editor = createEditor(ctx);

  const labelBar = el('label-bar');
  if (labelBar) {
    labelBar.addEventListener('click', (e) => {
      const b = e.target.closest('.label-btn');
      if (b) createFromSelection(b.dataset.label).catch(reported);
    });
  }

  const step = (direction) => history.step(direction, apply);
  if (undoButton) undoButton.addEventListener('click', () => step('undo').catch(reported));
  if (redoButton) redoButton.addEventListener('click', () => step('redo').catch(reported));

  watchKeys(ctx, { help: keyHelp, occurrences, find, editor, createFromSelection, step, after: saves.after });

  window.addEventListener('unhandledrejection', (e) => showError(`Unexpected error: ${e.reason}`));
  goToPlace(docEl, editor, showError).catch(reported);
}
