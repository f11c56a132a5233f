package codec

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// unitsText has characters outside the BMP (an emoji, one with a skin
// tone, a flag) before every span, so UTF-16 and code point offsets differ.
const unitsText = "😀 قال أحمد 👍🏽 إن «الاقتصاد ينمو» 🇸🇦 في الرياض."

// u16 is the UTF-16 offset of code point cp of s, as JavaScript counts.
func u16(s string, cp int) int { return len(utf16.Encode([]rune(s)[:cp])) }

func unitsDoc(t *testing.T) ExportDoc {
	t.Helper()
	d := ExportDoc{ExternalID: "d1", Text: unitsText, Meta: json.RawMessage(`{}`)}
	for i, w := range []struct{ word, label string }{{"أحمد", "PER"}, {"«الاقتصاد ينمو»", "QUOTE"}, {"الرياض", "LOC"}} {
		b := strings.Index(unitsText, w.word)
		start := len([]rune(unitsText[:b]))
		d.Spans = append(d.Spans, ExportSpan{ID: int64(i + 1), Start: start, End: start + len([]rune(w.word)), Label: w.label, Attributes: json.RawMessage(`{}`)})
	}
	return d
}

// TestDoccanoInUTF16: a doccano export in UTF-16 units carries the
// offsets JavaScript (and so doccano) uses for the same letters, and
// reading it back in UTF-16 units gives the code points again, in both
// doccano shapes.
func TestDoccanoInUTF16(t *testing.T) {
	d := unitsDoc(t)
	for _, format := range []string{"doccano", "doccano-rel"} {
		buf := bytes.NewBuffer(written(t, d, format, UnitUTF16))
		var line struct {
			Label    [][3]any
			Entities []struct{ StartOffset, EndOffset float64 }
		}
		if err := json.Unmarshal(bytes.ReplaceAll(buf.Bytes(), []byte("_offset"), []byte("Offset")), &line); err != nil {
			t.Fatal(err)
		}
		for i, sp := range d.Spans {
			var start, end int
			if format == "doccano" {
				start, end = int(line.Label[i][0].(float64)), int(line.Label[i][1].(float64))
			} else {
				start, end = int(line.Entities[i].StartOffset), int(line.Entities[i].EndOffset)
			}
			if want := [2]int{u16(unitsText, sp.Start), u16(unitsText, sp.End)}; [2]int{start, end} != want {
				t.Errorf("%s span %s written at %d..%d, want the UTF-16 offsets %v", format, sp.Label, start, end, want)
			}
		}
		docs, rep, err := ParseFileIn(bytes.NewReader(buf.Bytes()), "d.jsonl", format, UnitUTF16)
		if err != nil || len(rep.Warnings) > 0 {
			t.Fatalf("%s read back in UTF-16 units: %v, warnings %v", format, err, rep.Warnings)
		}
		for i, sp := range docs[0].Spans {
			if sp.Start != d.Spans[i].Start || sp.End != d.Spans[i].End || sp.Label != d.Spans[i].Label {
				t.Errorf("%s span %d read back as %+v, want %d..%d %s", format, i, sp, d.Spans[i].Start, d.Spans[i].End, d.Spans[i].Label)
			}
		}
	}
}

// TestDoccanoUnitMistakes: a doccano file in UTF-16 units read as code
// points warns, or, when a span runs past the text as code points, is a
// bad line that says to read it in UTF-16 units; an offset between the
// halves of a surrogate pair is a bad line; native lines keep their own
// unit; an unknown unit is refused.
func TestDoccanoUnitMistakes(t *testing.T) {
	d := unitsDoc(t)
	d.Spans = d.Spans[:2] // the last, read as code points, runs past the text: a case below
	_, rep, err := ParseFile(bytes.NewReader(written(t, d, "doccano", UnitUTF16)), "d.jsonl", "doccano")
	if err != nil || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].Reason, "2 of 2 spans start and end on word edges when their offsets are read as UTF-16 units, 0 as code points") {
		t.Errorf("UTF-16 file read as code points: %v, warnings %v", err, rep.Warnings)
	}
	// The same file written in code points reads without a warning.
	if _, rep, err := ParseFile(bytes.NewReader(written(t, d, "doccano", UnitCodePoint)), "d.jsonl", "doccano"); err != nil || len(rep.Warnings) > 0 {
		t.Errorf("code point file: %v, warnings %v", err, rep.Warnings)
	}

	end := len([]rune(unitsText))
	cases := []struct {
		name, line, unit, want string
	}{
		{"past the end as code points", `{"text":"` + unitsText + `","label":[[0,` + itoa(end+2) + `,"QUOTE"]]}`, UnitCodePoint,
			"want 0 <= start < end <= " + itoa(end) + "; counted in UTF-16 units, as doccano counts, they fit: import the file counting UTF-16 units (--offsets utf16"},
		{"inside a surrogate pair", `{"text":"` + unitsText + `","label":[[1,5,"PER"]]}`, UnitUTF16,
			"span 0 (PER) has offsets 1..5: UTF-16 offset 1 falls between the two halves of a surrogate pair"},
		{"past the end in UTF-16 units", `{"text":"` + unitsText + `","label":[[0,` + itoa(u16(unitsText, end)+1) + `,"PER"]]}`, UnitUTF16,
			"want 0 <= start < end <= " + itoa(u16(unitsText, end)) + " (UTF-16 units)"},
	}
	for _, c := range cases {
		_, _, err := ParseFileIn(strings.NewReader(c.line), "f.jsonl", "doccano", c.unit)
		var bad Errors
		if !errors.As(err, &bad) || !strings.Contains(bad[0].Reason, c.want) {
			t.Errorf("%s: %v, want a bad line saying %q", c.name, err, c.want)
		}
	}
	// A line that names its unit is read in it, whatever the import asks.
	for _, unit := range []string{UnitCodePoint, UnitUTF16} {
		line := `{"text":"` + unitsText + `","offset_unit":"utf16","spans":[{"start":` + itoa(u16(unitsText, 6)) + `,"end":` + itoa(u16(unitsText, 10)) + `,"label":"PER","text":"أحمد"}]}`
		docs, _, err := ParseFileIn(strings.NewReader(line), "n.jsonl", "auto", unit)
		if err != nil || docs[0].Spans[0].Start != 6 || docs[0].Spans[0].End != 10 {
			t.Errorf("native line in UTF-16 units, import in %s: %v %+v", unit, err, docs)
		}
	}
	// A native line that names no unit is read in code points, and
	// checked as a doccano line is: spans on word edges only as UTF-16
	// units warn, spans past the end that fit as UTF-16 units are a bad
	// line, each saying how to name the unit. Spans that carry their text
	// are in code points for certain.
	n16 := "👍🏽 محمد 🇪🇬 مصر"
	nativeCases := []struct {
		name, line, warning, bad string
	}{
		{"on word edges as UTF-16 units", `{"id":"n16b","text":"` + n16 + `","spans":[{"id":"x","start":5,"end":9,"label":"PER"}]}`,
			`1 of 1 spans start and end on word edges when their offsets are read as UTF-16 units, 0 as code points: if the line counts UTF-16 units (as JavaScript does), say so with "offset_unit": "utf16" on it`, ""},
		{"past the end as code points", `{"id":"n","text":"` + n16 + `","spans":[{"start":15,"end":18,"label":"LOC"}]}`, "",
			`span 0 (LOC) has offsets 15..18, want 0 <= start < end <= 14; counted in UTF-16 units they fit: if the line counts UTF-16 units (as JavaScript does), say so with "offset_unit": "utf16" on it`},
		{"with their text", `{"id":"t","text":"` + n16 + `","spans":[{"start":3,"end":6,"label":"PER","text":"محم"}]}`, "", ""},
		{"in code points, on word edges", `{"id":"c","text":"` + n16 + `","spans":[{"start":3,"end":7,"label":"PER"}]}`, "", ""},
	}
	for _, c := range nativeCases {
		_, rep, err := ParseFile(strings.NewReader(c.line), "n.jsonl", "auto")
		var bad Errors
		errors.As(err, &bad)
		switch {
		case c.bad != "" && (len(bad) != 1 || bad[0].Reason != c.bad):
			t.Errorf("native line %s: %v, want a bad line saying %q", c.name, err, c.bad)
		case c.bad == "" && err != nil:
			t.Errorf("native line %s: %v", c.name, err)
		case c.warning == "" && len(rep.Warnings) > 0, c.warning != "" && (len(rep.Warnings) == 0 || rep.Warnings[0].Reason != c.warning):
			t.Errorf("native line %s: warnings %v, want %q", c.name, rep.Warnings, c.warning)
		}
	}
	// A native line in code points stays so whatever the doccano unit.
	start := len([]rune("😀 قال "))
	native := `{"text":"` + unitsText + `","offset_unit":"codepoint","spans":[{"start":` + itoa(start) + `,"end":` + itoa(start+4) + `,"label":"PER","text":"أحمد"}]}`
	if docs, _, err := ParseFileIn(strings.NewReader(native), "n.jsonl", "auto", UnitUTF16); err != nil || docs[0].Spans[0].Start != start {
		t.Errorf("native line with the UTF-16 unit: %v %+v", err, docs)
	}
	if _, _, err := ParseFileIn(strings.NewReader(native), "n.jsonl", "auto", "bytes"); err == nil || !strings.Contains(err.Error(), `unknown offset unit "bytes"`) {
		t.Errorf("unit bytes: %v", err)
	}
	if _, _, err := ParseFileIn(strings.NewReader("نص"), "n.txt", "auto", UnitUTF16); err == nil || !strings.Contains(err.Error(), "text files have no offsets") {
		t.Errorf("a text file in UTF-16 units: %v", err)
	}
	for format, ok := range map[string]bool{"doccano": true, "doccano-rel": true, "jsonl": false, "quotes": false, "conll": false} {
		w, err := NewWriter(io.Discard, format)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.CountIn(UnitUTF16); (err == nil) != ok {
			t.Errorf("%s export in UTF-16 units: %v", format, err)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// written is d as a Writer of format writes it, offsets counted in unit.
func written(t *testing.T, d ExportDoc, format, unit string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := unitWriter(t, &buf, format, unit)
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// unitWriter is a Writer of format to buf, offsets counted in unit.
func unitWriter(t *testing.T, buf *bytes.Buffer, format, unit string) *Writer {
	t.Helper()
	w, err := NewWriter(buf, format)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.CountIn(unit); err != nil {
		t.Fatal(err)
	}
	return w
}
