// Refusals from a page that fell behind the project: a manager changed the
// label set or the relation rules after the page was loaded, so a change
// the page asks for is refused (400) and trying again would fail the same
// way. The page redraws with the project's labels and rules, and says so.

import { t } from './i18n.js';
import { rulesNotice } from './quoterules.js';
import { changedNotice, goneRefusal } from './labelbar.js';
import { isolate } from './words.js';

// NO_CHANGE is what redraw returns when the project's labels and
// relation rules are those the page shows.
export const NO_CHANGE = { labels: '', rules: '' };

// noticeOf says, in words, how the project's labels and relation rules
// changed since the page last showed them ('' when they did not).
export function noticeOf(change) {
  return [change.labels && changedNotice(change.labels), change.rules && rulesNotice(change.rules)].filter(Boolean).join(' ');
}

// refusedByProject explains a refusal (400) from a page loaded before
// a manager changed the label set or the relation rules, where trying
// again would fail the same way: the layer's answer carries both, and
// when they are not the page's, the page redraws with them and says so.
// A step of the history giving a label or a link the project no longer
// has could never be replayed: it is dropped (stepGone), saying so, and
// the steps behind it stay reachable. True when it explained the
// refusal; false when the refusal is for another reason. ctx holds the
// page's api, labelSet, quotes, redraw and showError.
export async function refusedByProject(ctx, what, err, gives) {
  let layer;
  let change = NO_CHANGE;
  try {
    layer = await ctx.api.layer();
    if (ctx.labelSet.changed(layer.labels) || ctx.quotes.rulesDiffer(layer.relation_types)) change = await ctx.redraw(layer);
  } catch (again) {
    ctx.showError(t('Could not {0}: {1}. Nothing was changed, and the project\'s labels and relation rules could not be checked ({2}): reload the page once the server answers.', what, isolate(err.message), isolate(again.message)));
    return true;
  }
  const gone = goneFrom(ctx, gives, layer);
  const notice = noticeOf(change);
  if (gone.length === 0 && !notice) return false;
  err.stepGone = Boolean(gives.step) && gone.length > 0;
  let dropped = '';
  if (err.stepGone) {
    dropped = ` ${gives.step === 'undo' ? t('That step is gone from the history: Undo goes on with the step before it.')
      : t('That step is gone from the history: Redo goes on with the step after it.')}`;
  }
  if (change.labels && gives.labels.some((l) => !ctx.labelSet.has(l))) {
    ctx.showError(`${goneRefusal(change.labels)}${change.rules ? ` ${rulesNotice(change.rules)}` : ''}${dropped}`);
  } else if (gone.length > 0) {
    ctx.showError(`${t('Could not {0}: {1}; nothing was changed.', what, gone.join(t('; ')))}${notice ? ` ${notice}` : ''}${dropped}`);
  } else {
    ctx.showError(`${t('Could not {0}: {1}. Nothing was changed.', what, isolate(err.message))} ${notice}`);
  }
  return true;
}

// goneFrom lists, in words, what a change gives that the project no
// longer has (the page following the set and the rules of layer): a
// label, or a relation its type's rule no longer allows between the
// labels of its ends (a span the change re-creates counts as its own).
function goneFrom(ctx, gives, layer) {
  const { labelSet } = ctx;
  const labels = [...new Set(gives.labels)].filter((l) => !labelSet.has(l))
    .map((l) => t('{0} is no longer one of the project\'s labels (the label bar shows them)', isolate(l)));
  const spanOf = (id) => layer.spans.find((s) => s.id === id) || gives.spans.find((s) => s.id === id);
  const links = gives.relations.map((r) => {
    const from = spanOf(r.from);
    const to = spanOf(r.to);
    if (!from || !to || !labelSet.has(from.label) || !labelSet.has(to.label)) return '';
    return ctx.quotes.refusal(r.type, from.label, to.label);
  }).filter(Boolean);
  return [...labels, ...new Set(links)];
}
