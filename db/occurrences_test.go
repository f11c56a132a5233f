package db

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"hashiya/offsets"
)

// TestLabelOccurrences: a name labelled once is labelled wherever it
// stands as a word, in the same layer only, skipping the places already
// decided, in one transaction with one event per span.
func TestLabelOccurrences(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	text := "قال علي 😀 إن علي بن أحمد سافر، وعلي باقٍ. عليه أن يعود. ورأى علي علياً. علي"
	doc := f.addDoc(t, "names", text)
	words := offsets.Occurrences(text, "علي") // tested on its own in package offsets
	if len(words) != 4 {
		t.Fatalf("the text has %d whole-word علي, want 4: %v", len(words), words)
	}
	at := func(nth int) (int, int) { return words[nth][0], words[nth][1] }
	add := func(owner int64, start, end int, label string) Span {
		t.Helper()
		sp, err := f.s.CreateSpan(ctx, doc, owner, owner, SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	s0, e0 := at(0)
	first := add(f.user.ID, s0, e0, "PER")
	// Decided already: the second inside a PER of its own (علي بن أحمد),
	// the third with another label of the same extent.
	s1, _ := at(1)
	_, e1 := span(t, text, "علي بن أحمد")
	add(f.user.ID, s1, e1, "PER")
	s2, e2 := at(2)
	add(f.user.ID, s2, e2, "LOC")
	// Another layer's spans change nothing here.
	s3, e3 := at(3)
	add(f.other.ID, s3, e3, "PER")

	events := count(t, f.s, "SELECT count(*) FROM events")
	made, err := f.s.LabelOccurrences(ctx, doc, f.user.ID, f.user.ID, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(made); len(made) != 1 || made[0].Start != s3 || made[0].End != e3 || made[0].Label != "PER" || made[0].Text != "علي" {
		t.Fatalf("made %s, want one PER at %d..%d", got, s3, e3)
	}
	if n := count(t, f.s, "SELECT count(*) FROM events") - events; n != 1 {
		t.Errorf("%d events for one span made", n)
	}
	// Again: nothing left to label.
	if again, err := f.s.LabelOccurrences(ctx, doc, f.user.ID, f.user.ID, first.ID); err != nil || len(again) != 0 {
		t.Errorf("second time: %v, %v; want nothing made", again, err)
	}

	// Another user's span, through this user's layer: not found.
	theirs, err := f.s.LayerOf(ctx, doc, f.other.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.LabelOccurrences(ctx, doc, f.user.ID, f.user.ID, theirs.Spans[0].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("another layer's span: %v, want ErrNotFound", err)
	}
	// A finished layer refuses, and nothing is made.
	if _, err := f.s.MarkDone(ctx, doc, f.other); err != nil {
		t.Fatal(err)
	}
	before := count(t, f.s, "SELECT count(*) FROM spans")
	if _, err := f.s.LabelOccurrences(ctx, doc, f.other.ID, f.other.ID, theirs.Spans[0].ID); !errors.Is(err, ErrConflict) {
		t.Errorf("a layer marked done: %v, want ErrConflict", err)
	}
	if n := count(t, f.s, "SELECT count(*) FROM spans"); n != before {
		t.Errorf("a refused call made %d spans", n-before)
	}
}

// TestLabelOccurrencesCapped: a text standing in more places than one
// request labels is refused, naming the count and the cap, and nothing
// is made.
func TestLabelOccurrencesCapped(t *testing.T) {
	f := newFixture(t)
	text := strings.Repeat("سعيد قال ", MaxOccurrences+2)
	doc := f.addDoc(t, "many", text)
	sp, err := f.s.CreateSpan(context.Background(), doc, f.user.ID, f.user.ID, SpanInput{Start: 0, End: 4, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	made, err := f.s.LabelOccurrences(context.Background(), doc, f.user.ID, f.user.ID, sp.ID)
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), fmt.Sprintf("%d more places", MaxOccurrences+1)) || len(made) != 0 {
		t.Fatalf("made %d, err %v; want refused naming %d places", len(made), err, MaxOccurrences)
	}
	if n := count(t, f.s, "SELECT count(*) FROM spans"); n != 1 {
		t.Errorf("%d spans stored, want the one", n)
	}
}
