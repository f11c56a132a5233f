// Quotations in the span editor: link a QUOTE to its speaker and cue (by
// clicking the span in the text, or from a list, with the keyboard), join
// a quotation interrupted by its cue, set its type, confirm a speaker is
// not in the text; link a speaking pronoun or unnamed source (PER/ORG) to
// the entity it refers to. Relations are read from the API after every
// redraw, so the editor always shows what is stored. The layer's
// questions are quotemodel.js's, the rules quoterules.js's, the changes
// saved quotelinks.js's; this module draws the tools and wires them.

import { request } from './api.js';
import { t } from './i18n.js';
import { keyName } from './keyname.js';
import { focusBelowPinned } from './pinned.js';
import { placesOf } from './places.js';
import { createQuoteModel } from './quotemodel.js';
import { createQuoteLinks } from './quotelinks.js';
import { createRules, rulesNotice } from './quoterules.js';
import { isolate, typeWords } from './words.js';

/**
 * createQuoteTools wires the quote part of the editor. ctx gives what the
 * annotation page owns: save(what, fn) runs a change and redraws,
 * showStatus(text) tells the annotator what the page expects next.
 */
export function createQuoteTools(ctx) {
  const el = (id) => document.getElementById(id);
  const tools = el('quote-tools');
  const referTools = el('refer-tools');
  const model = createQuoteModel();
  let current = null; // the span open in the editor
  let picking = null; // 'speaker' | 'cue' | 'refers_to' while waiting for a click
  const rules = createRules(JSON.parse(ctx.docEl.dataset.relations || '{}'));
  const { link, unlink, join, setAttribute } = createQuoteLinks(ctx, model, () => current);
  function enablePicks() {
    el('q-pick-speaker').disabled = ctx.readOnly || !rules.has('speaker');
    el('q-pick-cue').disabled = ctx.readOnly || !rules.has('cue');
  }
  enablePicks();

  // setRules takes the rules a layer answer carries (relation_types) and
  // says how they changed, in words ('' when they did not). A pick under
  // way of a type now gone stops: its click could only be refused.
  function setRules(types) {
    const change = rules.set(types);
    enablePicks();
    if (picking && !rules.has(picking)) picking = null;
    return change;
  }

  // describe shows a span as its label and its text, the text isolated so
  // Arabic inside a left-to-right label keeps its order.
  function describe(s) {
    const frag = document.createDocumentFragment();
    if (!s) {
      frag.append(t('none'));
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

  // load reads the layer for the span just opened; rules changed since
  // the last save are taken from it too, and said so, so the tools drawn
  // next offer what the store accepts.
  async function load() {
    model.set(await request('GET', `/api/v1/documents/${ctx.docId}/spans${ctx.layerQuery}`));
    const change = setRules(model.relationTypes());
    if (change) ctx.showError(rulesNotice(change), 'notice');
  }

  const candidates = (type) => model.candidates(current, (label) => rules.reaches(type, label));

  // hintOf tells candidates that read alike apart, by their place among
  // them and their side of the quotation, and says which is linked now
  // (linkedAs: "current speaker", or ''); the words are part of the
  // button, so its accessible name says them too.
  function hintOf(s, place, linkedAs) {
    const words = [place && `${place}${t(', ')}${model.sideOf(current, s)}`, linkedAs].filter(Boolean);
    if (!words.length) return null;
    const hint = document.createElement('span');
    hint.className = 'hint';
    hint.textContent = ` (${words.join(t('; '))})`;
    return hint;
  }

  // fillChoices lists the candidates as buttons. The list is redrawn after
  // every save, so the button that had focus (the one just chosen) gets
  // it back, and a keyboard user stays where they were.
  function fillChoices(box, type) {
    const had = box.contains(document.activeElement) ? document.activeElement.dataset.span : null;
    const all = candidates(type);
    const places = placesOf(all, (s) => `${s.label} ${s.text}`, (s) => s.start);
    const now = model.linkOf(current.id, type);
    box.replaceChildren(...all.map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.disabled = ctx.readOnly;
      b.dataset.span = String(s.id);
      b.append(describe(s));
      const linked = Boolean(now) && now.to === s.id;
      if (linked) b.setAttribute('aria-current', 'true');
      const hint = hintOf(s, places.get(s), linked ? t('current {0}', typeWords(type)) : '');
      if (hint) b.append(hint);
      b.addEventListener('click', () => link(type, s).catch(ctx.reported));
      return b;
    }));
    if (!box.children.length) box.textContent = t('No {0} spans in this layer yet.', rules.targetsText(type));
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
      for (const seg of model.segmentsOf(current.id)) linked.add(seg.id);
      for (const type of ['speaker', 'cue']) {
        const r = model.linkOf(current.id, type);
        if (r) linked.add(r.to);
      }
    }
    // The runs of the linked spans are looked up by id, not found by
    // reading every run of the text.
    const runs = new Set([...linked].flatMap((id) => [...ctx.docEl.querySelectorAll(`.seg[data-spans~="${id}"]`)]));
    for (const run of ctx.docEl.querySelectorAll('.seg.linked')) if (!runs.has(run)) run.classList.remove('linked');
    for (const run of runs) run.classList.add('linked');
  }

  function render() {
    markLinked();
    tools.hidden = !current || current.label !== 'QUOTE';
    referTools.hidden = !current || current.label === 'QUOTE' || !rules.refers(current.label);
    if (!current) return;
    if (current.label === 'QUOTE') {
      const speaker = model.linkOf(current.id, 'speaker');
      const cue = model.linkOf(current.id, 'cue');
      el('q-speaker').replaceChildren(describe(speaker && model.spanOf(speaker.to)));
      el('q-cue').replaceChildren(describe(cue && model.spanOf(cue.to)));
      // Beside the text a long name is cut to its line (app.css): the
      // tooltip keeps it whole.
      el('q-speaker').title = speaker ? el('q-speaker').textContent : '';
      el('q-cue').title = cue ? el('q-cue').textContent : '';
      el('q-speaker-remove').hidden = !speaker;
      el('q-cue-remove').hidden = !cue;
      const attrs = model.headOf(current).attributes || {};
      for (const r of tools.querySelectorAll('input[name="q-type"]')) r.checked = attrs.type === r.value;
      el('q-not-in-text').checked = attrs.speaker_in_text === false;
      // With a speaker linked the quotation is attributed: the mark would
      // contradict it (remove the speaker first).
      el('q-not-in-text').disabled = ctx.readOnly || Boolean(speaker);
      el('q-join').disabled = ctx.readOnly || !model.previousQuote(current);
      fillChoices(el('q-speaker-choices'), 'speaker');
      fillChoices(el('q-cue-choices'), 'cue');
    } else if (rules.refers(current.label)) {
      const r = model.relationsFrom(current.id, 'refers_to')[0];
      el('r-target').replaceChildren(r ? describe(model.spanOf(r.to)) : t('nothing yet'));
      el('r-remove').hidden = !r;
    }
  }

  // startPicking waits for a click on the target in the text. A speaker
  // or cue can also be chosen from its list, which opens beside; from
  // the keyboard (byKey) focus goes to the list's nearest candidate.
  function startPicking(type, byKey) {
    if (ctx.refuseReadOnly()) return;
    picking = type;
    const what = type === 'refers_to' ? t('entity it refers to') : typeWords(type);
    const box = { speaker: el('q-speaker-choices'), cue: el('q-cue-choices') }[type];
    const targets = rules.targetsText(type);
    if (!box) {
      ctx.showStatus(t('Click the {0} (a {1} span) in the text, or press Escape.', what, targets));
      return;
    }
    box.closest('details').open = true;
    const first = box.querySelector('button');
    ctx.showStatus(first ? t('Click the {0} (a {1} span) in the text, or choose it in the list of candidates, nearest first; Escape stops.', what, targets)
      : t('No {0} spans in this layer yet: mark the {1} first, then link it.', targets, what));
    if (byKey && first) focusBelowPinned(first, tools.querySelector('.q-actions'), [...tools.querySelectorAll(':scope > p')], el('editor-body'));
  }

  el('q-pick-speaker').addEventListener('click', () => startPicking('speaker'));
  el('q-pick-cue').addEventListener('click', () => startPicking('cue'));
  el('r-pick').addEventListener('click', () => startPicking('refers_to'));
  el('q-speaker-remove').addEventListener('click', () => unlink('speaker').catch(ctx.reported));
  el('q-cue-remove').addEventListener('click', () => unlink('cue').catch(ctx.reported));
  el('r-remove').addEventListener('click', () => unlink('refers_to').catch(ctx.reported));
  el('q-join').addEventListener('click', () => {
    const prev = model.previousQuote(current);
    if (prev) join(prev).catch(ctx.reported);
  });
  for (const r of tools.querySelectorAll('input[name="q-type"]')) {
    r.addEventListener('change', () => setAttribute('type', r.value).catch(ctx.reported));
  }
  el('q-not-in-text').addEventListener('change', (e) => setAttribute('speaker_in_text', e.target.checked ? false : null).catch(ctx.reported));

  // keyType is the link S, C or R picks for the span open: a speaker or
  // a cue for a quotation, the entity it refers to for a span that may
  // refer onward; null for another key, or none open.
  function keyType(e) {
    if (!current) return null;
    const quote = current.label === 'QUOTE';
    return { s: quote && rules.has('speaker') && 'speaker', c: quote && rules.has('cue') && 'cue', r: !quote && rules.refers(current.label) && 'refers_to' }[keyName(e)] || null;
  }

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
        if (span && (span.label === 'QUOTE' || rules.refers(span.label))) await load();
        render();
      })();
      return shown;
    },
    /** Re-reads relations after a redraw, from the layer it read. */
    async refresh(layer) {
      if (!current) return;
      if (layer) model.set(layer); else await load();
      current = model.spanOf(current.id) || null;
      render();
    },
    /** Follows the rules of a fetched layer; returns how they changed, in words, or ''. */
    setRules,
    /** True when a fetched layer's rules are not those the tools follow. */
    rulesDiffer: rules.differ,
    /** Why the rules refuse a link of type from label to label, in words; '' when they allow it. */
    refusal: rules.refusal,
    /** A click on a highlight while picking: true when it was consumed. */
    pick(ids) {
      if (!picking || !current) return false;
      const target = ids.map(model.spanOf).filter((s) => s && rules.reaches(picking, s.label) && s.id !== current.id).pop();
      if (!target) {
        ctx.showStatus(t('That is not a {0} span; click one, or press Escape.', rules.targetsText(picking)));
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
      const type = keyType(e);
      if (!type) return false;
      const opened = current;
      shown.then(() => { if (current && current.id === opened.id) startPicking(type, true); }).catch(ctx.reported);
      return true;
    },
    /**
     * Why S, C or R picks nothing with the span open (none, or one that
     * takes no such link), in words; '' for another key, one that picks,
     * or one whose link the project does not have.
     */
    keyRefusal(e) {
      const key = keyName(e);
      if (keyType(e) || !rules.has({ s: 'speaker', c: 'cue', r: 'refers_to' }[key])) return '';
      if (key === 'r') {
        const sources = rules.sourcesText('refers_to');
        return current ? t('R picks the entity a {0} span refers to, and the {1} span open is not one: open one first (] or click it).', sources, isolate(current.label))
          : t('R picks the entity a {0} span refers to, and no span is open: open one first (] or click it).', sources);
      }
      const what = typeWords(key === 's' ? 'speaker' : 'cue');
      return current ? t('{0} picks a quotation\'s {1}, and the {2} span open is not a quotation: open a QUOTE span first (] or click it).', key.toUpperCase(), what, isolate(current.label))
        : t('{0} picks a quotation\'s {1}, and no span is open: open a QUOTE span first (] or click it).', key.toUpperCase(), what);
    },
  };
}
