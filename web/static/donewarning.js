// Mark done asks before finishing the layer, unless quotations lack a
// speaker: then it lists them first, in place (the page, and so its undo
// history, stays), and "Mark done anyway" there asks. Without this script
// the server sends the page again with the list.

/**
 * createDoneWarning wires Mark done and the warning under the bar.
 * askBeforeDone() follows the list of quotations; warningState() follows
 * the warning's own list of those lacking a speaker. Both are called
 * again after every redraw.
 */
export function createDoneWarning() {
  const el = (id) => document.getElementById(id);
  const doneForm = el('mark-done') && el('mark-done').form;
  const warning = el('quote-warning');
  const unattributed = () => el('quote-list').querySelector('[data-unattributed]') !== null;
  function askBeforeDone() {
    if (doneForm) doneForm.classList.toggle('confirm', !unattributed());
    warningState();
  }
  if (doneForm && warning) {
    doneForm.addEventListener('submit', (e) => {
      if (!unattributed()) return;
      e.preventDefault();
      warning.hidden = false;
      warning.scrollIntoView(); // clear of the bar: scroll-padding-top
      warning.focus({ preventScroll: true });
    });
  }

  // The warning follows the list as it is redrawn: once no quotation
  // lacks a speaker it says so, in calm colours, and its button is the
  // plain Mark done; should one lack it again (an undo), it is back.
  function warningState() {
    if (!warning) return;
    const clear = el('warn-clear') !== null;
    warning.classList.toggle('cleared', clear);
    el('warn-title').textContent = clear ? warning.dataset.clearTitle : warning.dataset.title;
    for (const how of warning.querySelectorAll('.warn-how')) how.hidden = clear;
    const anyway = el('mark-done-anyway');
    if (!anyway) return;
    anyway.textContent = clear ? anyway.dataset.clearLabel : anyway.dataset.label;
    const form = anyway.form;
    if (!form.dataset.warnConfirm) form.dataset.warnConfirm = form.dataset.confirm;
    form.dataset.confirm = clear ? form.dataset.clearConfirm : form.dataset.warnConfirm;
  }
  askBeforeDone();
  return { askBeforeDone, warningState };
}
