// Notes on a document: listed from the API (which decides who sees
// which), added with an optional passage (the text selected in the
// document when the note is written), resolved, reopened and deleted.
// Every text is set as text, never as HTML; every failure is shown.

import { request } from './api.js';
import { t } from './i18n.js';
import { selectionOffsets, selectOffsets } from './offsets.js';
import { revealRange } from './reveal.js';
import { clip, isolate } from './words.js';

const panel = document.getElementById('notes');
if (panel) init(panel);

function init(box) {
  const el = (id) => document.getElementById(id);
  const url = `/api/v1/documents/${box.dataset.doc}/notes`;
  const list = el('notes-list');
  const errorBox = el('note-error');
  const docEl = document.getElementById('doc');
  const anchorBox = el('note-anchor');
  let passage = null; // {start, end, text}: the text last selected in the document
  const MAX = 2000; // code points, as the server counts them

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  // plain is the server's refusal as a sentence (api.js has taken off
  // the status and the field's name, which scripts read, people need not).
  function plain(err) {
    return err.message.charAt(0).toUpperCase() + err.message.slice(1);
  }

  // The box counts what the server will (code points), and says so before
  // the limit is passed rather than cutting a pasted text.
  const body = el('note-body');
  const counter = el('note-counter');
  function count() {
    const n = [...body.value].length;
    counter.textContent = `${n} / ${MAX}`;
    counter.classList.toggle('over', n > MAX);
    return n;
  }
  body.addEventListener('input', count);
  count();

  // A note about a passage: the selection the annotator made in the text
  // is remembered (writing the note moves the selection into the box).
  if (docEl && anchorBox) {
    document.addEventListener('selectionchange', () => {
      const sel = window.getSelection();
      if (!sel.rangeCount || sel.isCollapsed || !docEl.contains(sel.anchorNode)) return;
      const at = selectionOffsets(docEl);
      if (!at) return;
      passage = { ...at, text: sel.toString() };
      el('note-passage').textContent = clip(passage.text);
      anchorBox.disabled = false;
    });
  }

  function button(text, name, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', name);
    b.addEventListener('click', () => onClick().catch((err) => showError(plain(err))));
    return b;
  }

  // utcTime shows a stored time as the other pages do, in UTC to the
  // second (2026-02-12 10:30:37 UTC), the same for everyone on the team
  // whatever their browser's language and time zone.
  function utcTime(at) {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(at);
    return m ? `${m[1]} ${m[2]} UTC` : at;
  }

  function isolated(text) {
    const b = document.createElement('bdi');
    b.textContent = text;
    return b;
  }

  // around is a message holding {0} with node in its place: a name or a
  // passage set apart in a <bdi>, where the language puts it.
  function around(message, node) {
    const [before, after] = message.split('{0}');
    return [before, node, after].filter((part) => part !== '');
  }

  function item(n) {
    const li = document.createElement('li');
    li.className = n.resolved ? 'note resolved' : 'note';
    li.dataset.note = String(n.id);
    const head = document.createElement('p');
    head.className = 'note-head';
    // Names are isolated: an Arabic one would carry the date after it
    // into its own direction.
    const who = document.createElement('strong');
    who.append(isolated(n.author));
    const when = document.createElement('time');
    when.dateTime = n.created_at;
    when.textContent = utcTime(n.created_at);
    head.append(who, ' · ', when);
    if (n.resolved) head.append(' · ', ...(n.resolved_by ? around(t('resolved by {0}'), isolated(n.resolved_by)) : [t('resolved')]));
    li.append(head);
    if (n.text !== null && n.text !== undefined) {
      // The passage: on the annotation page a click selects it in the text.
      const quote = document.createElement(docEl ? 'button' : 'p');
      quote.className = 'note-passage';
      const text = document.createElement('bdi');
      text.lang = 'ar';
      text.textContent = clip(n.text);
      quote.append(...around(t('About: {0}'), text));
      if (docEl) {
        quote.type = 'button';
        quote.setAttribute('aria-label', t('Select the passage “{0}” in the text', clip(n.text)));
        quote.addEventListener('click', () => {
          if (!selectOffsets(docEl, n.start, n.end)) {
            showError(t('The passage at {0}–{1} is not in the text on this page.', n.start, n.end));
            return;
          }
          revealRange(window.getSelection().getRangeAt(0)).catch((err) => showError(t('Could not show the passage: {0}', isolate(err.message))));
        });
      }
      li.append(quote);
    }
    const body = document.createElement('p');
    body.className = 'note-body';
    body.dir = 'auto';
    body.textContent = n.body;
    li.append(body);
    const actions = document.createElement('span');
    actions.className = 'note-actions';
    const about = t('{0}’s note “{1}”', isolate(n.author), clip(n.body));
    if (n.can_resolve) {
      actions.append(n.resolved ? button(t('Reopen'), t('Reopen {0}', about), () => change('PATCH', n, { resolved: false }))
        : button(t('Resolve'), t('Resolve {0}', about), () => change('PATCH', n, { resolved: true })));
    }
    if (n.can_delete) {
      actions.append(button(t('Delete'), t('Delete {0}', about), async () => {
        if (window.confirm(t('Delete {0}? This cannot be undone.', about))) await change('DELETE', n);
      }));
    }
    if (actions.childNodes.length) li.append(actions);
    return li;
  }

  async function load() {
    const { notes } = await request('GET', url);
    // A keyboard user who resolved or deleted a note keeps their place:
    // the same note, else the one that took its place.
    const focusedLi = list.contains(document.activeElement) ? document.activeElement.closest('li') : null;
    const focusedNote = focusedLi ? focusedLi.dataset.note : null;
    const focusedAt = focusedLi ? [...list.children].indexOf(focusedLi) : -1;
    list.replaceChildren(...notes.map(item));
    const open = notes.filter((n) => !n.resolved).length;
    el('notes-count').textContent = notes.length ? t('({0} open of {1})', open, notes.length) : '';
    el('notes-empty').hidden = notes.length > 0;
    // After resolving or deleting from the keyboard, focus stays in the list.
    if (focusedNote !== null) {
      const near = list.children[Math.min(focusedAt, list.children.length - 1)];
      const again = list.querySelector(`li[data-note="${focusedNote}"] button`) || (near && near.querySelector('button')) || body;
      again.focus();
    }
    // Open notes are marked on the closed panel's summary, so it draws the
    // eye without pushing the work below it down.
    box.classList.toggle('has-open', open > 0);
  }

  async function change(method, n, body) {
    await request(method, `${url}/${n.id}`, body);
    errorBox.hidden = true;
    await load();
  }

  el('note-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (count() > MAX) {
      showError(t('The note is {0} characters long; at most {1} fit. Shorten it; it is still in the box.', [...body.value].length, MAX));
      return;
    }
    const note = { body: body.value };
    if (anchorBox && anchorBox.checked && passage) {
      // Widened to whole letters: a selection may end between a letter
      // and its vowel mark.
      Object.assign(note, { start: passage.start, end: passage.end, snap: 'grapheme' });
    }
    request('POST', url, note).then((made) => {
      body.value = '';
      count();
      if (anchorBox) {
        anchorBox.checked = false;
        anchorBox.disabled = true;
        el('note-passage').textContent = '';
        passage = null;
      }
      errorBox.hidden = true;
      el('note-status').textContent = made.text ? t('Note added, about “{0}”.', clip(made.text)) : t('Note added.');
      return load();
    }).catch((err) => showError(t('Could not add the note: {0} It is still in the box.', isolate(plain(err)))));
  });

  // A link to the notes (#notes, from the document list) opens them.
  if (location.hash === '#notes') box.open = true;

  load().catch((err) => showError(t('Could not load the notes: {0}', isolate(plain(err)))));
}
