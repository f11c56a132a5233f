// The layer as the quotation tools read it: a quotation is a QUOTE and
// the QUOTE spans segment relations join to it; its speaker and cue hang
// on whichever segment holds them, the new ones on its first (the head).

import { t } from './i18n.js';

/** createQuoteModel answers questions about the layer last set. */
export function createQuoteModel() {
  let layer = { spans: [], relations: [] };

  const spanOf = (id) => layer.spans.find((s) => s.id === id);
  const relationsFrom = (id, type) => layer.relations.filter((r) => r.from === id && r.type === type);

  // The quotation's segments: the QUOTE spans joined to this one, in
  // text order.
  function segmentsOf(id) {
    const seen = new Set([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of layer.relations) {
        if (r.type !== 'segment') continue;
        for (const [a, b] of [[r.from, r.to], [r.to, r.from]]) {
          if (seen.has(a) && !seen.has(b)) { seen.add(b); grew = true; }
        }
      }
    }
    return [...seen].map(spanOf).filter(Boolean).sort((a, b) => a.start - b.start);
  }

  // A relation of the quotation, from whichever segment holds it.
  function linkOf(id, type) {
    for (const seg of segmentsOf(id)) {
      const r = relationsFrom(seg.id, type)[0];
      if (r) return r;
    }
    return null;
  }

  // The stretch of text from the quotation's first segment to its last
  // (span itself when it has none loaded).
  function reach(span) {
    const segs = segmentsOf(span.id);
    return { first: (segs[0] || span).start, last: segs.length ? segs[segs.length - 1].end : span.end };
  }

  return {
    /** Takes the layer a GET .../spans answered. */
    set(next) { layer = next; },
    /** The relation_types the layer last set carries. */
    relationTypes: () => layer.relation_types,
    spanOf,
    relationsFrom,
    segmentsOf,
    linkOf,
    /** The quotation's first segment, where a new link of it hangs. */
    headOf: (span) => segmentsOf(span.id)[0] || span,
    /** The link of type that span (a quotation, or a span referring onward) has, or null. */
    currentLink: (span, type) => (type === 'refers_to' ? relationsFrom(span.id, type)[0] || null : linkOf(span.id, type)),

    // Candidates, nearest the quotation first, on either side (a speaker
    // is named just before its quotation or just after it, in either
    // order, and a span far away is seldom meant), a span before winning
    // a tie; spans inside the quotation come last. reaches(label) says
    // which labels the link may reach.
    candidates(span, reaches) {
      const { first, last } = reach(span);
      const distance = (s) => {
        if (s.end <= first) return 2 * (first - s.end);
        if (s.start >= last) return 2 * (s.start - last) + 1;
        return Infinity;
      };
      return layer.spans.filter((s) => reaches(s.label) && s.id !== span.id)
        .map((s) => ({ s, d: distance(s) }))
        .sort((a, b) => a.d - b.d || a.s.start - b.s.start)
        .map((x) => x.s);
    },

    /** Where s stands against span's quotation, in words. */
    sideOf(span, s) {
      const { first, last } = reach(span);
      if (s.end <= first) return t('before the quotation');
      if (s.start >= last) return t('after the quotation');
      return t('inside the quotation');
    },

    /** The QUOTE before span's quotation that is not already part of it. */
    previousQuote(span) {
      const own = new Set(segmentsOf(span.id).map((s) => s.id));
      const { first } = reach(span);
      return layer.spans.filter((s) => s.label === 'QUOTE' && !own.has(s.id) && s.start < first)
        .sort((a, b) => b.start - a.start)[0];
    },
  };
}
