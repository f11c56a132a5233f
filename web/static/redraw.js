// After a save the page shows what the store holds. It compares the layer
// with what it draws and fetches only the paragraphs and span list entries
// a change touched, so a save in a long document redraws a line, not the
// book. The text never changes, so a paragraph is known by its first code
// point.

/** createPatcher tracks the spans drawn in docEl and the span list. */
export function createPatcher(docEl, list) {
  let drawn = keyed([...list.querySelectorAll('.span-item')].map((b) =>
    ({ id: Number(b.dataset.span), start: Number(b.dataset.start), end: Number(b.dataset.end), label: b.dataset.label })));

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
      drawn = now;
      return paragraphs;
    },
    /** Puts a whole view in place; null: every paragraph is new. */
    replace(freshDoc, freshList, spans) {
      docEl.replaceChildren(...freshDoc.childNodes);
      list.replaceChildren(...freshList.childNodes);
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
    if (!old) throw new Error(`the redrawn paragraph at ${p.dataset.start} is not on the page; reload it`);
    old.replaceWith(p);
    out.push(p);
  }
  return out;
}

// patchSpanList takes out the entries of every span that changed or is
// gone, and those the partial view brings again, then puts the view's in
// the store's order (start, longest first, then id). Only those entries
// are looked up and placed (by halving the list), so a save in a list of
// thousands costs about as much as in a list of ten.
function patchSpanList(list, fresh, before, now) {
  const ol = list.querySelector('ol.spans');
  const freshOl = fresh.querySelector('ol.spans');
  if (!ol || !freshOl) { // to or from the empty state: every span changed
    list.replaceChildren(...fresh.childNodes);
    return;
  }
  const incoming = [...freshOl.querySelectorAll('.span-item')];
  const out = new Set(incoming.map((b) => Number(b.dataset.span)));
  for (const [id, key] of before) if (now.get(id) !== key) out.add(id);
  for (const id of out) ol.querySelector(`.span-item[data-span="${id}"]`)?.closest('li').remove();
  const items = [...ol.querySelectorAll('.span-item')];
  for (const b of incoming) {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) { // the first entry b goes before
      const mid = (lo + hi) >> 1;
      if (precedes(b, items[mid])) hi = mid; else lo = mid + 1;
    }
    ol.insertBefore(b.closest('li'), lo < items.length ? items[lo].closest('li') : null);
    items.splice(lo, 0, b);
  }
}

// precedes orders span list entries as the store does.
function precedes(a, b) {
  const key = (e) => [Number(e.dataset.start), -Number(e.dataset.end), Number(e.dataset.span)];
  const x = key(a);
  const y = key(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
}
