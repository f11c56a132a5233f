// The layer's spans and relations on the server: one request each. A
// write whose whole effect its answer says also says how it changes the
// page's copy of the layer (layercopy.js), so the redraw after it need
// not read the layer again (api.js).

import { request } from './api.js';
import { withSpan, withoutSpans, withRelation, withoutRelation } from './layercopy.js';

/**
 * createLayerAPI returns the requests that change or read the layer the
 * page shows of document docId; layerQuery is '' or '?layer=NAME'.
 */
export function createLayerAPI(docId, layerQuery) {
  const spansURL = `/api/v1/documents/${docId}/spans`;
  const relationsURL = `/api/v1/documents/${docId}/relations`;
  // copy says which held answer a write changes, and how (layercopy.js).
  const copy = (apply) => ({ url: spansURL + layerQuery, apply });
  return {
    create: (s, snap) => request('POST', spansURL + layerQuery, { start: s.start, end: s.end, label: s.label, snap, attributes: s.attributes }, copy(withSpan)),
    remove: (s) => request('DELETE', `${spansURL}/${s.id}${layerQuery}`, undefined, copy((layer) => withoutSpans(layer, [s.id]))),
    removeMany: (ids) => request('POST', `${spansURL}/delete${layerQuery}`, { ids }, copy((layer) => withoutSpans(layer, ids))),
    relabel: (s, label, attributes) => request('PATCH', `${spansURL}/${s.id}${layerQuery}`, attributes ? { label, attributes } : { label }, copy(withSpan)),
    attributes: (s, attributes) => request('PATCH', `${spansURL}/${s.id}${layerQuery}`, { attributes }, copy(withSpan)),
    relate: (r) => request('POST', relationsURL + layerQuery, { type: r.type, from: r.from, to: r.to }, copy(withRelation)),
    // replace links r.from's quotation (or span) to r.to in place of its
    // link of r.type, in one transaction; the answer names what went.
    replace: (r) => request('POST', relationsURL + layerQuery, { type: r.type, from: r.from, to: r.to, replace: true }),
    // unlinkSpeaker marks span s's quotation "speaker not in the text" in
    // place of its speaker, in one transaction; the answer names the link.
    unlinkSpeaker: (s) => request('PATCH', `${spansURL}/${s.id}${layerQuery}`, { attributes: { speaker_in_text: false }, unlink_speaker: true }),
    unrelate: (r) => request('DELETE', `${relationsURL}/${r.id}${layerQuery}`, undefined, copy((layer) => withoutRelation(layer, r.id))),
    layer: () => request('GET', spansURL + layerQuery),
  };
}
