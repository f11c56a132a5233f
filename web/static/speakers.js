// Who said each quotation, as the chips over the text show it: a QUOTE's
// chip names its speaker ("QUOTE ← صباح النعمان"), asks for one
// ("QUOTE ← ?") or says it is not in the text. The Quotations panel,
// drawn by the server at load and after every save, says it: each item
// carries its segments' starts (data-starts) and the name (data-said: the
// entity a pronoun or unnamed source refers to, else the speaker's text),
// or data-not-in-text. A joined quotation's segments all name the same
// speaker.

import { t } from './i18n.js';

// Each name is isolated (FSI ... PDI), so Arabic inside a Latin chip, and
// a name ending in a digit or a mark, keeps its own order.
const isolate = (name) => `\u2068${name}\u2069`;

/**
 * createSpeakers reads who said each quotation from panel (the Quotations
 * list) and answers, for a run starting at a code point, what its chip
 * and its description say.
 */
export function createSpeakers(panel) {
  let byStart = new Map(); // a segment's first code point -> [speaker]
  let keys = new Map(); // start -> key of what its quotations say, to see changes
  let pointed = new Map(); // a segment's span id -> its speaker's span ids

  // read takes the panel as it is now and returns the starts whose
  // quotations say something else than before (new, changed or gone).
  function read() {
    const next = new Map();
    pointed = new Map();
    for (const li of panel.querySelectorAll('li[data-starts]')) {
      const to = li.dataset.speakerSpans ? li.dataset.speakerSpans.split(' ') : [];
      for (const id of li.dataset.segments.split(' ')) pointed.set(id, to);
      const who = li.hasAttribute('data-said') ? { state: 'named', name: li.dataset.said }
        : { state: li.hasAttribute('data-not-in-text') ? 'absent' : 'none', name: '' };
      for (const start of li.dataset.starts.split(' ')) {
        if (!next.has(start)) next.set(start, []);
        next.get(start).push(who);
      }
    }
    const nextKeys = new Map([...next].map(([start, who]) => [start, JSON.stringify(who)]));
    const changed = new Set();
    for (const [start, key] of nextKeys) if (keys.get(start) !== key) changed.add(start);
    for (const start of keys.keys()) if (!nextKeys.has(start)) changed.add(start);
    byStart = next;
    keys = nextKeys;
    return changed;
  }

  // units are the chip's labels, each QUOTE's as said(label, speaker)
  // writes it; a QUOTE with no quotation read (none in the panel yet)
  // stays as it is.
  function units(start, labels, said) {
    const who = byStart.get(start) || [];
    let q = 0;
    return labels.split(' · ').map((l) => (l === 'QUOTE' && q < who.length ? said(l, who[q++]) : l));
  }

  return {
    read,
    /** The span ids of the speakers of the quotations among span ids. */
    speakersOf: (ids) => ids.flatMap((id) => pointed.get(id) || []),
    /** True when a quotation's segment starts at start. */
    has: (start) => byStart.has(start),
    /** True when a quotation starting at start has no speaker yet. */
    unattributed: (start) => (byStart.get(start) || []).some((w) => w.state === 'none'),
    /**
     * The chip's units at each length, longest first: the speakers' names
     * cut shorter and shorter, the labels kept whole, and last the labels
     * alone (over a word with no room for more: the run's title and
     * description still name the speaker). The arrow points from the
     * name to the label: ← in a left-to-right chip, → in a right-to-left
     * one (its first label Arabic), which reads from the label leftwards.
     */
    chipForms(start, labels, arrow) {
      const who = byStart.get(start) || [];
      const levels = Math.max(0, ...who.map((w) => namesOf(w).length));
      const forms = Array.from({ length: levels }, (_, i) => units(start, labels, (l, w) => {
        const names = namesOf(w);
        return `${l} ${arrow} ${isolate(names[Math.min(i, names.length - 1)])}`;
      }));
      return [...forms, labels.split(' · ')];
    },
    /** The run's title: the chip uncut, the speaker's text whole. */
    title: (start, labels, arrow) => units(start, labels, (l, w) => `${l} ${arrow} ${isolate(w.state === 'named' ? w.name : namesOf(w)[0])}`).join(' · '),
    /**
     * The run's description, in words, for a screen reader ("QUOTE, said
     * by صباح النعمان"): the name is spoken, not laid out, so not isolated.
     */
    description: (start, labels) => units(start, labels, (l, w) => {
      if (w.state === 'named') return t('{0}, said by {1}', l, w.name);
      return w.state === 'absent' ? t('{0}, speaker not in the text', l) : t('{0}, no speaker yet', l);
    }).join(' · '),
  };
}

// namesOf is what a chip may call the speaker, longest first: its last
// two words in 18 letters at most, its last word in 10, an ellipsis.
function namesOf(who) {
  if (who.state === 'none') return ['?'];
  if (who.state === 'absent') return [t('not in text'), '…'];
  return [shortName(who.name, 2, 18), shortName(who.name, 1, 10), '…'];
}

// shortName is name's last words (a name ends an Arabic title: "الناطق
// باسم الجهاز صباح النعمان" is صباح النعمان), at most max letters, an
// ellipsis marking where it was cut. Letters are cut whole, never a
// letter from its marks.
export function shortName(name, words, max) {
  const all = name.trim().split(/\s+/);
  let kept = all.slice(-words).join(' ');
  const letters = [...new Intl.Segmenter().segment(kept)].map((g) => g.segment);
  if (letters.length > max) kept = `${letters.slice(0, max - 1).join('').trimEnd()}…`;
  return all.length > words ? `…${kept}` : kept;
}
