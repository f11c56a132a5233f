// The page's CSRF token, and its renewal. A page carries the token its
// browser's CSRF cookie held when the page was served; the cookie expires
// after a day unused, and logging in again in another tab may set a new
// one, so a page left open can come to hold a token the server refuses.
// The server then refuses the write under Hashiya-Refused: csrf and
// changes nothing: the current token is fetched (GET /csrf-token, which
// sets the cookie afresh where it is gone) and the write sent once more,
// its token checked again.

import { sendRetrying } from './retry.js';
import { t } from './i18n.js';

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
 * renewToken fetches the current token, puts it in the page (its meta tag
 * and every form's _csrf field, so a form sent later carries it too) and
 * answers it. A failure throws an Error saying what went wrong.
 */
export async function renewToken() {
  let res;
  try {
    res = await sendRetrying('GET', () => fetch('/csrf-token', {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    }));
  } catch (err) {
    // The write was refused before anything was stored: not "unanswered".
    throw new Error(t('the server could not be reached ({0})', err.message));
  }
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
  return token;
}
