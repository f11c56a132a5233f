package db

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestLabelConflicts lists the texts the chosen layers gave more than
// one label, spelling variants folded together (احمد and أحمد), most
// spans first, each label with its places; texts given one label, long
// spans and other projects are left out.
func TestLabelConflicts(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	one := f.addDoc(t, "one", "😀 قال أحمد في بغداد إن بغداد بخير")
	two := f.addDoc(t, "two", "وصل احمد إلى بغداد ثم الرياض")
	add := func(doc Document, owner int64, word string, nth int, label string) {
		t.Helper()
		start, end := nthPlace(t, doc.Text, word, nth)
		by := owner
		if owner == 0 {
			by = f.user.ID
		}
		if _, err := f.s.CreateSpan(ctx, doc, owner, by, SpanInput{Start: start, End: end, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	add(one, f.user.ID, "أحمد", 0, "PER")
	add(two, f.user.ID, "احمد", 0, "ORG")
	add(two, f.other.ID, "احمد", 0, "PER")
	add(one, f.user.ID, "بغداد", 0, "LOC")
	add(one, f.user.ID, "بغداد", 1, "GPE")
	add(two, f.other.ID, "بغداد", 0, "GPE")
	add(two, f.other.ID, "الرياض", 0, "LOC")                         // one label only
	add(two, f.other.ID, "وصل احمد إلى بغداد ثم الرياض", 0, "QUOTE") // past maxLen
	add(one, 0, "بغداد", 0, "LOC")
	add(one, 0, "بغداد", 1, "LOC")

	cases := []struct {
		name   string
		layers ConflictLayers
		want   string
	}{
		{"every layer", ConflictLayers{Every: true}, "بغداد [بغداد] LOC 3 (one:amina:14-19 one:gold:14-19 one:gold:23-28) GPE 2 (one:amina:23-28 two:omar:13-18)\n" +
			"احمد [احمد أحمد] PER 2 (one:amina:6-10 two:omar:4-8) ORG 1 (two:amina:4-8)"},
		{"one user", ConflictLayers{Owner: f.user.ID}, "احمد [أحمد احمد] ORG 1 (two:amina:4-8) PER 1 (one:amina:6-10)\n" +
			"بغداد [بغداد] GPE 1 (one:amina:23-28) LOC 1 (one:amina:14-19)"},
		{"gold", ConflictLayers{}, ""},
	}
	for _, c := range cases {
		got, err := f.s.LabelConflicts(ctx, f.proj.ID, c.layers, 20)
		if err != nil {
			t.Fatal(err)
		}
		if s := conflictsText(got); s != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, s, c.want)
		}
	}
}

// conflictsText writes conflicts one a line: the folded text, its
// spellings, each label with its count and places.
func conflictsText(cs []Conflict) string {
	var lines []string
	for _, c := range cs {
		line := fmt.Sprintf("%s %v", c.Key, c.Spellings)
		for _, l := range c.Labels {
			var places []string
			for _, p := range l.Places {
				places = append(places, fmt.Sprintf("%s:%s:%d-%d", p.ExternalID, p.Layer, p.Start, p.End))
			}
			line += fmt.Sprintf(" %s %d (%s)", l.Label, l.Count, strings.Join(places, " "))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// nthPlace is the code point place of the nth (from 0) word in text.
func nthPlace(t *testing.T, text, word string, nth int) (int, int) {
	t.Helper()
	rs, ws := []rune(text), []rune(word)
	for i := 0; i+len(ws) <= len(rs); i++ {
		if string(rs[i:i+len(ws)]) == word {
			if nth == 0 {
				return i, i + len(ws)
			}
			nth--
		}
	}
	t.Fatalf("%q not in %q", word, text)
	return 0, 0
}
