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
// A chip naming several spans that start together ("ORG · PER · QUOTE")
// that does not fit is cut between whole labels with a count of the rest
// ("ORG +2"; when even that is too wide, the first label that fits with
// the count, "PER +1"), never inside a label; the run's title names them
// all.
//
// Measuring needs the text laid out. A long document's paragraphs are
// laid out only near the screen (content-visibility: auto in app.css), so
// chips are fitted paragraph by paragraph as each comes into view, never
// the whole book at once.
//
// A QUOTE's chip names who said the quotation (speakers.js), the name cut
// shorter before any label is left out for want of room; the run's title
// and its description (what a screen reader says of it) name the speaker
// whole. What a save changes in who said what (a link, an unlink, a
// speaker relabelled or deleted) is drawn again wherever its quotation's
// segments stand, though the paragraphs themselves were not redrawn.

import { createSpeakers } from './speakers.js';
import { watchSpeakerHints } from './speakerhint.js';

/**
 * watchChips keeps the chips of docEl's paragraphs fitted: each paragraph
 * as the browser starts drawing it, and the drawn ones again when the
 * text's width changes or a font arrives; reported receives what goes
 * wrong on the way. It returns fit(paragraphs), for paragraphs a redraw
 * has just put in place (null: the whole text is new; [] when none): it
 * is called after every save, once the Quotations panel is redrawn, and
 * also draws again the chips of quotations whose speaker changed.
 */
export function watchChips(docEl, reported) {
  const speakers = createSpeakers(document.getElementById('quote-list'));
  // Pointing at a quotation underlines its speaker, from the same reading.
  watchSpeakerHints(docEl, speakers);
  const fitChips = (paragraphs) => drawChips(paragraphs, speakers);
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
  describeRuns(runsAt(docEl, speakers.read()), speakers);
  // A ResizeObserver also reports once as it starts: the first fit.
  const refit = () => fitChips(drawnNow());
  new ResizeObserver(refit).observe(docEl);
  document.fonts.ready.then(refit).catch(reported);
  // A face the text needs may start loading only once a glyph of it is
  // laid out (the Arabic one, in a Latin paragraph), after fonts.ready
  // has settled; the words move without the text changing size.
  document.fonts.addEventListener('loadingdone', refit);
  return {
    fit(paragraphs) {
      // The runs the redraw brought came without their speakers; those of
      // quotations whose speaker changed are elsewhere too.
      const changed = runsAt(docEl, speakers.read());
      const fresh = paragraphs ? paragraphs.flatMap((p) => [...p.querySelectorAll('.seg[data-chip]')]) : runsAt(docEl, null);
      describeRuns([...fresh.filter((run) => speakers.has(run.dataset.start)), ...changed], speakers);
      const again = new Set(paragraphs || takeNear());
      if (changed.length) {
        const shown = new Set(drawnNow());
        for (const run of changed) if (shown.has(run.parentElement)) again.add(run.parentElement);
      }
      fitChips([...again]);
    },
  };
}

// runsAt finds the labelled runs starting at starts (all of them for
// null): one by one when they are few, else in one pass over the text.
function runsAt(docEl, starts) {
  if (starts && starts.size <= 8) {
    return [...starts].map((start) => docEl.querySelector(`.seg[data-chip][data-start="${start}"]`)).filter(Boolean);
  }
  const all = [...docEl.querySelectorAll('.seg[data-chip]')];
  return starts ? all.filter((run) => starts.has(run.dataset.start)) : all;
}

// describeRuns gives each run its labels with who said its quotation, as
// its title and in words as its description.
function describeRuns(runs, speakers) {
  for (const run of runs) {
    run.title = speakers.title(run.dataset.start, run.dataset.chip, arrowFor(run.dataset.chip));
    run.setAttribute('aria-description', speakers.description(run.dataset.start, run.dataset.chip));
  }
}

/**
 * drawChips draws the chips of the paragraphs' labelled runs, a QUOTE's
 * with who said it. It measures every paragraph first and writes after,
 * so the browser lays the text out once, not once a paragraph.
 */
function drawChips(paragraphs, speakers) {
  measure ||= measurer();
  const layers = paragraphs.map((p) => [p, chipsOf(p)]);
  for (const [p, chips] of layers) {
    const layer = document.createElement('span');
    layer.className = 'chips';
    layer.setAttribute('aria-hidden', 'true');
    for (const c of chips) {
      const chip = document.createElement('span');
      chip.className = 'chip';
      // The text is drawn from data-label (so a copy of the text leaves
      // chips out), which dir="auto" cannot see: its direction is set
      // here. Latin labels read (and are cut) left to right, Arabic ones
      // right to left.
      chip.dir = rightToLeft(c.label) ? 'rtl' : 'ltr';
      chip.dataset.label = fitChip(speakers.chipForms(c.run, c.label, arrowFor(c.label)), c.room, measure);
      if (speakers.unattributed(c.run)) chip.classList.add('unattributed');
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

// measure is the width a chip's text takes, measured on a canvas in the
// chips' font, so fitting labels costs no layout; made once, on first use.
let measure = null;

function measurer() {
  const probe = document.createElement('span');
  probe.className = 'chip';
  document.body.append(probe);
  const cs = getComputedStyle(probe);
  const font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  probe.remove();
  const g = document.createElement('canvas').getContext('2d');
  g.font = font;
  return (text) => g.measureText(text).width;
}

// arrowFor is the arrow from a speaker's name to the QUOTE label in a
// chip of labels: it reads from the name towards the label whichever way
// the chip runs.
const arrowFor = (labels) => (rightToLeft(labels) ? '→' : '←');

// rightToLeft reports whether the first letter of text is of a
// right-to-left script.
function rightToLeft(text) {
  const letter = /\p{L}/u.exec(text);
  return Boolean(letter) && /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(letter[0]);
}

// A pixel to spare: the text drawn may come out a hair wider than measured.
const fitsIn = (room, measure) => (text) => measure(text) + 1 <= room;

// fitChip is the chip text in room pixels, from forms (its labels at each
// length, longest first, as speakers.js gives them): all its labels
// whole at the longest length that fits, else fitLabels' cut of the
// shortest.
function fitChip(forms, room, measure) {
  const fits = fitsIn(room, measure);
  const whole = forms.map((names) => names.join(' · ')).find(fits);
  return whole || fitLabels(forms[forms.length - 1], room, measure);
}

// fitLabels is the chip text for names (joined by " · ") in room pixels:
// all of them, or as many whole names as fit and a count of the rest.
export function fitLabels(names, room, measure) {
  const fits = fitsIn(room, measure);
  const labels = names.join(' · ');
  if (names.length < 2 || fits(labels)) return labels;
  // The count follows a thin space, to take little room.
  const count = (k) => `\u2009+${names.length - k}`;
  for (let k = names.length - 1; k > 1; k--) {
    const text = names.slice(0, k).join(' · ') + count(k);
    if (fits(text)) return text;
  }
  // One label and the count: the first that fits, else the shortest (cut).
  const one = names.map((n) => n + count(1));
  return one.find(fits) || one.reduce((a, b) => (measure(b) < measure(a) ? b : a));
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
