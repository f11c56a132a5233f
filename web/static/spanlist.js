// The span list beside the text as assistive technology hears it. The
// list is cut into groups that the browser lays out only near the screen
// (app.css, components/spanlist.templ), and it leaves the entries of a
// group it skips out of the accessibility tree as well. So each entry
// laid out says its place in the whole list and the list's length
// (aria-posinset, aria-setsize: the ARIA way for a list only partly
// present), and a screen reader says "5,000 of 10,844", not "5 of 64".

/**
 * numberSpanList keeps the places of the entries laid out in list (the
 * #span-list box) and returns renumber(), to call after the list changed.
 */
export function numberSpanList(list) {
  const shown = new Set(); // the groups laid out now
  // The event does not bubble: it is caught on its way down.
  list.addEventListener('contentvisibilityautostatechange', (e) => {
    const group = e.target;
    if (!group.classList.contains('span-group')) return;
    if (e.skipped) {
      shown.delete(group);
      return;
    }
    shown.add(group);
    number(group, total(group.parentElement));
  }, { capture: true });

  // Groups laid out before this module ran had their event already.
  const spans = list.querySelector('.spans');
  if (spans) {
    const n = total(spans);
    for (const group of spans.children) {
      if (!group.firstElementChild.checkVisibility({ contentVisibilityAuto: true })) continue;
      shown.add(group);
      number(group, n);
    }
  }

  return function renumber() {
    const spans = list.querySelector('.spans');
    const n = spans ? total(spans) : 0;
    for (const group of shown) {
      if (group.parentElement === spans) number(group, n); else shown.delete(group);
    }
  };
}

// total is how many entries the list holds: a count per group, not a
// look at each entry.
function total(spans) {
  let n = 0;
  for (const group of spans.children) n += group.childElementCount;
  return n;
}

// number writes each entry's place in a group, counting the entries of
// the groups before it, and the list's length n.
function number(group, n) {
  let place = 0;
  for (let g = group.previousElementSibling; g; g = g.previousElementSibling) place += g.childElementCount;
  for (const entry of group.children) {
    place++;
    if (entry.getAttribute('aria-posinset') !== String(place)) entry.setAttribute('aria-posinset', String(place));
    if (entry.getAttribute('aria-setsize') !== String(n)) entry.setAttribute('aria-setsize', String(n));
  }
}
