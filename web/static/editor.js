// The span editor: a span opened from its highlight, from a list beside
// the text or by ] and [, with its label buttons, Delete and Close. On a
// narrow screen it is a sheet over the foot of the screen (app.css).

import { revealRange } from './reveal.js';
import { caretOffset, placeCaret } from './caret.js';
import { t } from './i18n.js';
import { isolate } from './words.js';

/**
 * createEditor wires the editor for the page's text ctx.docEl. ctx holds
 * the page's quotes, relabel, removeSpan, showError, showStatus and
 * reported. It returns open(span), close(), showInText(), step(forward)
 * and selected(), the span open (null when none).
 */
export function createEditor(ctx) {
  const { docEl } = ctx;
  const el = (id) => document.getElementById(id);
  const editor = el('span-editor');
  const side = document.querySelector('.side');
  let selected = null; // the span open in the editor

  // openEditor opens span in the editor; the promise settles once a
  // quotation's tools are drawn.
  function openEditor(span) {
    const shown = ctx.quotes.show(span).catch((err) => ctx.showError(t('Could not load the quotation\'s links: {0}', isolate(err.message))));
    selected = span;
    editor.hidden = false;
    el('editor-title').textContent = t('{0} span', isolate(span.label));
    el('editor-text').textContent = span.text;
    for (const b of editor.querySelectorAll('.relabel')) b.setAttribute('aria-pressed', String(b.dataset.label === span.label));
    // Only the runs of the span and those of the one open before change:
    // a book has tens of thousands of runs.
    const runs = new Set(docEl.querySelectorAll(`.seg[data-spans~="${span.id}"]`));
    for (const seg of docEl.querySelectorAll('.seg.selected')) if (!runs.has(seg)) seg.classList.remove('selected');
    for (const seg of runs) seg.classList.add('selected');
    // A quotation's tools, drawn a moment later, make the sheet taller.
    keepInView().then(() => shown).then(keepInView).catch(ctx.reported);
    return shown;
  }

  // spanRange is the stretch of the text the open span covers, from its
  // first highlight to its last; null when none is drawn.
  function spanRange() {
    const segs = docEl.querySelectorAll('.seg.selected');
    if (segs.length === 0) return null;
    const range = document.createRange();
    range.setStartBefore(segs[0]);
    range.setEndAfter(segs[segs.length - 1]);
    return range;
  }

  // On a narrow screen the editor is a sheet over the bottom of the
  // screen (app.css): the span being edited is scrolled between the
  // sticky label bar and the sheet, as revealRange measures them.
  function keepInView() {
    if (getComputedStyle(editor).position !== 'fixed') return Promise.resolve();
    const range = spanRange();
    return range ? revealRange(range) : Promise.resolve();
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
  // was picked from a list beside the text or by ] and [: on a narrow
  // screen keepInView has done so already, above the editor's sheet.
  async function showInText() {
    if (getComputedStyle(editor).position === 'fixed') return undefined;
    const range = spanRange();
    if (!range) return undefined;
    await revealRange(range);
    return liftSide(range);
  }

  // liftSide: near the end of the text the side panel, sticky within the
  // text's height, is pushed up with it, the editor's head under the bar.
  // The page scrolls back as far as that takes, if the span stays on
  // screen, measured again each frame until the layout (paragraphs laid
  // out as they come near the screen) has stopped moving.
  async function liftSide(range) {
    const stuckAt = parseFloat(getComputedStyle(side).top) || 0;
    for (let tries = 0, still = 0; tries < 20 && still < 3; tries++) {
      const pushed = Math.round(stuckAt - side.getBoundingClientRect().top);
      const room = window.innerHeight - range.getBoundingClientRect().bottom;
      const by = Math.min(pushed, Math.floor(room));
      if (by > 0) window.scrollBy(0, -by);
      still = by > 0 ? 0 : still + 1;
      await new Promise((done) => requestAnimationFrame(done));
    }
  }

  function closeEditor() {
    // Focus in the editor would fall to the page as it hides, and the next
    // Tab would start from the top: it goes back to the text instead.
    const lost = editor.contains(document.activeElement) || document.activeElement === document.body;
    ctx.quotes.show(null).catch(ctx.reported);
    selected = null;
    editor.hidden = true;
    for (const seg of docEl.querySelectorAll('.seg.selected')) seg.classList.remove('selected');
    if (lost) docEl.focus({ preventScroll: true });
  }

  // Text selected in the text (by Find, a drag, Shift+Arrow) is what a
  // label's key acts on next (keys.js), so the editor of the span open
  // before closes, as Escape closes it, the focus left where it is: the
  // screen shows no span a key would not touch.
  document.addEventListener('selectionchange', () => {
    if (!selected) return;
    const sel = window.getSelection();
    if (sel.rangeCount === 0 || sel.isCollapsed || !docEl.contains(sel.anchorNode)) return;
    closeEditor();
    ctx.showStatus('');
  });

  // ] and [ open the span after or before the open one, in text order,
  // wrapping round, so a layer can be walked through by keyboard; with
  // none open, the first after or before the caret. The caret goes to the
  // end of the span opened, where Shift+Arrow would go on from.
  function stepSpan(forward) {
    const spans = listedSpans();
    if (spans.length === 0) {
      ctx.showStatus(t('No spans in this layer yet.'));
      return;
    }
    const to = stepFrom(spans, forward);
    const span = spanByID(spans[to].id);
    openEditor(span);
    placeCaret(docEl, span.end);
    showInText().catch(ctx.reported);
    ctx.showStatus(t('Span {0} of {1}', to + 1, spans.length));
  }

  // stepFrom is the index in spans of the span ] (forward) or [ opens.
  function stepFrom(spans, forward) {
    const n = spans.length;
    const at = selected ? spans.findIndex((sp) => sp.id === selected.id) : -1;
    if (at >= 0) return (at + (forward ? 1 : n - 1)) % n;
    const cp = caretOffset(docEl);
    if (cp === null) return forward ? 0 : n - 1;
    if (forward) {
      const next = spans.findIndex((sp) => sp.start >= cp);
      return next < 0 ? 0 : next;
    }
    const before = spans.findLastIndex((sp) => sp.end <= cp);
    return before < 0 ? n - 1 : before;
  }

  // A click on a highlight opens its innermost span; clicking again on the
  // same place steps outwards to the enclosing spans.
  docEl.addEventListener('click', (e) => {
    const seg = e.target.closest('.seg');
    if (!seg || !window.getSelection().isCollapsed) return;
    if (ctx.quotes.pick(seg.dataset.spans.split(' ').map(Number))) return;
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
    showInText().catch(ctx.reported);
    // A quotation's tools are drawn a moment later, making the editor taller.
    shown.then(() => keepInList(b)).catch(ctx.reported);
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
      showInText().catch(ctx.reported);
      shown.then(() => keepInList(b)).catch(ctx.reported);
      return;
    }
    shown.then(() => {
      const tick = el('q-not-in-text');
      if (el('quote-tools').hidden) return;
      el('quote-tools').scrollIntoView({ block: 'nearest' });
      tick.focus({ preventScroll: true });
    }).catch(ctx.reported);
  });

  editor.addEventListener('click', (e) => {
    const b = e.target.closest('.relabel');
    if (b && selected) ctx.relabel(selected, b.dataset.label).catch(ctx.reported);
  });
  el('delete-span').addEventListener('click', () => {
    if (selected) ctx.removeSpan(selected).catch(ctx.reported);
  });
  // Close, as Escape does: on a narrow screen the editor is a sheet over
  // the text, and not everyone closes it from the keyboard.
  el('editor-close').addEventListener('click', closeEditor);

  return {
    open: openEditor,
    close: closeEditor,
    showInText,
    step: stepSpan,
    selected: () => selected,
  };
}

// listedSpans are the layer's spans as the list beside the text shows
// them, in text order (an enclosing span before those inside it).
export function listedSpans() {
  return [...document.querySelectorAll('#span-list .span-item')]
    .map((b) => ({ id: Number(b.dataset.span), start: Number(b.dataset.start), end: Number(b.dataset.end), label: b.dataset.label }))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
}

// spanByID is the span the list beside the text shows under id, null when
// it shows none.
export function spanByID(id) {
  const b = document.querySelector(`.span-item[data-span="${id}"]`);
  if (!b) return null;
  return { id, start: Number(b.dataset.start), end: Number(b.dataset.end), label: b.dataset.label,
    text: b.querySelector('.text').textContent };
}
