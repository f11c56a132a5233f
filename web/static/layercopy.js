// The page's copy of the layer brought up to date by one write's own
// answer (api.js): what the spans API would answer after the write, made
// from its answer before the write and the write alone. Each returns a
// new layer, or null when the write may have done more than it says,
// and the layer must be read again.

// spanOrder is the spans API's order: by start, the longer first, then
// by id.
function spanOrder(a, b) {
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

// placeOf is where item goes in list, kept in order by the comparison.
function placeOf(list, item, order) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function inserted(list, item, order) {
  const out = list.slice();
  out.splice(placeOf(out, item, order), 0, item);
  return out;
}

// writable is false of a layer no write has made yet ("new"): the first
// write makes it and changes its status too.
function writable(layer) {
  return layer.status !== 'new';
}

// withSpan is the layer holding span, as made or changed: a span's
// write changes its own row alone (a new label its links' rules refuse
// is refused, never unlinked).
export function withSpan(layer, span) {
  if (!writable(layer) || !span || typeof span.id !== 'number') return null;
  const spans = inserted(layer.spans.filter((s) => s.id !== span.id), span, spanOrder);
  return { ...layer, spans };
}

// withoutSpans is the layer without the spans of ids and every link
// from or to any of them, which the store deletes with them (all or
// none: a span not held is a layer changed elsewhere).
export function withoutSpans(layer, ids) {
  const gone = new Set(ids);
  if (!writable(layer) || layer.spans.filter((s) => gone.has(s.id)).length !== gone.size) return null;
  return { ...layer, spans: layer.spans.filter((s) => !gone.has(s.id)),
    relations: layer.relations.filter((r) => !gone.has(r.from) && !gone.has(r.to)) };
}

// withRelation is the layer holding relation r, in the API's order (by id).
export function withRelation(layer, r) {
  if (!writable(layer) || !r || typeof r.id !== 'number') return null;
  return { ...layer, relations: inserted(layer.relations, r, (a, b) => a.id - b.id) };
}

// withoutRelation is the layer without relation id.
export function withoutRelation(layer, id) {
  if (!writable(layer) || !layer.relations.some((r) => r.id === id)) return null;
  return { ...layer, relations: layer.relations.filter((r) => r.id !== id) };
}
