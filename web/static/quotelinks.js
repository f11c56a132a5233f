// The changes the quotation tools save: a link to a speaker, a cue or
// the entity a span refers to, its removal, two quotations joined, a
// quotation's attribute. Each is one step on the undo stack.

import { request } from './api.js';

/**
 * createQuoteLinks returns link(type, target), unlink(type),
 * join(prev) and setAttribute(name, value), each acting on the span
 * current() returns. ctx holds the page's docId, layerQuery, save,
 * record and showStatus; model is the quotation tools' (quotemodel.js).
 */
export function createQuoteLinks(ctx, model, current) {
  const relationsURL = `/api/v1/documents/${ctx.docId}/relations`;
  const spanURL = (id) => `/api/v1/documents/${ctx.docId}/spans/${id}${ctx.layerQuery}`;
  const relate = async (r) => ({ ...r, id: (await request('POST', relationsURL + ctx.layerQuery, { type: r.type, from: r.from, to: r.to })).id });
  const unrelate = (r) => request('DELETE', `${relationsURL}/${r.id}${ctx.layerQuery}`);
  const copy = (r) => ({ id: r.id, type: r.type, from: r.from, to: r.to });
  const words = (type) => type.replace('_', ' ');

  // link replaces the quotation's (or entity's) relation of type with one
  // to target: one step on the undo stack.
  async function link(type, target) {
    const span = current();
    const head = model.headOf(span);
    const from = type === 'refers_to' ? span.id : head.id;
    const old = model.currentLink(span, type);
    const entries = [];
    await ctx.save(`link the ${words(type)}`, async () => {
      // A speaker found after all: "not in the text" comes off first,
      // in the same step (the server refuses a quotation both ways).
      if (type === 'speaker' && head.attributes && head.attributes.speaker_in_text === false) {
        await request('PATCH', spanURL(head.id), { attributes: { speaker_in_text: null } });
        entries.push({ kind: 'attributes', span: { id: head.id }, before: { speaker_in_text: false }, after: { speaker_in_text: null } });
      }
      if (old) {
        await unrelate(old);
        entries.push({ kind: 'unrelate', relation: copy(old) });
      }
      entries.push({ kind: 'relate', relation: await relate({ type, from, to: target.id }) });
    });
    ctx.record({ kind: 'batch', entries });
    ctx.showStatus(`Saved: ${words(type)} ${target.label} “${target.text}”`);
  }

  async function unlink(type) {
    const r = model.currentLink(current(), type);
    if (!r) return;
    await ctx.save(`remove the ${words(type)}`, () => unrelate(r));
    ctx.record({ kind: 'unrelate', relation: copy(r) });
  }

  async function join(prev) {
    const r = { type: 'segment', from: model.headOf(prev).id, to: model.headOf(current()).id };
    const made = await ctx.save('join the quotations', () => relate(r));
    ctx.record({ kind: 'relate', relation: made });
  }

  async function setAttribute(name, value) {
    const head = model.headOf(current());
    const before = head.attributes && name in head.attributes ? head.attributes[name] : null;
    await ctx.save('change the quotation', () => request('PATCH', spanURL(head.id), { attributes: { [name]: value } }));
    ctx.record({ kind: 'attributes', span: { id: head.id }, before: { [name]: before }, after: { [name]: value } });
  }

  return { link, unlink, join, setAttribute };
}
