// The annotation view's bar: the labels, undo and the save status stay on
// screen while the text scrolls (app.css makes the bar sticky where the
// screen is tall enough).

/**
 * watchBar keeps the side panel and anything scrolled into view clear of
 * bar. The room is set on just those two elements, never as a custom
 * property of the page, whose change would restyle every element of a
 * long text.
 */
export function watchBar(bar, side) {
  let measured = false;
  function measure() {
    // Wrapped onto many lines (a narrow screen) the bar would hide most
    // of the text: there it scrolls with the page (app.css). Its height
    // is the same either way, so this never flips back and forth.
    bar.classList.toggle('scrolls', bar.offsetHeight > window.innerHeight / 3);
    const sticky = getComputedStyle(bar).position === 'sticky';
    const room = sticky ? bar.offsetHeight : 0;
    document.documentElement.style.scrollPaddingTop = `${room + 8}px`;
    side.style.top = side.style.maxHeight = '';
    if (room > 0 && getComputedStyle(side).position === 'sticky') {
      side.style.top = `${room + 8}px`;
      side.style.maxHeight = `calc(100vh - ${room + 16}px)`;
    }
    // The browser went to the address's #target before the bar's height
    // was known: go there again, clear of the bar, and take focus there
    // (the list of quotations without a speaker, after Mark done).
    if (measured) return;
    measured = true;
    const target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      target.scrollIntoView();
      if (target.tabIndex >= 0 || target.hasAttribute('tabindex')) target.focus({ preventScroll: true });
    }
  }
  new ResizeObserver(measure).observe(bar);
  window.addEventListener('resize', measure);
}
