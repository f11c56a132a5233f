// Label chips sit above the text (app.css draws them from data-chip).
// Each may use the room from its run's start edge up to the next run with
// a chip on the same line, so a long label over a short word is cut only
// when a neighbour's chip needs the room, and no two chips ever overlap.

/**
 * fitChips gives every chip its room, as --chip-room on its run: in the
 * paragraphs given (those a redraw replaced), or all of them.
 */
export function fitChips(docEl, paragraphs = null) {
  for (const p of paragraphs || docEl.querySelectorAll('p')) {
    const rtl = getComputedStyle(p).direction === 'rtl';
    const line = p.getBoundingClientRect();
    const runs = [...p.querySelectorAll('.seg[data-chip]')].map((seg) => ({ seg, rects: seg.getClientRects() }));
    for (const { seg, rects } of runs) {
      // A run broken over lines keeps the CSS default: its own width.
      if (rects.length !== 1) {
        seg.style.removeProperty('--chip-room');
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
      seg.style.setProperty('--chip-room', `${Math.max(room, r.width) - 3}px`);
    }
  }
}

function sameLine(a, b) {
  return a.top < b.bottom && b.top < a.bottom;
}
