package db

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestAcceptWithLinksInGoldReplaces: the other user gave قال PER, with a
// link to the name it refers to, where gold gives it ORG, a quotation's
// speaker. Accepting PER with its links takes ORG out, its link with
// it, and brings PER in with the name and the link, in one transaction;
// a form that saw no label in gold is refused first, nothing changed.
// The undo takes out the name and the link too (rejecting the name
// again, as it was) and puts ORG back with its speaker link; a second such accept, the name linked by hand since,
// is not taken back.
func TestAcceptWithLinksInGoldReplaces(t *testing.T) {
	f := newReplaceFixture(t)
	ctx := context.Background()
	if _, err := f.s.AcceptInGold(ctx, f.doc, f.ref(f.user.ID, f.org), nil, f.user.ID); err != nil {
		t.Fatal(err)
	}
	l, err := f.s.LayerOf(ctx, f.doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range l.Spans {
		if sp.Label == "ORG" {
			if _, err := f.s.CreateRelation(ctx, f.doc, 0, f.user.ID, RelationInput{Type: "speaker", From: f.quote.ID, To: sp.ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	at := len([]rune(f.doc.Text[:strings.Index(f.doc.Text, "أحمد")]))
	name, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, SpanInput{Start: at, End: at + 4, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, f.other.ID, f.other.ID, RelationInput{Type: "refers_to", From: f.per.ID, To: name.ID}); err != nil {
		t.Fatal(err)
	}
	// The name had been rejected for gold: the accept takes that back,
	// and the undo makes it again.
	nameKey := SpanKey{Label: "PER", Start: at, End: at + 4}
	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, nameKey, true); err != nil {
		t.Fatal(err)
	}
	rejected := func() bool {
		t.Helper()
		r, err := f.s.Rejections(ctx, f.doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		return r[nameKey]
	}
	before := "ORG 0–3, QUOTE 24–39, speaker QUOTE→ORG"
	if got := f.gold(t); got != before {
		t.Fatalf("gold before: %q", got)
	}

	if _, _, _, err := f.s.AcceptWithLinksInGold(ctx, f.doc, f.ref(f.other.ID, f.per), nil, f.user.ID); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "gold gives the words ORG now, where the page showed no label") {
		t.Errorf("a form that saw no label in gold: %v", err)
	}
	if got := f.gold(t); got != before {
		t.Fatalf("a refused accept left gold %q", got)
	}

	sp, added, rep, err := f.s.AcceptWithLinksInGold(ctx, f.doc, f.ref(f.other.ID, f.per), []string{"ORG"}, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.gold(t), "PER 0–3, PER 13–17, QUOTE 24–39, refers_to PER→PER"; got != want {
		t.Errorf("gold after PER with its links instead of ORG: %q, want %q", got, want)
	}
	if sp.Label != "PER" || sp.Start != 0 || added != (LinkCopy{Spans: 2, Relations: 1}) || rep.Event == 0 ||
		len(rep.Spans) != 1 || len(rep.Links) != 1 || len(rep.Relations) != 1 || strings.Join(rep.InsteadOf, " ") != "ORG" {
		t.Errorf("accepted %+v, added %+v, replacement %+v", sp, added, rep)
	}
	if rejected() {
		t.Errorf("the name the links brought is still rejected for gold")
	}
	last, err := f.s.LastReplacement(ctx, f.doc, f.user.ID)
	if err != nil || last.Event != rep.Event || len(last.Spans) != 1 || len(last.Links) != 1 {
		t.Errorf("the log keeps %+v (%v), want what the copy made", last, err)
	}

	un, err := f.s.UndoReplace(ctx, f.doc, f.user.ID, rep.Event)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.gold(t); got != before || un.Links != 1 || un.Lost != 0 || !rejected() {
		t.Errorf("gold after the undo: %q (%d links back, %d lost, the name rejected again %v), want %q", got, un.Links, un.Lost, rejected(), before)
	}

	// Again, and the name it brought linked by hand since: the undo
	// would take that link with it.
	_, _, rep, err = f.s.AcceptWithLinksInGold(ctx, f.doc, f.ref(f.other.ID, f.per), []string{"ORG"}, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, 0, f.user.ID, RelationInput{Type: "speaker", From: f.quote.ID, To: rep.Spans[0]}); err != nil {
		t.Fatal(err)
	}
	linked := f.gold(t)
	if _, err := f.s.UndoReplace(ctx, f.doc, f.user.ID, rep.Event); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "or a span its links brought") {
		t.Errorf("the undo after the name was linked: %v", err)
	}
	if got := f.gold(t); got != linked {
		t.Errorf("a refused undo left gold %q, want %q", got, linked)
	}
}
