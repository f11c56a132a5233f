// Label chips sit above the text, each over the start of the first run of
// its span. They are drawn in a layer of their own at the start of each
// paragraph, out of the text: anything in the line, even an absolutely
// placed ::before, counts to the bidi algorithm as a neutral character
// and would reorder the text around it (the year of "5/10/2021" drawn
// before the day when a span starts at it).
//
// Each chip may use the room from its run's start edge up to the next
// chip on the same line, so a long label over a short word is cut only
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
 * has just put in place (null: the whole text is new).
 */
export function watchChips(docEl, reported) {
  const lazy = 'ContentVisibilityAutoStateChangeEvent' in window;
  const drawn = new Set();
  // The browser may draw the screen before a listener hears of it (as
  // this module starts, or as a redraw puts a whole new text in place):
  // take what is on or near the screen as drawn.
  const nearScreen = () => {
    const all = [...docEl.querySelectorAll(':scope > p')];
    if (!lazy) return all;
    return all.filter((p) => {
      const r = p.getBoundingClientRect();
      return r.bottom >= -innerHeight && r.top <= 2 * innerHeight;
    });
  };
  const drawnNow = () => {
    for (const p of drawn) if (!p.isConnected) drawn.delete(p);
    return lazy ? [...drawn] : nearScreen();
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
  const takeNear = () => {
    const near = nearScreen();
    near.forEach((p) => drawn.add(p));
    return near;
  };
  takeNear();
  // A ResizeObserver also reports once as it starts: the first fit.
  const refit = () => fitChips(drawnNow());
  new ResizeObserver(refit).observe(docEl);
  document.fonts.ready.then(refit).catch(reported);
  return { fit: (paragraphs) => fitChips(paragraphs || takeNear()) };
}

/**
 * fitChips draws the chips of the paragraphs' labelled runs. It measures
 * every paragraph first and writes after, so the browser lays the text
 * out once, not once a paragraph.
 */
export function fitChips(paragraphs) {
  const layers = paragraphs.map((p) => [p, chipsOf(p)]);
  for (const [p, chips] of layers) {
    const layer = document.createElement('span');
    layer.className = 'chips';
    layer.setAttribute('aria-hidden', 'true');
    for (const c of chips) {
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.dataset.label = c.label;
      chip.dataset.run = c.run;
      chip.style.setProperty(c.rtl ? 'right' : 'left', `${c.x}px`);
      chip.style.top = `${c.top}px`;
      chip.style.maxWidth = `${c.room}px`;
      layer.append(chip);
    }
    // A paragraph with no labelled run gets no layer at all.
    const old = p.querySelector(':scope > .chips');
    if (chips.length === 0) old?.remove();
    else if (old) old.replaceWith(layer);
    else p.prepend(layer);
  }
}

// chipsOf measures where each chip of paragraph p goes: x from the
// paragraph's start edge, top from its top, and the room it may take.
function chipsOf(p) {
  const rtl = getComputedStyle(p).direction === 'rtl';
  const box = p.getBoundingClientRect();
  const runs = [...p.querySelectorAll('.seg[data-chip]')]
    .map((seg) => ({ seg, r: startFragment(seg) }))
    .filter((run) => run.r);
  return runs.map(({ seg, r }) => {
    // The chip starts at the run's start edge and grows towards its end.
    const from = rtl ? r.right : r.left;
    let room = rtl ? from - box.left : box.right - from;
    for (const other of runs) {
      if (other.seg === seg || !sameLine(r, other.r)) continue;
      const gap = rtl ? from - other.r.right : other.r.left - from;
      if (gap >= 0) room = Math.min(room, gap);
    }
    return {
      label: seg.dataset.chip, run: seg.dataset.start, rtl,
      x: rtl ? box.right - r.right : r.left - box.left,
      top: r.top - box.top, // app.css lifts the chip above the line
      // Never less than the run itself (nothing else is drawn over it),
      // less a hair, so chips of touching runs do not touch.
      room: Math.max(room, r.width) - 3,
    };
  });
}

// startFragment is the box of the part of seg that holds its first
// character: a run broken over lines, or into pieces by a change of
// direction, has several.
function startFragment(seg) {
  const rects = [...seg.getClientRects()];
  if (rects.length < 2 || !seg.firstChild) return rects[0] || null;
  const first = document.createRange();
  const text = seg.firstChild.data;
  first.setStart(seg.firstChild, 0);
  first.setEnd(seg.firstChild, text.codePointAt(0) > 0xFFFF ? 2 : 1);
  const c = first.getBoundingClientRect();
  const x = (c.left + c.right) / 2;
  return rects.find((r) => sameLine(r, c) && r.left <= x && x <= r.right) || rects[0];
}

function sameLine(a, b) {
  return a.top < b.bottom && b.top < a.bottom;
}
