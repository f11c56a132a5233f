// The project's relation rules as the quotation tools follow them: which
// labels each link may join, those the page was loaded with and then
// those each fetched layer carries, so a manager's change to them is
// followed without a reload, and said so in words.

import { t } from './i18n.js';
import { isolate } from './words.js';

/**
 * createRules holds the rules, {type: {from: [labels], to: [labels]}},
 * starting from initial: an empty side joins any label; a type the
 * project lacks has no tool.
 */
export function createRules(initial) {
  let rules = initial;
  const joins = (side, label) => side.length === 0 || side.includes(label);
  return {
    /** True when the project has relation type. */
    has: (type) => Boolean(rules[type]),
    /** True when a link of type may reach a span labelled label. */
    reaches: (type, label) => Boolean(rules[type]) && joins(rules[type].to, label),
    /** True when a span labelled label may refer onward (refers_to). */
    refers: (label) => Boolean(rules.refers_to) && joins(rules.refers_to.from, label),
    /** The labels a link of type reaches, in words ("PER or ORG"). */
    targetsText: (type) => (rules[type] && rules[type].to.length ? orList(rules[type].to) : t('labelled')),
    /** The labels a link of type starts from, in words ("PER or ORG"). */
    sourcesText: (type) => (rules[type] && rules[type].from.length ? orList(rules[type].from) : t('labelled')),
    /** Follows a layer answer's relation_types; returns how they changed, in words, or ''. */
    set(types) {
      if (!Array.isArray(types)) return '';
      const next = rulesOf(types);
      const change = describeRules(rules, next);
      rules = next;
      return change;
    },
    /** True when a fetched layer's rules are not those followed. */
    differ: (types) => Array.isArray(types) && describeRules(rules, rulesOf(types)) !== '',
    /** Why the rules refuse a link of type from label to label, in words; '' when they allow it. */
    refusal(type, fromLabel, toLabel) {
      const rule = rules[type];
      if (!rule) return t('{0} is no longer one of the project\'s relation types', isolate(type));
      if (joins(rule.from, fromLabel) && joins(rule.to, toLabel)) return '';
      return t('{0} no longer joins {1} to {2} (it joins {3} to {4})', isolate(type), isolate(fromLabel), isolate(toLabel), sideText(rule.from), sideText(rule.to));
    },
  };
}

// rulesOf turns a layer answer's relation_types into the page's rules.
function rulesOf(types) {
  return Object.fromEntries(types.map((t) => [t.name, { from: t.from || [], to: t.to || [] }]));
}

// orList is labels as a choice among them, in words ("PER or ORG").
function orList(labels) {
  return labels.map(isolate).join(t(' or '));
}

function sideText(side) {
  return side.length ? orList(side) : t('any label');
}

// describeRules says what an annotator needs to know of new relation
// rules: the types gone, the new ones and those that now join other
// labels ("speaker now joins QUOTE to PER or PERS").
export function describeRules(before, after) {
  const joinText = (r) => t('{0} to {1}', sideText(r.from), sideText(r.to));
  const parts = [];
  for (const name of Object.keys(before)) {
    if (!after[name]) parts.push(t('{0} is gone', isolate(name)));
  }
  for (const [name, rule] of Object.entries(after)) {
    if (!before[name]) parts.push(t('{0} is new, joining {1}', isolate(name), joinText(rule)));
    else if (joinText(before[name]) !== joinText(rule)) parts.push(t('{0} now joins {1}', isolate(name), joinText(rule)));
  }
  return parts.join(t('; '));
}

/** rulesNotice says that the quotation tools follow the project's new relation rules, and how they changed. */
export function rulesNotice(change) {
  return t('The project\'s relation rules changed since this page was loaded: the quotation tools now follow them ({0}).', change);
}
