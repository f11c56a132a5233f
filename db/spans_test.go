package db

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestCreateSpanCodePoints(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	n := len([]rune(fixtureText))
	ahmadStart, ahmadEnd := span(t, fixtureText, "أحمد")
	tests := []struct {
		desc       string
		start, end int
		label      string
		wantText   string // "" means refused, naming wantField
		wantField  string
	}{
		{"word after an emoji", ahmadStart, ahmadEnd, "PER", "أحمد", ""},
		{"the emoji itself", 4, 5, "CUE", "😀", ""},
		{"emoji with skin tone", ahmadEnd + 1, ahmadEnd + 3, "CUE", "👍🏽", ""},
		{"whole text", 0, n, "QUOTE", fixtureText, ""},
		{"overlaps with another label", ahmadStart, ahmadEnd, "ORG", "أحمد", ""},
		{"negative start", -1, 3, "PER", "", "start/end"},
		{"empty", 3, 3, "PER", "", "start/end"},
		{"reversed", 5, 3, "PER", "", "start/end"},
		{"end past the text", n - 2, n + 1, "PER", "", "start/end"},
		{"end past the text in code points, not bytes", 0, len(fixtureText), "PER", "", "start/end"},
		{"thumb without its skin tone", ahmadEnd + 1, ahmadEnd + 2, "CUE", "", "start/end"},
		{"skin tone without its thumb", ahmadEnd + 2, ahmadEnd + 3, "CUE", "", "start/end"},
		{"only the space between two words", ahmadEnd, ahmadEnd + 1, "PER", "", "start/end"},
		{"unknown label", ahmadStart, ahmadEnd, "PERSON", "", "label"},
		{"empty label", ahmadStart, ahmadEnd, "", "", "label"},
	}
	want := 0
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			sp, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: tt.start, End: tt.end, Label: tt.label})
			if tt.wantText == "" {
				if field := validationField(t, err); field != tt.wantField {
					t.Errorf("error %v names %q, want %q", err, field, tt.wantField)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				want++
				if sp.Start != tt.start || sp.End != tt.end || sp.Label != tt.label || sp.Text != tt.wantText {
					t.Errorf("span %+v, want %d..%d %s %q", sp, tt.start, tt.end, tt.label, tt.wantText)
				}
				if sp.CreatedBy != f.user.ID || sp.ID == 0 {
					t.Errorf("span id %d created_by %d, want a new id by %d", sp.ID, sp.CreatedBy, f.user.ID)
				}
				if string(sp.Attributes) != "{}" {
					t.Errorf("attributes %s, want {}", sp.Attributes)
				}
			}
			if got := count(t, f.s, "SELECT count(*) FROM spans"); got != want {
				t.Errorf("%d spans stored, want %d", got, want)
			}
			if got, _ := f.s.EventCount(ctx, "span.create"); got != want {
				t.Errorf("%d span.create events, want %d", got, want)
			}
		})
	}
	layer, err := f.s.LayerOf(ctx, f.doc, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if layer.Status != "in_progress" || len(layer.Spans) != want {
		t.Errorf("layer status %q with %d spans, want in_progress with %d", layer.Status, len(layer.Spans), want)
	}
	for _, sp := range layer.Spans {
		if got := string([]rune(fixtureText)[sp.Start:sp.End]); sp.Text != got {
			t.Errorf("loaded span %d..%d text %q, want %q", sp.Start, sp.End, sp.Text, got)
		}
	}
	var detail string
	if err := f.s.r.QueryRow("SELECT detail FROM events WHERE action = 'span.create' ORDER BY id LIMIT 1").Scan(&detail); err != nil {
		t.Fatal(err)
	}
	var logged Span
	if err := json.Unmarshal([]byte(detail), &logged); err != nil || logged.Text != "أحمد" || logged.Start != ahmadStart {
		t.Errorf("span.create event detail %s (%v) does not record the span", detail, err)
	}
}

func TestCreateSpanDuplicateAndLayers(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	in := SpanInput{Start: 0, End: 3, Label: "PER"}
	if _, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, in); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, in); !errors.Is(err, ErrConflict) {
		t.Errorf("duplicate span: %v, want ErrConflict", err)
	}
	// The same span in another layer is no duplicate.
	if _, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, in); err != nil {
		t.Errorf("same span in another user's layer: %v", err)
	}
	gold, err := f.s.CreateSpan(ctx, f.doc, 0, f.other.ID, in)
	if err != nil {
		t.Fatalf("same span in gold: %v", err)
	}
	if gold.CreatedBy != f.other.ID {
		t.Errorf("gold span created_by %d, want %d", gold.CreatedBy, f.other.ID)
	}
	for _, owner := range []int64{f.user.ID, f.other.ID, 0} {
		l, err := f.s.LayerOf(ctx, f.doc, owner)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Spans) != 1 || l.Status != "in_progress" {
			t.Errorf("layer of owner %d: %d spans, status %q; want 1, in_progress", owner, len(l.Spans), l.Status)
		}
	}
	if n := count(t, f.s, "SELECT count(*) FROM layers WHERE document_id = ?", f.doc.ID); n != 3 {
		t.Errorf("%d layers, want 3 (two users and gold)", n)
	}
	empty, err := f.s.LayerOf(ctx, f.addDoc(t, "doc-2", "نص آخر"), f.user.ID)
	if err != nil || empty.Status != "new" || len(empty.Spans) != 0 || empty.Spans == nil {
		t.Errorf("untouched layer = %+v, %v; want status new and an empty (non-nil) span list", empty, err)
	}
}

func TestUpdateSpan(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	start, end := span(t, fixtureText, "الرياض")
	sp, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: start, End: end, Label: "LOC"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: 0, End: 3, Label: "CUE"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc     string
		owner    int64
		in       SpanInput
		wantErr  error  // ErrNotFound or ErrConflict
		badField string // else a validation error
	}{
		{"other user's layer", f.other.ID, SpanInput{Start: start, End: end, Label: "GPE"}, ErrNotFound, ""},
		{"gold layer", 0, SpanInput{Start: start, End: end, Label: "GPE"}, ErrNotFound, ""},
		{"offsets past the end", f.user.ID, SpanInput{Start: start, End: end + 10, Label: "LOC"}, nil, "start/end"},
		{"unknown label", f.user.ID, SpanInput{Start: start, End: end, Label: "CITY"}, nil, "label"},
		{"onto another span", f.user.ID, SpanInput{Start: 0, End: 3, Label: "CUE"}, ErrConflict, ""},
		{"label", f.user.ID, SpanInput{Start: start, End: end, Label: "GPE"}, nil, ""},
		{"offsets", f.user.ID, SpanInput{Start: start + 2, End: end, Label: "GPE"}, nil, ""},
	}
	cur := sp
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			got, err := f.s.UpdateSpan(ctx, f.doc, tt.owner, f.other.ID, sp.ID, whole(tt.in))
			switch {
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Errorf("UpdateSpan = %v, want %v", err, tt.wantErr)
				}
			case tt.badField != "":
				if field := validationField(t, err); field != tt.badField {
					t.Errorf("error %v names %q, want %q", err, field, tt.badField)
				}
			default:
				if err != nil {
					t.Fatal(err)
				}
				want := string([]rune(fixtureText)[tt.in.Start:tt.in.End])
				if got.Start != tt.in.Start || got.End != tt.in.End || got.Label != tt.in.Label || got.Text != want {
					t.Errorf("updated span %+v, want %+v %q", got, tt.in, want)
				}
				cur = got
			}
			l, err := f.s.LayerOf(ctx, f.doc, f.user.ID)
			if err != nil {
				t.Fatal(err)
			}
			if s, ok := spanWithID(l.Spans, sp.ID); !ok || s.Start != cur.Start || s.End != cur.End || s.Label != cur.Label {
				t.Errorf("stored span %+v, want %+v", s, cur)
			}
		})
	}
	if n, _ := f.s.EventCount(ctx, "span.update"); n != 2 {
		t.Errorf("%d span.update events, want 2", n)
	}
	if s, err := f.s.UpdateSpan(ctx, f.doc, f.user.ID, f.user.ID, other.ID, whole(SpanInput{Start: 0, End: 3, Label: "CUE"})); err != nil || s.ID != other.ID {
		t.Errorf("updating a span to its own values: %+v, %v", s, err)
	}
}

func spanWithID(spans []Span, id int64) (Span, bool) {
	for _, s := range spans {
		if s.ID == id {
			return s, true
		}
	}
	return Span{}, false
}

func TestDeleteSpan(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	doc2 := f.addDoc(t, "doc-2", "نص آخر")
	qs, qe := span(t, fixtureText, "«الاقتصاد ينمو»")
	quote, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: qs, End: qe, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	ps, pe := span(t, fixtureText, "أحمد")
	per, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: ps, End: pe, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateRelation(ctx, f.doc, f.user.ID, f.user.ID, RelationInput{"speaker", quote.ID, per.ID}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		desc  string
		doc   Document
		owner int64
	}{
		{"other user's layer", f.doc, f.other.ID},
		{"gold layer", f.doc, 0},
		{"another document", doc2, f.user.ID},
	} {
		if _, err := f.s.DeleteSpan(ctx, tt.doc, tt.owner, tt.owner, per.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: DeleteSpan = %v, want ErrNotFound", tt.desc, err)
		}
	}
	if n := count(t, f.s, "SELECT count(*) FROM spans") + count(t, f.s, "SELECT count(*) FROM relations"); n != 3 {
		t.Fatalf("refused deletes removed rows: %d spans and relations left, want 3", n)
	}
	if _, err := f.s.DeleteSpan(ctx, f.doc, f.user.ID, f.user.ID, per.ID); err != nil {
		t.Fatal(err)
	}
	l, err := f.s.LayerOf(ctx, f.doc, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Spans) != 1 || l.Spans[0].ID != quote.ID || len(l.Relations) != 0 {
		t.Errorf("after delete: spans %+v relations %+v; want only the quote and no relation", l.Spans, l.Relations)
	}
	if n := count(t, f.s, "SELECT count(*) FROM relations"); n != 0 {
		t.Errorf("%d relations left pointing at a deleted span", n)
	}
	if n, _ := f.s.EventCount(ctx, "span.delete"); n != 1 {
		t.Errorf("%d span.delete events, want 1", n)
	}
	if _, err := f.s.DeleteSpan(ctx, f.doc, f.user.ID, f.user.ID, per.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
}

// whole is a patch that sets every field of in.
func whole(in SpanInput) SpanPatch {
	return SpanPatch{Start: &in.Start, End: &in.End, Label: &in.Label}
}

// A span imported across a grapheme cluster keeps its offsets through a
// relabel; only offsets an annotator sets must keep whole clusters.
func TestImportedSplitClusterCanBeRelabelled(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	_, ahmadEnd := span(t, fixtureText, "أحمد")
	thumb := SpanInput{Start: ahmadEnd + 1, End: ahmadEnd + 3, Label: "CUE"}
	sp, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, thumb)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.w.Exec(`UPDATE spans SET "end" = ? WHERE id = ?`, ahmadEnd+2, sp.ID); err != nil {
		t.Fatal(err)
	}
	label := "PER"
	if got, err := f.s.UpdateSpan(ctx, f.doc, f.user.ID, f.user.ID, sp.ID, SpanPatch{Label: &label}); err != nil || got.End != ahmadEnd+2 {
		t.Errorf("relabel of an imported split span: %+v, %v", got, err)
	}
	start, end := ahmadEnd+1, ahmadEnd+2
	if field := validationField(t, func() error {
		_, err := f.s.UpdateSpan(ctx, f.doc, f.user.ID, f.user.ID, sp.ID, SpanPatch{Start: &start, End: &end})
		return err
	}()); field != "start/end" {
		t.Errorf("moving a span's end inside a cluster: error on %q, want start/end", field)
	}
}

// TestDeleteSpans: several spans go in one transaction with their
// relations, or none when one of them is not in the layer.
func TestDeleteSpans(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	q, per := f.mark(t, f.user.ID, "الاقتصاد ينمو", "QUOTE"), f.mark(t, f.user.ID, "أحمد", "PER")
	f.link(t, f.user.ID, "speaker", q, per)
	keep := f.mark(t, f.user.ID, "الرياض", "LOC")
	others := f.mark(t, f.other.ID, "الوزير", "PER")
	if _, err := f.s.DeleteSpans(ctx, f.doc, f.user.ID, f.user.ID, []int64{q.ID, others.ID}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting another's span with one's own: %v, want ErrNotFound", err)
	}
	if l, _ := f.s.LayerOf(ctx, f.doc, f.user.ID); len(l.Spans) != 3 || len(l.Relations) != 1 {
		t.Fatalf("a refused batch deleted something: %d spans, %d relations", len(l.Spans), len(l.Relations))
	}
	if n, err := f.s.DeleteSpans(ctx, f.doc, f.user.ID, f.user.ID, []int64{q.ID, per.ID}); err != nil || n != 2 {
		t.Fatalf("DeleteSpans = %d, %v", n, err)
	}
	l, err := f.s.LayerOf(ctx, f.doc, f.user.ID)
	if err != nil || len(l.Spans) != 1 || l.Spans[0].ID != keep.ID || len(l.Relations) != 0 {
		t.Errorf("after deleting the quotation and its speaker: %+v %+v (%v)", l.Spans, l.Relations, err)
	}
	if _, err := f.s.DeleteSpans(ctx, f.doc, f.user.ID, f.user.ID, nil); validationField(t, err) != "ids" {
		t.Errorf("no ids: %v", err)
	}
	// One id twice is a mistake in the request, not a span gone (404).
	if _, err := f.s.DeleteSpans(ctx, f.doc, f.user.ID, f.user.ID, []int64{keep.ID, keep.ID}); validationField(t, err) != "ids" ||
		!strings.Contains(err.Error(), fmt.Sprintf("span %d is given twice (ids[0] and ids[1])", keep.ID)) {
		t.Errorf("one id twice: %v", err)
	}
	if l, _ := f.s.LayerOf(ctx, f.doc, f.user.ID); len(l.Spans) != 1 {
		t.Errorf("a refused batch deleted something: %d spans left, want 1", len(l.Spans))
	}
}
