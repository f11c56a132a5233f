// Label chips sit above the text (app.css draws them from data-chip).
// Each may use the room from its run's start edge up to the next run with
// a chip on the same line, so a long label over a short word is cut only
// when a neighbour's chip needs the room, and no two chips ever overlap.
//
// Measuring needs the text laid out. A long document's paragraphs are
// laid out only near the screen (content-visibility: auto in app.css), so
// chips are fitted paragraph by paragraph as each comes into view, never
// the whole book at once.

/**
 * watchChips keeps the chips of docEl's paragraphs fitted: each paragraph
 * as the browser starts drawing it, and the drawn ones again when the
 * text's width changes or the font arrives; reported receives what goes
 * wrong on the way. It returns fit(paragraphs), for paragraphs a redraw
 * has just put in place.
 */
export function watchChips(docEl, reported) {
  const lazy = 'ContentVisibilityAutoStateChangeEvent' in window;
  const drawn = new Set();
  const drawnNow = () => {
    if (!lazy) return [...docEl.querySelectorAll(':scope > p')];
    for (const p of drawn) if (!p.isConnected) drawn.delete(p);
    return [...drawn];
  };
  // The event does not bubble: listen while it goes down to the paragraph.
  docEl.addEventListener('contentvisibilityautostatechange', (e) => {
    if (e.target.parentElement !== docEl) return;
    if (e.skipped) {
      drawn.delete(e.target);
    } else {
      drawn.add(e.target);
      fitChips([e.target]);
    }
  }, true);
  // The browser may draw the first screen before this module runs, its
  // events unheard: fit what is on or near the screen now.
  if (lazy) {
    for (const p of docEl.querySelectorAll(':scope > p')) {
      const r = p.getBoundingClientRect();
      if (r.bottom >= -innerHeight && r.top <= 2 * innerHeight) drawn.add(p);
    }
  }
  // A ResizeObserver also reports once as it starts: the first fit.
  const refit = () => fitChips(drawnNow());
  new ResizeObserver(refit).observe(docEl);
  document.fonts.ready.then(refit).catch(reported);
  return { fit: fitChips };
}

/**
 * fitChips gives every chip in the paragraphs its room, as --chip-room on
 * its run. It measures every paragraph first and writes after, so the
 * browser lays the text out once, not once a paragraph.
 */
export function fitChips(paragraphs) {
  const rooms = [];
  for (const p of paragraphs) {
    const rtl = getComputedStyle(p).direction === 'rtl';
    const line = p.getBoundingClientRect();
    const runs = [...p.querySelectorAll('.seg[data-chip]')].map((seg) => ({ seg, rects: seg.getClientRects() }));
    for (const { seg, rects } of runs) {
      // A run broken over lines keeps the CSS default: its own width.
      if (rects.length !== 1) {
        rooms.push([seg, null]);
        continue;
      }
      const r = rects[0];
      // The chip starts at the run's start edge and grows towards its end.
      const from = rtl ? r.right : r.left;
      let room = rtl ? from - line.left : line.right - from;
      for (const other of runs) {
        const o = other.rects[0];
        if (other.seg === seg || !o || !sameLine(r, o)) continue;
        const gap = rtl ? from - o.right : o.left - from;
        if (gap >= 0) room = Math.min(room, gap);
      }
      // Never less than the run itself (nothing else is drawn over it),
      // less a hair, so chips of touching runs do not touch.
      rooms.push([seg, `${Math.max(room, r.width) - 3}px`]);
    }
  }
  for (const [seg, room] of rooms) {
    if (room === null) seg.style.removeProperty('--chip-room');
    else seg.style.setProperty('--chip-room', room);
  }
}

function sameLine(a, b) {
  return a.top < b.bottom && b.top < a.bottom;
}
