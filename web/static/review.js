// Keyboard review: j and k move between the spans of the review table,
// a accepts the span into gold, r rejects it (or takes the rejection
// back) and x removes it from gold (after the question), so a reviewer
// works through a document without the mouse.
// An accept or a removal comes back to the same row (the address names
// it), which takes the focus again.

const table = document.getElementById('candidates');
if (table) init(table);

// rowAfter is the first of rows that comes after the place of the row
// anchor names (c-START-END-LABEL), in the table's order: by start, the
// longer span first.
function rowAfter(rows, anchor) {
  const place = (id) => (/^c-(\d+)-(\d+)-/.exec(id) || []).slice(1).map(Number);
  const [start, end] = place(anchor);
  if (start === undefined) return null;
  return rows.find((row) => {
    const [s, e] = place(row.id);
    return s > start || (s === start && e < end);
  }) || null;
}

function init(candidates) {
  const rows = () => [...candidates.querySelectorAll('tbody tr')];
  for (const row of rows()) row.tabIndex = -1;
  let current = null;

  function focusRow(row) {
    if (!row) return;
    current = row;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  }

  // The row a decision came from; on a filtered list (only the undecided)
  // it may have left it, and the row after its place takes the focus.
  const back = location.hash.slice(1);
  const named = back && (document.getElementById(back) || document.getElementById(decodeURIComponent(back)));
  if (named && candidates.contains(named)) focusRow(named);
  else if (back) focusRow(rowAfter(rows(), back));
  candidates.addEventListener('focusin', (e) => {
    const row = e.target.closest('tbody tr');
    if (row) current = row;
  });

  // press clicks a row's button for an action, when it has one that
  // works; otherwise it says why nothing happens, rather than nothing.
  const status = document.getElementById('review-key-status');
  function press(action) {
    if (!current) {
      status.textContent = 'Choose a span first: j goes to the first one.';
      return;
    }
    const form = current.querySelector(`form[action$="/review/${action}"]`);
    const button = form && form.querySelector('button');
    if (button && !button.disabled) {
      status.textContent = '';
      button.click();
    } else if (button) {
      status.textContent = 'Gold is marked reviewed and read only; a manager can reopen it.';
    } else {
      status.textContent = whyNot[action];
    }
  }
  const whyNot = {
    accept: 'Gold holds this span already: x removes it.',
    reject: 'Gold holds this span: x removes it from gold first.',
    remove: 'Gold does not hold this span: a accepts it, r rejects it.',
  };

  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, textarea, select, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) return;
    const all = rows();
    const at = all.indexOf(current);
    switch (e.key) {
      case 'j':
        focusRow(all[at < 0 ? 0 : Math.min(at + 1, all.length - 1)]);
        break;
      case 'k':
        focusRow(all[at < 0 ? all.length - 1 : Math.max(at - 1, 0)]);
        break;
      case 'a':
        press('accept');
        break;
      case 'x':
        press('remove');
        break;
      case 'r':
        press(current && current.querySelector('form[action$="/review/unreject"]') ? 'unreject' : 'reject');
        break;
      default:
        return;
    }
    e.preventDefault();
  });
}
