// The changes the quotation tools save: a link to a speaker, a cue or
// the entity a span refers to, its removal, two quotations joined, a
// quotation's attribute. Each is one step on the undo stack.

import { t } from './i18n.js';
import { isolate, typeWords } from './words.js';

/**
 * createQuoteLinks returns link(type, target), unlink(type),
 * join(prev) and setAttribute(name, value), each acting on the span
 * current() returns. ctx holds the page's api (layer.js), save, record
 * and showStatus; model is the quotation tools' (quotemodel.js).
 */
export function createQuoteLinks(ctx, model, current) {
  const copy = (r) => ({ id: r.id, type: r.type, from: r.from, to: r.to });

  // link replaces the quotation's (or entity's) relation of type with one
  // to target, in one request: the server takes the old link off (and,
  // for a speaker, "not in the text", which the server refuses beside
  // one) in the same transaction, and says what went, so undo gives it
  // back. One step on the undo stack.
  async function link(type, target) {
    const span = current();
    const r = { type, from: type === 'refers_to' ? span.id : model.headOf(span).id, to: target.id };
    const made = await ctx.save(t('link the {0}', typeWords(type)), () => ctx.api.replace(r));
    ctx.record({ kind: 'replace', relation: copy(made), replaced: made.replaced.map(copy), cleared: made.cleared });
    ctx.showStatus(t('Saved: {0} {1} “{2}”', typeWords(type), isolate(target.label), target.text));
  }

  async function unlink(type) {
    const r = model.currentLink(current(), type);
    if (!r) return;
    await ctx.save(t('remove the {0}', typeWords(type)), () => ctx.api.unrelate(r));
    ctx.record({ kind: 'unrelate', relation: copy(r) });
  }

  async function join(prev) {
    const r = { type: 'segment', from: model.headOf(prev).id, to: model.headOf(current()).id };
    const made = await ctx.save(t('join the quotations'), () => ctx.api.relate(r));
    ctx.record({ kind: 'relate', relation: copy(made) });
  }

  async function setAttribute(name, value) {
    const head = model.headOf(current());
    const before = head.attributes && name in head.attributes ? head.attributes[name] : null;
    await ctx.save(t('change the quotation'), () => ctx.api.attributes(head, { [name]: value }));
    ctx.record({ kind: 'attributes', span: { id: head.id }, before: { [name]: before }, after: { [name]: value } });
  }

  return { link, unlink, join, setAttribute };
}
