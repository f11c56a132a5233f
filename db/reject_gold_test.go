package db

import (
	"context"
	"errors"
	"testing"
)

// TestRejectForGold: a reviewer records that a span of a user's layer
// stays out of gold, and takes it back; accepting the span after all
// takes the rejection back too. Only a span some user's layer holds and
// gold lacks can be rejected, and finished gold refuses.
func TestRejectForGold(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	ps, pe := span(t, fixtureText, "أحمد")
	per, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, SpanInput{Start: ps, End: pe, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	key := SpanKey{Label: "PER", Start: ps, End: pe}
	rejected := func() bool {
		t.Helper()
		got, err := f.s.Rejections(ctx, f.doc, 0)
		if err != nil {
			t.Fatal(err)
		}
		return got[key]
	}
	events := func() int { return count(t, f.s, "SELECT count(*) FROM events WHERE action LIKE 'review.%'") }

	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, key, true); err != nil || !rejected() || events() != 1 {
		t.Fatalf("reject: %v, rejected %v, %d events", err, rejected(), events())
	}
	// Rejecting again (a second tab, a form sent twice) changes nothing,
	// and the log says nothing more.
	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, key, true); err != nil || !rejected() || events() != 1 {
		t.Errorf("rejecting twice: %v, rejected %v, %d events, want the first one alone", err, rejected(), events())
	}
	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, key, false); err != nil || rejected() || events() != 2 {
		t.Errorf("take back: %v, still rejected %v, %d events", err, rejected(), events())
	}
	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, key, false); !errors.Is(err, ErrNotFound) || events() != 2 {
		t.Errorf("taking back a rejection not made: %v (want ErrNotFound), %d events (want 2)", err, events())
	}

	// Refused, changing nothing: a span no user's layer holds, bad offsets.
	before := events()
	for _, tc := range []struct {
		key  SpanKey
		want error
	}{
		{SpanKey{Label: "ORG", Start: ps, End: pe}, ErrNotFound},
		{SpanKey{Label: "PER", Start: pe, End: ps}, nil}, // a ValidationError
	} {
		err := f.s.RejectForGold(ctx, f.doc, f.user.ID, tc.key, true)
		var ve *ValidationError
		if tc.want != nil && !errors.Is(err, tc.want) || tc.want == nil && !errors.As(err, &ve) {
			t.Errorf("reject %+v: %v", tc.key, err)
		}
	}
	if events() != before || count(t, f.s, "SELECT count(*) FROM suggestion_rejections") != 0 {
		t.Error("a refused rejection left a trace")
	}

	// Rejected, then accepted after all: in gold, and no longer rejected;
	// rejecting it now is refused, gold holding it.
	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, key, true); err != nil {
		t.Fatal(err)
	}
	if _, copied, err := f.s.CopyToGold(ctx, f.doc, f.other.ID, per.ID, f.user.ID); err != nil || !copied || rejected() {
		t.Errorf("accept after reject: %v, copied %v, still rejected %v", err, copied, rejected())
	}
	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, key, true); !errors.Is(err, ErrConflict) {
		t.Errorf("rejecting a span gold holds: %v, want ErrConflict", err)
	}

	// Reviewed gold takes no decision.
	if _, err := f.s.MarkReviewed(ctx, f.doc, f.user); err != nil {
		t.Fatal(err)
	}
	ls, le := span(t, fixtureText, "«الاقتصاد ينمو»")
	if _, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, SpanInput{Start: ls, End: le, Label: "QUOTE"}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RejectForGold(ctx, f.doc, f.user.ID, SpanKey{Label: "QUOTE", Start: ls, End: le}, true); !errors.Is(err, ErrConflict) {
		t.Errorf("rejecting in reviewed gold: %v, want ErrConflict", err)
	}
}
