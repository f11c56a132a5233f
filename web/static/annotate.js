// The annotation view: select text, press a label's key (or click it) to
// make a span; click a highlight to change or delete it; undo and redo.
// Every change is saved at once; a failed save is shown, never dropped.

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
import { createEditor } from './editor.js';
import { watchKeys } from './keys.js';
import { goToPlace } from './place.js';
import { createRedraw } from './view.js';
import { rovingToolbar } from './roving.js';
import { t } from './i18n.js';

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
  // editor, redraw) are filled in below as they are made.
  const ctx = {
    docId, layerQuery, docEl, showError, reported, readOnly, refuseReadOnly,
    showStatus: statusLine.show,
    clearError: statusLine.clearError,
    record: (entry) => history.push(entry),
    selected: () => editor.selected(),
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

  // refuseReadOnly tells an annotator trying to change a read-only layer
  // why it is (another's layer, or one marked done), then true.
  function refuseReadOnly() {
    if (readOnly) showError(docEl.dataset.readonlyReason || t('This layer is read only.'));
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
  ctx.redraw = createRedraw(ctx, { patcher, chips, doneWarning, suggestions, editor });

  // The label bar and the editor's labels are each one Tab stop, arrows
  // moving along them (roving.js).
  const labelBar = el('label-bar');
  if (labelBar) {
    rovingToolbar(labelBar, '.label-btn');
    labelBar.addEventListener('click', (e) => {
      const b = e.target.closest('.label-btn');
      if (b) createFromSelection(b.dataset.label).catch(reported);
    });
  }
  rovingToolbar(el('editor-labels'), '.relabel');

  const step = (direction) => history.step(direction, apply);
  if (undoButton) undoButton.addEventListener('click', () => step('undo').catch(reported));
  if (redoButton) redoButton.addEventListener('click', () => step('redo').catch(reported));

  watchKeys(ctx, { help: keyHelp, occurrences, find, editor, createFromSelection, step, after: saves.after });

  window.addEventListener('unhandledrejection', (e) => showError(t('Unexpected error: {0}', e.reason)));
  goToPlace(docEl, editor, showError).catch(reported);
  // The frame after this one has drawn the text with its chips (chips.js
  // fits them as it is laid out) and the page answers keys: marked, for a
  // profiler and the browser benchmark to time the opening against.
  requestAnimationFrame(() => setTimeout(() => performance.mark('annotate-drawn')));
  readLayerWhenIdle(api);
}

// readLayerWhenIdle reads the layer once the page is idle after opening,
// while the annotator reads, so the first save and the first span editor
// find it held (api.js) rather than read it whole then: on a long
// document that read was most of the first label's time. Nobody asked
// for this read, so its failure is not shown as an action's would be
// (a session ended over the weekend would greet the annotator with an
// error before they did anything): it is written to the console, and
// the first action that needs the layer reads it again and shows what
// goes wrong then, with what to do about it.
function readLayerWhenIdle(api) {
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 500));
  idle(() => {
    api.layer().then(() => performance.mark('annotate-layer-held'),
      (err) => console.warn('reading the layer ahead failed; the next action reads it again:', err.message));
  }, { timeout: 3000 });
}
