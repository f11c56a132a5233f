// The keyboard caret in the text. The text is not editable, so the
// browser neither draws a caret in it nor scrolls to follow one: arrows
// move a caret placed here (Shift extends, Ctrl moves by words), a thin
// mark shows where it is while the text has the focus and the keyboard
// is in use, and the page scrolls to keep it in sight, clear of the
// sticky label bar.

import { boundaryToCodePoint, codePointToBoundary } from './offsets.js';
import { revealRange } from './reveal.js';

/**
 * caretOffset is the code point of the selection's moving end (its focus)
 * in docEl, null when the selection is not in the text.
 */
export function caretOffset(docEl) {
  const sel = window.getSelection();
  if (sel.rangeCount === 0 || !docEl.contains(sel.focusNode)) return null;
  return boundaryToCodePoint(sel.focusNode, sel.focusOffset, docEl);
}

/**
 * placeCaret collapses the selection to a caret at code point cp of
 * docEl, where the next Shift+Arrow extends from. It reports whether the
 * place is in the text.
 */
export function placeCaret(docEl, cp) {
  const at = codePointToBoundary(docEl, cp);
  if (!at) return false;
  window.getSelection().collapse(at.node, at.offset);
  return true;
}

// caretRect is where the selection's focus is drawn on screen, null when
// it is not in docEl. A collapsed range has no box at some boundaries (the
// edge of a run): the character beside it gives the line instead.
function caretRect(docEl) {
  const sel = window.getSelection();
  if (sel.rangeCount === 0 || !docEl.contains(sel.focusNode)) return null;
  const r = document.createRange();
  r.setStart(sel.focusNode, sel.focusOffset);
  const box = r.getClientRects()[0];
  if (box && box.height > 0) return box;
  const node = sel.focusNode;
  if (node.nodeType !== Node.TEXT_NODE || node.data.length === 0) return null;
  const before = sel.focusOffset > 0;
  r.setStart(node, before ? sel.focusOffset - 1 : 0);
  r.setEnd(node, before ? sel.focusOffset : 1);
  const ch = r.getClientRects()[0];
  if (!ch) return null;
  // In right-to-left text the caret after a character is at its left.
  const rtl = getComputedStyle(node.parentElement).direction === 'rtl';
  const x = before === rtl ? ch.left : ch.right;
  return { top: ch.top, bottom: ch.bottom, left: x, right: x, width: 0, height: ch.height };
}

/**
 * watchCaret gives docEl a keyboard caret: arrows, Home and End move it
 * (Shift extends the selection), the page scrolls to follow it, and a
 * mark (aria-hidden; a screen reader follows the selection itself) shows
 * it while the text has the focus, from the first key pressed after the
 * mouse was last used. reported takes a failed scroll's error. It returns
 * follow(), which scrolls to the caret.
 */
export function watchCaret(docEl, reported) {
  const mark = document.createElement('div');
  mark.className = 'caret-mark';
  mark.setAttribute('aria-hidden', 'true');
  mark.hidden = true;
  document.body.append(mark);

  // A click or drag in the text leaves a caret no reader expects there
  // (the text is not editable), which a mark would show as a stray
  // stroke among the letters: the mark waits for a key. A modifier alone
  // moves nothing, so it does not count.
  let byKeyboard = false;
  document.addEventListener('pointerdown', () => {
    byKeyboard = false;
    drawMark();
  }, true);
  document.addEventListener('keydown', (e) => {
    if (['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) return;
    byKeyboard = true;
    drawMark();
  }, true);

  function drawMark() {
    const box = byKeyboard && document.activeElement === docEl ? caretRect(docEl) : null;
    mark.hidden = !box;
    if (!box) return;
    mark.style.left = `${box.left + window.scrollX - 1}px`;
    mark.style.top = `${box.top + window.scrollY}px`;
    mark.style.height = `${box.height}px`;
  }

  docEl.addEventListener('focus', () => {
    const sel = window.getSelection();
    if (!(sel.rangeCount > 0 && docEl.contains(sel.anchorNode))) {
      const first = docEl.querySelector('span[data-start]');
      if (first && first.firstChild) sel.collapse(first.firstChild, 0);
    }
    drawMark();
  });
  docEl.addEventListener('blur', drawMark);
  document.addEventListener('selectionchange', drawMark);
  // The text moves under the mark as paragraphs are laid out, when the
  // window is resized and when what is above it grows (a message in the
  // label bar), which changes the page's height.
  const moved = new ResizeObserver(drawMark);
  moved.observe(docEl);
  moved.observe(document.body);

  // follow scrolls to the caret after a move; while a scroll is under way
  // (a key held down) one more follows when it ends, not one per key.
  let following = null;
  let again = false;
  function follow() {
    if (following) {
      again = true;
      return;
    }
    if (!caretRect(docEl)) return;
    // Should the caret go (a redraw under way), a place in mid-screen
    // asks for no scrolling.
    const still = { top: window.innerHeight / 2, bottom: window.innerHeight / 2, height: 0 };
    const caret = { getBoundingClientRect: () => caretRect(docEl) || still };
    following = revealRange(caret).catch(reported).finally(() => {
      following = null;
      drawMark();
      if (again) {
        again = false;
        follow();
      }
    });
  }

  docEl.addEventListener('keydown', (e) => {
    const moves = { ArrowLeft: 'left', ArrowRight: 'right', Home: 'backward', End: 'forward' };
    if (!(e.key in moves) || e.altKey || e.metaKey) return;
    const sel = window.getSelection();
    const unit = e.key === 'Home' || e.key === 'End' ? 'lineboundary' : e.ctrlKey ? 'word' : 'character';
    sel.modify(e.shiftKey ? 'extend' : 'move', moves[e.key], unit);
    e.preventDefault();
    follow();
  });
  return { follow };
}
