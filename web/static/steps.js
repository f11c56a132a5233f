// Undo and redo against the server: each history entry (history.js) is
// done or taken back by the requests that make or unmake it.

import { stepGives } from './history.js';

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

  // run redoes (or undoes) one history entry against the server.
  async function run(entry, direction) {
    const undo = direction === 'undo';
    switch (entry.kind) {
      case 'create': return undo ? api.remove(entry.span) : recreate(entry.span);
      case 'delete':
        if (!undo) return api.remove(entry.span);
        await recreate(entry.span);
        for (const r of entry.relations) await relate(r);
        return undefined;
      case 'relabel': return undo ? api.relabel(entry.span, entry.from, entry.restore) : api.relabel(entry.span, entry.to);
      case 'attributes': return api.attributes(entry.span, undo ? entry.before : entry.after);
      case 'relate': return undo ? api.unrelate(entry.relation) : relate(entry.relation);
      case 'unrelate': return undo ? relate(entry.relation) : api.unrelate(entry.relation);
      case 'batch':
        if (undo && entry.entries.every((e) => e.kind === 'create' || e.kind === 'relate')) return undoCreated(entry.entries);
        for (const e of undo ? [...entry.entries].reverse() : entry.entries) await run(e, direction);
        return undefined;
      default: throw new Error(`unknown history entry ${entry.kind}`);
    }
  }

  // undoCreated takes back what one step created (an accept of many
  // suggestions): links between spans that stay go one by one, then every
  // span it made goes in one request, with the links that reach them.
  async function undoCreated(entries) {
    const created = new Set(entries.filter((e) => e.kind === 'create').map((e) => e.span.id));
    for (const e of [...entries].reverse()) {
      if (e.kind === 'relate' && !created.has(e.relation.from) && !created.has(e.relation.to)) await api.unrelate(e.relation);
    }
    if (created.size > 0) await api.removeMany([...created]);
  }

  return async (entry, direction) => {
    await ctx.save(direction, () => run(entry, direction), stepGives(entry, direction));
    ctx.showStatus(direction === 'undo' ? 'Undone and saved' : 'Redone and saved');
  };
}
