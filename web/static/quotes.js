// Quotations in the span editor: link a QUOTE to its speaker and cue (by
// clicking the span in the text, or from a list, with the keyboard), join
// a quotation interrupted by its cue, set its type, confirm a speaker is
// not in the text; link a speaking pronoun or unnamed source (PER/ORG) to
// the entity it refers to. Relations are read from the API after every
// redraw, so the editor always shows what is stored. Which labels each
// link may reach are the project's relation rules: those the page was
// loaded with, then those each fetched layer carries, so a manager's
// change to them is followed without a reload.

import { request } from './api.js';
import { placesOf } from './places.js';

/**
 * createQuoteTools wires the quote part of the editor. ctx gives what the
 * annotation page owns: save(what, fn) runs a change and redraws,
 * showStatus(text) tells the annotator what the page expects next.
 */
export function createQuoteTools(ctx) {
  const el = (id) => document.getElementById(id);
  const tools = el('quote-tools');
  const referTools = el('refer-tools');
  let model = { spans: [], relations: [] };
  let current = null; // the span open in the editor
  let picking = null; // 'speaker' | 'cue' | 'refers_to' while waiting for a click
  // The project's rules, {type: {from: [labels], to: [labels]}}: an empty
  // side joins any label; a type the project lacks has no tool.
  let rules = JSON.parse(ctx.docEl.dataset.relations || '{}');
  const joins = (side, label) => side.length === 0 || side.includes(label);
  const reaches = (type, label) => Boolean(rules[type]) && joins(rules[type].to, label);
  const refers = (label) => Boolean(rules.refers_to) && joins(rules.refers_to.from, label);
  const targetsText = (type) => (rules[type] && rules[type].to.length ? rules[type].to.join(' or ') : 'labelled');
  function enablePicks() {
    el('q-pick-speaker').disabled = ctx.readOnly || !rules.speaker;
    el('q-pick-cue').disabled = ctx.readOnly || !rules.cue;
  }
  enablePicks();

  // setRules takes the rules a layer answer carries (relation_types) and
  // says how they changed, in words ('' when they did not). A pick under
  // way of a type now gone stops: its click could only be refused.
  function setRules(types) {
    if (!Array.isArray(types)) return '';
    const next = rulesOf(types);
    const change = describeRules(rules, next);
    rules = next;
    enablePicks();
    if (picking && !rules[picking]) picking = null;
    return change;
  }

  const spanOf = (id) => model.spans.find((s) => s.id === id);
  const relationsFrom = (id, type) => model.relations.filter((r) => r.from === id && r.type === type);
  // describe shows a span as its label and its text, the text isolated so
  // Arabic inside a left-to-right label keeps its order.
  function describe(s) {
    const frag = document.createDocumentFragment();
    if (!s) {
      frag.append('none');
      return frag;
    }
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = s.label;
    const text = document.createElement('bdi');
    text.lang = 'ar';
    text.textContent = s.text;
    frag.append(tag, ' ', text);
    return frag;
  }

  // The quotation's segments: the QUOTE spans joined to this one.
  function segmentsOf(id) {
    const seen = new Set([id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of model.relations) {
        if (r.type !== 'segment') continue;
        for (const [a, b] of [[r.from, r.to], [r.to, r.from]]) {
          if (seen.has(a) && !seen.has(b)) { seen.add(b); grew = true; }
        }
      }
    }
    return [...seen].map(spanOf).filter(Boolean).sort((a, b) => a.start - b.start);
  }

  // A relation of the quotation, from whichever segment holds it.
  function linkOf(id, type) {
    for (const seg of segmentsOf(id)) {
      const r = relationsFrom(seg.id, type)[0];
      if (r) return r;
    }
    return null;
  }

  // load reads the layer for the span just opened; rules changed since
  // the last save are taken from it too, and said so, so the tools drawn
  // next offer what the store accepts.
  async function load() {
    model = await request('GET', `/api/v1/documents/${ctx.docId}/spans${ctx.layerQuery}`);
    const change = setRules(model.relation_types);
    if (change) ctx.showError(rulesNotice(change), 'notice');
  }

  const relationsURL = `/api/v1/documents/${ctx.docId}/relations`;
  const relate = async (r) => ({ ...r, id: (await request('POST', relationsURL + ctx.layerQuery, { type: r.type, from: r.from, to: r.to })).id });
  const unrelate = (r) => request('DELETE', `${relationsURL}/${r.id}${ctx.layerQuery}`);
  const copy = (r) => ({ id: r.id, type: r.type, from: r.from, to: r.to });

  // link replaces the quotation's (or entity's) relation of type with one
  // to target: one step on the undo stack.
  async function link(type, target) {
    const from = type === 'refers_to' ? current.id : segmentsOf(current.id)[0].id;
    const old = type === 'refers_to' ? relationsFrom(from, type)[0] : linkOf(current.id, type);
    const entries = [];
    const head = segmentsOf(current.id)[0];
    await ctx.save(`link the ${type.replace('_', ' ')}`, async () => {
      // A speaker found after all: "not in the text" comes off first,
      // in the same step (the server refuses a quotation both ways).
      if (type === 'speaker' && head.attributes && head.attributes.speaker_in_text === false) {
        await request('PATCH', `/api/v1/documents/${ctx.docId}/spans/${head.id}${ctx.layerQuery}`, { attributes: { speaker_in_text: null } });
        entries.push({ kind: 'attributes', span: { id: head.id }, before: { speaker_in_text: false }, after: { speaker_in_text: null } });
      }
      if (old) {
        await unrelate(old);
        entries.push({ kind: 'unrelate', relation: copy(old) });
      }
      entries.push({ kind: 'relate', relation: await relate({ type, from, to: target.id }) });
    });
    ctx.record({ kind: 'batch', entries });
    ctx.showStatus(`Saved: ${type.replace('_', ' ')} ${target.label} “${target.text}”`);
  }

  async function unlink(type) {
    const r = type === 'refers_to' ? relationsFrom(current.id, type)[0] : linkOf(current.id, type);
    if (!r) return;
    await ctx.save(`remove the ${type.replace('_', ' ')}`, () => unrelate(r));
    ctx.record({ kind: 'unrelate', relation: copy(r) });
  }

  async function join(prev) {
    const r = { type: 'segment', from: segmentsOf(prev.id)[0].id, to: segmentsOf(current.id)[0].id };
    const made = await ctx.save('join the quotations', () => relate(r));
    ctx.record({ kind: 'relate', relation: made });
  }

  async function setAttribute(name, value) {
    const head = segmentsOf(current.id)[0];
    const before = head.attributes && name in head.attributes ? head.attributes[name] : null;
    await ctx.save('change the quotation', () => request('PATCH', `/api/v1/documents/${ctx.docId}/spans/${head.id}${ctx.layerQuery}`, { attributes: { [name]: value } }));
    ctx.record({ kind: 'attributes', span: { id: head.id }, before: { [name]: before }, after: { [name]: value } });
  }

  // Candidates, nearest the quotation first, on either side (a speaker is
  // named just before its quotation or just after it, in either order,
  // and a span far away is seldom meant), a span before winning a tie;
  // spans inside the quotation come last.
  function candidates(type) {
    const segs = segmentsOf(current.id);
    const first = (segs[0] || current).start;
    const last = segs.length ? segs[segs.length - 1].end : current.end;
    const distance = (s) => {
      if (s.end <= first) return 2 * (first - s.end);
      if (s.start >= last) return 2 * (s.start - last) + 1;
      return Infinity;
    };
    return model.spans.filter((s) => reaches(type, s.label) && s.id !== current.id)
      .map((s) => ({ s, d: distance(s) }))
      .sort((a, b) => a.d - b.d || a.s.start - b.s.start)
      .map((x) => x.s);
  }

  // sideOf says where a candidate stands against the open quotation.
  function sideOf(s) {
    const segs = segmentsOf(current.id);
    if (s.end <= (segs[0] || current).start) return 'before the quotation';
    if (s.start >= (segs.length ? segs[segs.length - 1].end : current.end)) return 'after the quotation';
    return 'inside the quotation';
  }

  // hintOf tells candidates that read alike apart, by their place among
  // them and their side of the quotation, and says which is linked now
  // (linkedAs: "current speaker", or ''); the words are part of the
  // button, so its accessible name says them too.
  function hintOf(s, place, linkedAs) {
    const words = [place && `${place}, ${sideOf(s)}`, linkedAs].filter(Boolean);
    if (!words.length) return null;
    const hint = document.createElement('span');
    hint.className = 'hint';
    hint.textContent = ` (${words.join('; ')})`;
    return hint;
  }

  // fillChoices lists the candidates as buttons. The list is redrawn after
  // every save, so the button that had focus (the one just chosen) gets
  // it back, and a keyboard user stays where they were.
  function fillChoices(box, type) {
    const had = box.contains(document.activeElement) ? document.activeElement.dataset.span : null;
    const all = candidates(type);
    const places = placesOf(all, (s) => `${s.label} ${s.text}`, (s) => s.start);
    const now = linkOf(current.id, type);
    box.replaceChildren(...all.map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.disabled = ctx.readOnly;
      b.dataset.span = String(s.id);
      b.append(describe(s));
      const linked = Boolean(now) && now.to === s.id;
      if (linked) b.setAttribute('aria-current', 'true');
      const hint = hintOf(s, places.get(s), linked ? `current ${type}` : '');
      if (hint) b.append(hint);
      b.addEventListener('click', () => link(type, s).catch(ctx.reported));
      return b;
    }));
    if (!box.children.length) box.textContent = `No ${targetsText(type)} spans in this layer yet.`;
    if (had !== null) {
      const again = box.querySelector(`button[data-span="${had}"]`);
      (again || box.closest('details').querySelector('summary')).focus();
    }
  }

  // markLinked draws the open quotation's links in the text: its other
  // segments, its speaker and its cue get a dotted underline, so the pair
  // shows wherever the speaker is, earlier paragraphs included.
  function markLinked() {
    const linked = new Set();
    if (current && current.label === 'QUOTE') {
      for (const seg of segmentsOf(current.id)) linked.add(seg.id);
      for (const type of ['speaker', 'cue']) {
        const r = linkOf(current.id, type);
        if (r) linked.add(r.to);
      }
    }
    for (const run of ctx.docEl.querySelectorAll('.seg')) {
      const ids = run.dataset.spans.split(' ').map(Number);
      run.classList.toggle('linked', ids.some((id) => linked.has(id)));
    }
  }

  function render() {
    markLinked();
    tools.hidden = !current || current.label !== 'QUOTE';
    referTools.hidden = !current || current.label === 'QUOTE' || !refers(current.label);
    if (!current) return;
    if (current.label === 'QUOTE') {
      const speaker = linkOf(current.id, 'speaker');
      const cue = linkOf(current.id, 'cue');
      el('q-speaker').replaceChildren(describe(speaker && spanOf(speaker.to)));
      el('q-cue').replaceChildren(describe(cue && spanOf(cue.to)));
      el('q-speaker-remove').hidden = !speaker;
      el('q-cue-remove').hidden = !cue;
      const head = segmentsOf(current.id)[0] || current;
      const attrs = head.attributes || {};
      for (const r of tools.querySelectorAll('input[name="q-type"]')) r.checked = attrs.type === r.value;
      el('q-not-in-text').checked = attrs.speaker_in_text === false;
      // With a speaker linked the quotation is attributed: the mark would
      // contradict it (remove the speaker first).
      el('q-not-in-text').disabled = ctx.readOnly || Boolean(speaker);
      el('q-join').disabled = ctx.readOnly || !previousQuote();
      fillChoices(el('q-speaker-choices'), 'speaker');
      fillChoices(el('q-cue-choices'), 'cue');
    } else if (refers(current.label)) {
      const r = relationsFrom(current.id, 'refers_to')[0];
      el('r-target').replaceChildren(r ? describe(spanOf(r.to)) : 'nothing');
      el('r-remove').hidden = !r;
    }
  }

  // The QUOTE before this quotation that is not already part of it.
  function previousQuote() {
    const own = new Set(segmentsOf(current.id).map((s) => s.id));
    const first = segmentsOf(current.id)[0] || current;
    return model.spans.filter((s) => s.label === 'QUOTE' && !own.has(s.id) && s.start < first.start)
      .sort((a, b) => b.start - a.start)[0];
  }

  // startPicking waits for a click on the target in the text. A speaker
  // or cue can also be chosen from its list, which opens beside; from
  // the keyboard (byKey) focus goes to the list's nearest candidate.
  function startPicking(type, byKey) {
    if (ctx.refuseReadOnly()) return;
    picking = type;
    const what = { speaker: 'speaker', cue: 'cue', refers_to: 'entity it refers to' }[type];
    const box = { speaker: el('q-speaker-choices'), cue: el('q-cue-choices') }[type];
    if (!box) {
      ctx.showStatus(`Click the ${what} (a ${targetsText(type)} span) in the text, or press Escape.`);
      return;
    }
    box.closest('details').open = true;
    const first = box.querySelector('button');
    ctx.showStatus(first ? `Click the ${what} (a ${targetsText(type)} span) in the text, or choose it in the list of candidates, nearest first; Escape stops.`
      : `No ${targetsText(type)} spans in this layer yet: mark the ${what} first, then link it.`);
    if (byKey && first) first.focus();
  }

  el('q-pick-speaker').addEventListener('click', () => startPicking('speaker'));
  el('q-pick-cue').addEventListener('click', () => startPicking('cue'));
  el('r-pick').addEventListener('click', () => startPicking('refers_to'));
  el('q-speaker-remove').addEventListener('click', () => unlink('speaker').catch(ctx.reported));
  el('q-cue-remove').addEventListener('click', () => unlink('cue').catch(ctx.reported));
  el('r-remove').addEventListener('click', () => unlink('refers_to').catch(ctx.reported));
  el('q-join').addEventListener('click', () => {
    const prev = previousQuote();
    if (prev) join(prev).catch(ctx.reported);
  });
  for (const r of tools.querySelectorAll('input[name="q-type"]')) {
    r.addEventListener('change', () => setAttribute('type', r.value).catch(ctx.reported));
  }
  el('q-not-in-text').addEventListener('change', (e) => setAttribute('speaker_in_text', e.target.checked ? false : null).catch(ctx.reported));

  // shown settles once the span last opened has its links loaded and
  // drawn: S pressed at once after opening a quotation waits for it, so
  // the candidates it focuses are that quotation's.
  let shown = Promise.resolve();

  return {
    /** Shows the tools for span (or hides them for null). */
    show(span) {
      current = span;
      picking = null;
      shown = (async () => {
        if (span && (span.label === 'QUOTE' || refers(span.label))) await load();
        render();
      })();
      return shown;
    },
    /** Re-reads relations after a redraw, from the layer it read. */
    async refresh(layer) {
      if (!current) return;
      if (layer) model = layer; else await load();
      current = spanOf(current.id) || null;
      render();
    },
    /** Follows the rules of a fetched layer; returns how they changed, in words, or ''. */
    setRules,
    /** True when a fetched layer's rules are not those the tools follow. */
    rulesDiffer: (types) => Array.isArray(types) && describeRules(rules, rulesOf(types)) !== '',
    /** Why the rules refuse a link of type from label to label, in words; '' when they allow it. */
    refusal(type, fromLabel, toLabel) {
      const rule = rules[type];
      if (!rule) return `${type} is no longer one of the project's relation types`;
      if (joins(rule.from, fromLabel) && joins(rule.to, toLabel)) return '';
      return `${type} no longer joins ${fromLabel} to ${toLabel} (it joins ${sideText(rule.from)} to ${sideText(rule.to)})`;
    },
    /** A click on a highlight while picking: true when it was consumed. */
    pick(ids) {
      if (!picking || !current) return false;
      const target = ids.map(spanOf).filter((s) => s && reaches(picking, s.label) && s.id !== current.id).pop();
      if (!target) {
        ctx.showStatus(`That is not a ${targetsText(picking)} span; click one, or press Escape.`);
        return true;
      }
      const type = picking;
      picking = null;
      link(type, target).catch(ctx.reported);
      return true;
    },
    /** Keys S, C, R start picking; Escape stops. True when consumed. */
    key(e) {
      if (e.key === 'Escape' && picking) {
        picking = null;
        ctx.showStatus('');
        return true;
      }
      if (!current) return false;
      const quote = current.label === 'QUOTE';
      const type = { s: quote && rules.speaker && 'speaker', c: quote && rules.cue && 'cue', r: !quote && refers(current.label) && 'refers_to' }[e.key.toLowerCase()];
      if (!type) return false;
      const opened = current;
      shown.then(() => { if (current && current.id === opened.id) startPicking(type, true); }).catch(ctx.reported);
      return true;
    },
  };
}

// rulesOf turns a layer answer's relation_types into the page's rules.
function rulesOf(types) {
  return Object.fromEntries(types.map((t) => [t.name, { from: t.from || [], to: t.to || [] }]));
}

function sideText(side) {
  return side.length ? side.join(' or ') : 'any label';
}

// describeRules says what an annotator needs to know of new relation
// rules: the types gone, the new ones and those that now join other
// labels ("speaker now joins QUOTE to PER or PERS").
export function describeRules(before, after) {
  const joinText = (r) => `${sideText(r.from)} to ${sideText(r.to)}`;
  const parts = [];
  for (const name of Object.keys(before)) {
    if (!after[name]) parts.push(`${name} is gone`);
  }
  for (const [name, rule] of Object.entries(after)) {
    if (!before[name]) parts.push(`${name} is new, joining ${joinText(rule)}`);
    else if (joinText(before[name]) !== joinText(rule)) parts.push(`${name} now joins ${joinText(rule)}`);
  }
  return parts.join('; ');
}

/** rulesNotice says that the quotation tools follow the project's new relation rules, and how they changed. */
export function rulesNotice(change) {
  return `The project's relation rules changed since this page was loaded: the quotation tools now follow them (${change}).`;
}
