// After a save the page shows what the store holds. It compares the layer
// with what it draws and fetches only the paragraphs and span list entries
// a change touched, so a save in a long document redraws a line, not the
// book. The text never changes, so a paragraph is known by its first code
// point.

import { numberSpanList } from './spanlist.js';
import { t } from './i18n.js';

/** createPatcher tracks the spans drawn in docEl and the span list. */
export function createPatcher(docEl, list) {
  let drawn = keyed([...list.querySelectorAll('.span-item')].map((b) =>
    ({ id: Number(b.dataset.span), start: Number(b.dataset.start), end: Number(b.dataset.end), label: b.dataset.label })));
  const renumber = numberSpanList(list);

  return {
    /** The places ("START-END") where spans differ from what is drawn. */
    changedRanges(spans) {
      const now = keyed(spans);
      const ranges = [];
      for (const [id, key] of drawn) if (now.get(id) !== key) ranges.push(key);
      for (const [id, key] of now) if (drawn.get(id) !== key) ranges.push(key);
      return ranges.map((key) => key.split('-').slice(0, 2).join('-'));
    },
    /** Puts a partial view in place; returns the paragraphs it replaced. */
    patch(freshDoc, freshList, spans) {
      const paragraphs = replaceParagraphs(docEl, freshDoc);
      const now = keyed(spans);
      patchSpanList(list, freshList, drawn, now);
      renumber();
      drawn = now;
      return paragraphs;
    },
    /** Puts a whole view in place; null: every paragraph is new. */
    replace(freshDoc, freshList, spans) {
      docEl.replaceChildren(...freshDoc.childNodes);
      list.replaceChildren(...freshList.childNodes);
      renumber();
      drawn = keyed(spans);
      return null;
    },
  };
}

function keyed(spans) {
  return new Map(spans.map((s) => [s.id, `${s.start}-${s.end}-${s.label}`]));
}

// replaceParagraphs puts each paragraph of a partial view in place of the
// one starting at the same code point and returns the new ones.
function replaceParagraphs(docEl, fresh) {
  const out = [];
  for (const p of [...fresh.children]) {
    const old = docEl.querySelector(`:scope > p[data-start="${p.dataset.start}"]`);
    if (!old) throw new Error(t('the redrawn paragraph at {0} is not on the page; reload it', p.dataset.start));
    old.replaceWith(p);
    out.push(p);
  }
  return out;
}

// patchSpanList takes out the entries of every span that changed or is
// gone, and those the partial view brings again, then puts the view's in
// the store's order (start, longest first, then id). Only those entries
// are looked up and placed (by halving the list), so a save in a list of
// thousands costs about as much as in a list of ten. The list is cut
// into groups (components/spanlist.templ), which the browser lays out
// only near the screen: an entry goes into the group of the one it comes
// before (the last group at the end), a group left empty goes, and one
// grown to twice its size is cut in two.
function patchSpanList(list, fresh, before, now) {
  const spans = list.querySelector('.spans');
  const freshSpans = fresh.querySelector('.spans');
  if (!spans || !freshSpans) { // to or from the empty state: every span changed
    list.replaceChildren(...fresh.childNodes);
    return;
  }
  const size = Number(spans.dataset.group);
  if (!(size > 0)) throw new Error(t('the span list does not say its group size; reload the page'));
  const incoming = [...freshSpans.querySelectorAll('.span-item')];
  const out = new Set(incoming.map((b) => Number(b.dataset.span)));
  for (const [id, key] of before) if (now.get(id) !== key) out.add(id);
  const touched = new Set();
  for (const id of out) {
    const entry = spans.querySelector(`.span-item[data-span="${id}"]`)?.closest('.span-entry');
    if (!entry) continue;
    touched.add(entry.parentElement);
    entry.remove();
  }
  const items = [...spans.querySelectorAll('.span-item')];
  for (const b of incoming) {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) { // the first entry b goes before
      const mid = (lo + hi) >> 1;
      if (precedes(b, items[mid])) hi = mid; else lo = mid + 1;
    }
    const next = lo < items.length ? items[lo].closest('.span-entry') : null;
    const group = next ? next.parentElement : spans.lastElementChild || spans.appendChild(newGroup());
    group.insertBefore(b.closest('.span-entry'), next);
    touched.add(group);
    items.splice(lo, 0, b);
  }
  for (const group of touched) resize(group, size);
}

function newGroup() {
  const group = document.createElement('div');
  group.className = 'span-group';
  return group;
}

// resize keeps a group the patch changed between one entry and twice
// size: empty, it goes; past twice size, it is cut into groups of size.
// Its --entries sizes its box while it is not laid out.
function resize(group, size) {
  const n = group.childElementCount;
  if (n === 0) {
    group.remove();
    return;
  }
  if (n > 2 * size) {
    const entries = [...group.children];
    let last = group;
    for (let i = size; i < n; i += size) {
      const next = newGroup();
      next.append(...entries.slice(i, i + size));
      next.style.setProperty('--entries', String(next.childElementCount));
      last.after(next);
      last = next;
    }
  }
  group.style.setProperty('--entries', String(group.childElementCount));
}

// precedes orders span list entries as the store does.
function precedes(a, b) {
  const key = (e) => [Number(e.dataset.start), -Number(e.dataset.end), Number(e.dataset.span)];
  const x = key(a);
  const y = key(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
}
