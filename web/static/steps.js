// Undo and redo against the server: each history entry (history.js) is
// done or taken back by the requests that make or unmake it. A step of
// several requests that fails part way has changed the layer part way:
// the error it throws carries the step split in two (partial: what was
// done and what was left), so the history keeps to what the server holds
// and the page can say which is which.

import { stepGives } from './history.js';
import { t, tn } from './i18n.js';
import { isolate, linkWords } from './words.js';

/**
 * createSteps returns apply(entry, direction), which history.step calls
 * to undo or redo one entry of history. ctx holds the page's api, save
 * and showStatus.
 */
export function createSteps(ctx, history) {
  const { api } = ctx;

  async function recreate(span) {
    const fresh = await api.create(span, 'grapheme');
    history.remap(span.id, fresh.id);
  }

  // relate re-creates a relation; it comes back under a new id, which
  // every history entry naming the old one must follow.
  async function relate(r) {
    const oldId = r.id;
    r.id = (await api.relate(r)).id;
    if (oldId !== undefined) history.remapRelation(oldId, r.id);
  }

  // replace links r in place of its quotation's link of that type, in
  // one request, and re-points r (re-created under a new id); the answer
  // says what went.
  async function replace(r) {
    const made = await api.replace(r);
    history.remapRelation(r.id, made.id);
    r.id = made.id;
    return made;
  }

  // run redoes (or undoes) one history entry against the server.
  async function run(entry, direction) {
    const undo = direction === 'undo';
    switch (entry.kind) {
      case 'create': return undo ? api.remove(entry.span) : recreate(entry.span);
      case 'delete': return undo ? undoDelete(entry) : api.remove(entry.span);
      case 'relabel': return undo ? api.relabel(entry.span, entry.from, entry.restore) : api.relabel(entry.span, entry.to);
      case 'attributes': return api.attributes(entry.span, undo ? entry.before : entry.after);
      case 'relate': return undo ? api.unrelate(entry.relation) : relate(entry.relation);
      case 'unrelate': return undo ? relate(entry.relation) : api.unrelate(entry.relation);
      case 'replace': return undo ? undoReplace(entry) : redoReplace(entry);
      case 'batch':
        if (undo && entry.entries.every((e) => e.kind === 'create' || e.kind === 'relate')) return undoCreated(entry.entries);
        return runParts(entry.entries, direction);
      default: throw new Error(t('unknown history entry {0}', entry.kind));
    }
  }

  // runParts runs the parts of one step (history entries, in the order
  // they were done), undone last first. When one fails after others
  // went through, the error carries the step split at that point.
  async function runParts(parts, direction) {
    const undo = direction === 'undo';
    const order = undo ? [...parts].reverse() : parts;
    for (let i = 0; i < order.length; i++) {
      try {
        await run(order[i], direction);
      } catch (err) {
        const inner = err.partial; // a part of several requests failed part way itself
        const done = [...order.slice(0, i), ...(inner ? [inner.done] : [])];
        const left = [inner ? inner.left : order[i], ...order.slice(i + 1)];
        if (done.length > 0) err.partial = split(undo ? done.reverse() : done, undo ? left.reverse() : left);
        throw err;
      }
    }
  }

  // undoDelete re-creates a deleted span, then each relation it took with
  // it. Failing at a relation, the span and those before are back: the
  // delete done again would take them, and the rest, still gone, are
  // unlinks still to undo.
  async function undoDelete(entry) {
    await recreate(entry.span);
    const rels = entry.relations;
    for (let i = 0; i < rels.length; i++) {
      try {
        await relate(rels[i]);
      } catch (err) {
        err.partial = split([{ kind: 'delete', span: entry.span, relations: rels.slice(0, i) }],
          rels.slice(i).map((r) => ({ kind: 'unrelate', relation: r })));
        throw err;
      }
    }
  }

  // redoReplace links again, and keeps what the server says went this
  // time (the old link as undo re-created it, under its new id).
  async function redoReplace(entry) {
    const made = await replace(entry.relation);
    entry.replaced = made.replaced.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to }));
    entry.cleared = made.cleared;
  }

  // undoReplace gives the old link back in place of the new, or the mark
  // "speaker not in the text" the new speaker took off, in one request. A
  // speaker that took the mark off several segments gives the first back
  // with the link's removal and the others after; a link that replaced
  // nothing is simply removed.
  async function undoReplace(entry) {
    const { replaced, cleared } = entry;
    if (replaced.length === 1 && cleared.length === 0) {
      await replace(replaced[0]);
      return;
    }
    if (replaced.length === 0 && cleared.length === 1) {
      await api.unlinkSpeaker({ id: cleared[0] });
      return;
    }
    const unmark = (id) => ({ kind: 'attributes', span: { id }, before: { speaker_in_text: false }, after: { speaker_in_text: null } });
    if (replaced.length === 0 && cleared.length > 1) {
      await runParts([...cleared.slice(1).map(unmark), { ...entry, cleared: cleared.slice(0, 1) }], 'undo');
      return;
    }
    const parts = [
      ...cleared.map(unmark),
      ...replaced.map((r) => ({ kind: 'unrelate', relation: r })),
      { kind: 'relate', relation: entry.relation },
    ];
    await runParts(parts, 'undo');
  }

  // undoCreated takes back what one step created (an accept of many
  // suggestions): links between spans that stay go one by one, then every
  // span it made goes in one request, with the links that reach them.
  async function undoCreated(entries) {
    const created = new Set(entries.filter((e) => e.kind === 'create').map((e) => e.span.id));
    const undone = new Set();
    try {
      for (const e of [...entries].reverse()) {
        if (e.kind === 'relate' && !created.has(e.relation.from) && !created.has(e.relation.to)) {
          await api.unrelate(e.relation);
          undone.add(e);
        }
      }
      if (created.size > 0) await api.removeMany([...created]);
    } catch (err) {
      if (undone.size > 0) err.partial = split(entries.filter((e) => undone.has(e)), entries.filter((e) => !undone.has(e)));
      throw err;
    }
  }

  return async (entry, direction) => {
    const undo = direction === 'undo';
    await ctx.save(undo ? t('undo') : t('redo'), () => run(entry, direction), { ...stepGives(entry, direction), step: direction });
    ctx.showStatus(undo ? t('Undone and saved') : t('Redone and saved'));
  };
}

// split is a step cut in two: done, the parts the failed step carried
// out (in the direction it ran), and left, those it did not, each one
// history entry (a batch when several), with their words for the page.
function split(done, left) {
  const entry = (parts) => (parts.length === 1 ? parts[0] : { kind: 'batch', entries: parts });
  return { done: entry(done), left: entry(left), doneWords: done.map(partWords), leftWords: left.map(partWords) };
}

// partWords says what a part of a step changes, in a few words.
function partWords(e) {
  switch (e.kind) {
    case 'create':
    case 'delete': {
      const links = (e.relations || []).length;
      const span = t('the {0} span “{1}”', isolate(e.span.label), e.span.text);
      return links ? tn(links, '{1} with its link', '{1} with {0} of its links', span) : span;
    }
    case 'relabel': return t('the label of “{0}”', e.span.text);
    case 'attributes': return 'speaker_in_text' in e.after ? t('the mark “speaker not in the text”') : t('the quotation\'s type');
    case 'relate':
    case 'unrelate':
    case 'replace': return linkWords(e.relation.type);
    default: return (e.entries || []).map(partWords).join(t(', '));
  }
}
