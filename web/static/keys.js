// The annotation view's keys: arrows move a caret in the text; a label's
// key labels the selection or the open span; Ctrl+Z and Ctrl+Y undo and
// redo; Delete, Escape, ] and [ act on the span editor; the quotation
// tools, "label every occurrence", find and the list of keys take theirs.

import { selectionOffsets } from './offsets.js';
import { NO_CHANGE, noticeOf } from './refusal.js';

// typing is true while keys go into a field (text, a list to choose
// from): there they are the field's. A checkbox or a radio button takes
// no letters, so Escape, Ctrl+Z and a label's key work from them too.
function typing(target) {
  if (target.closest('textarea, select, [contenteditable]')) return true;
  return target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'range'].includes(target.type);
}

/**
 * watchKeys listens to the keys of the page. ctx holds the page's docEl,
 * labelSet, quotes, api, redraw, relabel, removeSpan, readOnly,
 * showError and reported; parts are the page's help, occurrences, find
 * and editor, createFromSelection(label), step(direction), which undoes
 * or redoes, and after(fn), which runs fn once the saves under way end.
 */
export function watchKeys(ctx, parts) {
  const { docEl, labelSet, reported } = ctx;
  const { editor } = parts;
  watchCaret(docEl);

  document.addEventListener('keydown', (e) => {
    if (typing(e.target)) return;
    if (parts.help.key(e)) {
      e.preventDefault();
      return;
    }
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && (key === 'z' || key === 'y')) {
      const direction = key === 'y' || e.shiftKey ? 'redo' : 'undo';
      parts.step(direction).catch(reported);
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // Every layer knows the keys: on a read-only one, with no label bar,
    // a label's key still says why nothing happens.
    const label = labelSet.labelFor(e);
    if (!label && (ctx.quotes.key(e) || parts.occurrences.key(e) || parts.find.key(e))) {
      e.preventDefault();
      return;
    }
    const selected = editor.selected();
    if (label) {
      labelKey(label);
      e.preventDefault();
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && selected) {
      ctx.removeSpan(selected).catch(reported);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      window.getSelection().removeAllRanges();
      editor.close();
    } else if (e.key === ']' || e.key === '[') {
      editor.step(e.key === ']');
      e.preventDefault();
    } else if ([...e.key].length === 1 && e.key !== ' ') {
      unknownKey(e).catch(reported);
    }
  });

  // labelKey gives label to the selected text, or to the span open in
  // the editor when no text is selected.
  function labelKey(label) {
    const hasSelection = selectionOffsets(docEl) !== null;
    const selected = editor.selected();
    if (!hasSelection && selected) ctx.relabel(selected, label).catch(reported);
    else parts.createFromSelection(label).catch(reported);
  }

  // unknownKey answers a key that gives no label on this page. The key of
  // a label a manager removed says so. Any other, pressed with text
  // selected or a span open, may be the key of a label added since the
  // page last heard: it asks the server for the set (after any save under
  // way), redraws with it when it changed, saying so, and uses the key.
  async function unknownKey(e) {
    const gone = labelSet.goneFor(e);
    if (gone) {
      ctx.showError(`Key ${e.key} gave ${gone}, which is no longer one of the project's labels (the label bar shows them); nothing was changed.`);
      return;
    }
    if (ctx.readOnly || (!editor.selected() && selectionOffsets(docEl) === null)) return;
    const notice = noticeOf(await parts.after(async () => {
      const layer = await ctx.api.layer();
      return labelSet.changed(layer.labels) ? ctx.redraw(layer) : NO_CHANGE;
    }));
    if (!notice) return;
    ctx.showError(notice, 'notice');
    const label = labelSet.labelFor(e);
    if (label) labelKey(label);
  }
}

// watchCaret gives the text a keyboard selection: the text is not
// editable, so arrows move a caret placed here; Shift extends, Ctrl moves
// by words.
function watchCaret(docEl) {
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
}
