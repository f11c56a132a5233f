package db

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// TestCopyToGold copies spans of users' layers into gold: offsets, label
// and attributes; a span gold holds already is not copied twice; a span
// named with the wrong layer is not found; offsets an import kept inside
// a grapheme cluster stay as they are.
func TestCopyToGold(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	qs, qe := span(t, fixtureText, "«الاقتصاد ينمو»")
	quote, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, SpanInput{Start: qs, End: qe, Label: "QUOTE", Attributes: map[string]any{"type": "direct"}})
	if err != nil {
		t.Fatal(err)
	}
	ps, pe := span(t, fixtureText, "أحمد")
	per, err := f.s.CreateSpan(ctx, f.doc, f.user.ID, f.user.ID, SpanInput{Start: ps, End: pe, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}

	layers, gold, err := f.s.ReviewLayers(ctx, f.doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(layers) != 2 || layers[0].Name != "amina" || layers[1].Name != "omar" || len(layers[0].Spans) != 1 || layers[1].Spans[0].ID != quote.ID {
		t.Fatalf("user layers: %+v", layers)
	}
	if gold.Status != "new" || len(gold.Spans) != 0 {
		t.Fatalf("gold before any review: %+v", gold)
	}

	got, copied, err := f.s.CopyToGold(ctx, f.doc, f.other.ID, quote.ID, f.user.ID)
	if err != nil || !copied {
		t.Fatalf("copy: %v, copied %v", err, copied)
	}
	var attrs map[string]any
	if err := json.Unmarshal(got.Attributes, &attrs); err != nil {
		t.Fatal(err)
	}
	if got.ID == quote.ID || got.Start != qs || got.End != qe || got.Label != "QUOTE" || attrs["type"] != "direct" || got.CreatedBy != f.user.ID {
		t.Errorf("gold's copy: %+v", got)
	}
	events := count(t, f.s, "SELECT count(*) FROM events")
	again, copied, err := f.s.CopyToGold(ctx, f.doc, f.other.ID, quote.ID, f.user.ID)
	if err != nil || copied || again.ID != got.ID {
		t.Errorf("second copy: %+v, copied %v, %v; want gold's span %d, not copied", again, copied, err, got.ID)
	}
	if n := count(t, f.s, "SELECT count(*) FROM events"); n != events {
		t.Errorf("a copy that changed nothing logged %d events", n-events)
	}
	// amina's PER named as omar's: not in that layer.
	if _, _, err := f.s.CopyToGold(ctx, f.doc, f.other.ID, per.ID, f.user.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a span of another layer: %v, want ErrNotFound", err)
	}
	gold, err = f.s.LayerOf(ctx, f.doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold.Spans) != 1 {
		t.Errorf("gold holds %d spans, want the one copy", len(gold.Spans))
	}

	// An imported span that splits a letter from its mark keeps its
	// offsets in the copy, as the import kept them.
	text := "مُحَمَّد قال"
	if _, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: "split", By: f.user.ID, Owner: f.other.ID},
		[]codec.Doc{{Line: 1, ExternalID: "split", Text: text, Meta: json.RawMessage(`{}`),
			Spans: []codec.Span{{Ref: "1", Start: 0, End: 1, Label: "PER", Attributes: json.RawMessage(`{}`)}}}}); err != nil {
		t.Fatal(err)
	}
	doc := f.loadDoc(t, "split")
	l, err := f.s.LayerOf(ctx, doc, f.other.ID)
	if err != nil {
		t.Fatal(err)
	}
	cp, copied, err := f.s.CopyToGold(ctx, doc, f.other.ID, l.Spans[0].ID, f.user.ID)
	if err != nil || !copied || cp.Start != 0 || cp.End != 1 {
		t.Errorf("copy of an imported split span: %+v, %v, %v", cp, copied, err)
	}
}

// TestAcceptAgreed copies many spans in one transaction: a reference
// that does not say what was read of its span refuses the batch, adding
// nothing; one naming a span of another layer is left out and counted;
// the others are copied, those gold held already not counted.
func TestAcceptAgreed(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	var refs []SpanRef
	for _, w := range []struct{ word, label string }{{"أحمد", "PER"}, {"الرياض", "LOC"}, {"الوزير", "PER"}} {
		s, e := span(t, fixtureText, w.word)
		sp, err := f.s.CreateSpan(ctx, f.doc, f.other.ID, f.other.ID, SpanInput{Start: s, End: e, Label: w.label})
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, seenRef(f.other.ID, sp))
	}
	if _, _, err := f.s.CopyToGold(ctx, f.doc, f.other.ID, refs[2].Span, f.user.ID); err != nil {
		t.Fatal(err)
	}
	// A reference that does not say what was read of its span: refused.
	unread := append(append([]SpanRef(nil), refs[:2]...), SpanRef{Owner: f.other.ID, Span: refs[0].Span})
	if _, err := f.s.AcceptAgreed(ctx, f.doc, unread, f.user.ID); validationField(t, err) != "seen" {
		t.Fatalf("a span named without what was read of it: %v", err)
	}
	if n := count(t, f.s, `SELECT count(*) FROM spans s JOIN layers l ON l.id = s.layer_id WHERE l.owner_id IS NULL`); n != 1 {
		t.Fatalf("a refused batch left gold with %d spans, want the 1 it had", n)
	}
	// A span named with the wrong layer is not that layer's: left out.
	wrong := append(append([]SpanRef(nil), refs...), refs[0])
	wrong[3].Owner = f.user.ID
	n, err := f.s.AcceptAgreed(ctx, f.doc, wrong, f.user.ID)
	if err != nil || n != (LinkCopy{Spans: 2, Changed: 1}) {
		t.Fatalf("copied %+v, %v; want 2 spans (the third was in gold) and 1 left out", n, err)
	}
	if n := count(t, f.s, `SELECT count(*) FROM spans s JOIN layers l ON l.id = s.layer_id WHERE l.owner_id IS NULL`); n != 3 {
		t.Errorf("gold holds %d spans, want 3", n)
	}
}

// TestAcceptAgreedAgreedLinks: with the agreed spans, gold gets the
// links every user's layer holds (the same type between the same spans),
// not those only one layer holds, and not twice.
func TestAcceptAgreedAgreedLinks(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	third, err := f.s.CreateUser(ctx, "rana", "", false)
	if err != nil {
		t.Fatal(err)
	}
	var refs []SpanRef
	for _, owner := range []int64{f.user.ID, f.other.ID} {
		made := map[string]Span{}
		for _, w := range []struct{ word, label string }{{"«الاقتصاد ينمو»", "QUOTE"}, {"الوزير أحمد", "PER"}, {"قال", "CUE"}} {
			s, e := span(t, fixtureText, w.word)
			sp, err := f.s.CreateSpan(ctx, f.doc, owner, owner, SpanInput{Start: s, End: e, Label: w.label})
			if err != nil {
				t.Fatal(err)
			}
			made[w.label] = sp
			if owner == f.user.ID {
				refs = append(refs, seenRef(owner, sp))
			}
		}
		// Both give the quotation its speaker; only amina links the cue.
		links := []RelationInput{{Type: "speaker", From: made["QUOTE"].ID, To: made["PER"].ID}}
		if owner == f.user.ID {
			links = append(links, RelationInput{Type: "cue", From: made["QUOTE"].ID, To: made["CUE"].ID})
		}
		for _, in := range links {
			if _, err := f.s.CreateRelation(ctx, f.doc, owner, owner, in); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Gold gave the quotation another speaker first: that stands, and the
	// agreed one is not put beside it (a quotation has one speaker).
	qs, qe := span(t, fixtureText, "«الاقتصاد ينمو»")
	gq, err := f.s.CreateSpan(ctx, f.doc, 0, f.user.ID, SpanInput{Start: qs, End: qe, Label: "QUOTE"})
	if err != nil {
		t.Fatal(err)
	}
	ps, pe := span(t, fixtureText, "أحمد")
	gp, err := f.s.CreateSpan(ctx, f.doc, 0, f.user.ID, SpanInput{Start: ps, End: pe, Label: "PER"})
	if err != nil {
		t.Fatal(err)
	}
	own, err := f.s.CreateRelation(ctx, f.doc, 0, f.user.ID, RelationInput{Type: "speaker", From: gq.ID, To: gp.ID})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := f.s.AcceptAgreed(ctx, f.doc, refs, f.user.ID); err != nil || n != (LinkCopy{Spans: 2}) {
		t.Fatalf("with gold's own speaker: copied %+v, %v; want the 2 other spans and no link", n, err)
	}
	if err := f.s.DeleteRelation(ctx, f.doc, 0, f.user.ID, own.ID); err != nil {
		t.Fatal(err)
	}
	n, err := f.s.AcceptAgreed(ctx, f.doc, refs, f.user.ID)
	if err != nil || n != (LinkCopy{Spans: 0, Relations: 1}) {
		t.Fatalf("copied %+v, %v; want the speaker link", n, err)
	}
	gold, err := f.s.LayerOf(ctx, f.doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold.Relations) != 1 || gold.Relations[0].Type != "speaker" {
		t.Fatalf("gold's links: %+v", gold.Relations)
	}
	if n, err := f.s.AcceptAgreed(ctx, f.doc, refs, f.user.ID); err != nil || n != (LinkCopy{}) {
		t.Errorf("copying again: %+v, %v; want nothing", n, err)
	}
	// A third layer without the link: it is no longer agreed.
	if _, err := f.s.CreateSpan(ctx, f.doc, third.ID, third.ID, SpanInput{Start: 0, End: 3, Label: "CUE"}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteRelation(ctx, f.doc, 0, f.user.ID, gold.Relations[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, err := f.s.AcceptAgreed(ctx, f.doc, nil, f.user.ID); err != nil || n != (LinkCopy{}) {
		t.Errorf("with a third layer lacking the link: %+v, %v; want nothing", n, err)
	}
}

// TestEachDocumentLayers: documents in order, each with its users'
// layers by name, an emptied layer included, gold only once reviewed, and
// untouched documents left out.
func TestEachDocumentLayers(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	doc2 := f.addDoc(t, "doc-2", "نص ثان عن الرياض")
	f.addDoc(t, "doc-3", "لم يمسه أحد")
	add := func(doc Document, owner int64, word, label string) Span {
		t.Helper()
		s, e := span(t, doc.Text, word)
		sp, err := f.s.CreateSpan(ctx, doc, owner, f.user.ID, SpanInput{Start: s, End: e, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	add(f.doc, f.other.ID, "الرياض", "LOC")
	add(f.doc, f.other.ID, "أحمد", "PER")
	add(f.doc, f.user.ID, "أحمد", "PER")
	add(f.doc, 0, "أحمد", "PER") // gold
	gone := add(doc2, f.user.ID, "الرياض", "LOC")
	if _, err := f.s.DeleteSpan(ctx, doc2, f.user.ID, f.user.ID, gone.ID); err != nil {
		t.Fatal(err)
	}
	each := func() []string {
		t.Helper()
		var got []string
		err := f.s.EachDocumentLayers(ctx, f.proj.ID, func(d DocumentLayers) error {
			line := d.ExternalID + ":"
			if d.Gold != nil {
				line += fmt.Sprintf(" gold%v", d.Gold.Spans)
			}
			for _, l := range d.Layers {
				line += fmt.Sprintf(" %s%v", l.Name, l.Spans)
			}
			// The text comes with two users' layers, for their words.
			if (len(d.Layers) >= 2) != (d.Text != "") {
				t.Errorf("%s: %d users' layers, text %q", d.ExternalID, len(d.Layers), d.Text)
			}
			got = append(got, line)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	ps, pe := span(t, fixtureText, "أحمد")
	ls, le := span(t, fixtureText, "الرياض")
	users := fmt.Sprintf("amina[{PER %d %d}] omar[{PER %d %d} {LOC %d %d}]", ps, pe, ps, pe, ls, le)
	for _, c := range []struct {
		when string
		want []string
	}{
		{"gold in progress", []string{"doc-1: " + users, "doc-2: amina[]"}},
		{"gold reviewed", []string{fmt.Sprintf("doc-1: gold[{PER %d %d}] ", ps, pe) + users, "doc-2: amina[]"}},
	} {
		if got := each(); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", c.when, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
		if _, err := f.s.MarkReviewed(ctx, f.doc, f.user); err != nil {
			t.Fatal(err)
		}
	}
	for n, want := range map[int]string{1: fmt.Sprint([]int64{f.doc.ID, doc2.ID}), 2: fmt.Sprint([]int64{f.doc.ID}), 3: "[]"} {
		ids, err := f.s.DocumentsAnnotatedBy(ctx, f.proj.ID, n)
		if err != nil || fmt.Sprint(ids) != want {
			t.Errorf("documents with %d users' layers: %v, %v; want %s", n, ids, err, want)
		}
	}
}

// TestEachDocumentLayersQuotations: each layer comes with its quotations,
// their speaker, cue, type and a confirmed absent speaker, read from its
// own relations only.
func TestEachDocumentLayersQuotations(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	add := func(owner int64, word, label string, attrs map[string]any) Span {
		t.Helper()
		s, e := span(t, f.doc.Text, word)
		sp, err := f.s.CreateSpan(ctx, f.doc, owner, f.user.ID, SpanInput{Start: s, End: e, Label: label, Attributes: attrs})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	relate := func(owner int64, typ string, from, to Span) {
		t.Helper()
		if _, err := f.s.CreateRelation(ctx, f.doc, owner, f.user.ID, RelationInput{Type: typ, From: from.ID, To: to.ID}); err != nil {
			t.Fatal(err)
		}
	}
	q := add(f.user.ID, "الاقتصاد ينمو", "QUOTE", map[string]any{"type": "direct"})
	relate(f.user.ID, "speaker", q, add(f.user.ID, "الوزير أحمد", "PER", nil))
	relate(f.user.ID, "cue", q, add(f.user.ID, "قال", "CUE", nil))
	add(f.other.ID, "الاقتصاد ينمو", "QUOTE", map[string]any{"speaker_in_text": false})
	add(f.other.ID, "الرياض", "LOC", nil)
	got := map[string][]QuoteKey{}
	err := f.s.EachDocumentLayers(ctx, f.proj.ID, func(d DocumentLayers) error {
		for _, l := range d.Layers {
			got[l.Name] = l.Quotes
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	key := func(word, label string) SpanKey {
		s, e := span(t, f.doc.Text, word)
		return SpanKey{Start: s, End: e, Label: label}
	}
	spk, cue := key("الوزير أحمد", "PER"), key("قال", "CUE")
	want := map[string][]QuoteKey{
		"amina": {{Segments: []SpanKey{key("الاقتصاد ينمو", "QUOTE")}, Type: "direct", Speaker: &spk, Cue: &cue}},
		"omar":  {{Segments: []SpanKey{key("الاقتصاد ينمو", "QUOTE")}, NotInText: true}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestCopyWithLinksToGold accepts a quotation with its links: its speaker
// (a noun phrase that refers to a named person), the person, and its cue
// come into gold too, joined as in the annotator's layer; accepting again
// adds nothing; a speaker gold already holds is used, not copied.
func TestCopyWithLinksToGold(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	add := func(owner int64, word, label string) Span { return f.mark(t, owner, word, label) }
	relate := func(typ string, from, to Span) { f.link(t, f.other.ID, typ, from, to) }
	quote := add(f.other.ID, "الاقتصاد ينمو", "QUOTE")
	minister := add(f.other.ID, "الوزير", "PER")
	ahmad := add(f.other.ID, "أحمد", "PER")
	cue := add(f.other.ID, "قال", "CUE")
	relate("speaker", quote, minister)
	relate("refers_to", minister, ahmad)
	relate("cue", quote, cue)
	inGold := add(0, "أحمد", "PER") // the reviewer marked him already

	sp, added, err := f.s.CopyWithLinksToGold(ctx, f.doc, seenRef(f.other.ID, quote), f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if added != (LinkCopy{Spans: 3, Relations: 3}) || sp.Label != "QUOTE" {
		t.Fatalf("added %+v, quote %+v; want 3 spans (quote, minister, cue) and 3 relations", added, sp)
	}
	gold, err := f.s.LayerOf(ctx, f.doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]Span{}
	for _, s := range gold.Spans {
		byID[s.ID] = s
	}
	var got []string
	for _, r := range gold.Relations {
		got = append(got, fmt.Sprintf("%s %s->%s", r.Type, byID[r.From].Text, byID[r.To].Text))
		if r.Type == "refers_to" && r.To != inGold.ID {
			t.Errorf("refers_to points at span %d, not at gold's own أحمد (%d)", r.To, inGold.ID)
		}
	}
	// Depth first: the speaker's own link is made before the quote's to it.
	want := "refers_to الوزير->أحمد\nspeaker الاقتصاد ينمو->الوزير\ncue الاقتصاد ينمو->قال"
	if strings.Join(got, "\n") != want {
		t.Errorf("gold relations:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if len(gold.Spans) != 4 {
		t.Errorf("gold holds %d spans, want 4", len(gold.Spans))
	}
	if _, again, err := f.s.CopyWithLinksToGold(ctx, f.doc, seenRef(f.other.ID, quote), f.user.ID); err != nil || again != (LinkCopy{}) {
		t.Errorf("accepting again added %+v, %v", again, err)
	}
}

// TestCopyLinksReplacesGoldSpeaker: adding a second annotator's links to
// a quotation gold holds puts their speaker in place of gold's, never
// beside it: a quotation has one speaker.
func TestCopyLinksReplacesGoldSpeaker(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	add := func(owner int64, word, label string) Span { return f.mark(t, owner, word, label) }
	relate := func(owner int64, typ string, from, to Span) { f.link(t, owner, typ, from, to) }
	goldQuote := add(0, "الاقتصاد ينمو", "QUOTE")
	relate(0, "speaker", goldQuote, add(0, "الوزير", "PER"))
	quote := add(f.other.ID, "الاقتصاد ينمو", "QUOTE")
	relate(f.other.ID, "speaker", quote, add(f.other.ID, "أحمد", "PER"))

	_, added, err := f.s.CopyWithLinksToGold(ctx, f.doc, seenRef(f.other.ID, quote), f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if added != (LinkCopy{Spans: 1, Relations: 1, Replaced: 1}) {
		t.Errorf("added %+v, want the person and their link, in place of gold's", added)
	}
	gold, err := f.s.LayerOf(ctx, f.doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold.Relations) != 1 {
		t.Fatalf("gold's quotation has %d links: %+v", len(gold.Relations), gold.Relations)
	}
	for _, s := range gold.Spans {
		if s.ID == gold.Relations[0].To && s.Text != "أحمد" {
			t.Errorf("gold's speaker is %q, want أحمد", s.Text)
		}
	}
}

// mark makes a span of word (its first place in the fixture's text) in
// owner's layer (0: gold), written by the fixture's user.
func (f fixture) mark(t *testing.T, owner int64, word, label string) Span {
	t.Helper()
	s, e := span(t, fixtureText, word)
	sp, err := f.s.CreateSpan(context.Background(), f.doc, owner, f.user.ID, SpanInput{Start: s, End: e, Label: label})
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// link relates two spans of owner's layer.
func (f fixture) link(t *testing.T, owner int64, typ string, from, to Span) {
	t.Helper()
	if _, err := f.s.CreateRelation(context.Background(), f.doc, owner, f.user.ID, RelationInput{Type: typ, From: from.ID, To: to.ID}); err != nil {
		t.Fatal(err)
	}
}

// TestCopyLinksReplacesSpeakerOfAnySegment: gold's quotation has two
// segments, its speaker linked from the first; another layer's same
// quotation has its speaker linked from the second. Adding that layer's
// links leaves the quotation one speaker, the new one.
func TestCopyLinksReplacesSpeakerOfAnySegment(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	g1, g2 := f.mark(t, 0, "الاقتصاد", "QUOTE"), f.mark(t, 0, "ينمو", "QUOTE")
	f.link(t, 0, "segment", g1, g2)
	f.link(t, 0, "speaker", g1, f.mark(t, 0, "الوزير", "PER"))
	o1, o2 := f.mark(t, f.other.ID, "الاقتصاد", "QUOTE"), f.mark(t, f.other.ID, "ينمو", "QUOTE")
	f.link(t, f.other.ID, "segment", o1, o2)
	f.link(t, f.other.ID, "speaker", o2, f.mark(t, f.other.ID, "أحمد", "PER"))

	_, added, err := f.s.CopyWithLinksToGold(ctx, f.doc, seenRef(f.other.ID, o2), f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if speakers, _ := goldSpeakers(t, f); len(speakers) != 1 || speakers[0] != "أحمد" || added.Replaced != 1 {
		t.Errorf("gold's quotation has speakers %q (added %+v), want أحمد alone, in place of الوزير", speakers, added)
	}
}
