// Undo and redo of span and relation edits. Each entry is plain data: what
// was done to which span or relation (kinds: create, delete, relabel,
// attributes, relate, unrelate, replace for a link made in place of
// another, and batch for one action made of several).
// Re-creating a deleted span or relation gives it a new server id, so
// entries are re-pointed at the new id.

export class History {
  /**
   * onChange is told when the stacks change; idle() resolves when no save
   * is under way, so an undo pressed during a save undoes that save's
   * change, not the one before it.
   */
  constructor(onChange, idle = () => Promise.resolve()) {
    this.undoStack = [];
    this.redoStack = [];
    this.onChange = onChange;
    this.idle = idle;
  }

  push(entry) {
    this.undoStack.push(entry);
    this.redoStack = [];
    this.onChange();
  }

  canUndo() { return this.undoStack.length > 0; }
  canRedo() { return this.redoStack.length > 0; }

  /**
   * Moves the newest entry between stacks; apply(entry, direction) does
   * the work. Steps run one after another, so a redo pressed while its
   * undo is still saving finds the entry on the redo stack.
   */
  step(direction, apply) {
    // A step waits for the one before it; that one's failure went to its own caller.
    const run = (this.running || Promise.resolve()).catch(() => {}).then(() => this.idle()).then(() => this.stepNow(direction, apply));
    this.running = run;
    return run;
  }

  async stepNow(direction, apply) {
    const from = direction === 'undo' ? this.undoStack : this.redoStack;
    const to = direction === 'undo' ? this.redoStack : this.undoStack;
    const entry = from.pop();
    if (!entry) return;
    this.current = entry; // remap must reach the entry being replayed too
    try {
      await apply(entry, direction);
    } catch (err) {
      // A step whose span or relation is gone (404: deleted elsewhere), or
      // that gives a label or a link the project no longer has (apply
      // marks the error stepGone and says so), can never be replayed;
      // kept, it would block every step behind it.
      const gone = err.status === 404 || err.stepGone;
      if (err.partial) {
        // Part of the step went through (steps.js split it): that part
        // moves on, the rest stays where it was, as the server holds them.
        to.push(err.partial.done);
        if (!gone) from.push(err.partial.left);
      } else if (!gone) {
        from.push(entry);
      }
      this.onChange();
      throw err;
    } finally {
      this.current = null;
    }
    to.push(entry);
    this.onChange();
  }

  /** Points every entry that names span oldId (as a span, or as an end of a relation) at newId. */
  remap(oldId, newId) {
    this.each((e) => {
      if (e.span && e.span.id === oldId) e.span = { ...e.span, id: newId };
      if (e.cleared) e.cleared = e.cleared.map((id) => (id === oldId ? newId : id));
      for (const r of relationsOf(e)) {
        if (r.from === oldId) r.from = newId;
        if (r.to === oldId) r.to = newId;
      }
    });
  }

  /**
   * Points every entry that names relation oldId at newId: a relation
   * re-created (undoing its deletion, redoing its creation) gets a new
   * server id, and an older entry still naming the old one would fail.
   */
  remapRelation(oldId, newId) {
    this.each((e) => {
      for (const r of relationsOf(e)) {
        if (r.id === oldId) r.id = newId;
      }
    });
  }

  // each calls fix on every entry of both stacks, the one being replayed
  // and the parts of batches.
  each(fix) {
    const visit = (e) => {
      fix(e);
      (e.entries || []).forEach(visit);
    };
    [...this.undoStack, ...this.redoStack, this.current].filter(Boolean).forEach(visit);
  }
}

/**
 * stepGives lists what replaying entry in direction would ask the project
 * to have: the labels of the spans it makes or relabels, and the
 * relations it makes ({type, from, to}, span ids), each with the span it
 * re-creates when one end is such a span, so a refused step can be told
 * apart from one that fails for another reason.
 */
export function stepGives(entry, direction) {
  const undo = direction === 'undo';
  const gives = { labels: [], relations: [], spans: [] };
  const visit = (e) => {
    const remakes = e.kind === (undo ? 'delete' : 'create');
    if (remakes) {
      gives.labels.push(e.span.label);
      gives.spans.push(e.span);
    }
    if (e.kind === 'relabel') gives.labels.push(undo ? e.from : e.to);
    if (e.kind === 'delete' && undo) gives.relations.push(...e.relations);
    if (e.kind === (undo ? 'unrelate' : 'relate')) gives.relations.push(e.relation);
    if (e.kind === 'replace') gives.relations.push(...(undo ? e.replaced : [e.relation]));
    (e.entries || []).forEach(visit);
  };
  visit(entry);
  return gives;
}

// relationsOf lists the relations an entry names: its own, those a
// deleted span took with it, or those a link replaced.
function relationsOf(e) {
  return [e.relation, ...(e.relations || []), ...(e.replaced || [])].filter(Boolean);
}
