// Sending a request again when the server could not take it yet. A 503
// from Hashiya means the database was busy with another long write (a
// command-line import, say) and nothing of the request was stored: the
// server's transaction never began or was rolled back. So any request
// answered 503 is sent again, after the answer's Retry-After or a growing
// pause, and a create sent again cannot make a second span. A request
// that got no answer at all (the network failed) is sent again only when
// it reads: a write may have arrived before the network failed, and the
// page asks the server what is stored instead (saves.js).

/** How many times a request is sent again before its failure stands. */
export const RETRIES = 4;

// pauseMs is the least pause before each retry: one second, doubling.
const pauseMs = (attempt) => 1000 * 2 ** attempt;

// The longest Retry-After obeyed, so a wrong header cannot stall the page.
const maxRetryAfterMs = 30000;

const listeners = new Set();

/**
 * onRetry(fn) calls fn({ reason, attempt, waitMs }) before each retry,
 * reason 'busy' (a 503) or 'unreachable' (no answer); it returns a
 * function that stops the calls.
 */
export function onRetry(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * sendRetrying runs send(), a fetch of method, and runs it again while it
 * is answered 503 or, for a read, fails on the network, up to RETRIES
 * times; it returns the last response or throws the last network error.
 */
export async function sendRetrying(method, send) {
  const reads = method === 'GET' || method === 'HEAD';
  for (let attempt = 0; ; attempt++) {
    let res;
    let lost;
    try {
      res = await send();
    } catch (err) {
      lost = err;
    }
    const busy = res !== undefined && res.status === 503;
    if (attempt >= RETRIES || !(busy || (lost && reads))) {
      if (lost) throw lost;
      return res;
    }
    const waitMs = Math.max(pauseMs(attempt), busy ? retryAfterMs(res) : 0);
    for (const fn of listeners) fn({ reason: busy ? 'busy' : 'unreachable', attempt: attempt + 1, waitMs });
    await new Promise((done) => setTimeout(done, waitMs));
  }
}

// retryAfterMs reads a response's Retry-After in seconds (a date, which
// Hashiya never sends, counts as none), at most maxRetryAfterMs.
function retryAfterMs(res) {
  const seconds = Number(res.headers.get('Retry-After'));
  if (!Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.min(seconds * 1000, maxRetryAfterMs);
}
