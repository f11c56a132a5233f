// The review table: its rows take the focus, walked by the keys of
// reviewkeys.js, and a decision is sent in place: the answer holds the
// rows at the places it changed (the page narrowed to them,
// tbody[data-places]), which take the place of the page's own there,
// with the counts above the table; a long table is not sent and laid
// out again for each decision. Without this script the forms post and
// the page comes back at the row. A decision the server could not take
// yet (a 503: the database busy with another long write, nothing
// stored) is sent again, as the annotation view's saves are (retry.js),
// the status saying so.

import { busyForms } from './busyforms.js';
import { t } from './i18n.js';
import { sendRenewing } from './csrf.js';
import { onRetry, RETRIES } from './retry.js';
import { outlineGroups } from './reviewgroup.js';
import { reviewKeys } from './reviewkeys.js';

const table = document.getElementById('candidates');
if (table) init(table);
busyForms();

// place reads a row's anchor (c-START-END-LABEL): its start, end and
// label, or null for another id.
function place(id) {
  const m = /^c-(\d+)-(\d+)-(.*)$/.exec(id);
  return m ? { start: Number(m[1]), end: Number(m[2]), label: decodeURIComponent(m[3]) } : null;
}

// before is true when the row of anchor a comes before that of b in the
// table's order: by start, the longer span first, then by label.
function before(a, b) {
  const p = place(a);
  const q = place(b);
  if (p.start !== q.start) return p.start < q.start;
  if (p.end !== q.end) return p.end > q.end;
  return p.label < q.label;
}

// rowAfter is the first of rows that comes after the place of the row
// anchor names, in the table's order.
function rowAfter(rows, anchor) {
  if (!place(anchor)) return null;
  return rows.find((row) => place(row.id) && before(anchor, row.id)) || null;
}

function init(candidates) {
  const rows = () => [...candidates.querySelectorAll('tbody tr')];
  for (const row of rows()) row.tabIndex = -1;
  outlineGroups(candidates);
  let current = null;

  function focusRow(row) {
    if (!row) return;
    current = row;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  }

  // The row a decision came from; on a filtered list (only the undecided)
  // it may have left it, and the row after its place takes the focus.
  const back = location.hash.slice(1);
  const named = back && (document.getElementById(back) || document.getElementById(decodeURIComponent(back)));
  if (named && candidates.contains(named)) focusRow(named);
  else if (back) focusRow(rowAfter(rows(), back));
  candidates.addEventListener('focusin', (e) => {
    const row = e.target.closest('tbody tr');
    if (row) current = row;
  });

  const status = document.getElementById('review-key-status');
  reviewKeys({ rows, current: () => current, focusRow, status });

  // Decisions go one after the other, in the order they were made.
  let queue = Promise.resolve();
  window.addEventListener('submit', (e) => {
    // Bubbled to the window, a submit has passed the question of forms.js
    // (Remove asks first): a refused one is prevented already.
    // The undo of an accept in place of gold's label is one too, sent
    // from its row or, when that row has left a filtered list, from
    // beside the status.
    const form = e.target;
    const body = candidates.tBodies[0];
    if (e.defaultPrevented || !body || !(body.contains(form) || form.id === 'undo-replace')) return;
    e.preventDefault();
    const row = form.closest('tr');
    const busy = row || form;
    for (const b of busy.querySelectorAll('button')) b.disabled = true;
    busy.setAttribute('aria-busy', 'true');
    queue = queue.then(() => decide(form, row ? row.id : form.dataset.row)).catch((err) => {
      busy.removeAttribute('aria-busy');
      for (const b of busy.querySelectorAll('button')) b.disabled = false;
      say(row, refusal(err));
    });
  });

  // While a decision is sent again because the server was busy, the
  // status says so (a busy server's other requests, a note's, say the
  // same of it).
  let deciding = false;
  onRetry(({ reason }) => {
    if (deciding && reason === 'busy') status.textContent = t('Saving… (the server is busy, retrying)');
  });

  // decide sends a row's form and puts the rows of the answer in; anchor
  // names the row it is about.
  async function decide(form, anchor) {
    status.textContent = t('Saving…');
    let res;
    deciding = true;
    try {
      // The body is read from the form at each send: a token renewed
      // (csrf.js) is in its _csrf field for the second.
      res = await sendRenewing('POST', () => fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        headers: { 'X-Review-Rows': '1' },
        credentials: 'same-origin',
      }));
    } catch (err) {
      if (err.status) throw err; // refused, its token not renewed (csrf.js): nothing was sent
      const lost = new Error(t('the server could not be reached ({0})', err.message));
      lost.unanswered = true;
      throw lost;
    } finally {
      deciding = false;
    }
    const text = await res.text();
    if (!res.ok) throw refusedBy(res, text);
    const page = new DOMParser().parseFromString(text, 'text/html');
    const rows = page.querySelector('#candidates tbody[data-places]');
    const section = page.querySelector('section[aria-labelledby="candidates-title"]');
    if (!rows) {
      // No table in the answer (its last span went) or not the review
      // page at all (the login page, once a session has ended): show it.
      if (!section) {
        location.assign(res.url);
        return;
      }
      candidates.closest('section').replaceWith(document.adoptNode(section));
      return;
    }
    status.textContent = '';
    take(page, rows, anchor);
  }

  // onThisPage is true of a row whose place falls on the page of rows
  // shown: after the previous page's last row and before the next
  // page's first (a long list comes in pages). An answer is not paged: a
  // span a decision's links brought in elsewhere is left to its page.
  const { prev, next } = candidates.tBodies[0] ? candidates.tBodies[0].dataset : {};
  function onThisPage(id) {
    return (!prev || before(prev, id)) && (!next || before(id, next));
  }

  // take puts the answer's rows, counts and notice in the page.
  function take(page, answer, anchor) {
    for (const id of ['undecided-count', 'show-filter', 'accept-agreed', 'mark-reviewed']) {
      const mine = document.getElementById(id);
      const theirs = page.getElementById(id);
      if (mine && theirs) mine.replaceWith(document.adoptNode(theirs));
    }
    candidates.caption.textContent = page.querySelector('#candidates caption').textContent;
    // The offer to take an accept back goes with its notice.
    for (const old of document.querySelectorAll('#form-notice, #form-error, #undo-accept, #undo-replace')) old.remove();
    const places = new Set(answer.dataset.places.split(' ').filter(Boolean));
    for (const old of rows()) {
      const p = place(old.id);
      if (p && places.has(`${p.start}-${p.end}`)) old.remove();
    }
    const body = candidates.tBodies[0];
    for (const fresh of [...answer.rows]) {
      if (!onThisPage(fresh.id)) continue;
      fresh.tabIndex = -1;
      body.insertBefore(document.adoptNode(fresh), rowAfter(rows(), fresh.id));
    }
    const notice = page.getElementById('form-notice');
    const back = document.getElementById(anchor);
    if (back) {
      focusRow(back);
    } else {
      // The row left the list shown (only the undecided): the one after
      // its place takes the focus, and the notice is said in the status,
      // its undo beside it.
      focusRow(rowAfter(rows(), anchor) || rows().at(-1));
      if (notice) status.textContent = notice.textContent;
      const undo = page.getElementById('undo-replace');
      if (notice && undo) status.after(document.adoptNode(undo));
    }
  }

  // refusal says why a decision failed and what to do: a refused one
  // changed nothing; one refused as stale (404, 409) met gold changed
  // elsewhere (or the row's span, in its layer); one with no answer may
  // or may not be stored.
  function refusal(err) {
    const reason = err.message.replace(/\.$/, '');
    if (err.status === 503) return t('Could not save the decision after {0} tries: {1}.', RETRIES + 1, reason);
    if (err.unanswered) return t('Could not send the decision: {0}. It may or may not be stored: reload the page to see gold as it stands.', reason);
    if (err.status === 404 || err.status === 409) return t('Could not save the decision: {0}. Gold or the annotators\' layers changed since this page was loaded: reload it to see them as they stand.', reason);
    if (err.fix) return t('Could not save the decision: {0}. Nothing was changed; {1}.', reason, err.fix);
    return t('Could not save the decision: {0}. Nothing was changed; try again.', reason);
  }

  // say shows a refusal in the row it came from, in place of the
  // notice of an earlier decision.
  function say(row, message) {
    if (!row) {
      // An undo sent from beside the status is answered there.
      status.textContent = message;
      return;
    }
    status.textContent = '';
    for (const old of document.querySelectorAll('#form-notice')) old.remove();
    const cell = row.cells[row.cells.length - 1];
    let p = cell.querySelector('.error');
    if (!p) {
      p = document.createElement('p');
      p.className = 'error';
      p.setAttribute('role', 'alert');
      cell.append(p);
    }
    p.textContent = message;
  }
}

// refusedBy is the error of a refused decision: the review page's own
// message (a refused form comes back as the page), the API's (a busy
// database answers JSON to a script), or else the status.
function refusedBy(res, text) {
  let reason = t('the server answered {0} {1}', res.status, res.statusText);
  if ((res.headers.get('Content-Type') || '').includes('json')) {
    try {
      const data = JSON.parse(text);
      if (data && data.error) reason = data.error;
    } catch (_) {
      // Not JSON after all (a proxy's answer): the status stands.
    }
  } else {
    const error = new DOMParser().parseFromString(text, 'text/html').getElementById('form-error');
    if (error) reason = error.textContent;
  }
  const refused = new Error(reason);
  refused.status = res.status;
  return refused;
}
