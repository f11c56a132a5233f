// A row of label buttons as one Tab stop (the WAI-ARIA toolbar pattern,
// with a roving tabindex): Tab enters it on the button focused there
// last, or on the first; ArrowLeft and ArrowRight move to the button
// beside, in the order the row is drawn (wrapping round), Home and End to
// the first and the last; Enter and Space press the button, as any
// button. A bar of a hundred labels no longer stands between a keyboard
// and what follows it.

/**
 * rovingToolbar makes the buttons of bar matching selector one Tab stop.
 * A button is known by its data-label, so when the buttons are drawn
 * again (the project's labels changed) the Tab stop stays on the same
 * label, or goes to the first when that label is gone.
 */
export function rovingToolbar(bar, selector) {
  let current = null; // data-label of the button holding the Tab stop
  // A disabled button cannot take the focus, so it cannot hold the stop.
  const items = () => [...bar.querySelectorAll(selector)].filter((b) => !b.disabled);

  function sync() {
    const all = items();
    const stop = all.find((b) => b.dataset.label === current) || all[0];
    for (const b of bar.querySelectorAll(selector)) b.tabIndex = b === stop ? 0 : -1;
  }

  bar.addEventListener('focusin', (e) => {
    const b = e.target.closest(selector);
    if (!b || !bar.contains(b)) return;
    current = b.dataset.label;
    sync();
  });

  bar.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const all = items();
    const at = all.indexOf(e.target.closest(selector));
    if (at < 0) return;
    // Next is the button drawn to the right in a left-to-right row, to
    // the left in a right-to-left one: arrows follow what is seen.
    const rtl = getComputedStyle(bar).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
    let to;
    if (step) to = (at + step + all.length) % all.length;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = all.length - 1;
    else return;
    e.preventDefault();
    all[to].focus();
  });

  // The buttons drawn again, or turned on or off (a read-only layer's
  // editor), get their tabindex from the label that held the stop.
  new MutationObserver(sync).observe(bar, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  sync();
}
