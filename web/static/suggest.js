// The quote suggester's panel: proposals from the server, shown in the
// text with the CSS Custom Highlight API (no change to the DOM, so the
// offsets anchors stay intact) and in a list, accepted or rejected one
// quotation at a time or all at once. Nothing enters the layer until
// accepted. Rejections are stored in the layer on the server, so a
// rejected suggestion is not proposed again, in any browser.

import { request } from './api.js';
import { codePointToBoundary } from './offsets.js';

export function createSuggestions(ctx) {
  const el = (id) => document.getElementById(id);
  const list = el('sug-list');
  if (!list) return { refresh() {} };
  let groups = [];
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

  function idsOf(g) {
    return [g.quote, g.speaker, g.cue, g.single].filter(Boolean).map((s) => s.id);
  }

  // What a rejection names: the proposed quotation (the server then drops
  // its cue and any speaker no other quotation uses), or, for a quotation
  // already marked, the speaker and cue proposed for it.
  function rejectIDsOf(g) {
    const head = g.single || g.quote;
    if (!head.existing) return [head.id];
    return [g.speaker, g.cue].filter((s) => s && !s.existing).map((s) => s.id);
  }

  function highlight() {
    if (!window.CSS || !CSS.highlights) return;
    const ranges = [];
    for (const g of groups) {
      for (const s of [g.quote, g.speaker, g.cue, g.single]) {
        if (!s || s.existing) continue;
        const a = codePointToBoundary(ctx.docEl, s.start);
        const b = codePointToBoundary(ctx.docEl, s.end);
        if (!a || !b) continue;
        const r = new Range();
        r.setStart(a.node, a.offset);
        r.setEnd(b.node, b.offset);
        ranges.push(r);
      }
    }
    CSS.highlights.set('suggestion', new Highlight(...ranges));
  }

  // describe shows one part of a suggestion; the Arabic text is isolated
  // so it keeps its order beside the English label.
  function describe(label, s) {
    const span = document.createElement('span');
    span.className = 'sug-part';
    span.append(`${label}: `);
    if (!s) {
      span.append('—');
      return span;
    }
    const text = document.createElement('bdi');
    text.lang = 'ar';
    text.textContent = s.label === 'QUOTE' ? `“${s.text}”` : s.text;
    span.append(text);
    if (s.existing) span.append(' (already marked)');
    return span;
  }

  function render() {
    list.replaceChildren(...groups.map((g) => {
      const li = document.createElement('li');
      if (g.single) li.append(describe(g.single.label, g.single));
      else li.append(describe('Quote', g.quote), describe('Speaker', g.speaker), describe('Cue', g.cue));
      const accept = document.createElement('button');
      accept.type = 'button';
      accept.textContent = 'Accept';
      accept.addEventListener('click', () => acceptIDs(idsOf(g), 'accept the suggestion').catch(ctx.reported));
      const reject = document.createElement('button');
      reject.type = 'button';
      reject.textContent = 'Reject';
      reject.addEventListener('click', () => post('reject', { ids: rejectIDsOf(g) }, 'reject the suggestion').catch(ctx.reported));
      const actions = document.createElement('span');
      actions.className = 'sug-actions';
      actions.append(accept, reject);
      li.append(actions);
      return li;
    }));
    el('sug-accept-all').hidden = groups.length === 0;
    el('sug-empty').hidden = groups.length > 0;
    el('sug-restore').hidden = rejected === 0;
    el('sug-restore').textContent = `Show ${rejected} rejected suggestion${rejected === 1 ? '' : 's'} again`;
    highlight();
  }

  async function load() {
    const res = await request('GET', `/api/v1/documents/${ctx.docId}/suggestions${ctx.layerQuery}`);
    groups = group(res);
    rejected = res.rejected || 0;
    shown = true;
    render();
  }

  async function acceptIDs(ids, what) {
    await post('accept', { ids }, what);
  }

  // Accepting or rejecting goes through save(), which redraws the page
  // and so reloads the suggestions.
  async function post(action, body, what) {
    await ctx.save(what, () => request('POST', `/api/v1/documents/${ctx.docId}/suggestions/${action}${ctx.layerQuery}`, body));
  }

  el('sug-load').addEventListener('click', () => load().catch((err) => ctx.showError(`Could not load suggestions: ${err.message}`)));
  el('sug-restore').addEventListener('click', () => ctx.save('show the rejected suggestions again',
    () => request('DELETE', `/api/v1/documents/${ctx.docId}/suggestions/rejections${ctx.layerQuery}`)).catch(ctx.reported));
  el('sug-accept-all').addEventListener('click', () => acceptIDs(groups.flatMap(idsOf), 'accept the suggestions').catch(ctx.reported));

  return {
    /** After a redraw: proposals are recomputed against the new layer. */
    async refresh() {
      if (shown) await load();
    },
  };
}
