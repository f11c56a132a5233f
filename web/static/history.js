// Undo and redo of span edits. Each entry is plain data: what was done to
// which span. Re-creating a deleted span gives it a new server id, so
// entries are re-pointed at the new id.

export class History {
  constructor(onChange) {
    this.undoStack = [];
    this.redoStack = [];
    this.onChange = onChange;
  }

  push(entry) {
    this.undoStack.push(entry);
    this.redoStack = [];
    this.onChange();
  }

  canUndo() { return this.undoStack.length > 0; }
  canRedo() { return this.redoStack.length > 0; }

  /** Moves the newest entry between stacks; apply(entry, direction) does the work. */
  async step(direction, apply) {
    const from = direction === 'undo' ? this.undoStack : this.redoStack;
    const to = direction === 'undo' ? this.redoStack : this.undoStack;
    const entry = from.pop();
    if (!entry) return;
    try {
      await apply(entry, direction);
    } catch (err) {
      from.push(entry);
      this.onChange();
      throw err;
    }
    to.push(entry);
    this.onChange();
  }

  /** Points every entry that names span oldId at newId. */
  remap(oldId, newId) {
    for (const e of [...this.undoStack, ...this.redoStack]) {
      if (e.span && e.span.id === oldId) e.span = { ...e.span, id: newId };
    }
  }
}
