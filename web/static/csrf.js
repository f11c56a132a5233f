// The page's CSRF token, and its renewal. A page carries the token its
// browser's CSRF cookie held when the page was served; the cookie expires
// after a day unused, and logging in again in another tab may set a new
// one, so a page left open can come to hold a token the server refuses.
// The server then refuses the write under Hashiya-Refused: csrf and
// changes nothing: the current token is fetched (GET /csrf-token, which
// sets the cookie afresh where it is gone) and the write sent once more,
// its token checked again.

import { t } from './i18n.js';
import { sendRetrying } from './retry.js';

/** pageToken is the token the page holds, masked as the server gave it. */
export function pageToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

/** tokenRefused says res refused a write for its CSRF token alone. */
export function tokenRefused(res) {
  return res.headers.get('Hashiya-Refused') === 'csrf';
}

/**
 * reasonOf is the reason a refusal (res, not ok) gives in its JSON
 * ({"error": "..."}), or its status when the body is not Hashiya's JSON
 * (a proxy's page).
 */
export async function reasonOf(res) {
  try {
    const data = await res.json();
    if (data && typeof data.error === 'string' && data.error) return data.error;
  } catch (_) {
    // The body was not JSON: the status stands.
  }
  return `${res.status} ${res.statusText}`;
}

/**
 * sendRenewing is sendRetrying (retry.js) for a write whose send() reads
 * the page's token as it sends (pageToken, or the form's _csrf field):
 * one refused for its token alone is sent once more after renewToken put
 * the current token in the page. A network failure throws as fetch's;
 * a renewal that fails throws notRenewed's Error.
 */
export async function sendRenewing(method, send) {
  const res = await sendRetrying(method, send);
  if (!tokenRefused(res)) return res;
  try {
    await renewToken();
  } catch (err) {
    throw notRenewed(res, err);
  }
  return sendRetrying(method, send);
}

/**
 * notRenewed is the Error for a write refused for its token (refused, a
 * response or an XMLHttpRequest) whose token could not be renewed (err,
 * renewToken's): the write was refused before it changed anything, so
 * the Error carries the refusal's status, and fix says what will work,
 * since trying again sends the same stale token.
 */
export function notRenewed(refused, err) {
  const e = new Error(t('the page’s security token could not be renewed ({0})', err.message));
  e.status = refused.status;
  e.fix = t('reload the page');
  return e;
}

/**
 * renewToken fetches the current token and puts it in the page: its meta
 * tag and every form's _csrf field, so whatever is sent next carries it.
 * A refusal throws an Error with its reason and status; a network
 * failure throws as fetch's.
 */
export async function renewToken() {
  const res = await sendRetrying('GET', () => fetch('/csrf-token', {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  }));
  if (!res.ok) {
    const err = new Error(await reasonOf(res));
    err.status = res.status;
    throw err;
  }
  const { token } = await res.json(); // a body that is not JSON throws, saying so
  // Not Hashiya's answer (a proxy's): said as an API reason is, in English.
  if (typeof token !== 'string' || token === '') throw new Error('GET /csrf-token answered no token');
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) meta.content = token;
  for (const field of document.querySelectorAll('input[name="_csrf"]')) field.value = token;
}
