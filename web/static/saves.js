// Saving: every change runs against the server one after another, in
// order, and the page then redraws from the server's answer, so it always
// shows what is stored. A failed save is shown, never dropped. A request
// the server could not take yet (a 503: the database busy with an import)
// is sent again by api.js (retry.js) while the save waits in its place
// in the queue and the status says so; its failure shows only when the
// retries are spent.

import { noticeOf, refusedByProject } from './refusal.js';
import { onRetry, RETRIES } from './retry.js';

// retryStatus is the save status while a request of the save is retried.
const retryStatus = {
  busy: 'Saving… (the server is busy, retrying)',
  unreachable: 'Saving… (the server could not be reached, retrying)',
};

/**
 * createSaves returns save(what, fn, gives), which queues one change;
 * after(fn), which runs fn once the saves under way are answered; and
 * idle(), the promise of the queue as it stands. ctx holds the page's
 * redraw, showStatus, showError and clearError (and what refusal.js reads).
 */
export function createSaves(ctx) {
  let queue = Promise.resolve(); // saves run one after another, in order
  // unsaved counts the changes asked for and not yet answered: while any
  // is under way, leaving the page asks first (beforeunload below).
  let unsaved = 0;
  let saving = false; // a save's requests are under way
  onRetry(({ reason }) => {
    if (saving) ctx.showStatus(retryStatus[reason]);
  });

  // save runs one change against the server, then redraws from the
  // server's answer, so the page always shows what is stored. gives is
  // what the change asks the project to have (stepGives' shape: the
  // labels it gives, the relations it makes), when it asks any.
  function save(what, fn, gives) {
    unsaved++;
    const job = queue.then(async () => {
      ctx.showStatus('Saving…');
      saving = true;
      let sent = false; // fn's requests were answered; a failure after is the redraw's
      try {
        const result = await fn();
        sent = true;
        const notice = noticeOf(await ctx.redraw());
        saving = false;
        ctx.showStatus('Saved');
        ctx.clearError();
        if (notice) ctx.showError(notice, 'notice');
        return result;
      } catch (err) {
        saving = false;
        ctx.showStatus('');
        err.shown = true;
        if (err.status === 400 && !err.partial && await refusedByProject(ctx, what, err, { labels: [], relations: [], spans: [], ...gives })) throw err;
        await failed(what, err, sent);
        throw err;
      }
    });
    queue = job.catch(() => {}); // the caller of save() receives the error; the queue goes on
    queue.then(() => { unsaved--; });
    return job;
  }

  // failed shows why a save failed; sent says the change itself was
  // answered and what failed was the redraw after it. When the layer
  // changed elsewhere (another tab, a teammate on gold, a manager), or the
  // answer was lost on the way and the change may have been stored after
  // all, the page shows what is stored now rather than a stale page, and
  // says which.
  async function failed(what, err, sent) {
    if (err.partial) {
      await partlySaved(what, err);
      return;
    }
    const stale = err.status === 404 || err.status === 409;
    if (err.status === 503 && !sent) { // the server stored nothing (retry.js)
      ctx.showError(`Could not ${what} after ${RETRIES + 1} tries: ${err.message}.`);
      return;
    }
    if (!stale && !unanswered(err)) {
      ctx.showError(`Could not ${what}: ${err.message}. Nothing was changed; ${err.fix || 'try again'}.`);
      return;
    }
    try {
      const notice = noticeOf(await ctx.redraw());
      const dropped = err.status === 404 && (what === 'undo' || what === 'redo') ? ' That step is gone from the history.' : '';
      const labels = notice ? ` ${notice}` : '';
      ctx.showError(stale ? `Could not ${what}: ${err.message}. The layer had changed; the page now shows what is stored.${dropped}${labels}`
        : `Could not ${what}: ${err.message}. The change may have been stored before the answer was lost: the page now shows what is stored; if the change is not there, try again.${labels}`);
    } catch (again) {
      ctx.showError(stale ? `Could not ${what}: ${err.message}, and the page could not be redrawn (${again.message}); reload it.`
        : `Could not ${what}: ${err.message}, and the server could not be asked what is stored (${again.message}). The change may or may not be saved: reload the page once the server answers.`);
    }
  }

  // partlySaved tells of an undo or redo of several requests that failed
  // after some went through (steps.js: err.partial): the layer holds part
  // of the step, so the page shows what is stored and says which part
  // was saved; the history holds the two parts apart (history.js).
  async function partlySaved(what, err) {
    const { doneWords, leftWords } = err.partial;
    const did = what === 'undo' ? 'undone' : 'redone';
    const lost = unanswered(err) ? ' (the answer was lost: the last may be stored after all)' : '';
    const saved = `${did[0].toUpperCase()}${did.slice(1)} and saved: ${doneWords.join('; ')}. Not ${did}${lost}: ${leftWords.join('; ')}.`;
    const [again, back] = what === 'undo' ? ['Undo', 'Redo'] : ['Redo', 'Undo'];
    const next = err.status === 404 || err.stepGone ? `What was not ${did} is gone from the history; ${back} takes back what was.`
      : `${again} tries the rest again; ${back} takes back what was ${did}.`;
    try {
      const notice = noticeOf(await ctx.redraw());
      ctx.showError(`Could not ${what} all of the step: ${err.message}. ${saved} The page now shows what is stored. ${next}${notice ? ` ${notice}` : ''}`);
    } catch (redrawErr) {
      ctx.showError(`Could not ${what} all of the step: ${err.message}. ${saved} The page could not be redrawn (${redrawErr.message}): reload it to see what is stored.`);
    }
  }

  // after runs fn once every save under way is answered, in the queue, so
  // what it reads is what those saves left; its caller receives its error.
  function after(fn) {
    const job = queue.then(fn);
    queue = job.catch(() => {}); // the caller receives the error; the queue goes on
    return job;
  }

  // Closing or leaving the page while a change is still being saved would
  // drop it unseen: the browser asks first.
  window.addEventListener('beforeunload', (e) => {
    if (unsaved === 0) return;
    e.preventDefault();
    e.returnValue = ''; // older browsers show the question only with this set
  });

  return { save, after, idle: () => queue };
}

// unanswered is true of a failure that leaves unknown whether the change
// was stored: no answer came (the network), or a gateway between the
// page and Hashiya gave up waiting. Hashiya's own refusals come before
// anything is written.
function unanswered(err) {
  return err.unanswered === true || err.status === 502 || err.status === 504;
}
