package db

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// seenRef names sp of owner's layer with what a review page read of it:
// its label and offsets as they are now.
func seenRef(owner int64, sp Span) SpanRef {
	return SpanRef{Owner: owner, Span: sp.ID, Seen: SpanKey{Label: sp.Label, Start: sp.Start, End: sp.End}}
}

// TestCopySeenToGoldRefusesChanged: a reviewer's page shows an
// annotator's span; the annotator relabels it or moves it; the
// reviewer's Accept of the row is refused as stale (ErrConflict, saying
// what the span is now), and gold and the log are as they were. Accepted
// as it is shown now, it is copied.
func TestCopySeenToGoldRefusesChanged(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	per := f.mark(t, f.other.ID, "أحمد", "PER")
	ws, we := span(t, fixtureText, "الوزير أحمد")
	org, wider := "ORG", ws
	for _, c := range []struct {
		name  string
		patch SpanPatch
		says  string
	}{
		{"relabelled", SpanPatch{Label: &org}, "the span changed since the page was loaded: in omar's layer it is ORG"},
		{"moved", SpanPatch{Start: &wider, End: &we}, fmt.Sprintf("it is ORG %d–%d now, not ORG", ws, we)},
	} {
		seen := seenRef(f.other.ID, per)
		now, err := f.s.UpdateSpan(ctx, f.doc, f.other.ID, f.other.ID, per.ID, c.patch)
		if err != nil {
			t.Fatal(err)
		}
		events := count(t, f.s, "SELECT count(*) FROM events")
		_, _, err = f.s.CopySeenToGold(ctx, f.doc, seen, f.user.ID)
		if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: accepting the span as it was: %v, want ErrConflict saying %q", c.name, err, c.says)
		}
		if n := count(t, f.s, `SELECT count(*) FROM spans s JOIN layers l ON l.id = s.layer_id WHERE l.owner_id IS NULL`); n != 0 {
			t.Errorf("%s: a refused accept left %d spans in gold", c.name, n)
		}
		if n := count(t, f.s, "SELECT count(*) FROM events"); n != events {
			t.Errorf("%s: a refused accept logged %d events", c.name, n-events)
		}
		per = now
	}
	if _, _, err := f.s.CopySeenToGold(ctx, f.doc, SpanRef{Owner: f.other.ID, Span: per.ID}, f.user.ID); validationField(t, err) != "seen" {
		t.Errorf("an accept that says nothing of what was seen: %v", err)
	}
	got, copied, err := f.s.CopySeenToGold(ctx, f.doc, seenRef(f.other.ID, per), f.user.ID)
	if err != nil || !copied || got.Label != "ORG" || got.Start != ws || got.End != we {
		t.Errorf("accepting the span as it is now: %+v, copied %v, %v", got, copied, err)
	}
}

// TestCopyWithLinksToGoldRefusesChanged: accepting a quotation with its
// speaker, as the page showed it, after the annotator moved it copies
// neither the quotation nor its speaker.
func TestCopyWithLinksToGoldRefusesChanged(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	quote := f.mark(t, f.other.ID, "الاقتصاد ينمو", "QUOTE")
	f.link(t, f.other.ID, "speaker", quote, f.mark(t, f.other.ID, "أحمد", "PER"))
	seen := seenRef(f.other.ID, quote)
	qs, qe := span(t, fixtureText, "«الاقتصاد ينمو»")
	if _, err := f.s.UpdateSpan(ctx, f.doc, f.other.ID, f.other.ID, quote.ID, SpanPatch{Start: &qs, End: &qe}); err != nil {
		t.Fatal(err)
	}
	if _, added, err := f.s.CopyWithLinksToGold(ctx, f.doc, seen, f.user.ID); !errors.Is(err, ErrConflict) {
		t.Errorf("accepting a moved quotation with its links: %+v, %v; want ErrConflict", added, err)
	}
	if n := count(t, f.s, `SELECT count(*) FROM spans s JOIN layers l ON l.id = s.layer_id WHERE l.owner_id IS NULL`); n != 0 {
		t.Errorf("a refused accept left %d spans in gold", n)
	}
}

// TestAcceptAgreedLeavesOutChanged: the agreed spans are read, then,
// before the copy's transaction, the layers change: the annotator whose
// span the copy names relabels one, the other annotator relabels
// another, a reviewer rejects a third. Only the span still agreed as it
// was read reaches gold; the three are counted as left out, and the
// rejection stands.
func TestAcceptAgreedLeavesOutChanged(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	words := []struct{ word, label string }{{"أحمد", "PER"}, {"الرياض", "LOC"}, {"الوزير", "PER"}, {"قال", "CUE"}}
	type marked struct {
		owner int64
		word  string
	}
	made := map[marked]Span{}
	for _, owner := range []int64{f.user.ID, f.other.ID} {
		for _, w := range words {
			made[marked{owner, w.word}] = f.mark(t, owner, w.word, w.label)
		}
	}
	// What the handler reads, outside the copy's transaction.
	users, _, err := f.s.ReviewLayers(ctx, f.doc)
	if err != nil {
		t.Fatal(err)
	}
	var refs []SpanRef
	for _, sp := range users[0].Spans {
		refs = append(refs, seenRef(users[0].Owner, sp))
	}
	if users[0].Owner != f.user.ID || len(refs) != 4 {
		t.Fatalf("refs from %s's layer: %+v", users[0].Name, refs)
	}
	gpe, org := "GPE", "ORG"
	if _, err := f.s.UpdateSpan(ctx, f.doc, f.user.ID, f.user.ID, made[marked{f.user.ID, "الرياض"}].ID, SpanPatch{Label: &gpe}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UpdateSpan(ctx, f.doc, f.other.ID, f.other.ID, made[marked{f.other.ID, "الوزير"}].ID, SpanPatch{Label: &org}); err != nil {
		t.Fatal(err)
	}
	cs, ce := span(t, fixtureText, "قال")
	cue := SpanKey{Label: "CUE", Start: cs, End: ce}
	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, cue, true); err != nil {
		t.Fatal(err)
	}

	n, err := f.s.AcceptAgreed(ctx, f.doc, refs, f.user.ID)
	if err != nil || n != (LinkCopy{Spans: 1, Changed: 3}) {
		t.Fatalf("copied %+v, %v; want 1 span and 3 left out", n, err)
	}
	gold, err := f.s.LayerOf(ctx, f.doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	ps, pe := span(t, fixtureText, "أحمد")
	if len(gold.Spans) != 1 || gold.Spans[0].Label != "PER" || gold.Spans[0].Start != ps || gold.Spans[0].End != pe {
		t.Errorf("gold holds %+v, want PER أحمد alone", gold.Spans)
	}
	if rejected, err := f.s.Rejections(ctx, f.doc, 0); err != nil || !rejected[cue] {
		t.Errorf("the rejection of قال after the copy: %v, %v", rejected, err)
	}
}
