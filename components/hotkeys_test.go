package components

import (
	"context"
	"testing"

	"hashiya/db"
)

// TestArabicLetterHotkeysNameTheirKey: the list of keys shows a label's
// Arabic letter with the key an Arabic keyboard types it on, and its
// button's aria-keyshortcuts gives that key too; other keys stay as they
// are.
func TestArabicLetterHotkeysNameTheirKey(t *testing.T) {
	labels := []db.Label{{Name: "PER", Color: "#e5484d", Hotkey: "1"}, {Name: "EVENT", Color: "#777777", Hotkey: "ف"},
		{Name: "TITLE", Color: "#888888", Hotkey: "أ"}, {Name: "WORK", Color: "#999999", Hotkey: "پ"}, {Name: "NONE", Color: "#aaaaaa"}}
	if got, want := labelKeys(context.Background(), labels), "Press a label's key (1 PER, ف (T) EVENT, أ (Shift+H) TITLE, پ WORK) or click the label to create a span."; got != want {
		t.Errorf("the list of keys reads %q, want %q", got, want)
	}
	d := rendered(t, LabelButtons(labels))
	for name, want := range map[string]string{"PER": "1", "EVENT": "ف T", "TITLE": "أ Shift+H", "WORK": "پ", "NONE": ""} {
		b := d.Find(`button.label-btn[data-label="` + name + `"]`)
		if got := b.AttrOr("aria-keyshortcuts", ""); b.Length() != 1 || got != want {
			t.Errorf("%s's button: aria-keyshortcuts %q, want %q", name, got, want)
		}
	}
}
