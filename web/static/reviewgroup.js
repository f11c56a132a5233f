// A group of labels on the review (the labels annotators gave the same
// words differently) draws its text and place once, as cells of its
// first row that span the others' rows, so a row's own outline cannot
// take them in. Whichever row of a group has the focus, the group is
// marked (group-focus on each of its rows) for app.css to draw the
// outline round the group and tint the focused label's row within it.

export function outlineGroups(candidates) {
  candidates.addEventListener('focusin', (e) => {
    for (const old of candidates.querySelectorAll('tr.group-focus')) old.classList.remove('group-focus');
    for (const row of groupOf(e.target.closest('tbody tr'))) row.classList.add('group-focus');
  });
}

// groupOf is the rows of row's group, first to last; none for a row
// alone.
function groupOf(row) {
  if (!row || !row.classList.contains('labels-differ')) return [];
  let first = row;
  while (!first.classList.contains('group-first') && first.previousElementSibling) first = first.previousElementSibling;
  const rows = [first];
  for (let r = first; !r.classList.contains('group-last') && r.nextElementSibling; ) {
    r = r.nextElementSibling;
    rows.push(r);
  }
  return rows;
}
