package codec

import (
	"errors"
	"strings"
	"testing"
)

// viaWords is what a refusal says for each way of importing, and the
// words it must not say there: the other ways' controls.
var viaWords = map[Via]struct{ utf16, layer, several string }{
	ViaAny: {
		"(--offsets utf16 on the command line, offsets=utf16 in the API, “UTF-16 units” on the import form)",
		"import it with --layer layla (layer=layla in the API), or",
		"import each layer's lines on their own, with --layer NAME (layer=NAME in the API)",
	},
	ViaCommandLine: {"(--offsets utf16)", "import it with --layer layla, or", "import each layer's lines on their own, with --layer NAME"},
	ViaAPI:         {"(offsets=utf16)", "import it with layer=layla, or", "import each layer's lines on their own, with layer=NAME"},
	ViaForm: {
		"(“UTF-16 units” for “doccano offsets count” on the import form)",
		"import it with “Into a member's layer: layla” under “Labels in the file” on the import form, or",
		"import each layer's lines on their own, with “Into a member's layer: NAME” under “Labels in the file” on the import form",
	},
}

// TestRefusalNamesTheWayUsed: a refusal of reading a file names the
// control of the way the import was asked for (the command line's flag,
// the API's parameter, the import form's field by the words it shows),
// and none of another way's; only an import that does not say names
// them all. The form, which imports into gold alone, names the ways that
// choose a layer and says why.
func TestRefusalNamesTheWayUsed(t *testing.T) {
	end := len([]rune(unitsText))
	doccano := `{"text":"` + unitsText + `","label":[[0,` + itoa(end+2) + `,"QUOTE"]]}`
	// Spans on word edges only as UTF-16 units: imported, with a warning.
	u16Line := `{"text":"` + unitsText + `","label":[[` + itoa(u16(unitsText, 6)) + `,` + itoa(u16(unitsText, 10)) + `,"PER"]]}`
	layla, all := exportOf(t, "jsonl", false, "layla"), exportOf(t, "jsonl", true, "gold", "layla")
	others := func(v Via) []string {
		if v == ViaAny {
			return nil
		}
		not := []string{"on the command line", "in the API"}
		for w, words := range viaWords {
			if w != v && w != ViaAny {
				not = append(not, words.utf16, words.layer, words.several)
			}
		}
		return not
	}
	for via, want := range viaWords {
		_, rep, err := ParseFileInto(strings.NewReader(u16Line), "w.jsonl", "doccano", UnitCodePoint, GoldLayer, via)
		if err != nil || len(rep.Warnings) != 1 {
			t.Fatalf("via %d: UTF-16 line read as code points: %v, warnings %v", via, err, rep.Warnings)
		}
		for _, c := range []struct{ reason, words string }{
			{refusal(t, doccano, "d.jsonl", "doccano", GoldLayer, via), want.utf16},
			{rep.Warnings[0].Reason, want.utf16},
			{refusal(t, layla, "l.jsonl", "auto", GoldLayer, via), want.layer},
			{refusal(t, all, "all.jsonl", "auto", GoldLayer, via), want.several},
		} {
			if !strings.Contains(c.reason, c.words) {
				t.Errorf("via %d: %q\nwant it to say %q", via, c.reason, c.words)
			}
			for _, not := range others(via) {
				if strings.Contains(c.reason, not) {
					t.Errorf("via %d: %q\nsays %q, another way's", via, c.reason, not)
				}
			}
		}
	}
}

// refusal is the reason of the one bad line reading input gives.
func refusal(t *testing.T, input, name, format, layer string, via Via) string {
	t.Helper()
	_, _, err := ParseFileInto(strings.NewReader(input), name, format, UnitCodePoint, layer, via)
	var bad Errors
	if !errors.As(err, &bad) || len(bad) != 1 {
		t.Fatalf("via %d, %s: %v, want one bad line", via, name, err)
	}
	return bad[0].Reason
}
