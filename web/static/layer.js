// The layer's spans and relations on the server: one request each.

import { request } from './api.js';

/**
 * createLayerAPI returns the requests that change or read the layer the
 * page shows of document docId; layerQuery is '' or '?layer=NAME'.
 */
export function createLayerAPI(docId, layerQuery) {
  const spansURL = `/api/v1/documents/${docId}/spans`;
  const relationsURL = `/api/v1/documents/${docId}/relations`;
  return {
    create: (s, snap) => request('POST', spansURL + layerQuery, { start: s.start, end: s.end, label: s.label, snap, attributes: s.attributes }),
    remove: (s) => request('DELETE', `${spansURL}/${s.id}${layerQuery}`),
    removeMany: (ids) => request('POST', `${spansURL}/delete${layerQuery}`, { ids }),
    relabel: (s, label, attributes) => request('PATCH', `${spansURL}/${s.id}${layerQuery}`, attributes ? { label, attributes } : { label }),
    attributes: (s, attributes) => request('PATCH', `${spansURL}/${s.id}${layerQuery}`, { attributes }),
    relate: (r) => request('POST', relationsURL + layerQuery, { type: r.type, from: r.from, to: r.to }),
    // replace links r.from's quotation (or span) to r.to in place of its
    // link of r.type, in one transaction; the answer names what went.
    replace: (r) => request('POST', relationsURL + layerQuery, { type: r.type, from: r.from, to: r.to, replace: true }),
    // unlinkSpeaker marks span s's quotation "speaker not in the text" in
    // place of its speaker, in one transaction; the answer names the link.
    unlinkSpeaker: (s) => request('PATCH', `${spansURL}/${s.id}${layerQuery}`, { attributes: { speaker_in_text: false }, unlink_speaker: true }),
    unrelate: (r) => request('DELETE', `${relationsURL}/${r.id}${layerQuery}`),
    layer: () => request('GET', spansURL + layerQuery),
  };
}
