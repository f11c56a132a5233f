// Beside the text a quotation's "Speaker:" and "Cue:" lines are pinned at
// the top of the editor's scrolling body (app.css), over what scrolls
// under them. Focus scrolls what it moves to into the middle of the body,
// which can leave the row of Pick buttons above a candidate half under
// the pinned lines, looking broken: focusBelowPinned scrolls the body
// itself, so the row stands whole just below the lines, or, where the
// control would then be out of sight, wholly under them.

/**
 * focusBelowPinned focuses control, inside the scrolling body, and shows
 * it whole with row (a row of controls above it) wholly below the pinned
 * lines or wholly scrolled under them. Where the lines are not pinned
 * (the narrow screen's sheet) it is a plain focus.
 * @param {HTMLElement} control
 * @param {HTMLElement} row
 * @param {HTMLElement[]} lines
 * @param {HTMLElement} body
 */
export function focusBelowPinned(control, row, lines, body) {
  if (!lines.length || lines.some((p) => getComputedStyle(p).position !== 'sticky')) {
    control.focus();
    return;
  }
  control.focus({ preventScroll: true });
  const top = (e) => e.getBoundingClientRect().top;
  // The row to the body's top pins the lines over it; then back down by
  // their height as drawn, to stand where it would below them.
  body.scrollTop += top(row) - top(body);
  const edge = Math.max(...lines.map((p) => p.getBoundingClientRect().bottom));
  const gap = parseFloat(getComputedStyle(row.parentElement).rowGap) || 0;
  body.scrollTop -= edge + gap - top(row);
  const over = control.getBoundingClientRect().bottom - body.getBoundingClientRect().bottom;
  if (over > 0) body.scrollTop += Math.max(over, row.getBoundingClientRect().bottom - edge);
}
