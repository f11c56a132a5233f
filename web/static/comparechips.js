// Compare in the text draws each chip over its run's first letters with
// CSS anchor positioning alone (app.css), falling back to the edge of its
// line's box when it is too wide to stand there. Chromium remembers the
// fallback a chip took while the page was first laid out, before its
// fonts came (the text wider then, a run starting elsewhere), and keeps
// it once the chip fits over its words again: in an Arabic page a
// quotation's chip stood at the far end of its line, away from the
// quotation. Once the fonts are in, each chip is put back as a new
// element, which is placed afresh.

const chips = () => document.querySelectorAll('.cmp-chip');
if (chips().length > 0) {
  document.fonts.ready.then(() => {
    for (const chip of chips()) chip.replaceWith(chip.cloneNode(true));
  });
}
