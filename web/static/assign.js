// The project page's bar of ticked documents says how many are ticked
// (on this page of the list) as boxes are ticked, so a manager knows what
// Assign, Unassign or Delete will take before pressing it, and ticks or
// clears every box of the page at once.

import { tn } from './i18n.js';

const bar = document.getElementById('assign-form');
const count = document.getElementById('ticked-count');
const all = document.getElementById('tick-all');

if (bar && count) {
  const boxes = () => [...document.querySelectorAll('input[type="checkbox"][name="doc"][form="assign-form"]')];
  const show = () => {
    const list = boxes();
    const n = list.filter((b) => b.checked).length;
    count.textContent = tn(n, '1 document selected', '{0} documents selected');
    bar.classList.toggle('has-ticked', n > 0);
    if (all) {
      all.checked = n > 0 && n === list.length;
      all.indeterminate = n > 0 && n < list.length;
    }
  };
  document.addEventListener('change', (e) => {
    if (e.target === all) {
      for (const b of boxes()) b.checked = all.checked;
      show();
    } else if (e.target.matches('input[type="checkbox"][name="doc"][form="assign-form"]')) {
      show();
    }
  });
  // app.css keeps the window's foot, as tall as the bar, out of where
  // things are scrolled into view; the bar grows when it wraps or holds
  // a notice.
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--ticked-bar-height', `${bar.offsetHeight}px`);
  }).observe(bar);
  // Ticking them all is the script's: without it the box is not shown.
  if (all) all.closest('label').hidden = false;
  // A page restored from the history keeps its ticks: count them.
  window.addEventListener('pageshow', show);
  show();
}
