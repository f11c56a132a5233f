package db

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// agreedFixture has amina and omar both mark a quotation, its speaker
// and a cue, linking the speaker; gold holds beforehand a LOC of its
// own, which an undo leaves. It returns the refs a bulk accept reads.
func agreedFixture(t *testing.T) (fixture, []SpanRef, Span) {
	f := newFixture(t)
	var refs []SpanRef
	for _, owner := range []int64{f.user.ID, f.other.ID} {
		q, p := f.mark(t, owner, "«الاقتصاد ينمو»", "QUOTE"), f.mark(t, owner, "الوزير أحمد", "PER")
		c := f.mark(t, owner, "قال", "CUE")
		f.link(t, owner, "speaker", q, p)
		if owner == f.user.ID {
			refs = append(refs, seenRef(owner, q), seenRef(owner, p), seenRef(owner, c))
		}
	}
	return f, refs, f.mark(t, 0, "الرياض", "LOC")
}

// goldKeys is gold's spans as label@start and its links' count.
func goldState(t *testing.T, f fixture) (spans []string, links int) {
	t.Helper()
	gold, err := f.s.LayerOf(context.Background(), f.doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range gold.Spans {
		spans = append(spans, s.Label)
	}
	return spans, len(gold.Relations)
}

// TestUndoAgreedAccept: a bulk accept is taken back as one: exactly the
// spans and link it put into gold go, each removal logged, and gold's
// own span stays; taking it back again is refused.
func TestUndoAgreedAccept(t *testing.T) {
	ctx := context.Background()
	f, refs, _ := agreedFixture(t)
	n, err := f.s.AcceptAgreed(ctx, f.doc, refs, f.user.ID)
	if err != nil || n != (LinkCopy{Spans: 3, Relations: 1}) {
		t.Fatalf("accept: %+v, %v", n, err)
	}
	a, err := f.s.LastAgreedAccept(ctx, f.doc, f.user.ID)
	if err != nil || len(a.Spans) != 3 || len(a.Relations) != 1 {
		t.Fatalf("last accept: %+v, %v", a, err)
	}
	if _, err := f.s.LastAgreedAccept(ctx, f.doc, f.other.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("omar's last accept: %v, want none", err)
	}
	if _, err := f.s.UndoAgreedAccept(ctx, f.doc, f.other.ID, a.Event); !errors.Is(err, ErrConflict) {
		t.Errorf("omar taking back amina's accept: %v, want a conflict", err)
	}
	deletes := count(t, f.s, "SELECT count(*) FROM events WHERE action IN ('span.delete', 'relation.delete')")
	undone, err := f.s.UndoAgreedAccept(ctx, f.doc, f.user.ID, a.Event)
	if err != nil || undone != (LinkCopy{Spans: 3, Relations: 1}) {
		t.Fatalf("undo: %+v, %v", undone, err)
	}
	if spans, links := goldState(t, f); strings.Join(spans, " ") != "LOC" || links != 0 {
		t.Errorf("gold after the undo: %v and %d links, want its own LOC alone", spans, links)
	}
	if got := count(t, f.s, "SELECT count(*) FROM events WHERE action IN ('span.delete', 'relation.delete')") - deletes; got != 4 {
		t.Errorf("the undo logged %d removals, want 4", got)
	}
	if _, err := f.s.UndoAgreedAccept(ctx, f.doc, f.user.ID, a.Event); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "taken back already") {
		t.Errorf("undoing twice: %v, want refused as taken back already", err)
	}
	if _, err := f.s.LastAgreedAccept(ctx, f.doc, f.user.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("last accept after its undo: %v, want none", err)
	}
	if _, err := f.s.UndoAgreedAccept(ctx, f.doc, f.user.ID, a.Event+1000); !errors.Is(err, ErrNotFound) {
		t.Errorf("undoing no accept: %v, want not found", err)
	}
}

// TestUndoAgreedAcceptRefused: once gold changed since the accept in a
// way an undo would lose (one of its spans relabelled, removed or linked
// by hand) the undo is refused and gold stays as it is; an accept that
// added nothing is not offered; a gold marked reviewed refuses it too.
func TestUndoAgreedAcceptRefused(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		change func(f fixture, a AgreedAccept, own Span) error
		want   string
	}{
		{"relabelled", func(f fixture, a AgreedAccept, _ Span) error {
			label := "ORG"
			_, err := f.s.UpdateSpan(ctx, f.doc, 0, f.user.ID, a.Spans[1], SpanPatch{Label: &label})
			return err
		}, "(ORG "},
		{"removed", func(f fixture, a AgreedAccept, _ Span) error {
			_, err := f.s.DeleteSpan(ctx, f.doc, 0, f.user.ID, a.Spans[2])
			return err
		}, "edited, removed or linked since"},
		{"linked by hand", func(f fixture, a AgreedAccept, own Span) error {
			_, err := f.s.CreateRelation(ctx, f.doc, 0, f.user.ID, RelationInput{Type: "cue", From: a.Spans[0], To: a.Spans[2]})
			return err
		}, "edited, removed or linked since"},
		{"reviewed", func(f fixture, _ AgreedAccept, _ Span) error {
			_, err := f.s.MarkReviewed(ctx, f.doc, f.user)
			return err
		}, "reviewed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, refs, own := agreedFixture(t)
			if _, err := f.s.AcceptAgreed(ctx, f.doc, refs, f.user.ID); err != nil {
				t.Fatal(err)
			}
			a, err := f.s.LastAgreedAccept(ctx, f.doc, f.user.ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.change(f, a, own); err != nil {
				t.Fatal(err)
			}
			spans, links := goldState(t, f)
			_, err = f.s.UndoAgreedAccept(ctx, f.doc, f.user.ID, a.Event)
			if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("undo: %v, want a conflict saying %q", err, tc.want)
			}
			if after, afterLinks := goldState(t, f); strings.Join(after, " ") != strings.Join(spans, " ") || afterLinks != links {
				t.Errorf("a refused undo changed gold: %v, %d links; was %v, %d", after, afterLinks, spans, links)
			}
		})
	}
	f, refs, _ := agreedFixture(t)
	if _, err := f.s.AcceptAgreed(ctx, f.doc, refs, f.user.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := f.s.AcceptAgreed(ctx, f.doc, refs, f.user.ID); err != nil || n != (LinkCopy{}) {
		t.Fatalf("accepting again: %+v, %v", n, err)
	}
	if got := count(t, f.s, "SELECT count(*) FROM events WHERE action = 'review.accept-agreed'"); got != 1 {
		t.Errorf("%d accepts logged, want 1: the second added nothing", got)
	}
}
