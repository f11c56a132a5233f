// The annotation view's keys: arrows move a caret in the text; a label's
// key labels the selection or the open span; Ctrl+Z and Ctrl+Y undo and
// redo; Delete, Escape, ] and [ act on the span editor; the quotation
// tools, "label every occurrence", find and the list of keys take theirs.

import { selectionOffsets } from './offsets.js';
import { NO_CHANGE, noticeOf } from './refusal.js';
import { caretOffset, placeCaret, watchCaret } from './caret.js';
import { listedSpans, spanByID } from './editor.js';
import { keyName } from './keyname.js';
import { t } from './i18n.js';
import { isolate } from './words.js';

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
  watchCaret(docEl, reported);

  document.addEventListener('keydown', (e) => {
    if (typing(e.target)) return;
    if (parts.help.key(e)) {
      e.preventDefault();
      return;
    }
    const key = keyName(e);
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
    if (!label && speakerKey(e)) {
      e.preventDefault();
      return;
    }
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
      escape(selected);
    } else if (key === ']' || key === '[') {
      editor.step(key === ']');
      e.preventDefault();
    } else if (labelSet.labelAt(e)) {
      // A key the view leaves free gives the label of the letter an
      // Arabic keyboard types there, on any layout.
      labelKey(labelSet.labelAt(e));
      e.preventDefault();
    } else if ([...key].length === 1 && key !== ' ') {
      unknownKey(e).catch(reported);
    }
  });

  // escape closes the editor, leaving the caret at the end of the span
  // that was open, or drops the selection to a caret at its moving end:
  // the next Shift+Arrow goes on from there.
  function escape(open) {
    const sel = window.getSelection();
    const at = caretOffset(docEl);
    editor.close();
    if (open) placeCaret(docEl, open.end);
    else if (at !== null) sel.collapse(sel.focusNode, sel.focusOffset);
    else sel.removeAllRanges();
  }

  // speakerKey: S with no span open but the caret in (or at the end of) a
  // quotation opens the innermost one and starts picking its speaker; S
  // elsewhere says to open one. True when it took the key.
  function speakerKey(e) {
    if (keyName(e) !== 's' || e.shiftKey || editor.selected()) return false;
    if (!JSON.parse(docEl.dataset.relations || '{}').speaker) return false; // no speakers in this project
    const cp = caretOffset(docEl);
    const quote = cp === null ? null : listedSpans()
      .filter((sp) => sp.label === 'QUOTE' && sp.start <= cp && cp <= sp.end)
      .sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    if (!quote) {
      ctx.showStatus(ctx.quotes.keyRefusal(e));
      return true;
    }
    editor.open(spanByID(quote.id));
    placeCaret(docEl, quote.end);
    ctx.quotes.key(e);
    return true;
  }

  // labelKey gives label to the selected text, or to the span open in
  // the editor when no text is selected.
  function labelKey(label) {
    const hasSelection = selectionOffsets(docEl) !== null;
    const selected = editor.selected();
    if (!hasSelection && selected) ctx.relabel(selected, label).catch(reported);
    else parts.createFromSelection(label).catch(reported);
  }

  // toolRefused says why a quotation tool's key (S, C, R), which gives no
  // label either, picked nothing: the span open (if any) takes no such
  // link. Any other key stays silent.
  function toolRefused(e) {
    const why = ctx.quotes.keyRefusal(e);
    if (why) ctx.showStatus(why);
  }

  // unknownKey answers a key that gives no label on this page. The key of
  // a label a manager removed says so. Any other, pressed with text
  // selected or a span open, may be the key of a label added since the
  // page last heard: it asks the server for the set (after any save under
  // way), redraws with it when it changed, saying so, and uses the key.
  // S, C or R picking nothing says why (toolRefused).
  async function unknownKey(e) {
    const gone = labelSet.goneFor(e);
    if (gone) {
      ctx.showError(t('Key {0} gave {1}, which is no longer one of the project\'s labels (the label bar shows them); nothing was changed.', isolate(e.key), isolate(gone)));
      return;
    }
    if (ctx.readOnly || (!editor.selected() && selectionOffsets(docEl) === null)) {
      toolRefused(e);
      return;
    }
    const notice = noticeOf(await parts.after(async () => {
      const layer = await ctx.api.layer();
      return labelSet.changed(layer.labels) ? ctx.redraw(layer) : NO_CHANGE;
    }));
    if (!notice) {
      toolRefused(e);
      return;
    }
    ctx.showError(notice, 'notice');
    const label = labelSet.labelFor(e) || labelSet.labelAt(e);
    if (label) labelKey(label);
    else toolRefused(e);
  }
}
