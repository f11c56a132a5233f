// Bringing a place of the text into view. A place is scrolled to by its
// own rectangle, never by its element's: an unlabelled run around a name
// may be many lines tall, and centring the run can leave the name under
// the sticky label bar or below the screen.

const frame = () => new Promise((done) => requestAnimationFrame(() => done()));

// clearArea is the part of the window the text can be read in: below the
// sticky label bar, as tall as it is now (a message in it makes it
// taller), else below the page's scroll-padding-top, and above what is
// pinned over the bottom of the screen: a span editor open as a sheet on
// a narrow screen, a failed save's message on a short one.
function clearArea() {
  let top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  const bar = document.getElementById('annotate-bar');
  if (bar && getComputedStyle(bar).position === 'sticky') top = Math.max(0, bar.getBoundingClientRect().bottom + 8);
  let bottom = window.innerHeight;
  for (const id of ['span-editor', 'save-error']) {
    const pinned = document.getElementById(id);
    if (pinned && !pinned.hidden && getComputedStyle(pinned).position === 'fixed') {
      bottom = Math.min(bottom, pinned.getBoundingClientRect().top - 8);
    }
  }
  return { top, bottom };
}

/**
 * revealRange scrolls the window, if need be, so that range is wholly in
 * the clear area, centred in it (or its start at the top when it is
 * taller). Paragraphs far from the screen are laid out only as they come
 * near it (content-visibility), which moves the text after a scroll, so
 * the place is measured again over a few frames until it stays.
 *
 * keep, when given, is a control in focus that scrolls with the page (a
 * suggestion's button below the text on a narrow screen): the place and
 * the control are brought into view together when both fit, else nothing
 * is scrolled, so the focus is never taken off the screen.
 */
export async function revealRange(range, keep = null) {
  // The browser brings a control taking focus into view after its focus
  // events: measure once it has.
  if (keep) await frame();
  for (let tries = 0; tries < 5; tries++) {
    let box = range.getBoundingClientRect();
    const { top, bottom } = clearArea();
    if (keep) {
      const k = keep.getBoundingClientRect();
      const both = { top: Math.min(box.top, k.top), bottom: Math.max(box.bottom, k.bottom) };
      box = { ...both, height: both.bottom - both.top };
      if (box.height > bottom - top) return;
    }
    if (box.top >= top && box.bottom <= bottom) return;
    const room = bottom - top;
    const to = box.height >= room ? top : top + (room - box.height) / 2;
    window.scrollBy(0, box.top - to);
    await frame();
  }
}
