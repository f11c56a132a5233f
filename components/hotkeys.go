package components

import "hashiya/db"

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
