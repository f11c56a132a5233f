// The suggester's panel: quotations with their speakers and cues, and the
// names the annotator labelled elsewhere, proposed by the server, shown in the
// text with the CSS Custom Highlight API (no change to the DOM, so the
// offsets anchors stay intact) and in a list, accepted or rejected one
// quotation at a time or all at once. Nothing enters the layer until
// accepted. Rejections are stored in the layer on the server, so a
// rejected suggestion is not proposed again, in any browser.

import { request } from './api.js';
import { t, tn } from './i18n.js';
import { codePointToBoundary } from './offsets.js';
import { placesOf } from './places.js';
import { revealRange } from './reveal.js';
import { isolate, listWords } from './words.js';

export function createSuggestions(ctx) {
  const el = (id) => document.getElementById(id);
  const list = el('sug-list');
  if (!list) return { refresh() {} };
  let groups = [];
  let proposed = new Map(); // the id of each span of the list, by keyOf
  let loaded = false; // the last load succeeded: groups and proposed are the server's
  let rejected = 0;
  let shown = false;

  // Each proposed quotation with its speaker and cue is one group; a
  // proposal no quotation uses is a group of its own.
  function group(res) {
    const byID = new Map(res.spans.map((s) => [s.id, s]));
    const used = new Set();
    const out = [];
    for (const s of res.spans) {
      if (s.label !== 'QUOTE') continue;
      const rels = res.relations.filter((r) => r.from === s.id);
      const part = (type) => byID.get((rels.find((r) => r.type === type) || {}).to);
      const g = { quote: s, speaker: part('speaker'), cue: part('cue') };
      if (s.existing && !rels.some((r) => !byID.get(r.to).existing)) continue; // nothing new to accept
      [g.quote, g.speaker, g.cue].forEach((x) => x && used.add(x.id));
      out.push(g);
    }
    for (const s of res.spans) {
      if (!s.existing && !used.has(s.id)) out.push({ quote: null, speaker: null, cue: null, single: s });
    }
    return out;
  }

  function partsOf(g) {
    return [g.quote, g.speaker, g.cue, g.single].filter(Boolean);
  }

  // What a rejection names: the proposed quotation (the server then drops
  // its cue and any speaker no other quotation uses), or, for a quotation
  // already marked, the speaker and cue proposed for it.
  function rejectPartsOf(g) {
    const head = g.single || g.quote;
    if (!head.existing) return [head];
    return [g.speaker, g.cue].filter((s) => s && !s.existing);
  }

  const keyOf = (s) => `${s.label} ${s.start}-${s.end}`;

  // A list's ids hold only for the layer it was loaded against: proposals
  // are numbered s1, s2, ... in order, so once the layer has changed "s3"
  // may name another proposal, or none, and a click between a redraw and
  // the list's reload would accept the wrong thing. So a click is turned
  // into ids only when its save runs, after every earlier save has
  // redrawn the page and reloaded the list, by looking its spans up in
  // the list as it then is.
  function idsNow(spans) {
    if (!loaded) throw new Error(t('the suggestions could not be reloaded; press “{0}” again', el('sug-load').textContent.trim()));
    return spans.map((s) => {
      const id = proposed.get(keyOf(s));
      if (id === undefined) throw new Error(t('{0} “{1}” is no longer proposed', isolate(s.label), s.text));
      return id;
    });
  }

  // acceptedEntry makes one undo step of what an accept created: undoing
  // a batch runs its parts backwards, so the links go before the spans
  // they join; redoing re-creates the spans first and re-points the links
  // at their new ids.
  function acceptedEntry(created) {
    const entries = [
      ...created.spans.map((s) => ({ kind: 'create',
        span: { id: s.id, start: s.start, end: s.end, label: s.label, text: s.text, attributes: s.attributes } })),
      ...created.relations.map((r) => ({ kind: 'relate', relation: { id: r.id, type: r.type, from: r.from, to: r.to } })),
    ];
    return entries.length > 0 ? { kind: 'batch', entries } : null;
  }

  // KINDS are what a suggestion proposes, each drawn in the text with a
  // highlight of its own (app.css: a line style and colour each), so a
  // quotation, its speaker, its cue and a name labelled before are told
  // apart where they stand side by side.
  const KINDS = ['quote', 'speaker', 'cue', 'name'];

  // kindOf is a proposal's kind: a part of a quotation's group by its
  // place in it; one standing alone by its label.
  function kindOf(g, s) {
    if (s === g.quote) return 'quote';
    if (s === g.speaker) return 'speaker';
    if (s === g.cue) return 'cue';
    return s.label === 'QUOTE' ? 'quote' : s.label === 'CUE' ? 'cue' : 'name';
  }

  function highlight() {
    if (!window.CSS || !CSS.highlights) return;
    const ranges = Object.fromEntries(KINDS.map((k) => [k, []]));
    for (const g of groups) {
      for (const s of partsOf(g)) {
        const r = !s.existing && rangeOf(s);
        if (r) ranges[kindOf(g, s)].push(r);
      }
    }
    for (const k of KINDS) CSS.highlights.set(`suggestion-${k}`, new Highlight(...ranges[k]));
  }

  // describe shows one part of a suggestion; the Arabic text is isolated
  // so it keeps its order beside the English label.
  function describe(label, s, kind) {
    const span = document.createElement('span');
    span.className = 'sug-part';
    span.dataset.kind = kind;
    const name = document.createElement('span');
    name.className = 'sug-kind'; // drawn as the text draws this kind
    name.textContent = label;
    span.append(name, ': ');
    if (!s) {
      span.append('—');
      return span;
    }
    const text = document.createElement('bdi');
    text.lang = 'ar';
    text.textContent = s.label === 'QUOTE' ? `“${s.text}”` : s.text;
    span.append(text);
    if (s.existing) span.append(` (${t('already marked')})`);
    if (s.seen) span.append(` (${s.seen === 2 ? t('labelled so twice before') : tn(s.seen, 'labelled so once before', 'labelled so {0} times before')})`);
    return span;
  }

  // nameOf names a suggestion for its buttons, so a screen reader tells
  // one row's Accept from the next: its label and the start of its text.
  function nameOf(g) {
    const s = g.single || g.quote;
    const text = [...s.text].length > 40 ? `${[...s.text].slice(0, 40).join('')}…` : s.text;
    return g.single ? t('{0} “{1}”', isolate(s.label), text) : t('the quotation “{0}”', text);
  }

  function button(text, name, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', name);
    b.addEventListener('click', onClick);
    return b;
  }

  // rangeOf is a span's place in the text as a DOM Range, or null.
  function rangeOf(s) {
    const a = codePointToBoundary(ctx.docEl, s.start);
    const b = codePointToBoundary(ctx.docEl, s.end);
    if (!a || !b) return null;
    const r = new Range();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  // A row taking focus (or the pointer) shows where its suggestion is:
  // the same name may be proposed in five places, which the row's words
  // alone do not tell apart. Beside the text the place is scrolled into
  // view. Below it (a narrow screen, the panel flowing under the text)
  // the page scrolls only to show the place and the control in focus
  // together, when both fit; the pointer scrolls nothing there, or the
  // rows would move under it.
  function pointAt(g, focused) {
    if (!window.CSS || !CSS.highlights) return;
    const r = rangeOf(g.single || g.quote);
    if (!r) return;
    const focus = new Highlight(r);
    focus.priority = 1; // over the kinds' highlights
    CSS.highlights.set('suggestion-focus', focus);
    const beside = getComputedStyle(list.closest('.side')).position === 'sticky';
    if (beside) revealRange(r).catch(ctx.reported);
    else if (focused) revealRange(r, focused).catch(ctx.reported);
  }
  list.addEventListener('focusout', () => CSS.highlights && CSS.highlights.delete('suggestion-focus'));

  // paragraphStarts numbers the text's paragraphs as a reader counts them,
  // blank lines left out: the first code point of each, in order.
  function paragraphStarts() {
    return [...ctx.docEl.querySelectorAll('p[data-start]')]
      .filter((p) => !p.classList.contains('empty'))
      .map((p) => Number(p.dataset.start));
  }

  // whereOf says where a suggestion stands, shown on its row: its
  // paragraph, and among rows that read alike its place ("paragraph 3,
  // place 2 of 5"), so two rows of the same name are told apart by sight
  // too, not only by their buttons' names.
  function whereOf(g, starts, place) {
    const at = (g.single || g.quote).start;
    let n = 0;
    while (n < starts.length && starts[n] <= at) n++;
    const para = t('paragraph {0}', Math.max(n, 1));
    return place ? t('{0}, {1}', para, place) : para;
  }

  // whereButton shows the row's place in the text when pressed: the way a
  // touch screen, with no pointer to rest on the row, and a narrow one,
  // where focus scrolls only when the place and the row fit together,
  // bring it into view. The focus stays on the button.
  function whereButton(g, where, name) {
    const b = button(where, t('Show {0} in the text, {1}', name, where), () => {
      const r = rangeOf(g.single || g.quote);
      if (!r) return;
      pointAt(g, null);
      revealRange(r).catch(ctx.reported);
    });
    b.className = 'sug-where link';
    b.dataset.action = 'where'; // a redraw gives the focus back to the same button of the row
    return b;
  }

  function render() {
    // A keyboard user who accepted or rejected a row keeps their place:
    // focus goes to the same button of the row that takes its place; from
    // Accept all or Reject all, which hide with the list, to the button
    // that suggests again.
    const bulk = [el('sug-accept-all'), el('sug-reject-all')].includes(document.activeElement);
    const focused = list.contains(document.activeElement) ? document.activeElement : null;
    const row = focused ? [...list.children].indexOf(focused.closest('li')) : -1;
    const action = focused ? focused.dataset.action : '';
    const places = placesOf(groups, nameOf, (g) => (g.single || g.quote).start);
    const starts = paragraphStarts();
    list.replaceChildren(...groups.map((g) => {
      const li = document.createElement('li');
      li.addEventListener('focusin', (e) => pointAt(g, e.target));
      li.addEventListener('mouseenter', () => pointAt(g, null));
      if (g.single) {
        li.append(describe(g.single.label, g.single, kindOf(g, g.single)));
      } else {
        li.append(describe(t('Quote'), g.quote, 'quote'), describe(t('Speaker'), g.speaker, 'speaker'), describe(t('Cue'), g.cue, 'cue'));
      }
      const place = places.get(g);
      const name = place ? `${nameOf(g)} (${place})` : nameOf(g);
      li.append(whereButton(g, whereOf(g, starts, place), nameOf(g)));
      const accept = button(t('Accept'), t('Accept {0}', name),
        () => acceptSuggestions(() => idsNow(partsOf(g)), t('accept the suggestion')).catch(ctx.reported));
      accept.dataset.action = 'accept';
      const reject = button(t('Reject'), t('Reject {0}', name),
        () => post('reject', () => idsNow(rejectPartsOf(g)), t('reject the suggestion')).catch(ctx.reported));
      reject.dataset.action = 'reject';
      const actions = document.createElement('span');
      actions.className = 'sug-actions';
      actions.append(accept, reject);
      li.append(actions);
      return li;
    }));
    if (focused && !list.contains(document.activeElement)) {
      const li = list.children[Math.min(row, list.children.length - 1)];
      (li ? li.querySelector(`button[data-action="${action}"]`) : el('sug-load')).focus();
    }
    el('sug-accept-all').hidden = groups.length === 0;
    el('sug-reject-all').hidden = groups.length === 0;
    if (bulk && groups.length === 0) el('sug-load').focus();
    el('sug-empty').hidden = groups.length > 0;
    el('sug-key').hidden = groups.length === 0;
    el('sug-restore').hidden = rejected === 0;
    el('sug-restore').textContent = tn(rejected, 'Show {0} rejected suggestion again', 'Show {0} rejected suggestions again');
    highlight();
  }

  async function load() {
    loaded = false;
    // What an earlier accept stored may have been undone or changed since.
    el('sug-done').textContent = '';
    const res = await request('GET', `/api/v1/documents/${ctx.docId}/suggestions${ctx.layerQuery}`);
    groups = group(res);
    proposed = new Map(res.spans.map((s) => [keyOf(s), s.id]));
    loaded = true;
    rejected = res.rejected || 0;
    shown = true;
    render();
  }

  // acceptSuggestions stores suggestions and records what it created as
  // one step for undo, then says what that was, from the server's answer
  // (the page's own count could be stale by then).
  async function acceptSuggestions(ids, what) {
    const res = await post('accept', ids, what);
    const entry = res && acceptedEntry(res.created);
    if (entry) ctx.record(entry);
    el('sug-done').textContent = acceptedText(res && res.created);
  }

  // acceptedText says what an accept stored, and how to take it back.
  function acceptedText(created) {
    const spans = created ? created.spans.length : 0;
    const links = created ? created.relations.length : 0;
    if (spans + links === 0) return t('Nothing was left to accept.');
    const parts = listWords([spans && tn(spans, '{0} span', '{0} spans'), links && tn(links, '{0} link', '{0} links')].filter(Boolean));
    return spans + links === 1 ? t('Accepted {0} — Ctrl+Z takes it back.', parts) : t('Accepted {0} — Ctrl+Z takes them back.', parts);
  }

  // Accepting or rejecting goes through save(), which redraws the page
  // and so reloads the suggestions. ids() runs when the save does (see
  // idsNow); with none left to send, nothing is. Not async, so that
  // acceptSuggestions() records its step as soon as the save ends,
  // before an undo pressed meanwhile (which waits for the save) looks.
  function post(action, ids, what) {
    return ctx.save(what, () => {
      const body = { ids: ids() };
      if (body.ids.length === 0) return null;
      return request('POST', `/api/v1/documents/${ctx.docId}/suggestions/${action}${ctx.layerQuery}`, body);
    });
  }

  el('sug-load').addEventListener('click', () => load().catch((err) => ctx.showError(t('Could not load suggestions: {0}', isolate(err.message)))));
  el('sug-restore').addEventListener('click', () => ctx.save(t('show the rejected suggestions again'),
    () => request('DELETE', `/api/v1/documents/${ctx.docId}/suggestions/rejections${ctx.layerQuery}`)).catch(ctx.reported));
  // Accept all sends the ids of every group of the list as it is when the
  // save runs (see idsNow), so a click between a redraw and the list's
  // reload takes what is proposed then, never old ids. It does not send
  // {"all": true}, though the server recomputes that itself: the server's
  // "all" also links spans that were both marked already (a quotation
  // and a person inside its speaker phrase), a link the list never shows
  // and no one can reject, which could add a second speaker beside the
  // one the annotator chose.
  // Once they are in, the panel's buttons but Suggest are gone and the
  // panel has shrunk: the focus goes to its heading (unless the annotator
  // has gone elsewhere meanwhile), brought into view with the words saying
  // what was accepted just below it. Not to the text: below it, on a
  // narrow screen, the focus would be off the screen and the words too.
  el('sug-accept-all').addEventListener('click', () => {
    acceptSuggestions(() => idsNow(groups.flatMap(partsOf)), t('accept the suggestions')).then(() => {
      const at = document.activeElement;
      if (at !== document.body && !list.closest('section').contains(at)) return;
      el('sug-title').focus({ preventScroll: true });
      el('sug-title').scrollIntoView({ block: 'nearest' });
      el('sug-done').scrollIntoView({ block: 'nearest' });
    }).catch(ctx.reported);
  });
  // Reject all takes back nothing stored: "Show rejected suggestions
  // again" brings every one back.
  el('sug-reject-all').addEventListener('click', () => post('reject', () => idsNow(groups.flatMap(rejectPartsOf)),
    t('reject the suggestions')).catch(ctx.reported));

  return {
    /** After a redraw: proposals are recomputed against the new layer. */
    async refresh() {
      if (shown) await load();
    },
  };
}
