// The save status as a toast. Where the label bar does not stay at the
// top of the screen (a laptop at 200% zoom) it scrolls away with the
// page, and "Saved" with it: while the status's place is off the screen,
// what it says shows for a moment at the foot of the screen instead,
// through which the text can still be clicked. "Saving…" stays until the
// answer comes; a failure is the pinned message's, which stays until
// dismissed or the next save succeeds. It stands over no highlighted
// span: what S asks is to click a speaker in the text, and "Saved" is
// about a span the annotator is looking at. Where the text in sight has
// no room between its highlights (200% zoom, the editor's sheet taking
// the foot of the screen), it stands over the head of the sheet instead,
// in place of what is open there, beside Close.

import { t } from './i18n.js';

const GAP = 8; // px between the toast and what it keeps clear of

/**
 * createToast floats status (the bar's save status) while its place is
 * off the screen. pinned are what may be pinned over the foot of the
 * screen (the span editor's sheet, a failed save's message): the toast
 * stands above them, and moves as they open, close or change height
 * while it shows, so it never covers their controls. Between them and
 * the top of the screen it takes the lowest place that covers none of
 * the highlighted spans of docEl (the text) in sight. Where there is
 * none and the sheet is pinned, it covers sheet.head (what is open)
 * beside sheet.keep (Close), cut to the lines that fit there; else it
 * stands at the foot.
 */
export function createToast(status, pinned, docEl, sheet) {
  let timer = 0;

  function place() {
    undock();
    let floor = window.innerHeight - GAP;
    for (const el of pinned) {
      if (el.hidden || getComputedStyle(el).position !== 'fixed') continue;
      floor = Math.min(floor, el.getBoundingClientRect().top - GAP);
    }
    const bottom = clearOfMarks(floor);
    if (bottom === null && dock()) return;
    status.style.bottom = `${window.innerHeight - (bottom ?? floor)}px`;
  }

  // clearOfMarks is where the toast's bottom edge goes: floor, or the
  // lowest place above it (just above a highlight) from which the toast
  // reaches no highlight it would stand in front of, nor the top of the
  // screen; null when there is none.
  function clearOfMarks(floor) {
    const box = status.getBoundingClientRect();
    const marks = marksInSight(box.left, box.right, floor);
    const clear = (bottom) => bottom - box.height >= GAP && !marks.some((m) => m.top < bottom && m.bottom > bottom - box.height);
    const bottoms = [floor, ...marks.map((m) => m.top - GAP / 2)].filter((b) => b <= floor).sort((a, b) => b - a);
    return bottoms.find(clear) ?? null;
  }

  // dock lays the toast over the sheet's head, beside the button kept
  // clear (on either side, as the page's direction puts it), as many of
  // its lines as fit there; false when the sheet is not pinned.
  function dock() {
    const box = sheet.el;
    if (box.hidden || getComputedStyle(box).position !== 'fixed') return false;
    const head = sheet.head.getBoundingClientRect();
    const keep = sheet.keep.getBoundingClientRect();
    const keepLeft = keep.left - head.left < head.right - keep.right;
    const left = keepLeft ? keep.right + GAP : head.left;
    const right = keepLeft ? head.right : keep.left - GAP;
    status.classList.add('docked');
    status.style.left = `${left}px`;
    status.style.width = `${right - left}px`;
    status.style.top = `${head.top}px`;
    status.style.bottom = `${window.innerHeight - head.bottom}px`;
    const style = getComputedStyle(status);
    const room = head.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const line = parseFloat(style.lineHeight) || 1.5 * parseFloat(style.fontSize); // "normal" has no number
    status.style.setProperty('--lines', String(Math.max(1, Math.floor(room / line))));
    return true;
  }

  function undock() {
    status.classList.remove('docked');
    for (const prop of ['top', 'left', 'width', '--lines']) status.style.removeProperty(prop);
  }

  // marksInSight are the boxes of the highlighted runs (and their label
  // chips) between the top of the screen and floor, across left..right.
  // Only the paragraphs on the screen are read: those away from it are
  // not laid out (content-visibility), and reading their runs would lay
  // a whole book out.
  function marksInSight(left, right, floor) {
    const marks = [];
    for (const p of docEl.querySelectorAll(':scope > p')) {
      const r = p.getBoundingClientRect();
      if (r.bottom < 0 || r.top > floor) continue;
      for (const m of p.querySelectorAll('.seg, .chip')) {
        for (const b of m.getClientRects()) {
          if (b.bottom > 0 && b.top < floor && b.right > left && b.left < right) marks.push(b);
        }
      }
    }
    return marks;
  }

  // A sheet opening under a toast already shown (a highlight clicked
  // while "Saved" is up) resizes from nothing: the toast moves above it.
  const follow = new ResizeObserver(() => {
    if (status.classList.contains('floating')) place();
  });
  for (const el of pinned) follow.observe(el);
  window.addEventListener('resize', () => {
    if (status.classList.contains('floating')) place();
  });
  // Scrolled while it shows, the text moves under it: it keeps clear of
  // the highlights, once a frame at most.
  let frame = 0;
  window.addEventListener('scroll', () => {
    if (frame || !status.classList.contains('floating')) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (status.classList.contains('floating')) place();
    });
  }, { passive: true });

  /**
   * float, called just before status is given text, floats it at once
   * if its place is off the screen. Given the text first, a long message
   * (what S asks) would make the bar taller for a moment, the browser
   * would scroll to keep the text still, and the text would be left moved
   * when the status floated, the speaker to click scrolled away.
   */
  function float(text) {
    const box = status.parentElement.getBoundingClientRect();
    const away = box.top < 0 || box.bottom > window.innerHeight;
    status.classList.toggle('floating', text !== '' && away);
    if (!status.classList.contains('floating')) undock();
  }

  /** show floats what the status says now, if its place is off the screen. */
  function show() {
    clearTimeout(timer);
    const text = status.textContent;
    const box = status.parentElement.getBoundingClientRect();
    const away = box.top < 0 || box.bottom > window.innerHeight;
    status.classList.toggle('floating', text !== '' && away);
    if (!status.classList.contains('floating')) {
      undock();
      return;
    }
    place();
    if (text === t('Saving…')) return;
    const ms = Math.min(10000, 3000 + 40 * [...text].length); // time to read it
    timer = setTimeout(() => {
      status.classList.remove('floating');
      undock();
    }, ms);
  }

  return { float, show };
}
