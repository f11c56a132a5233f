package db

import "strings"

// arabicKeyboard is the standard Arabic keyboard (Arabic 101, the "ar"
// layout Windows, macOS and Linux ship): for each key of a US keyboard,
// named by the character it types there without Shift, the character it
// types on the Arabic layout, without Shift and with it. Left out are the
// ASCII characters Shift gives on some keys (<, ], :), which the view
// names as themselves wherever they are typed (keyname.js), and the
// digits of the digit row. The lam-alef keys type two letters on Windows
// and one character on Linux (ﻻ), listed. Where the systems differ in a
// punctuation mark Shift gives, Windows' is listed (‘ on U, where Linux
// types `).
var arabicKeyboard = []struct{ us, plain, shifted string }{
	{"`", "ذ", "\u0651"}, // shadda
	{"q", "ض", "\u064e"}, // fatha
	{"w", "ص", "\u064b"}, // fathatan
	{"e", "ث", "\u064f"}, // damma
	{"r", "ق", "\u064c"}, // dammatan
	{"t", "ف", "ﻹ"},
	{"y", "غ", "إ"},
	{"u", "ع", "‘"},
	{"i", "ه", "÷"},
	{"o", "خ", "×"},
	{"p", "ح", "؛"},
	{"[", "ج", ""},
	{"]", "د", ""},
	{"a", "ش", "\u0650"}, // kasra
	{"s", "س", "\u064d"}, // kasratan
	{"d", "ي", ""},
	{"f", "ب", ""},
	{"g", "ل", "ﻷ"},
	{"h", "ا", "أ"},
	{"j", "ت", "ـ"},
	{"k", "ن", "،"},
	{"l", "م", ""},
	{";", "ك", ""},
	{"'", "ط", ""},
	{"z", "ئ", ""},
	{"x", "ء", "\u0652"}, // sukun
	{"c", "ؤ", ""},
	{"v", "ر", ""},
	{"b", "ﻻ", "ﻵ"},
	{"n", "ى", "آ"},
	{"m", "ة", "’"},
	{",", "و", ""},
	{".", "ز", ""},
	{"/", "ظ", "؟"},
}

// usShifted is what Shift gives on the US keyboard's keys other than
// letters that type an Arabic character with Shift, as the annotation
// view names such a key (keyname.js): Shift+/ is `?` there.
var usShifted = map[string]string{"`": "~", "/": "?"}

// arabicKey is where the Arabic keyboard types hotkey: the US key (its
// unshifted character) and whether with Shift; ok is false for a
// character it does not type, or types where a US key names it itself.
func arabicKey(hotkey string) (us string, shift, ok bool) {
	for _, k := range arabicKeyboard {
		switch hotkey {
		case k.plain:
			return k.us, false, true
		case k.shifted:
			if k.shifted != "" {
				return k.us, true, true
			}
		}
	}
	return "", false, false
}

// keyOf is the key a hotkey is pressed with as the annotation view names
// it (keyname.js): the hotkey itself in lower case, or, for a character
// of the Arabic keyboard, the US key at its place, a letter in lower case
// with Shift or without (as "S" is "s"), another key shifted as a US
// keyboard shifts it (؟ is Shift+/, `?`).
func keyOf(hotkey string) string {
	us, shift, ok := arabicKey(hotkey)
	switch {
	case !ok:
		return strings.ToLower(hotkey)
	case shift && usShifted[us] != "":
		return usShifted[us]
	}
	return us
}

// ArabicKeyPlace names the key that types hotkey on an Arabic keyboard,
// as it is written on a US one ("S", "Shift+/"), or "" for a hotkey that
// is not a character of that keyboard (a Latin letter, a digit).
func ArabicKeyPlace(hotkey string) string {
	us, shift, ok := arabicKey(hotkey)
	if !ok {
		return ""
	}
	if shift {
		return "Shift+" + strings.ToUpper(us)
	}
	return strings.ToUpper(us)
}

// arabicKeyWords names the key the Arabic keyboard types hotkey with,
// for a refusal: "the S key", "the / key with Shift".
func arabicKeyWords(hotkey string) string {
	us, shift, _ := arabicKey(hotkey)
	words := "the " + strings.ToUpper(us) + " key"
	if shift {
		words += " with Shift"
	}
	return words
}

// sharedKey refuses label l, the set's row-th, whose hotkey is pressed
// with the same key as an earlier label's (keyOf): the same character in
// either case, or one that an Arabic keyboard types on the key the other
// names ("ض" and "q" are both the Q key), where the label looked up first
// leaves the other out of reach on one of the two layouts. Only a fresh
// label is refused for the second, which sets could once hold.
func sharedKey(other, l Label, row int, fresh bool) error {
	switch {
	case strings.EqualFold(other.Hotkey, l.Hotkey):
		return invalidCell("labels", row, "hotkey", "hotkey %q is used by %s and %s", l.Hotkey, other.Name, l.Name)
	case !fresh:
		return nil
	case ArabicKeyPlace(l.Hotkey) != "":
		return invalidCell("labels", row, "hotkey", "hotkey %q of label %s is on %s of an Arabic keyboard, which label %s's hotkey %q also names; choose another",
			l.Hotkey, l.Name, arabicKeyWords(l.Hotkey), other.Name, other.Hotkey)
	}
	return invalidCell("labels", row, "hotkey", "hotkey %q of label %s is the key where an Arabic keyboard types label %s's hotkey %q (%s); choose another",
		l.Hotkey, l.Name, other.Name, other.Hotkey, arabicKeyWords(other.Hotkey))
}
