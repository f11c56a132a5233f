// The interface's messages in the page's language (the lang of <html>,
// which the server sets from the user's choice in Settings or their
// browser's). Messages are written in English in the code and looked up
// by that English in messages-ar-*.js (the annotation view's, the review
// pages', the other pages'); a message without an entry shows
// in English rather than not at all. {0}, {1}... are filled with the
// arguments, in any order the translation needs.

const lang = document.documentElement.lang;
// Only an Arabic page loads the Arabic: an English one asks for nothing
// more than before. The modules importing this one wait for it.
const catalogue = lang === 'ar' ? await arabic() : {};
const plurals = new Intl.PluralRules(lang === 'ar' ? 'ar' : 'en');
const FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** t is msg in the page's language, {0}, {1}... filled with args. */
export function t(msg, ...args) {
  const s = catalogue[msg];
  return fill(typeof s === 'string' ? s : msg, args);
}

/**
 * tn is a count of n things: one for 1, other otherwise, in English;
 * Arabic's six forms (zero, one, two, few, many, other) are entered under
 * the English other form. {0} is n, {1}... the further args.
 */
export function tn(n, one, other, ...args) {
  const forms = catalogue[other];
  const form = Array.isArray(forms) ? forms[FORMS.indexOf(plurals.select(n))] : (n === 1 ? one : other);
  return fill(form, [n, ...args]);
}

/** The interface's direction, for what a script places by hand. */
export const uiDir = document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';

function fill(s, args) {
  return s.replace(/\{(\d+)\}/g, (whole, i) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

// arabic loads the three catalogues. One that cannot be loaded leaves
// the page in English, said in the console, rather than without scripts.
async function arabic() {
  try {
    const parts = await Promise.all([import('./messages-ar-annotate.js'), import('./messages-ar-review.js'), import('./messages-ar-pages.js')]);
    return Object.assign({}, ...parts.map((m) => m.default));
  } catch (err) {
    console.error('the Arabic messages could not be loaded; the page stays in English:', err);
    return {};
  }
}
