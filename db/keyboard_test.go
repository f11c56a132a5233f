package db

import (
	"context"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestArabicLettersOnViewKeys: a fresh label may not take the letter an
// Arabic keyboard types on a key the annotation view uses (ش on A, س on
// S, ؤ on C, ق on R, ظ on /, ؟ on Shift+/, د on ], ج on [), nor the mark
// Shift gives on such a letter key; the refusal names the key.
func TestArabicLettersOnViewKeys(t *testing.T) {
	per := Label{Name: "PER", Color: "#e5484d", Hotkey: "1"}
	cases := []struct{ hotkey, says string }{
		{"ش", `labels[1].hotkey: hotkey "ش" of label X is on the A key of an Arabic keyboard, the annotation view's "Label every occurrence"; choose another`},
		{"س", `labels[1].hotkey: hotkey "س" of label X is on the S key of an Arabic keyboard, the annotation view's "Pick speaker" (of a quotation); choose another`},
		{"ؤ", `hotkey "ؤ" of label X is on the C key of an Arabic keyboard, the annotation view's "Pick cue"`},
		{"ق", `hotkey "ق" of label X is on the R key of an Arabic keyboard, the annotation view's "Pick the entity it refers to"`},
		{"ظ", `hotkey "ظ" of label X is on the / key of an Arabic keyboard, the annotation view's "Find in the text"`},
		{"؟", `hotkey "؟" of label X is on the / key with Shift of an Arabic keyboard, the annotation view's key for its list of keys`},
		{"د", `hotkey "د" of label X is on the ] key of an Arabic keyboard, the annotation view's key for the next span`},
		{"ج", `hotkey "ج" of label X is on the [ key of an Arabic keyboard, the annotation view's key for the previous span`},
		{"\u064d", "hotkey \"\u064d\" of label X is on the S key with Shift of an Arabic keyboard, the annotation view's \"Pick speaker\""},
	}
	for _, tc := range cases {
		err := ValidateLabels([]Label{per, {Name: "X", Color: "#111111", Hotkey: tc.hotkey}})
		if err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("hotkey %q: %v, want %q", tc.hotkey, err, tc.says)
		}
	}
	// Every key of the view that an Arabic keyboard types a letter on is
	// one of those, and the letters on the other keys pass.
	for _, k := range arabicKeyboard {
		_, onView := viewKeys[k.us]
		err := ValidateLabels([]Label{{Name: "X", Color: "#111111", Hotkey: k.plain}})
		if onView != (err != nil) {
			t.Errorf("%q on the %s key: %v", k.plain, k.us, err)
		}
	}
	if err := ValidateLabels([]Label{per, {Name: "Y", Color: "#111111", Hotkey: "ف"}, {Name: "Z", Color: "#111111", Hotkey: "پ"}}); err != nil {
		t.Errorf("ف (the T key) and پ (no key of the Arabic keyboard): %v", err)
	}
}

// TestArabicLetterSharesAKey: two labels may not take hotkeys an Arabic
// keyboard and a Latin one type on one key (ض and q), nor two letters of
// one key of the Arabic keyboard (ا and, with Shift, أ), in either order.
func TestArabicLetterSharesAKey(t *testing.T) {
	l := func(name, key string) Label { return Label{Name: name, Color: "#111111", Hotkey: key} }
	cases := []struct {
		labels []Label
		says   string
	}{
		{[]Label{l("Y", "q"), l("X", "ض")}, `labels[1].hotkey: hotkey "ض" of label X is on the Q key of an Arabic keyboard, which label Y's hotkey "q" also names; choose another`},
		{[]Label{l("X", "ض"), l("Y", "Q")}, `labels[1].hotkey: hotkey "Q" of label Y is the key where an Arabic keyboard types label X's hotkey "ض" (the Q key); choose another`},
		{[]Label{l("X", "ا"), l("Y", "أ")}, `hotkey "أ" of label Y is on the H key with Shift of an Arabic keyboard, which label X's hotkey "ا" also names`},
		{[]Label{l("X", "أ"), l("Y", "h")}, `hotkey "h" of label Y is the key where an Arabic keyboard types label X's hotkey "أ" (the H key with Shift)`},
		{[]Label{l("X", "b"), l("Y", "ﻻ")}, `hotkey "ﻻ" of label Y is on the B key of an Arabic keyboard, which label X's hotkey "b" also names`},
		{[]Label{l("X", "؛"), l("Y", "p")}, `hotkey "p" of label Y is the key where an Arabic keyboard types label X's hotkey "؛" (the P key with Shift)`},
	}
	for _, tc := range cases {
		err := ValidateLabels(tc.labels)
		if err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%+v: %v, want %q", tc.labels, err, tc.says)
		}
	}
	// A letter of the T key beside the keys of the default set is fine.
	if err := ValidateLabels(append(DefaultLabels(), l("EVENT", "ف"), l("WORK", "q"))); err != nil {
		t.Errorf("ف and q: %v", err)
	}
}

// TestStoredArabicKeysSpared: labels saved before these checks, one on
// the view's S key of an Arabic keyboard and two on its Q key, still load
// and take an import adding a label, whose key is not Q; the label form,
// saving them again, asks for them mended, as the label file does.
func TestStoredArabicKeysSpared(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	for name, key := range map[string]string{"PER": "س", "ORG": "ض", "LOC": "q"} {
		if _, err := f.s.w.ExecContext(ctx, "UPDATE labels SET hotkey = ? WHERE project_id = ? AND name = ?", key, f.proj.ID, name); err != nil {
			t.Fatal(err)
		}
	}
	// The import's first free key: 1, 2 and 3 are free now, 4 to 7 not.
	labels := importWithLabels(t, f, "more", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12", "A13", "A14", "A15", "A16", "A17", "A18", "A19", "A20", "A21", "A22", "A23", "A24", "A25", "A26")
	var keys []string
	for _, l := range labels[7:] {
		keys = append(keys, l.Hotkey)
	}
	if got := strings.Join(keys, ""); got != "123890bdefghijklmnoptuvwxy" {
		t.Errorf("the import gave keys %q, want Q left out", got)
	}
	err := f.s.SetLabels(ctx, f.proj.ID, f.user, labels)
	if err == nil || !strings.Contains(err.Error(), `labels[0].hotkey: hotkey "س" of label PER is on the S key of an Arabic keyboard`) {
		t.Errorf("saving the stored set again: %v", err)
	}
	labels[0].Hotkey = ""
	err = f.s.SetLabels(ctx, f.proj.ID, f.user, labels)
	if err == nil || !strings.Contains(err.Error(), `labels[2].hotkey: hotkey "q" of label LOC is the key where an Arabic keyboard types label ORG's hotkey "ض"`) {
		t.Errorf("saving the stored Q key again: %v", err)
	}
	err = f.s.ReplaceLabelSet(ctx, f.proj.ID, f.user, LabelSet{Labels: labels}, "labels.json")
	if err == nil || !strings.Contains(err.Error(), `hotkey "q" of label LOC is the key where an Arabic keyboard types`) {
		t.Errorf("a label file with the stored Q keys: %v", err)
	}
	labels[2].Hotkey = ""
	if err := f.s.SetLabels(ctx, f.proj.ID, f.user, labels); err != nil {
		t.Errorf("saving the mended set: %v", err)
	}
}

// TestNextHotkeySkipsArabicPlaces: an import's next key is never one an
// Arabic letter of the set is typed on.
func TestNextHotkeySkipsArabicPlaces(t *testing.T) {
	var labels []Label
	for _, k := range strings.Split("1234567890bdefghijklmnop", "") {
		labels = append(labels, Label{Hotkey: k})
	}
	if got := nextHotkey(append(labels, Label{Hotkey: "ض"})); got != "t" {
		t.Errorf("with ض the next key is %q, want t", got)
	}
	if got := nextHotkey(append(labels, Label{Hotkey: "\u064e"})); got != "t" {
		t.Errorf("with a fatha (Shift+Q) the next key is %q, want t", got)
	}
	if got := nextHotkey(labels); got != "q" {
		t.Errorf("without them the next key is %q, want q", got)
	}
}

// TestArabicKeyPlace names the key of an Arabic keyboard's characters.
func TestArabicKeyPlace(t *testing.T) {
	for hotkey, want := range map[string]string{"س": "S", "ض": "Q", "أ": "Shift+H", "؟": "Shift+/", "ط": "'", "ذ": "`", "q": "", "1": "", "پ": ""} {
		if got := ArabicKeyPlace(hotkey); got != want {
			t.Errorf("ArabicKeyPlace(%q) = %q, want %q", hotkey, got, want)
		}
	}
}

// TestArabicKeyboardAsThePageHasIt: the page's table of the Arabic
// keyboard (keyname.js, ARABIC), by which a label's Arabic letter is
// found on a Latin layout, is the store's, key for key.
func TestArabicKeyboardAsThePageHasIt(t *testing.T) {
	js, err := os.ReadFile("../web/static/keyname.js")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(js), "const ARABIC = {")
	table, _, _ = strings.Cut(table, "};")
	if !ok {
		t.Fatal("keyname.js has no ARABIC table")
	}
	unquote := func(s string) string {
		u, err := strconv.Unquote(`"` + strings.ReplaceAll(s, `\'`, "'") + `"`)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return u
	}
	page := map[string][2]string{}
	for _, m := range regexp.MustCompile(`(?:'((?:\\.|[^'])+)'|(\w)): '((?:\\.|[^'])*)'`).FindAllStringSubmatch(table, -1) {
		letters := []rune(unquote(m[3]))
		keys := [2]string{string(letters[0])}
		if len(letters) > 1 {
			keys[1] = string(letters[1:])
		}
		page[unquote(m[1])+m[2]] = keys
	}
	store := map[string][2]string{}
	for _, k := range arabicKeyboard {
		store[k.us] = [2]string{k.plain, k.shifted}
	}
	if !reflect.DeepEqual(page, store) {
		t.Errorf("the page's Arabic keyboard\n%q\nthe store's\n%q", page, store)
	}
}
