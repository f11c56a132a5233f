// The one place that turns a DOM selection into Hashiya offsets.
//
// The browser counts UTF-16 units and the server counts Unicode code
// points. The server renders every text run as an element with
// data-start = its code point offset in the document, so a boundary
// (node, offset) maps to data-start of its run plus the code points of
// the run's text before it. Nothing counts over the whole DOM text: CRLF
// collapsing, label chips and paragraph breaks cannot shift an offset.

/** Number of code points in a string (a lone surrogate counts as one). */
export function cpLength(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Code points in the first u16 UTF-16 units of s. */
export function cpFromUTF16(s, u16) {
  return cpLength(s.slice(0, u16));
}

const RUN = 'span[data-start]';

function runEnd(run) {
  return Number(run.dataset.start) + cpLength(run.textContent);
}

/** The first run at or after node (in document order) inside root. */
function runAtOrAfter(node, root) {
  if (node.nodeType === Node.ELEMENT_NODE) {
    if (node.matches(RUN)) return node;
    const inner = node.querySelector(RUN);
    if (inner) return inner;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) => (n.matches(RUN) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  walker.currentNode = node;
  return walker.nextNode();
}

/** The code point offset where an element's content begins or ends. */
function edgeOf(el, atEnd, root) {
  if (el.matches(RUN)) return atEnd ? runEnd(el) : Number(el.dataset.start);
  const runs = el.querySelectorAll(RUN);
  if (runs.length > 0) return atEnd ? runEnd(runs[runs.length - 1]) : Number(runs[0].dataset.start);
  if (el.dataset.start !== undefined) return Number(el.dataset.start); // an empty paragraph
  if (el === root) return 0;
  return null;
}

/**
 * Code point offset of a DOM boundary point inside root, or null when it
 * is not inside the document text.
 */
export function boundaryToCodePoint(container, offset, root) {
  if (!root.contains(container)) return null;
  if (container.nodeType === Node.TEXT_NODE) {
    const run = container.parentElement.closest(RUN);
    if (!run || !root.contains(run)) return null;
    return Number(run.dataset.start) + cpFromUTF16(container.data, offset);
  }
  const el = container;
  if (offset < el.childNodes.length) {
    const child = el.childNodes[offset];
    if (child.nodeType === Node.ELEMENT_NODE) {
      const edge = edgeOf(child, false, root);
      if (edge !== null) return edge;
    }
    const next = runAtOrAfter(child, root);
    if (next) return Number(next.dataset.start);
  }
  return edgeOf(el, true, root);
}

/**
 * The selection inside root as {start, end} code points, or null when
 * nothing (or nothing inside root) is selected. getRangeAt(0) is in
 * logical order, so right-to-left text needs no special case.
 */
export function selectionOffsets(root, sel = window.getSelection()) {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  const start = boundaryToCodePoint(r.startContainer, r.startOffset, root);
  const end = boundaryToCodePoint(r.endContainer, r.endOffset, root);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/**
 * The DOM boundary (text node, UTF-16 offset) of code point cp in root:
 * in the first run that holds it, its end included. Runs follow the text
 * in document order, so the run is found by halving, not by counting
 * through a book's runs before it.
 */
export function codePointToBoundary(root, cp) {
  const runs = root.querySelectorAll(RUN);
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) { // the first run ending at or after cp
    const mid = (lo + hi) >> 1;
    if (runEnd(runs[mid]) < cp) lo = mid + 1; else hi = mid;
  }
  for (let i = lo; i < runs.length; i++) {
    const run = runs[i];
    const start = Number(run.dataset.start);
    if (cp < start) return null;
    if (run.firstChild) {
      const chars = [...run.textContent];
      return { node: run.firstChild, offset: chars.slice(0, cp - start).join('').length };
    }
  }
  return null;
}

/** Selects code points start..end of root, as selectionOffsets reads them. */
export function selectOffsets(root, start, end, sel = window.getSelection()) {
  const a = codePointToBoundary(root, start);
  const b = codePointToBoundary(root, end);
  if (!a || !b) return false;
  sel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  return true;
}
