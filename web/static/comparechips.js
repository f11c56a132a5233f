// Compare in the text draws each chip over its run's first letters with
// CSS anchor positioning alone (app.css), falling back to the edge of its
// line's box when it is too wide to stand there. Chromium remembers the
// fallback a chip took while the page was first laid out, before its
// fonts came (the text wider then, a run starting elsewhere), and keeps
// it once the chip fits over its words again: in an Arabic page a
// quotation's chip stood at the far end of its line, away from the
// quotation. Once the fonts are in, each chip is put back as a new
// element, which is placed afresh.
//
// Two chips whose spans start a letter or two apart (a quotation and the
// name just inside its opening mark) would be drawn over each other, both
// unreadable: the later one moves along its line, toward where its span
// goes on, until it is clear of the chips before it, or up a row where the
// line's box has no room. Done again whenever the window changes size.

const chips = () => document.querySelectorAll('.cmp-chip');
const gap = 10; // px between two chips side by side

const overlaps = (p, q) => p.left < q.right + gap && q.left < p.right + gap && p.top < q.bottom && q.top < p.bottom;

// separate places the chips of one line's box in turn, each clear of the
// ones placed before it.
function separate(box) {
  const bounds = box.getBoundingClientRect();
  const placed = [];
  for (const chip of box.querySelectorAll('.cmp-chip')) {
    const at = chip.getBoundingClientRect();
    const toLeft = chip.classList.contains('from-right'); // the span runs on leftwards
    let dx = 0, dy = 0;
    for (let tries = 0; tries <= 2 * placed.length; tries++) {
      const r = { left: at.left + dx, right: at.right + dx, top: at.top + dy, bottom: at.bottom + dy };
      const hit = placed.find((p) => overlaps(r, p));
      if (!hit) break;
      dx += toLeft ? hit.left - gap - r.right : hit.right + gap - r.left;
      if (at.left + dx < bounds.left || at.right + dx > bounds.right) {
        dx = 0;
        dy -= at.height;
      }
    }
    chip.style.translate = dx === 0 && dy === 0 ? '' : `${dx}px ${dy}px`;
    placed.push({ left: at.left + dx, right: at.right + dx, top: at.top + dy, bottom: at.bottom + dy });
  }
}

function place() {
  const page = document.getElementById('compare');
  for (const chip of chips()) chip.style.translate = '';
  for (const box of document.querySelectorAll('.cmp-textbox')) separate(box);
  if (page) page.dataset.chips = 'placed';
}

if (chips().length > 0) {
  document.fonts.ready.then(() => {
    for (const chip of chips()) chip.replaceWith(chip.cloneNode(true));
    requestAnimationFrame(place);
    let frame = 0;
    addEventListener('resize', () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    });
  });
}
