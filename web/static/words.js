// Words the annotation view's messages share: a name isolated inside a
// sentence of the other direction, a link's type in words, a list.

import { t, uiDir } from './i18n.js';

// In a right-to-left interface a Latin name (a label, a user, a key)
// inside a sentence is isolated (U+2068 FSI … U+2069 PDI), so "PER" or
// "layla" does not carry the words around it out of their order; a
// left-to-right interface shows it as it is.
export function isolate(name) {
  return uiDir === 'rtl' ? `\u2068${name}\u2069` : String(name);
}

// typeWords is a relation type as an annotator reads it ("refers to");
// a type of the project's own naming shows as it is named.
export function typeWords(type) {
  switch (type) {
    case 'speaker': return t('speaker');
    case 'cue': return t('cue');
    case 'refers_to': return t('refers to');
    case 'segment': return t('segment');
    default: return isolate(type.replace('_', ' '));
  }
}

// linkWords is a link of type as a list of changes names it ("the
// speaker link").
export function linkWords(type) {
  return t('the {0} link', typeWords(type));
}

// listWords joins words as a sentence lists them: "A, B and C".
export function listWords(words) {
  if (words.length < 2) return words.join('');
  return t('{0} and {1}', words.slice(0, -1).join(t(', ')), words[words.length - 1]);
}
