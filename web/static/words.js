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

// clip shortens a passage quoted in a message to its first 60 characters.
// The part kept and its ellipsis are isolated together, in either
// interface, so the ellipsis follows the words in their own direction:
// after Arabic inside an English sentence it would otherwise stand at
// their right, beside their first word, as if their start were cut.
export function clip(text) {
  const cps = [...text];
  return cps.length > 60 ? `\u2068${cps.slice(0, 60).join('')}…\u2069` : text;
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
