package components

import (
	"strings"

	"hashiya/db"
)

// hotkeyWithPlace is a hotkey as the list of keys shows it: a character
// of the Arabic keyboard followed by the key it is on there, as a US
// keyboard names it ("خ (O)"), the key that gives its label on any
// layout (keyname.js, arabicLetter).
func hotkeyWithPlace(hotkey string) string {
	if place := db.ArabicKeyPlace(hotkey); place != "" {
		return hotkey + " (" + place + ")"
	}
	return hotkey
}

// keyPlaceShort is the key of a US keyboard that types hotkey on an
// Arabic one, Shift drawn as ⇧ to fit a label's badge ("⇧H"), or "".
func keyPlaceShort(hotkey string) string {
	return strings.Replace(db.ArabicKeyPlace(hotkey), "Shift+", "⇧", 1)
}

// keyShortcuts is a label button's aria-keyshortcuts: its hotkey, and for
// a character of the Arabic keyboard the key it is on there too, which
// gives the label on a Latin layout ("ف T", "أ Shift+H").
func keyShortcuts(hotkey string) string {
	if place := db.ArabicKeyPlace(hotkey); place != "" {
		return hotkey + " " + place
	}
	return hotkey
}
