// The changes an annotator makes to spans: a span from the selected text,
// a new label for a span, a span deleted. Each is saved at once and kept
// in the history for undo; the save status says what was done.

import { selectionOffsets, selectOffsets } from './offsets.js';
import { placeCaret } from './caret.js';
import { t } from './i18n.js';
import { clip, isolate } from './words.js';

// QUOTE_ATTRIBUTES are the attributes only a quotation has; the server
// drops them when a QUOTE is given another label.
const QUOTE_ATTRIBUTES = ['type', 'speaker_in_text'];

// A span's text quoted in the save status is clipped (words.js): the
// status keeps to one line, and a quotation cut by the line's end would
// show its end, not its start, inside English words.

/**
 * createEdits returns createFromSelection(label), relabel(span, label)
 * and removeSpan(span). ctx holds the page's docEl, api, save, record,
 * refuseReadOnly, showError, showStatus and closeEditor.
 */
export function createEdits(ctx) {
  const { docEl } = ctx;
  // "Snap to whole words" is the annotator's choice, kept in this browser
  // from one document to the next.
  const snapBox = document.getElementById('snap-words');
  const snapKey = 'hashiya.snap-words';
  if (snapBox) {
    try {
      const kept = window.localStorage.getItem(snapKey);
      if (kept !== null) snapBox.checked = kept === 'true';
      snapBox.addEventListener('change', () => window.localStorage.setItem(snapKey, String(snapBox.checked)));
    } catch (err) {
      // Storage refused (a private window, a policy): the box works for this page only.
      ctx.showStatus(t('Snap setting not kept: {0}', err.message));
    }
  }

  async function createFromSelection(label) {
    if (ctx.refuseReadOnly()) return;
    const range = selectionOffsets(docEl);
    if (!range) {
      ctx.showError(t('Select some text in the document first, then choose a label.'));
      return;
    }
    const snap = snapBox.checked ? 'word' : 'grapheme';
    window.getSelection().removeAllRanges();
    let span;
    try {
      span = await ctx.save(t('save the span'), () => ctx.api.create({ ...range, label }, snap), { labels: [label] });
    } catch (err) {
      selectOffsets(docEl, range.start, range.end); // give the selection back to try again
      throw err;
    }
    ctx.record({ kind: 'create', span });
    // A caret at the span's end (in reading order), once the text is
    // redrawn with it: the next Shift+Arrow selects on from there. Text
    // selected while the span was saved is kept instead.
    if (window.getSelection().rangeCount === 0) placeCaret(docEl, span.end);
    ctx.showStatus(t('Saved {0} “{1}”', isolate(label), clip(span.text)));
  }

  // relabel changes a span's label. A quotation's own attributes (its
  // type, "speaker not in the text") go when it stops being a QUOTE, as
  // the server drops them; the history keeps them, so undo brings them
  // back with the label.
  async function relabel(span, label) {
    if (span.label === label || ctx.refuseReadOnly()) return;
    let restore = null;
    const updated = await ctx.save(t('change the label'), async () => {
      const stored = (await ctx.api.layer()).spans.find((s) => s.id === span.id);
      const attrs = (stored && stored.attributes) || {};
      const kept = QUOTE_ATTRIBUTES.filter((k) => k in attrs);
      if (kept.length > 0) restore = Object.fromEntries(kept.map((k) => [k, attrs[k]]));
      return ctx.api.relabel(span, label);
    }, { labels: [label] });
    ctx.record({ kind: 'relabel', span: updated, from: span.label, to: label, restore });
    ctx.showStatus(t('Saved: {0} “{1}” is now {2}', isolate(span.label), clip(span.text), isolate(label)));
  }

  // removeSpan deletes a span; the store deletes its relations with it, so
  // the history keeps them (and the span's attributes) to undo both.
  async function removeSpan(span) {
    if (ctx.refuseReadOnly()) return;
    let entry;
    await ctx.save(t('delete the span'), async () => {
      const layer = await ctx.api.layer();
      const stored = layer.spans.find((s) => s.id === span.id) || span;
      entry = { kind: 'delete', span: { ...span, attributes: stored.attributes },
        relations: layer.relations.filter((r) => r.from === span.id || r.to === span.id).map((r) => ({ ...r })) };
      await ctx.api.remove(span);
    });
    ctx.record(entry);
    ctx.closeEditor();
    ctx.showStatus(t('Deleted {0} “{1}”', isolate(span.label), clip(span.text)));
  }

  return { createFromSelection, relabel, removeSpan };
}
