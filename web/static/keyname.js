// The name of a key as the page's shortcuts know it, whatever the
// keyboard layout. A shortcut is the character its key types on a Latin
// layout (so AZERTY's A is `a` where a US keyboard has Q, as the
// annotator reads it on the key); on a layout of another script, where
// no key types `p`, `/` or `[` (Arabic, Persian, Hebrew, Russian), it is
// the character the same place gives on a US keyboard, as a browser
// takes Ctrl+Z there.

// US gives the character of each place (KeyboardEvent.code) on a US
// keyboard, unshifted and shifted. Letters are named by code alone.
const US = {
  Digit1: '1!', Digit2: '2@', Digit3: '3#', Digit4: '4$', Digit5: '5%',
  Digit6: '6^', Digit7: '7&', Digit8: '8*', Digit9: '9(', Digit0: '0)',
  Minus: '-_', Equal: '=+', BracketLeft: '[{', BracketRight: ']}', Backslash: '\\|',
  Semicolon: ';:', Quote: '\'"', Backquote: '`~', Comma: ',<', Period: '.>', Slash: '/?',
};

// own says a key's character is its layout's own name for it: a
// printable ASCII character or a letter of the Latin script (ü, é, ñ).
const own = /^[\x20-\x7e]$|^\p{Script=Latin}$/u;

// named is a key no one character names (Escape, ArrowLeft, Delete).
const named = /^[A-Z][A-Za-z0-9]+$/;

/**
 * keyName gives the key pressed as the page's shortcuts know it: e.key
 * when it is the layout's own character (a letter lower-cased) or a
 * named key; otherwise (a key of a non-Latin layout, such as Arabic's
 * ح on P, ظ on / and ؟ on Shift+/, one typing two letters, as لا on B,
 * or one the browser could not name) the character the same place gives
 * on a US keyboard, shifted with Shift, so `?` is Shift+/ there too.
 * '' for an event naming no key.
 */
export function keyName(e) {
  const key = e.key || '';
  if (own.test(key)) return key.toLowerCase();
  if (named.test(key) && key !== 'Unidentified') return key;
  return usKey(e.code, e.shiftKey) || (named.test(key) ? key : key.toLowerCase());
}

// usKey is the character the place code gives on a US keyboard (a letter
// in lower case), '' for a place it has none at.
function usKey(code, shifted) {
  const letter = /^Key([A-Z])$/.exec(code || '');
  if (letter) return letter[1].toLowerCase();
  const us = US[code];
  return us ? us[shifted ? 1 : 0] : '';
}

/**
 * keyNames lists the names a label's key is looked up by, the first a
 * label has winning: the character typed (so a hotkey set as an Arabic
 * letter is the key that types it), keyName(e), and the digit of a key
 * on the digit row (so digits give labels where the layout types
 * another character there without Shift, as AZERTY's & é " ').
 */
export function keyNames(e) {
  const digit = /^Digit(\d)$/.exec(e.code || '');
  const typed = [...(e.key || '')].length === 1 ? e.key.toLowerCase() : '';
  const names = [typed, keyName(e), digit ? digit[1] : ''];
  return [...new Set(names)].filter((n) => n !== '');
}

// ARABIC is the standard Arabic keyboard (Arabic 101, as db/keyboard.go
// has it): what each key, named as keyName names it on a US keyboard,
// types there, without Shift and with it (ASCII, which names itself, left
// out; the lam-alef keys as Linux types them, one character).
const ARABIC = {
  '`': 'ذ\u0651', q: 'ض\u064e', w: 'ص\u064b', e: 'ث\u064f', r: 'ق\u064c', t: 'فﻹ', y: 'غإ', u: 'ع‘',
  i: 'ه÷', o: 'خ×', p: 'ح؛', '[': 'ج', ']': 'د',
  a: 'ش\u0650', s: 'س\u064d', d: 'ي', f: 'ب', g: 'لﻷ', h: 'اأ', j: 'تـ', k: 'ن،', l: 'م', ';': 'ك', '\'': 'ط',
  z: 'ئ', x: 'ء\u0652', c: 'ؤ', v: 'ر', b: 'ﻻﻵ', n: 'ىآ', m: 'ة’', ',': 'و', '.': 'ز', '/': 'ظ؟',
};

// SHIFTED names the key whose shifted character keyName gives.
const SHIFTED = { '?': '/', '~': '`' };

/**
 * arabicLetter is the character an Arabic keyboard types on the key
 * pressed, read by its name (keyName), so a label whose hotkey is an
 * Arabic letter is reached from a Latin layout too, on the key the list
 * of keys names beside it (خ (O)). '' for a key typing none there.
 */
export function arabicLetter(e) {
  const name = keyName(e);
  const letters = [...(ARABIC[SHIFTED[name] || name] || '')];
  return (SHIFTED[name] || e.shiftKey ? letters[1] : letters[0]) || '';
}
