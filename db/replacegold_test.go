package db

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// replaceFixture is a document whose first word (قال, 0–3) the fixture's
// two users labelled ORG and PER, with a quotation in gold to link.
type replaceFixture struct {
	fixture
	org, per, quote Span
}

func newReplaceFixture(t *testing.T) replaceFixture {
	t.Helper()
	f := replaceFixture{fixture: newFixture(t)}
	ctx := context.Background()
	span := func(owner int64, label string, start, end int) Span {
		t.Helper()
		sp, err := f.s.CreateSpan(ctx, f.doc, owner, f.user.ID, SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	word := len([]rune("قال"))
	f.org, f.per = span(f.user.ID, "ORG", 0, word), span(f.other.ID, "PER", 0, word)
	q := len([]rune(f.doc.Text[:strings.Index(f.doc.Text, "«")]))
	f.quote = span(0, "QUOTE", q, q+len([]rune("«الاقتصاد ينمو»")))
	return f
}

// ref is the reference a review row sends for sp of owner's layer.
func (f replaceFixture) ref(owner int64, sp Span) SpanRef {
	return SpanRef{Owner: owner, Span: sp.ID, Seen: SpanKey{Label: sp.Label, Start: sp.Start, End: sp.End}}
}

// gold is gold's spans as "LABEL start–end" and its links as "type
// FROM→TO", sorted.
func (f replaceFixture) gold(t *testing.T) string {
	t.Helper()
	l, err := f.s.LayerOf(context.Background(), f.doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	labels := map[int64]string{}
	var out []string
	for _, sp := range l.Spans {
		labels[sp.ID] = sp.Label
		out = append(out, fmt.Sprintf("%s %d–%d", sp.Label, sp.Start, sp.End))
	}
	for _, r := range l.Relations {
		out = append(out, fmt.Sprintf("%s %s→%s", r.Type, labels[r.From], labels[r.To]))
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// TestAcceptInGoldReplaces: accepting one annotator's label on words
// gold gives another takes gold's off them in the same transaction, its
// links with it, each change logged; the labels to replace are read in
// the store, and a form that saw other labels than gold holds now is
// refused with nothing changed.
func TestAcceptInGoldReplaces(t *testing.T) {
	f := newReplaceFixture(t)
	ctx := context.Background()
	if _, err := f.s.AcceptInGold(ctx, f.doc, f.ref(f.user.ID, f.org), nil, f.user.ID); err != nil {
		t.Fatal(err)
	}
	l, err := f.s.LayerOf(ctx, f.doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	goldOrg := l.Spans[slices.IndexFunc(l.Spans, func(s Span) bool { return s.Label == "ORG" })]
	if _, err := f.s.CreateRelation(ctx, f.doc, 0, f.user.ID, RelationInput{Type: "speaker", From: f.quote.ID, To: goldOrg.ID}); err != nil {
		t.Fatal(err)
	}
	before := f.gold(t)
	if !strings.Contains(before, "ORG 0–3") || !strings.Contains(before, "speaker QUOTE→ORG") {
		t.Fatalf("gold before: %q", before)
	}

	// Stale forms: one that saw no label in gold there, one that saw LOC.
	for _, saw := range [][]string{nil, {"LOC"}, {"LOC", "ORG"}} {
		_, err := f.s.AcceptInGold(ctx, f.doc, f.ref(f.other.ID, f.per), saw, f.user.ID)
		if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "gold gives the words ORG now, where the page showed "+labelsText(saw)) {
			t.Errorf("accept PER having seen %v in gold: %v", saw, err)
		}
		if got := f.gold(t); got != before {
			t.Errorf("a refused accept changed gold: %q, was %q", got, before)
		}
	}

	acc, err := f.s.AcceptInGold(ctx, f.doc, f.ref(f.other.ID, f.per), []string{"ORG"}, f.user.ID)
	rep := acc.Replacement
	if err != nil || !acc.Copied || acc.Span.Label != "PER" || rep.Event == 0 || strings.Join(rep.InsteadOf, " ") != "ORG" || len(rep.Relations) != 1 {
		t.Fatalf("AcceptInGold PER instead of ORG = %+v, %v", acc, err)
	}
	if got := f.gold(t); strings.Contains(got, "ORG") || !strings.Contains(got, "PER 0–3") || strings.Contains(got, "speaker") {
		t.Errorf("gold after PER replaced ORG: %q, want PER alone on 0–3 and ORG's link gone", got)
	}
	for action, want := range map[string]int{"review.replace": 1, "span.delete": 1, "relation.delete": 1} {
		if n, err := f.s.EventCount(ctx, action); err != nil || n != want {
			t.Errorf("%s logged %d times (%v), want %d", action, n, err, want)
		}
	}
	if last, err := f.s.LastReplacement(ctx, f.doc, f.user.ID); err != nil || last.Event != rep.Event || last.Replaced[0].ID != goldOrg.ID {
		t.Errorf("LastReplacement = %+v, %v; want event %d", last, err, rep.Event)
	}

	// Accepting PER again, the same form sent twice, changes nothing.
	again, err := f.s.AcceptInGold(ctx, f.doc, f.ref(f.other.ID, f.per), []string{"ORG"}, f.user.ID)
	if err != nil || again.Copied || again.Replacement.Event != 0 {
		t.Errorf("PER accepted again: %+v, %v", again, err)
	}
}

// TestUndoReplace: the replacement's undo takes its span out of gold and
// puts back the span it replaced, attributes and links too, once, by the
// reviewer who made it; a span worked on since refuses it.
func TestUndoReplace(t *testing.T) {
	f := newReplaceFixture(t)
	ctx := context.Background()
	org, err := f.s.CreateSpan(ctx, f.doc, 0, f.user.ID, SpanInput{Start: f.org.Start, End: f.org.End, Label: "ORG", Attributes: map[string]any{"note": "وزارة"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, 0, f.user.ID, RelationInput{Type: "speaker", From: f.quote.ID, To: org.ID}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, SpanKey{Label: "PER", Start: f.per.Start, End: f.per.End}, true); err != nil {
		t.Fatal(err)
	}
	before := f.gold(t)
	acc, err := f.s.AcceptInGold(ctx, f.doc, f.ref(f.other.ID, f.per), []string{"ORG"}, f.user.ID)
	if err != nil || !acc.Replacement.Unrejected {
		t.Fatalf("accept PER instead of ORG: %+v, %v", acc, err)
	}
	event := acc.Replacement.Event

	if _, err := f.s.UndoReplace(ctx, f.doc, f.other.ID, event); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "another reviewer's") {
		t.Errorf("another user's undo: %v", err)
	}
	un, err := f.s.UndoReplace(ctx, f.doc, f.user.ID, event)
	if err != nil || un.Links != 1 || un.Lost != 0 || len(un.Restored) != 1 {
		t.Fatalf("UndoReplace = %+v, %v", un, err)
	}
	if got := f.gold(t); got != before {
		t.Errorf("gold after the undo: %q, want it as before the accept: %q", got, before)
	}
	if string(un.Restored[0].Attributes) != `{"note":"وزارة"}` {
		t.Errorf("ORG came back with attributes %s", un.Restored[0].Attributes)
	}
	rejected, err := f.s.Rejections(ctx, f.doc, 0)
	if err != nil || !rejected[SpanKey{Label: "PER", Start: f.per.Start, End: f.per.End}] {
		t.Errorf("PER's rejection after the undo: %v, %v", rejected, err)
	}
	if _, err := f.s.UndoReplace(ctx, f.doc, f.user.ID, event); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "taken back already") {
		t.Errorf("the undo sent twice: %v", err)
	}
	if _, err := f.s.LastReplacement(ctx, f.doc, f.user.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("LastReplacement after its undo: %v", err)
	}

	// Replaced again, then PER linked: the undo would take the link out.
	acc, err = f.s.AcceptInGold(ctx, f.doc, f.ref(f.other.ID, f.per), []string{"ORG"}, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, 0, f.user.ID, RelationInput{Type: "speaker", From: f.quote.ID, To: acc.Span.ID}); err != nil {
		t.Fatal(err)
	}
	linked := f.gold(t)
	if _, err := f.s.UndoReplace(ctx, f.doc, f.user.ID, acc.Replacement.Event); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "PER has been edited, removed or linked since") {
		t.Errorf("undo of a replacement linked since: %v", err)
	}
	if got := f.gold(t); got != linked {
		t.Errorf("a refused undo changed gold: %q, was %q", got, linked)
	}
}

// TestAcceptInGoldBothLabels: gold giving the words both labels already
// (made by hand), accepting one of them replaces nothing: gold keeps
// both until the reviewer removes one.
func TestAcceptInGoldBothLabels(t *testing.T) {
	f := newReplaceFixture(t)
	ctx := context.Background()
	for _, label := range []string{"ORG", "PER"} {
		if _, err := f.s.CreateSpan(ctx, f.doc, 0, f.user.ID, SpanInput{Start: f.org.Start, End: f.org.End, Label: label}); err != nil {
			t.Fatal(err)
		}
	}
	before := f.gold(t)
	acc, err := f.s.AcceptInGold(ctx, f.doc, f.ref(f.other.ID, f.per), []string{"ORG"}, f.user.ID)
	if err != nil || acc.Copied || acc.Replacement.Event != 0 || f.gold(t) != before {
		t.Errorf("accept PER with both in gold: %+v, %v; gold %q, was %q", acc, err, f.gold(t), before)
	}
}
