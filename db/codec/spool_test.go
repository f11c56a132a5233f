package codec

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

// TestSpoolGivesBackWhatItWasGiven: every field of a document comes back
// as it went in, nil apart from empty, with its extra strings, and a
// spool cut short is an error, not a shorter document.
func TestSpoolGivesBackWhatItWasGiven(t *testing.T) {
	docs := []Doc{
		{Line: 1, ExternalID: "a", Text: "قال أحمد 👍🏽", Meta: json.RawMessage(`{"k":"v"}`), Status: "reviewed", Layer: "gold",
			Spans:     []Span{{Ref: "q", Start: 0, End: 3, Label: "QUOTE", Attributes: json.RawMessage(`{"type":"direct"}`)}, {Start: 4, End: 8, Line: 7, Label: "PER"}},
			Relations: []Relation{{Type: "speaker", From: "q", To: "p"}}},
		{Line: 300000, ExternalID: "", Text: strings.Repeat("نص ", 10000), Meta: json.RawMessage{}},
		{},
	}
	var buf bytes.Buffer
	w := NewSpoolWriter(&buf)
	for i, d := range docs {
		if err := w.Add(d, d.ExternalID+"-hash", strings.Repeat("x", i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	r := NewSpoolReader(bytes.NewReader(whole))
	for i, want := range docs {
		got, extra, err := r.Next()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(extra, []string{want.ExternalID + "-hash", strings.Repeat("x", i)}) {
			t.Errorf("record %d came back as\n%#v %q\nwant\n%#v", i, got, extra, want)
		}
	}
	if _, _, err := r.Next(); err != io.EOF {
		t.Errorf("after the last record: %v, want io.EOF", err)
	}
	cut := NewSpoolReader(bytes.NewReader(whole[:len(whole)/2]))
	var err error
	for err == nil {
		_, _, err = cut.Next()
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a spool cut in half ends with %v, want io.ErrUnexpectedEOF", err)
	}
}
