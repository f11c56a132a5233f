// Saving: every change runs against the server one after another, in
// order, and the page then redraws from the server's answer, so it always
// shows what is stored. A failed save is shown, never dropped. A request
// the server could not take yet (a 503: the database busy with an import)
// is sent again by api.js (retry.js) while the save waits in its place
// in the queue and the status says so; its failure shows only when the
// retries are spent.

import { t } from './i18n.js';
import { noticeOf, refusedByProject } from './refusal.js';
import { onRetry, RETRIES } from './retry.js';
import { isolate } from './words.js';

// retryStatus is the save status while a request of the save is retried.
const retryStatus = {
  busy: t('Saving… (the server is busy, retrying)'),
  unreachable: t('Saving… (the server could not be reached, retrying)'),
};

/**
 * createSaves returns save(what, fn, gives), which queues one change
 * (what: the change in a few words of the page's language, as "Could not
 * {0}" takes them, "save the span"); after(fn), which runs fn once the
 * saves under way are answered; and
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
  // labels it gives, the relations it makes), when it asks any; an undo
  // or redo's gives names its direction too (step: 'undo' or 'redo').
  function save(what, fn, gives) {
    unsaved++;
    const job = queue.then(async () => {
      ctx.showStatus(t('Saving…'));
      saving = true;
      let sent = false; // fn's requests were answered; a failure after is the redraw's
      try {
        const result = await fn();
        sent = true;
        const notice = noticeOf(await ctx.redraw());
        saving = false;
        ctx.showStatus(t('Saved'));
        ctx.clearError();
        if (notice) ctx.showError(notice, 'notice');
        return result;
      } catch (err) {
        saving = false;
        ctx.showStatus('');
        err.shown = true;
        if (err.status === 400 && !err.partial && await refusedByProject(ctx, what, err, { labels: [], relations: [], spans: [], ...gives })) throw err;
        await failed(what, err, sent, gives && gives.step);
        throw err;
      }
    });
    queue = job.catch(() => {}); // the caller of save() receives the error; the queue goes on
    queue.then(() => { unsaved--; });
    return job;
  }

  // failed shows why a save failed; sent says the change itself was
  // answered and what failed was the redraw after it; step is 'undo' or
  // 'redo' for a step of the history. When the layer
  // changed elsewhere (another tab, a teammate on gold, a manager), or the
  // answer was lost on the way and the change may have been stored after
  // all, the page shows what is stored now rather than a stale page, and
  // says which.
  async function failed(what, err, sent, step) {
    if (err.partial) {
      await partlySaved(what, err, step);
      return;
    }
    const stale = err.status === 404 || err.status === 409;
    if (err.status === 503 && !sent) { // the server stored nothing (retry.js)
      ctx.showError(t('Could not {0} after {1} tries: {2}.', what, RETRIES + 1, isolate(err.message)));
      return;
    }
    if (!stale && !unanswered(err)) {
      ctx.showError(t('Could not {0}: {1}. Nothing was changed; {2}.', what, isolate(err.message), err.fix || t('try again')));
      return;
    }
    try {
      const notice = noticeOf(await ctx.redraw());
      const dropped = err.status === 404 && step ? ` ${t('That step is gone from the history.')}` : '';
      const labels = notice ? ` ${notice}` : '';
      ctx.showError(stale ? `${t('Could not {0}: {1}. The layer had changed; the page now shows what is stored.', what, isolate(err.message))}${dropped}${labels}`
        : `${t('Could not {0}: {1}. The change may have been stored before the answer was lost: the page now shows what is stored; if the change is not there, try again.', what, isolate(err.message))}${labels}`);
    } catch (again) {
      ctx.showError(stale ? t('Could not {0}: {1}, and the page could not be redrawn ({2}); reload it.', what, isolate(err.message), isolate(again.message))
        : t('Could not {0}: {1}, and the server could not be asked what is stored ({2}). The change may or may not be saved: reload the page once the server answers.', what, isolate(err.message), isolate(again.message)));
    }
  }

  // partlySaved tells of an undo or redo of several requests that failed
  // after some went through (steps.js: err.partial): the layer holds part
  // of the step, so the page shows what is stored and says which part
  // was saved; the history holds the two parts apart (history.js).
  async function partlySaved(what, err, step) {
    const { doneWords, leftWords } = err.partial;
    const undo = step === 'undo';
    const done = doneWords.join(t('; '));
    const left = leftWords.join(t('; '));
    const lost = unanswered(err) ? ` (${t('the answer was lost: the last may be stored after all')})` : '';
    const saved = undo ? t('Undone and saved: {0}. Not undone{1}: {2}.', done, lost, left)
      : t('Redone and saved: {0}. Not redone{1}: {2}.', done, lost, left);
    const gone = err.status === 404 || err.stepGone;
    let next;
    if (undo) {
      next = gone ? t('What was not undone is gone from the history; Redo takes back what was.')
        : t('Undo tries the rest again; Redo takes back what was undone.');
    } else {
      next = gone ? t('What was not redone is gone from the history; Undo takes back what was.')
        : t('Redo tries the rest again; Undo takes back what was redone.');
    }
    const failure = t('Could not {0} all of the step: {1}.', what, isolate(err.message));
    try {
      const notice = noticeOf(await ctx.redraw());
      ctx.showError(`${failure} ${saved} ${t('The page now shows what is stored.')} ${next}${notice ? ` ${notice}` : ''}`);
    } catch (redrawErr) {
      ctx.showError(`${failure} ${saved} ${t('The page could not be redrawn ({0}): reload it to see what is stored.', isolate(redrawErr.message))}`);
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
