package db

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// bulkWords is the number of words of the bulk-delete document; each word
// is a span of amina's layer.
const bulkWords = 48

// bulkDeleteLayer stores a document of bulkWords words, each a span of
// amina's layer labelled QUOTE, PER, CUE or ORG in turn (some quotations
// with attributes), linked by every kind of relation, some of them to
// spans the delete keeps, and two spans of omar's linked to each other.
// It returns the document and amina's span ids, word by word.
func bulkDeleteLayer(t *testing.T, f fixture) (Document, []int64) {
	t.Helper()
	ctx := context.Background()
	// Each word is told apart by its number in Arabic-Indic digits, so a
	// relation logged with the wrong end's text shows.
	words := make([]string, bulkWords)
	starts := make([]int, bulkWords+1)
	for i := range words {
		words[i] = "كلمة" + strings.Map(func(r rune) rune { return r - '0' + '٠' }, fmt.Sprint(i))
		starts[i+1] = starts[i] + utf8.RuneCountInString(words[i]) + 1
	}
	doc := f.addDoc(t, "bulk", strings.Join(words, " "))
	mk := func(owner int64, i int, label string, attrs map[string]any) int64 {
		t.Helper()
		sp, err := f.s.CreateSpan(ctx, doc, owner, f.user.ID, SpanInput{Start: starts[i], End: starts[i+1] - 1, Label: label, Attributes: attrs})
		if err != nil {
			t.Fatal(err)
		}
		return sp.ID
	}
	link := func(owner int64, typ string, from, to int64) {
		t.Helper()
		if _, err := f.s.CreateRelation(ctx, doc, owner, f.user.ID, RelationInput{Type: typ, From: from, To: to}); err != nil {
			t.Fatal(err)
		}
	}
	ids := make([]int64, bulkWords)
	for i := range ids {
		var attrs map[string]any
		if i%8 == 0 {
			attrs = map[string]any{"type": "direct", "speaker_in_text": true}
		}
		ids[i] = mk(f.user.ID, i, []string{"QUOTE", "PER", "CUE", "ORG"}[i%4], attrs)
	}
	// A quotation (word 8k) has a speaker, a cue and a second segment
	// (word 8k+4): a quotation has one speaker and one cue.
	for i := 0; i < bulkWords; i += 8 {
		link(f.user.ID, "cue", ids[i], ids[i+2])
		link(f.user.ID, "speaker", ids[i], ids[i+1])
		link(f.user.ID, "segment", ids[i], ids[i+4])
		link(f.user.ID, "refers_to", ids[i+3], ids[i+1])
	}
	link(f.user.ID, "refers_to", ids[39], ids[1])  // kept to deleted
	link(f.user.ID, "refers_to", ids[31], ids[41]) // deleted to kept
	link(f.other.ID, "speaker", mk(f.other.ID, 0, "QUOTE", nil), mk(f.other.ID, 1, "PER", nil))
	return doc, ids
}

// loggedSince is the log of f's project after event id after, oldest
// first, one line an event: its action and detail.
func loggedSince(t *testing.T, f fixture, after int64) []byte {
	t.Helper()
	events, err := f.s.ProjectEvents(context.Background(), f.proj.ID, 0, 100000, EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, e := range slices.Backward(events) {
		if e.ID > after {
			fmt.Fprintf(&out, "%s\t%s\n", e.Action, e.Detail)
		}
	}
	return out.Bytes()
}

// TestDeleteSpansLogAndRelations deletes 36 of 48 linked spans, given out
// of order, and checks the log against the one the span-by-span delete
// wrote (testdata/deletespans_events.golden: each span's relations not yet
// logged, oldest first, then the span, in the order the ids are given),
// and that no relation of a deleted span, and nothing of omar's, is left
// or lost.
func TestDeleteSpansLogAndRelations(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	doc, ids := bulkDeleteLayer(t, f)
	const gone = 36
	batch := make([]int64, gone)
	for k := range batch {
		batch[k] = ids[k*7%gone]
	}
	before := int64(count(t, f.s, "SELECT max(id) FROM events"))
	linked := count(t, f.s, `SELECT count(*) FROM relations WHERE from_span IN (SELECT value FROM json_each(?))
		OR to_span IN (SELECT value FROM json_each(?))`, jsonIDs(batch), jsonIDs(batch))
	kept := count(t, f.s, "SELECT count(*) FROM relations") - linked - 1 // omar's
	if n, err := f.s.DeleteSpans(ctx, doc, f.user.ID, f.user.ID, batch); err != nil || n != gone {
		t.Fatalf("DeleteSpans of %d spans = %d, %v", gone, n, err)
	}
	got := loggedSince(t, f, before)
	golden := filepath.Join("testdata", "deletespans_events.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the log of the bulk delete differs from %s:\n%s", golden, got)
	}
	if n := bytes.Count(got, []byte("span.delete\t")); n != gone {
		t.Errorf("%d span.delete events, want %d", n, gone)
	}
	if n := bytes.Count(got, []byte("relation.delete\t")); n != linked {
		t.Errorf("%d relation.delete events, want one for each of the %d relations of the deleted spans", n, linked)
	}
	if n := count(t, f.s, `SELECT count(*) FROM relations r WHERE NOT EXISTS (SELECT 1 FROM spans s WHERE s.id = r.from_span)
		OR NOT EXISTS (SELECT 1 FROM spans s WHERE s.id = r.to_span)`); n != 0 {
		t.Errorf("%d relations left pointing at a deleted span", n)
	}
	l, err := f.s.LayerOf(ctx, doc, f.user.ID)
	if err != nil || len(l.Spans) != bulkWords-gone || len(l.Relations) != kept || kept == 0 {
		t.Errorf("amina's layer keeps %d spans and %d relations (%v), want %d and %d",
			len(l.Spans), len(l.Relations), err, bulkWords-gone, kept)
	}
	if o, err := f.s.LayerOf(ctx, doc, f.other.ID); err != nil || len(o.Spans) != 2 || len(o.Relations) != 1 {
		t.Errorf("omar's layer changed: %d spans, %d relations (%v)", len(o.Spans), len(o.Relations), err)
	}
}

// jsonIDs is ids as a JSON array.
func jsonIDs(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = fmt.Sprint(id)
	}
	return "[" + strings.Join(s, ",") + "]"
}

// TestDeleteSpansRefusals: a batch with a span not in the layer names the
// first such id and changes nothing, log included; a finished layer
// refuses the batch as a conflict once its first span is found.
func TestDeleteSpansRefusals(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	q, per := f.mark(t, f.user.ID, "الاقتصاد ينمو", "QUOTE"), f.mark(t, f.user.ID, "أحمد", "PER")
	f.link(t, f.user.ID, "speaker", q, per)
	others := f.mark(t, f.other.ID, "الوزير", "PER")
	before := count(t, f.s, "SELECT count(*) FROM events")
	_, err := f.s.DeleteSpans(ctx, f.doc, f.user.ID, f.user.ID, []int64{q.ID, per.ID, others.ID, 999999})
	var nf *NotFoundError
	if !errors.As(err, &nf) || nf.Field != "ids[2]" || nf.Reason != fmt.Sprintf("span %d is not in this layer of the document", others.ID) {
		t.Fatalf("a batch with omar's span at ids[2]: %v, want ids[2] named as not in this layer", err)
	}
	if n := count(t, f.s, "SELECT count(*) FROM events"); n != before {
		t.Errorf("a refused batch logged %d events", n-before)
	}
	if l, _ := f.s.LayerOf(ctx, f.doc, f.user.ID); len(l.Spans) != 2 || len(l.Relations) != 1 {
		t.Errorf("a refused batch deleted something: %d spans, %d relations", len(l.Spans), len(l.Relations))
	}
	if _, err := f.s.MarkDone(ctx, f.doc, f.user); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DeleteSpans(ctx, f.doc, f.user.ID, f.user.ID, []int64{q.ID, others.ID}); !errors.Is(err, ErrConflict) {
		t.Errorf("a finished layer's span first: %v, want ErrConflict", err)
	}
	if _, err := f.s.DeleteSpans(ctx, f.doc, f.user.ID, f.user.ID, []int64{others.ID, q.ID}); !errors.As(err, &nf) || nf.Field != "ids[0]" {
		t.Errorf("a finished layer, another's span first: %v, want ids[0] not found", err)
	}
	if l, _ := f.s.LayerOf(ctx, f.doc, f.user.ID); len(l.Spans) != 2 || len(l.Relations) != 1 {
		t.Errorf("a finished layer lost %d spans", 2-len(l.Spans))
	}
}

// TestDeleteSpansPlans: every statement of a bulk delete finds its rows
// through an index (the deleted spans' relations too, by the foreign
// keys' cascade), never by reading a whole table once a span.
func TestDeleteSpansPlans(t *testing.T) {
	f := newFixture(t)
	list := "[1, 2]"
	for _, c := range []struct {
		query string
		args  []any
	}{
		{"SELECT id, status FROM layers WHERE document_id = ? AND owner_id IS ?", []any{1, 1}},
		{spansByIDSQL + " AND +layer_id = ?", []any{list, 1}},
		{spansByIDSQL, []any{list}},
		{relationsOfSQL, []any{list, list}},
		{deleteByIDSQL("relations"), []any{list}},
		{deleteByIDSQL("spans"), []any{list}},
		{batchEventSQL(2), []any{1, 1, 1, 0, "span.delete", "}", 1, "span.delete", "}", 1}},
	} {
		plan := planOf(t, f.s, c.query, c.args...)
		for _, step := range plan {
			for _, table := range []string{"layers", "spans", "relations", "events", "users", "l ", "u "} {
				if strings.HasPrefix(step+" ", "SCAN "+table) {
					t.Errorf("%s\nreads a whole table: %v", c.query, plan)
				}
			}
		}
	}
}

// TestDeleteSpansGoldLog: a reviewer's bulk delete from gold logs what
// deleting the spans one by one logs, under the layer "gold" and the
// reviewer's name, and the document is left as after the one-by-one
// delete of the same spans from a twin document.
func TestDeleteSpansGoldLog(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	twin := f.addDoc(t, "twin", fixtureText)
	var logs [2][]string
	for k, doc := range []Document{f.doc, twin} {
		g := f
		g.doc = doc
		q, per, loc := g.mark(t, 0, "«الاقتصاد ينمو»", "QUOTE"), g.mark(t, 0, "أحمد", "PER"), g.mark(t, 0, "الرياض", "LOC")
		g.link(t, 0, "speaker", q, per)
		before := int64(count(t, f.s, "SELECT max(id) FROM events"))
		if k == 0 {
			if _, err := f.s.DeleteSpans(ctx, doc, 0, f.other.ID, []int64{per.ID, q.ID}); err != nil {
				t.Fatal(err)
			}
		} else {
			for _, id := range []int64{per.ID, q.ID} {
				if _, err := f.s.DeleteSpan(ctx, doc, 0, f.other.ID, id); err != nil {
					t.Fatal(err)
				}
			}
		}
		logs[k] = goldLog(t, f, before, map[any]string{float64(q.ID): "quote", float64(per.ID): "speaker"})
		if l, err := f.s.LayerOf(ctx, doc, 0); err != nil || len(l.Spans) != 1 || l.Spans[0].ID != loc.ID || len(l.Relations) != 0 {
			t.Errorf("gold of %s after the delete: %+v %+v (%v)", doc.ExternalID, l.Spans, l.Relations, err)
		}
	}
	if len(logs[0]) != 3 || !slices.Equal(logs[0], logs[1]) {
		t.Errorf("the bulk delete from gold logged\n%s\nthe one-by-one delete\n%s", strings.Join(logs[0], "\n"), strings.Join(logs[1], "\n"))
	}
}

// goldLog is the log after event id after, one line an event: its user,
// action and detail, each of gold's, with the ids of names named and
// those of relations left out, so the logs of twin documents compare.
func goldLog(t *testing.T, f fixture, after int64, names map[any]string) []string {
	t.Helper()
	var out []string
	rows, err := f.s.r.QueryContext(context.Background(), `SELECT user_id, action, detail FROM events WHERE id > ? ORDER BY id`, after)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var user int64
		var action, detail string
		if err := rows.Scan(&user, &action, &detail); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(detail, `{"layer":"gold",`) {
			t.Errorf("%s of gold logged as %s", action, detail)
		}
		var d map[string]any
		if err := json.Unmarshal([]byte(detail), &d); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"id", "from", "to"} {
			if name, ok := names[d[key]]; ok && (key != "id" || action == "span.delete") {
				d[key] = name
			} else if key == "id" {
				delete(d, key)
			}
		}
		out = append(out, fmt.Sprintf("%d %s %v", user, action, d))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}
