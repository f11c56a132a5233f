// Forms that load a page, on the review and agreement pages: the bulk
// accept and its undo, which take seconds on a long document, Mark gold
// reviewed and Reopen gold. Each has data-busy, what it says while it
// runs.

// A busy database (503: another program's long write held it, nothing
// was stored) would otherwise answer the reviewer's press with a page
// of its own, the action lost. So the script sends these forms itself,
// sends one answered 503 again as the row decisions are (retry.js), and
// opens the page the server names once it has done the work. Whatever
// else the server says (a refusal, the retries spent, no answer at all)
// is shown beside the form, which is left as it was to be pressed again.

import { t } from './i18n.js';
import { sendRenewing } from './csrf.js';
import { onRetry, RETRIES } from './retry.js';

// busyForms: once a data-busy form is sent (the question of forms.js
// answered), its button is turned off and says what is under way, as
// does the status line, so it is not pressed twice while the page waits.
export function busyForms() {
  window.addEventListener('submit', (e) => {
    const form = e.target;
    if (e.defaultPrevented || !form.matches('form[data-busy]')) return;
    const button = form.querySelector('button[type="submit"]');
    if (!button) return;
    e.preventDefault();
    if (form.getAttribute('aria-busy')) return;
    send(form, button).catch((err) => fail(form, button, t('{0}. Reload the page to see what is stored.', err.message)));
  });
  // A page the browser keeps and shows again on Back is not waiting.
  window.addEventListener('pageshow', (e) => {
    if (!e.persisted) return;
    for (const form of document.querySelectorAll('form[data-busy][aria-busy]')) {
      idle(form, form.querySelector('button[type="submit"]'));
    }
  });
}

// sending is the form whose request is out, so a retry is said in it.
let sending = null;
onRetry(({ reason }) => {
  if (sending && reason === 'busy') say(sending, t('{0} (the server is busy, retrying)', sending.dataset.busy));
});

// send posts the form, again while the server is busy, and opens the
// page its answer names.
async function send(form, button) {
  for (const old of errorsOf(form)) old.remove();
  if (!button.dataset.idle) button.dataset.idle = button.textContent;
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  say(form, form.dataset.busy);
  let res;
  sending = form;
  try {
    // The body is read from the form at each send: a token renewed
    // (csrf.js) is in its _csrf field for the second.
    res = await sendRenewing('POST', () => fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { 'Hashiya-Page-Form': '1' },
      credentials: 'same-origin',
    }));
  } catch (err) {
    if (err.status) { // refused, its token not renewed (csrf.js): nothing was done
      fail(form, button, t('“{0}” was refused: {1}. Nothing was changed; {2}.', button.dataset.idle, err.message, err.fix));
      return;
    }
    fail(form, button, t('Could not reach the server ({0}), so it may or may not be done: reload the page to see what is stored.', err.message));
    return;
  } finally {
    sending = null;
  }
  const to = res.headers.get('Hashiya-Location');
  if (res.ok && to) {
    open(to);
    return;
  }
  if (res.redirected) {
    // Not the form's own answer (the login page, once a session has
    // ended): show it.
    location.assign(res.url);
    return;
  }
  const text = await res.text();
  const page = new DOMParser().parseFromString(text, 'text/html');
  const region = form.closest('[data-answer-region]');
  const theirs = region && page.getElementById(region.id);
  if (theirs) {
    // The answer is this part of the page redrawn (an undo that some
    // documents refused names them): it takes the place of the old.
    region.replaceWith(document.adoptNode(theirs));
    const said = theirs.querySelector('#form-error, #form-notice');
    if (said) {
      said.tabIndex = -1;
      said.focus();
    }
    return;
  }
  const reason = reasonOf(res, text, page);
  if (res.status === 503) {
    fail(form, button, t('“{0}” could not be done after {1} tries: {2}.', button.dataset.idle, RETRIES + 1, reason));
    return;
  }
  if (res.status >= 500) {
    // An accept across the project is a transaction a document: some
    // may be done.
    fail(form, button, t('“{0}” failed: {1}. Reload the page to see what is stored.', button.dataset.idle, reason));
    return;
  }
  fail(form, button, t('“{0}” was refused: {1}.', button.dataset.idle, reason));
}

// open goes to the page the server named, at its fragment: a new
// address loads it; the same one with another fragment would only
// scroll, so the page is loaded again there.
function open(to) {
  const url = new URL(to, location.href);
  if (url.hash && url.pathname === location.pathname && url.search === location.search) {
    location.hash = url.hash;
    location.reload();
    return;
  }
  location.assign(url.href);
}

// say tells what the form is doing, on its button and in the review
// page's status line.
function say(form, text) {
  const button = form.querySelector('button[type="submit"]');
  button.textContent = text;
  const status = document.getElementById('review-key-status');
  if (status) status.textContent = text;
}

// idle turns the form back as it was before it was sent.
function idle(form, button) {
  button.disabled = false;
  button.textContent = button.dataset.idle;
  form.removeAttribute('aria-busy');
  const status = document.getElementById('review-key-status');
  if (status) status.textContent = '';
}

// fail shows why the form's action was not done, after the form, which
// is left as it was to be pressed again; the focus goes to the message.
function fail(form, button, message) {
  idle(form, button);
  const p = document.createElement('p');
  p.className = 'error busy-form-error';
  p.setAttribute('role', 'alert');
  p.tabIndex = -1;
  p.textContent = message;
  form.after(p);
  p.focus();
}

function errorsOf(form) {
  const next = form.nextElementSibling;
  return next && next.matches('.busy-form-error') ? [next] : [];
}

// reasonOf is why the server refused: the page's own message (a refused
// form comes back as its page), the JSON error of a busy database, or
// else the status.
function reasonOf(res, text, page) {
  if ((res.headers.get('Content-Type') || '').includes('json')) {
    try {
      const data = JSON.parse(text);
      if (data && data.error) return data.error.replace(/\.$/, '');
    } catch (_) {
      // Not JSON after all (a proxy's answer): the status stands.
    }
  } else {
    const error = page.querySelector('#form-error, main .error');
    if (error) return error.textContent.trim().replace(/\.$/, '');
  }
  return t('the server answered {0} {1}', res.status, res.statusText).trim();
}
