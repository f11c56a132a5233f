// Talks to Hashiya's JSON API. Every failure becomes an Error whose
// message says what went wrong, so callers can show it, never drop it.

import { pageToken, reasonOf, sendRenewing } from './csrf.js';
import { t } from './i18n.js';

// held is the last answer to each GET that came with an ETag (a layer's
// spans, whatever module asked), kept frozen, as every caller shares it:
// asked again, the server answers 304 Not Modified while it is still so,
// and the page reads its copy instead of the whole layer again.
const held = new Map();

// fresh is the URL of the held answer that the last write's own answer
// brought up to date (advanced): the next GET of it is answered from the
// copy without asking, once. Any other write forgets it.
let fresh = null;

/**
 * request sends one request and answers its JSON (or text, or null). A
 * write to a layer whose held answer it changes names it as layer, {url,
 * apply(held body, answer)}: when the write's answer says the layer held
 * is the one it wrote to (its Layer-Tag-Before is the held tag), the
 * held answer becomes apply's, under Layer-Tag-After (advanced).
 */
export async function request(method, url, body, layer) {
  const headers = { Accept: 'application/json' }; // and X-CSRF-Token, as sent (send)
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET') fresh = null;
  const copy = method === 'GET' ? held.get(url) : undefined;
  if (copy && fresh === url) {
    fresh = null;
    return copy.body;
  }
  if (copy) headers['If-None-Match'] = copy.tag;
  const res = await send(method, url, init);
  if (res.status === 304 && copy) return copy.body;
  if (!res.ok) {
    // Hashiya's own refusals are shown as their reason, without the
    // status code or the field an API client needs ("label: "); anything
    // else (a proxy's page) as its status.
    const err = new Error((await reasonOf(res)).replace(/^[a-z_][a-z_.\[\]0-9]*: /, ''));
    err.status = res.status;
    err.fix = fixFor(res.status);
    throw err;
  }
  const data = await answerOf(res);
  const tag = res.headers.get('ETag');
  if (method === 'GET' && tag && data !== null && typeof data === 'object') held.set(url, { tag, body: frozen(data) });
  if (method !== 'GET') fresh = layer && advanced(layer, res, data) ? layer.url : null;
  return data;
}

// send fetches url, again while the server is busy (retry.js), and once
// more with the current CSRF token when the page's is no longer the
// browser's (csrf.js): nothing was changed, and the server checks the
// new token as ever. A network failure becomes an Error saying so; a
// refusal of the token's renewal is thrown as it is.
async function send(method, url, init) {
  try {
    return await sendRenewing(method, () => {
      init.headers['X-CSRF-Token'] = pageToken();
      return fetch(url, init);
    });
  } catch (err) {
    if (err.status) throw err;
    const lost = new Error(t('the server could not be reached ({0})', err.message));
    lost.unanswered = true; // whether a write arrived before the network failed is unknown
    throw lost;
  }
}

// answerOf is a successful answer's body: JSON, text, or null for none.
async function answerOf(res) {
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  if (!type.includes('json')) return res.text();
  return res.json();
}

// advanced brings the held answer of layer.url up to date with a write's
// answer, and says whether it did: only when the layer held is the layer
// just before the write (its tag is the answer's Layer-Tag-Before, both
// read in the write's transaction), so the write is all that changed
// since, and only when layer.apply knows the write's whole effect.
// Otherwise the held answer stays as it is, its tag now stale, and the
// next GET reads the layer whole.
function advanced(layer, res, data) {
  const copy = held.get(layer.url);
  const before = res.headers.get('Layer-Tag-Before');
  const after = res.headers.get('Layer-Tag-After');
  if (!copy || !before || !after || copy.tag !== before) return false;
  // The held copy gets its own of the answer: the caller's stays its own
  // to change, unfrozen.
  const body = layer.apply(copy.body, structuredClone(data));
  if (!body) return false;
  held.set(layer.url, { tag: after, body: frozen(body) });
  return true;
}

// frozen freezes v and everything in it, so a caller changing an answer
// others share fails at once instead of changing theirs.
// An object already frozen was frozen whole here: an advanced answer
// shares the spans it keeps with the one before.
function frozen(v) {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
  for (const k of Object.keys(v)) frozen(v[k]);
  return Object.freeze(v);
}

// fixFor says what to do about a refusal that trying again alone will not
// cure; undefined when trying again is the thing to do.
function fixFor(status) {
  if (status === 401) return t('you are logged out (the session ended): log in again in another tab, then try again here');
  return undefined;
}
