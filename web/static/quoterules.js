// The project's relation rules as the quotation tools follow them: which
// labels each link may join, those the page was loaded with and then
// those each fetched layer carries, so a manager's change to them is
// followed without a reload, and said so in words.

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
    targetsText: (type) => (rules[type] && rules[type].to.length ? rules[type].to.join(' or ') : 'labelled'),
    /** The labels a link of type starts from, in words ("PER or ORG"). */
    sourcesText: (type) => (rules[type] && rules[type].from.length ? rules[type].from.join(' or ') : 'labelled'),
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
      if (!rule) return `${type} is no longer one of the project's relation types`;
      if (joins(rule.from, fromLabel) && joins(rule.to, toLabel)) return '';
      return `${type} no longer joins ${fromLabel} to ${toLabel} (it joins ${sideText(rule.from)} to ${sideText(rule.to)})`;
    },
  };
}

// rulesOf turns a layer answer's relation_types into the page's rules.
function rulesOf(types) {
  return Object.fromEntries(types.map((t) => [t.name, { from: t.from || [], to: t.to || [] }]));
}

function sideText(side) {
  return side.length ? side.join(' or ') : 'any label';
}

// describeRules says what an annotator needs to know of new relation
// rules: the types gone, the new ones and those that now join other
// labels ("speaker now joins QUOTE to PER or PERS").
export function describeRules(before, after) {
  const joinText = (r) => `${sideText(r.from)} to ${sideText(r.to)}`;
  const parts = [];
  for (const name of Object.keys(before)) {
    if (!after[name]) parts.push(`${name} is gone`);
  }
  for (const [name, rule] of Object.entries(after)) {
    if (!before[name]) parts.push(`${name} is new, joining ${joinText(rule)}`);
    else if (joinText(before[name]) !== joinText(rule)) parts.push(`${name} now joins ${joinText(rule)}`);
  }
  return parts.join('; ');
}

/** rulesNotice says that the quotation tools follow the project's new relation rules, and how they changed. */
export function rulesNotice(change) {
  return `The project's relation rules changed since this page was loaded: the quotation tools now follow them (${change}).`;
}
