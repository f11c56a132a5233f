// The annotation view: select text, press a label's key (or click it) to
// make a span; click a highlight to change or delete it; undo and redo.
// Every change is saved at once; a failed save is shown, never dropped.

import { selectionOffsets, selectOffsets } from './offsets.js';
import { request } from './api.js';
import { History, stepGives } from './history.js';
import { createQuoteTools } from './quotes.js';
import { createSuggestions } from './suggest.js';
import { watchChips } from './chips.js';
import { createPatcher } from './redraw.js';
import { createOccurrences } from './occurrences.js';
import { createFind } from './find.js';
import { revealRange } from './reveal.js';
import { createKeyHelp } from './keyhelp.js';
import { createLabelSet } from './labelbar.js';
import { createStatusLine } from './status.js';
import { createSaves } from './saves.js';
import { watchBar } from './bar.js';
import { createDoneWarning } from './donewarning.js';
import { createLayerAPI } from './layer.js';
import { NO_CHANGE, noticeOf } from './refusal.js';

// MAX_RANGES is how many changed places one redraw fetches on their own
// (the server's limit); past it, as after accepting many suggestions, the
// whole document is redrawn.
const MAX_RANGES = 200;

// QUOTE_ATTRIBUTES are the attributes only a quotation has; the server
// drops them when a QUOTE is given another label.
const QUOTE_ATTRIBUTES = ['type', 'speaker_in_text'];

const root = document.getElementById('doc');
if (root) init(root);

// clip shortens a span's text quoted in the save status to its first 60
// characters: the status keeps to one line, and a quotation cut by the
// line's end would show its end, not its start, inside English words.
function clip(text) {
  const cps = [...text];
  return cps.length > 60 ? `${cps.slice(0, 60).join('')}…` : text;
}

// typing is true while keys go into a field (text, a list to choose
// from): there they are the field's. A checkbox or a radio button takes
// no letters, so Escape, Ctrl+Z and a label's key work from them too.
function typing(target) {
  if (target.closest('textarea, select, [contenteditable]')) return true;
  return target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'range'].includes(target.type);
}

function init(docEl) {
  const docId = docEl.dataset.doc;
  const layerQuery = docEl.dataset.layer ? `?layer=${encodeURIComponent(docEl.dataset.layer)}` : '';
  const el = (id) => document.getElementById(id);
  const editor = el('span-editor');
  // A read-only layer's bar has no Undo, Redo, labels or Snap
  // (annotate.templ): there is nothing to change.
  const undoButton = el('undo');
  const redoButton = el('redo');
  const history = new History(() => {
    if (undoButton) undoButton.disabled = !history.canUndo();
    if (redoButton) redoButton.disabled = !history.canRedo();
  }, () => saves.idle());
  let selected = null; // the span open in the editor
  const statusLine = createStatusLine(docEl);
  const { showError, reported } = statusLine;
  const readOnly = docEl.dataset.readonly === 'true';
  // ctx is what the page's modules share; each reads it when it acts, so
  // parts made later (redraw, the quotation tools) are filled in below.
  const ctx = {
    docId, layerQuery, docEl, showError, reported, readOnly, refuseReadOnly,
    showStatus: statusLine.show,
    clearError: statusLine.clearError,
    record: (entry) => history.push(entry),
    selected: () => selected,
    redraw: (fetched) => redraw(fetched),
  };
  const saves = createSaves(ctx);
  const { save } = saves;
  ctx.save = save;

  const side = document.querySelector('.side');
  watchBar(el('annotate-bar'), side);

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
    if (selected) {
      const still = spanByID(selected.id);
      if (still) openEditor(still); else closeEditor();
    }
    return change;
  }

  function spanByID(id) {
    const b = document.querySelector(`.span-item[data-span="${id}"]`);
    if (!b) return null;
    return { id, start: Number(b.dataset.start), end: Number(b.dataset.end), label: b.dataset.label,
      text: b.querySelector('.text').textContent };
  }

  const api = createLayerAPI(docId, layerQuery);
  ctx.api = api;

  // refuseReadOnly tells an annotator trying to change a read-only layer
  // why it is (another's layer, or one marked done), then true.
  function refuseReadOnly() {
    if (readOnly) showError(docEl.dataset.readonlyReason || 'This layer is read only.');
    return readOnly;
  }

  // "Snap to whole words" is the annotator's choice, kept in this browser
  // from one document to the next.
  const snapBox = el('snap-words');
  const snapKey = 'hashiya.snap-words';
  if (snapBox) {
    try {
      const kept = window.localStorage.getItem(snapKey);
      if (kept !== null) snapBox.checked = kept === 'true';
      snapBox.addEventListener('change', () => window.localStorage.setItem(snapKey, String(snapBox.checked)));
    } catch (err) {
      // Storage refused (a private window, a policy): the box works for this page only.
      statusLine.show(`Snap setting not kept: ${err.message}`);
    }
  }

  async function createFromSelection(label) {
    if (refuseReadOnly()) return;
    const range = selectionOffsets(docEl);
    if (!range) {
      showError('Select some text in the document first, then choose a label.');
      return;
    }
    const snap = snapBox.checked ? 'word' : 'grapheme';
    window.getSelection().removeAllRanges();
    let span;
    try {
      span = await save('save the span', () => api.create({ ...range, label }, snap), { labels: [label] });
    } catch (err) {
      selectOffsets(docEl, range.start, range.end); // give the selection back to try again
      throw err;
    }
    history.push({ kind: 'create', span });
    statusLine.show(`Saved ${label} “${clip(span.text)}”`);
  }

  // relabel changes a span's label. A quotation's own attributes (its
  // type, "speaker not in the text") go when it stops being a QUOTE, as
  // the server drops them; the history keeps them, so undo brings them
  // back with the label.
  async function relabel(span, label) {
    if (span.label === label || refuseReadOnly()) return;
    let restore = null;
    const updated = await save('change the label', async () => {
      const stored = (await api.layer()).spans.find((s) => s.id === span.id);
      const attrs = (stored && stored.attributes) || {};
      const kept = QUOTE_ATTRIBUTES.filter((k) => k in attrs);
      if (kept.length > 0) restore = Object.fromEntries(kept.map((k) => [k, attrs[k]]));
      return api.relabel(span, label);
    }, { labels: [label] });
    history.push({ kind: 'relabel', span: updated, from: span.label, to: label, restore });
    statusLine.show(`Saved: ${span.label} “${clip(span.text)}” is now ${label}`);
  }

  // removeSpan deletes a span; the store deletes its relations with it, so
  // the history keeps them (and the span's attributes) to undo both.
  async function removeSpan(span) {
    if (refuseReadOnly()) return;
    let entry;
    await save('delete the span', async () => {
      const layer = await api.layer();
      const stored = layer.spans.find((s) => s.id === span.id) || span;
      entry = { kind: 'delete', span: { ...span, attributes: stored.attributes },
        relations: layer.relations.filter((r) => r.from === span.id || r.to === span.id).map((r) => ({ ...r })) };
      await api.remove(span);
    });
    history.push(entry);
    closeEditor();
    statusLine.show(`Deleted ${span.label} “${clip(span.text)}”`);
  }

  async function recreate(span) {
    const fresh = await api.create(span, 'grapheme');
    history.remap(span.id, fresh.id);
  }

  // relate re-creates a relation; it comes back under a new id, which
  // every history entry naming the old one must follow.
  async function relate(r) {
    const oldId = r.id;
    r.id = (await api.relate(r)).id;
    if (oldId !== undefined) history.remapRelation(oldId, r.id);
  }

  // run redoes (or undoes) one history entry against the server.
  async function run(entry, direction) {
    const undo = direction === 'undo';
    switch (entry.kind) {
      case 'create': return undo ? api.remove(entry.span) : recreate(entry.span);
      case 'delete':
        if (!undo) return api.remove(entry.span);
        await recreate(entry.span);
        for (const r of entry.relations) await relate(r);
        return undefined;
      case 'relabel': return undo ? api.relabel(entry.span, entry.from, entry.restore) : api.relabel(entry.span, entry.to);
      case 'attributes': return api.attributes(entry.span, undo ? entry.before : entry.after);
      case 'relate': return undo ? api.unrelate(entry.relation) : relate(entry.relation);
      case 'unrelate': return undo ? relate(entry.relation) : api.unrelate(entry.relation);
      case 'batch':
        if (undo && entry.entries.every((e) => e.kind === 'create' || e.kind === 'relate')) return undoCreated(entry.entries);
        for (const e of undo ? [...entry.entries].reverse() : entry.entries) await run(e, direction);
        return undefined;
      default: throw new Error(`unknown history entry ${entry.kind}`);
    }
  }

  // undoCreated takes back what one step created (an accept of many
  // suggestions): links between spans that stay go one by one, then every
  // span it made goes in one request, with the links that reach them.
  async function undoCreated(entries) {
    const created = new Set(entries.filter((e) => e.kind === 'create').map((e) => e.span.id));
    for (const e of [...entries].reverse()) {
      if (e.kind === 'relate' && !created.has(e.relation.from) && !created.has(e.relation.to)) await api.unrelate(e.relation);
    }
    if (created.size > 0) await api.removeMany([...created]);
  }

  const apply = async (entry, direction) => {
    await save(direction, () => run(entry, direction), stepGives(entry, direction));
    statusLine.show(direction === 'undo' ? 'Undone and saved' : 'Redone and saved');
  };

  const quotes = createQuoteTools(ctx);
  ctx.quotes = quotes;
  const suggestions = createSuggestions(ctx);
  const occurrences = createOccurrences(ctx);
  const find = createFind(ctx);
  const keyHelp = createKeyHelp(docEl);


  // openEditor opens span in the editor; the promise settles once a
  // quotation's tools are drawn.
  function openEditor(span) {
    const shown = quotes.show(span).catch((err) => showError(`Could not load the quotation's links: ${err.message}`));
    selected = span;
    editor.hidden = false;
    el('editor-title').textContent = `${span.label} span`;
    el('editor-text').textContent = span.text;
    for (const b of editor.querySelectorAll('.relabel')) b.setAttribute('aria-pressed', String(b.dataset.label === span.label));
    for (const seg of docEl.querySelectorAll('.seg')) {
      seg.classList.toggle('selected', seg.dataset.spans.split(' ').includes(String(span.id)));
    }
    keepInView();
    return shown;
  }

  // On a narrow screen the editor is a sheet over the bottom of the
  // screen (app.css); scroll so the span being edited stays above it.
  function keepInView() {
    if (getComputedStyle(editor).position !== 'fixed') return;
    const seg = docEl.querySelector('.seg.selected');
    if (!seg) return;
    const r = seg.getBoundingClientRect();
    const sheetTop = editor.getBoundingClientRect().top;
    if (r.top < 0 || r.bottom > sheetTop - 8) window.scrollBy(0, r.top - sheetTop / 3);
  }

  // Beside the text the editor stays at the top of the side panel as the
  // panel scrolls (app.css), so it opens in sight wherever the panel was
  // scrolled to; the entry picked in a list below it is kept in view too,
  // clear of the editor, so the place in the list is not lost.
  function keepInList(entry) {
    if (getComputedStyle(editor).position !== 'sticky') {
      entry.scrollIntoView({ block: 'nearest' });
      return;
    }
    const r = entry.getBoundingClientRect();
    const sideBox = side.getBoundingClientRect();
    const top = editor.getBoundingClientRect().bottom + 8;
    const bottom = Math.min(sideBox.bottom, window.innerHeight) - 8;
    if (r.top < top) side.scrollTop -= top - r.top;
    else if (r.bottom > bottom) side.scrollTop += Math.min(r.bottom - bottom, r.top - top);
  }

  // showInText scrolls the text to the span open in the editor, when it
  // was picked from a list beside the text: on a narrow screen keepInView
  // has done so already, above the editor's sheet.
  function showInText() {
    if (getComputedStyle(editor).position === 'fixed') return Promise.resolve();
    const seg = docEl.querySelector('.seg.selected');
    if (!seg) return Promise.resolve();
    const range = document.createRange();
    range.selectNodeContents(seg);
    return revealRange(range).then(() => {
      // Near the end of the text the side panel, sticky within the text's
      // height, is pushed up with it, the editor's head under the bar:
      // scroll back as far as that takes, if the span stays on screen.
      const bar = el('annotate-bar');
      const clear = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom + 8 : 0;
      const under = clear - editor.getBoundingClientRect().top;
      if (under > 0 && seg.getBoundingClientRect().bottom + under <= window.innerHeight) window.scrollBy(0, -under);
    });
  }

  function closeEditor() {
    // Focus in the editor would fall to the page as it hides, and the next
    // Tab would start from the top: it goes back to the text instead.
    const lost = editor.contains(document.activeElement) || document.activeElement === document.body;
    quotes.show(null).catch(reported);
    selected = null;
    editor.hidden = true;
    for (const seg of docEl.querySelectorAll('.seg.selected')) seg.classList.remove('selected');
    if (lost) docEl.focus({ preventScroll: true });
  }

  // ] and [ open the span after or before the open one, in text order,
  // wrapping round, so a layer can be walked through by keyboard.
  function stepSpan(forward) {
    const spans = [...document.querySelectorAll('#span-list .span-item')]
      .map((b) => ({ id: Number(b.dataset.span), start: Number(b.dataset.start), end: Number(b.dataset.end) }))
      .sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
    if (spans.length === 0) {
      statusLine.show('No spans in this layer yet.');
      return;
    }
    const at = selected ? spans.findIndex((sp) => sp.id === selected.id) : -1;
    const to = at < 0 ? (forward ? 0 : spans.length - 1) : (at + (forward ? 1 : spans.length - 1)) % spans.length;
    window.getSelection().removeAllRanges();
    // Into view first: on a narrow screen opening the editor then makes
    // room for it above its sheet (keepInView), which centring would undo.
    const first = docEl.querySelector(`.seg[data-spans~="${spans[to].id}"]`);
    if (first) first.scrollIntoView({ block: 'center' });
    openEditor(spanByID(spans[to].id));
    statusLine.show(`Span ${to + 1} of ${spans.length}`);
  }

  // A click on a highlight opens its innermost span; clicking again on the
  // same place steps outwards to the enclosing spans.
  docEl.addEventListener('click', (e) => {
    const seg = e.target.closest('.seg');
    if (!seg || !window.getSelection().isCollapsed) return;
    if (quotes.pick(seg.dataset.spans.split(' ').map(Number))) return;
    const ids = seg.dataset.spans.split(' ').map(Number).reverse();
    const at = selected ? ids.indexOf(selected.id) : -1;
    const span = spanByID(ids[(at + 1) % ids.length]);
    if (span) openEditor(span);
  });

  // A span opened from a list drops any text selection, so its label keys
  // relabel it rather than make a new span of the selected text.
  el('span-list').addEventListener('click', (e) => {
    const b = e.target.closest('.span-item');
    if (!b) return;
    window.getSelection().removeAllRanges();
    const shown = openEditor(spanByID(Number(b.dataset.span)));
    keepInList(b);
    showInText().catch(reported);
    // A quotation's tools are drawn a moment later, making the editor taller.
    shown.then(() => keepInList(b)).catch(reported);
  });
  // A quotation in the side panel or the done warning opens its first
  // segment. From the warning, focus goes on to what the warning asks
  // for, "Speaker not in the text" (Pick speaker just above it), brought
  // into view at the foot of the side panel.
  document.addEventListener('click', (e) => {
    const b = e.target.closest('.quote-item');
    const span = b && spanByID(Number(b.dataset.span));
    if (!span) return;
    window.getSelection().removeAllRanges();
    const shown = openEditor(span);
    if (!b.closest('#warn-list')) {
      keepInList(b);
      showInText().catch(reported);
      shown.then(() => keepInList(b)).catch(reported);
      return;
    }
    shown.then(() => {
      const tick = el('q-not-in-text');
      if (el('quote-tools').hidden) return;
      el('quote-tools').scrollIntoView({ block: 'nearest' });
      tick.focus({ preventScroll: true });
    }).catch(reported);
  });

  const labelBar = el('label-bar');
  if (labelBar) {
    labelBar.addEventListener('click', (e) => {
      const b = e.target.closest('.label-btn');
      if (b) createFromSelection(b.dataset.label).catch(reported);
    });
  }

  editor.addEventListener('click', (e) => {
    const b = e.target.closest('.relabel');
    if (b && selected) relabel(selected, b.dataset.label).catch(reported);
  });
  el('delete-span').addEventListener('click', () => {
    if (selected) removeSpan(selected).catch(reported);
  });
  // Close, as Escape does: on a narrow screen the editor is a sheet over
  // the text, and not everyone closes it from the keyboard.
  el('editor-close').addEventListener('click', closeEditor);
  if (undoButton) undoButton.addEventListener('click', () => history.step('undo', apply).catch(reported));
  if (redoButton) redoButton.addEventListener('click', () => history.step('redo', apply).catch(reported));

  // Keyboard selection: the text is not editable, so arrows move a caret
  // we place ourselves; Shift extends, Ctrl moves by words.
  docEl.addEventListener('focus', () => {
    const sel = window.getSelection();
    if (sel.rangeCount > 0 && docEl.contains(sel.anchorNode)) return;
    const first = docEl.querySelector('span[data-start]');
    if (first && first.firstChild) sel.collapse(first.firstChild, 0);
  });
  docEl.addEventListener('keydown', (e) => {
    const moves = { ArrowLeft: 'left', ArrowRight: 'right', Home: 'backward', End: 'forward' };
    if (!(e.key in moves) || e.altKey || e.metaKey) return;
    const sel = window.getSelection();
    const unit = e.key === 'Home' || e.key === 'End' ? 'lineboundary' : e.ctrlKey ? 'word' : 'character';
    sel.modify(e.shiftKey ? 'extend' : 'move', moves[e.key], unit);
    e.preventDefault();
  });

  document.addEventListener('keydown', (e) => {
    if (typing(e.target)) return;
    if (keyHelp.key(e)) {
      e.preventDefault();
      return;
    }
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && (key === 'z' || key === 'y')) {
      const direction = key === 'y' || e.shiftKey ? 'redo' : 'undo';
      history.step(direction, apply).catch(reported);
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // Every layer knows the keys: on a read-only one, with no label bar,
    // a label's key still says why nothing happens.
    const label = labelSet.labelFor(e);
    if (!label && (quotes.key(e) || occurrences.key(e) || find.key(e))) {
      e.preventDefault();
      return;
    }
    if (label) {
      labelKey(label);
      e.preventDefault();
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && selected) {
      removeSpan(selected).catch(reported);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      window.getSelection().removeAllRanges();
      closeEditor();
    } else if (e.key === ']' || e.key === '[') {
      stepSpan(e.key === ']');
      e.preventDefault();
    } else if ([...e.key].length === 1 && e.key !== ' ') {
      unknownKey(e).catch(reported);
    }
  });

  // labelKey gives label to the selected text, or to the span open in
  // the editor when no text is selected.
  function labelKey(label) {
    const hasSelection = selectionOffsets(docEl) !== null;
    if (!hasSelection && selected) relabel(selected, label).catch(reported);
    else createFromSelection(label).catch(reported);
  }

  // unknownKey answers a key that gives no label on this page. The key of
  // a label a manager removed says so. Any other, pressed with text
  // selected or a span open, may be the key of a label added since the
  // page last heard: it asks the server for the set (after any save under
  // way), redraws with it when it changed, saying so, and uses the key.
  async function unknownKey(e) {
    const gone = labelSet.goneFor(e);
    if (gone) {
      showError(`Key ${e.key} gave ${gone}, which is no longer one of the project's labels (the label bar shows them); nothing was changed.`);
      return;
    }
    if (readOnly || (!selected && selectionOffsets(docEl) === null)) return;
    const notice = noticeOf(await saves.after(async () => {
      const layer = await api.layer();
      return labelSet.changed(layer.labels) ? redraw(layer) : NO_CHANGE;
    }));
    if (!notice) return;
    showError(notice, 'notice');
    const label = labelSet.labelFor(e);
    if (label) labelKey(label);
  }

  window.addEventListener('unhandledrejection', (e) => showError(`Unexpected error: ${e.reason}`));
  goToPlace().catch(reported);

  // goToPlace opens the place the address names (?at=START-END, code
  // points; the review's rows link so to gold): the span of the layer
  // there, in the editor, else the text there, selected for a label's key.
  async function goToPlace() {
    const at = new URLSearchParams(location.search).get('at');
    if (!at) return;
    const m = /^(\d+)-(\d+)$/.exec(at);
    const start = m && Number(m[1]);
    const end = m && Number(m[2]);
    const span = m && [...document.querySelectorAll('.span-item')].find((b) => Number(b.dataset.start) === start && Number(b.dataset.end) === end);
    if (span) {
      openEditor(spanByID(Number(span.dataset.span)));
      await showInText();
      return;
    }
    if (!m || end <= start || !selectOffsets(docEl, start, end)) {
      showError(`The address names the place ${at}, which is not one of this text (code points START-END within its length).`);
      return;
    }
    await revealRange(window.getSelection().getRangeAt(0));
  }
}
