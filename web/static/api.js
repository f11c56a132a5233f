// Talks to Hashiya's JSON API. Every failure becomes an Error whose
// message says what went wrong, so callers can show it, never drop it.

import { sendRetrying } from './retry.js';

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : '';
}

// held is the last answer to each GET that came with an ETag (a layer's
// spans, whatever module asked), kept frozen, as every caller shares it:
// asked again, the server answers 304 Not Modified while it is still so,
// and the page reads its copy instead of the whole layer again.
const held = new Map();

export async function request(method, url, body) {
  const headers = { 'X-CSRF-Token': csrfToken(), Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const copy = method === 'GET' ? held.get(url) : undefined;
  if (copy) headers['If-None-Match'] = copy.tag;
  let res;
  try {
    res = await sendRetrying(method, () => fetch(url, init)); // a busy server's 503 is sent again (retry.js)
  } catch (err) {
    const lost = new Error(`the server could not be reached (${err.message})`);
    lost.unanswered = true; // whether a write arrived before the network failed is unknown
    throw lost;
  }
  if (res.status === 304 && copy) return copy.body;
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
  if (!type.includes('json')) return res.text();
  const data = await res.json();
  const tag = res.headers.get('ETag');
  if (method === 'GET' && tag) held.set(url, { tag, body: frozen(data) });
  return data;
}

// frozen freezes v and everything in it, so a caller changing an answer
// others share fails at once instead of changing theirs.
function frozen(v) {
  if (v === null || typeof v !== 'object') return v;
  for (const k of Object.keys(v)) frozen(v[k]);
  return Object.freeze(v);
}

// fixFor says what to do about a refusal that trying again alone will not
// cure; undefined when trying again is the thing to do.
function fixFor(status) {
  if (status === 401) return 'you are logged out (the session ended): log in again in another tab, then try again here';
  return undefined;
}
