package db

import (
	"context"
	"slices"
	"testing"
)

// TestLabelledTexts counts the owner's own spans and rejected suggestions
// across the project's documents, by text and label, in code points (an
// emoji before a name moves nothing), and nothing of another layer,
// project or past maxLen.
func TestLabelledTexts(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	one := f.addDoc(t, "one", "😀 قال صباح النعمان في بغداد")
	two := f.addDoc(t, "two", "وصل صباح النعمان إلى بغداد، ثم بغداد")
	other, err := f.s.CreateProject(ctx, "غيره", nil, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	add := func(doc Document, owner int64, word string, n int, label string) {
		t.Helper()
		rs, ws := []rune(doc.Text), []rune(word)
		for i := 0; i+len(ws) <= len(rs); i++ {
			if string(rs[i:i+len(ws)]) != word {
				continue
			}
			if n > 0 {
				n--
				continue
			}
			by := owner
			if owner == 0 { // gold, written by a reviewer
				by = f.user.ID
			}
			if _, err := f.s.CreateSpan(ctx, doc, owner, by, SpanInput{Start: i, End: i + len(ws), Label: label}); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Fatalf("%q not in %q", word, doc.Text)
	}
	add(one, f.user.ID, "صباح النعمان", 0, "PER")
	add(one, f.user.ID, "بغداد", 0, "LOC")
	add(two, f.user.ID, "صباح النعمان", 0, "PER")
	add(two, f.user.ID, "بغداد", 0, "LOC")
	add(two, f.user.ID, "بغداد", 1, "GPE")
	add(two, f.user.ID, "وصل صباح النعمان إلى بغداد", 0, "QUOTE") // past maxLen
	add(two, f.other.ID, "صباح النعمان", 0, "ORG")                // another's layer
	add(two, 0, "النعمان", 0, "PER")                              // gold
	g := f
	g.proj = other
	three := g.addDoc(t, "three", "صباح النعمان")
	add(three, f.user.ID, "صباح النعمان", 0, "ORG") // another project

	// Rejected suggestions count against their text and label: one of a
	// text never labelled so, one of a text labelled so.
	if err := f.s.RejectSuggestions(ctx, two, f.user.ID, f.user.ID, []SpanKey{{Label: "PER", Start: 0, End: 3}, {Label: "LOC", Start: 31, End: 36}}); err != nil {
		t.Fatal(err)
	}

	got, err := f.s.LabelledTexts(ctx, f.proj.ID, f.user.ID, 20)
	if err != nil {
		t.Fatal(err)
	}
	want := []Labelled{{"بغداد", "GPE", 1, 0}, {"بغداد", "LOC", 2, 1}, {"صباح النعمان", "PER", 2, 0}, {"وصل", "PER", 0, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("amina's labelled texts %v, want %v", got, want)
	}
	gold, err := f.s.LabelledTexts(ctx, f.proj.ID, 0, 20)
	if err != nil || !slices.Equal(gold, []Labelled{{"النعمان", "PER", 1, 0}}) {
		t.Errorf("gold's labelled texts %v (%v)", gold, err)
	}
}
