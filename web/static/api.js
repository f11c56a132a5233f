// Talks to Hashiya's JSON API. Every failure becomes an Error whose
// message says what went wrong, so callers can show it, never drop it.

import { sendRetrying } from './retry.js';

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

export async function request(method, url, body) {
  const headers = { 'X-CSRF-Token': csrfToken(), Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await sendRetrying(method, () => fetch(url, init)); // a busy server's 503 is sent again (retry.js)
  } catch (err) {
    const lost = new Error(`the server could not be reached (${err.message})`);
    lost.unanswered = true; // whether a write arrived before the network failed is unknown
    throw lost;
  }
  if (!res.ok) {
    // Hashiya's own refusals are shown as their reason, without the
    // status code or the field an API client needs ("label: "); anything
    // else (a proxy's page) as its status.
    let reason = `${res.status} ${res.statusText}`;
    try {
      const data = await res.json();
      if (data && data.error) reason = data.error.replace(/^[a-z_][a-z_.\[\]0-9]*: /, '');
    } catch (_) {
      // The body was not JSON; the status stands.
    }
    const err = new Error(reason);
    err.status = res.status;
    err.fix = fixFor(res.status);
    throw err;
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

// fixFor says what to do about a refusal that trying again alone will not
// cure; undefined when trying again is the thing to do.
function fixFor(status) {
  if (status === 401) return 'you are logged out (the session ended): log in again in another tab, then try again here';
  return undefined;
}
