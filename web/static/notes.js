// Notes on a document: listed from the API (which decides who sees
// which), added with an optional passage (the text selected in the
// document when the note is written), resolved, reopened and deleted.
// Every text is set as text, never as HTML; every failure is shown.

import { request } from './api.js';
import { selectionOffsets, selectOffsets } from './offsets.js';

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

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

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

  function clip(text) {
    const cps = [...text];
    return cps.length > 60 ? `${cps.slice(0, 60).join('')}…` : text;
  }

  function button(text, name, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', name);
    b.addEventListener('click', () => onClick().catch((err) => showError(err.message)));
    return b;
  }

  function item(n) {
    const li = document.createElement('li');
    li.className = n.resolved ? 'note resolved' : 'note';
    li.dataset.note = String(n.id);
    const head = document.createElement('p');
    head.className = 'note-head';
    const who = document.createElement('strong');
    who.textContent = n.author;
    const when = document.createElement('time');
    when.dateTime = n.created_at;
    when.textContent = new Date(n.created_at).toLocaleString();
    head.append(who, ' · ', when);
    if (n.resolved) head.append(` · resolved${n.resolved_by ? ` by ${n.resolved_by}` : ''}`);
    li.append(head);
    if (n.text !== null && n.text !== undefined) {
      // The passage: on the annotation page a click selects it in the text.
      const quote = document.createElement(docEl ? 'button' : 'p');
      quote.className = 'note-passage';
      const text = document.createElement('bdi');
      text.lang = 'ar';
      text.textContent = clip(n.text);
      quote.append(text);
      if (docEl) {
        quote.type = 'button';
        quote.setAttribute('aria-label', `Select the passage “${clip(n.text)}” in the text`);
        quote.addEventListener('click', () => {
          selectOffsets(docEl, n.start, n.end);
          const sel = window.getSelection();
          if (sel.rangeCount) sel.getRangeAt(0).startContainer.parentElement.scrollIntoView({ block: 'center' });
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
    const about = `${n.author}’s note “${clip(n.body)}”`;
    if (n.can_resolve) {
      actions.append(button(n.resolved ? 'Reopen' : 'Resolve', `${n.resolved ? 'Reopen' : 'Resolve'} ${about}`,
        () => change('PATCH', n, { resolved: !n.resolved })));
    }
    if (n.can_delete) {
      actions.append(button('Delete', `Delete ${about}`, async () => {
        if (window.confirm(`Delete ${about}? This cannot be undone.`)) await change('DELETE', n);
      }));
    }
    if (actions.childNodes.length) li.append(actions);
    return li;
  }

  async function load() {
    const { notes } = await request('GET', url);
    const focusedNote = list.contains(document.activeElement) ? document.activeElement.closest('li').dataset.note : null;
    list.replaceChildren(...notes.map(item));
    const open = notes.filter((n) => !n.resolved).length;
    el('notes-count').textContent = notes.length ? `(${open} open of ${notes.length})` : '';
    el('notes-empty').hidden = notes.length > 0;
    // After resolving or deleting from the keyboard, focus stays in the list.
    if (focusedNote !== null) {
      const again = list.querySelector(`li[data-note="${focusedNote}"] button`) || list.querySelector('button') || el('note-body');
      again.focus();
    }
    // Unresolved notes are worth seeing: the panel opens by itself then.
    if (open > 0 && !box.dataset.seen) box.open = true;
    box.dataset.seen = 'true';
  }

  async function change(method, n, body) {
    await request(method, `${url}/${n.id}`, body);
    errorBox.hidden = true;
    await load();
  }

  el('note-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const body = { body: el('note-body').value };
    if (anchorBox && anchorBox.checked && passage) {
      body.start = passage.start;
      body.end = passage.end;
    }
    request('POST', url, body).then(() => {
      el('note-body').value = '';
      if (anchorBox) anchorBox.checked = false;
      errorBox.hidden = true;
      return load();
    }).catch((err) => showError(`Could not add the note: ${err.message}. It is still in the box; try again.`));
  });

  load().catch((err) => showError(`Could not load the notes: ${err.message}`));
}
