package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"

	"hashiya/db"
)

// layerAnswer is the spans API's answer, its spans and relations kept
// as sent.
type layerAnswer struct {
	Layer         string            `json:"layer"`
	Status        string            `json:"status"`
	Spans         []json.RawMessage `json:"spans"`
	Relations     []json.RawMessage `json:"relations"`
	Labels        json.RawMessage   `json:"labels"`
	RelationTypes json.RawMessage   `json:"relation_types"`
}

// idAndPlace reads what orders a span (or a relation) in the answer.
func idAndPlace(t *testing.T, raw json.RawMessage) (id int64, start, end int, from, to int64) {
	t.Helper()
	var v struct {
		ID         int64 `json:"id"`
		Start, End int
		From, To   int64
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	return v.ID, v.Start, v.End, v.From, v.To
}

// applied is the answer before a write with the write's effect as its
// own answer describes it, as the page applies it (layercopy.js): a span
// made or changed in the API's order (start, longer first, id), spans
// deleted with every relation from or to them, a relation made or
// deleted.
func applied(t *testing.T, l layerAnswer, kind string, answer json.RawMessage, ids []int64) layerAnswer {
	t.Helper()
	without := func(list []json.RawMessage, gone func(json.RawMessage) bool) []json.RawMessage {
		return slices.DeleteFunc(slices.Clone(list), gone)
	}
	idIs := func(want int64) func(json.RawMessage) bool {
		return func(r json.RawMessage) bool { got, _, _, _, _ := idAndPlace(t, r); return got == want }
	}
	switch kind {
	case "span":
		sid, _, _, _, _ := idAndPlace(t, answer)
		l.Spans = append(without(l.Spans, idIs(sid)), answer)
		slices.SortStableFunc(l.Spans, func(a, b json.RawMessage) int {
			ai, as, ae, _, _ := idAndPlace(t, a)
			bi, bs, be, _, _ := idAndPlace(t, b)
			if as != bs {
				return as - bs
			}
			if ae != be {
				return be - ae
			}
			return int(ai - bi)
		})
	case "spans gone":
		for _, id := range ids {
			l.Spans = without(l.Spans, idIs(id))
			l.Relations = without(l.Relations, func(r json.RawMessage) bool {
				_, _, _, from, to := idAndPlace(t, r)
				return from == id || to == id
			})
		}
	case "relation":
		l.Relations = append(slices.Clone(l.Relations), answer)
	case "relation gone":
		l.Relations = without(l.Relations, idIs(ids[0]))
	default:
		t.Fatalf("no write of kind %q", kind)
	}
	return l
}

// TestAPIWriteNamesLayerTags: each write whose answer says all it did
// names the layer's ETag just before it (Layer-Tag-Before: what GET
// answered then) and just after it (Layer-Tag-After: what GET answers
// now, 304 to a client holding it); and the layer GET answers after it
// is the one before with the write applied from its answer alone, so a
// page holding the first may make the second itself. A write to gold by
// a reviewer names gold's tags; another client's write in between makes
// Before differ from the tag the first client holds.
func TestAPIWriteNamesLayerTags(t *testing.T) {
	env := newAPIEnv(t)
	ctx := context.Background()
	api := fmt.Sprintf("/api/v1/documents/%d", env.doc.ID)
	span := func(word, label string) string {
		s, e := cpSpan(t, apiText, word)
		return fmt.Sprintf(`{"start":%d,"end":%d,"label":%q}`, s, e, label)
	}
	read := func(query string) (layerAnswer, string) {
		t.Helper()
		rec := env.getLayer(query, "", false)
		expect(t, rec, http.StatusOK)
		var l layerAnswer
		if err := json.Unmarshal(rec.Body.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		return l, rec.Header().Get("ETag")
	}
	idOf := func(raw []byte) int64 {
		id, _, _, _, _ := idAndPlace(t, raw)
		return id
	}
	// Every id the steps need is made by a step before it.
	var per, quote, org, link, cue int64
	type step struct {
		name, layer, kind string
		method            string
		url, body         func() string
		status            int
		keep              func(answer []byte)
		gone              func() []int64
	}
	fixed := func(s string) func() string { return func() string { return s } }
	none := func() []int64 { return nil }
	all := []step{
		{"create a span", "", "span", "POST", fixed(api + "/spans"), fixed(span("أحمد", "PER")), 201, func(a []byte) { per = idOf(a) }, none},
		{"create a span inside another's words", "", "span", "POST", fixed(api + "/spans"), fixed(span("الاقتصاد ينمو", "QUOTE")), 201, func(a []byte) { quote = idOf(a) }, none},
		{"create one ordered before it", "", "span", "POST", fixed(api + "/spans"), fixed(span("الاقتصاد", "ORG")), 201, func(a []byte) { org = idOf(a) }, none},
		{"relabel", "", "span", "PATCH", func() string { return fmt.Sprintf("%s/spans/%d", api, org) }, fixed(`{"label":"LOC"}`), 200, nil, none},
		{"set a quotation's attributes", "", "span", "PATCH", func() string { return fmt.Sprintf("%s/spans/%d", api, quote) }, fixed(`{"attributes":{"type":"indirect"}}`), 200, nil, none},
		{"move a span ahead of others", "", "span", "PATCH", func() string { return fmt.Sprintf("%s/spans/%d", api, org) }, func() string {
			s, e := cpSpan(t, apiText, "الوزير")
			return fmt.Sprintf(`{"start":%d,"end":%d}`, s, e)
		}, 200, nil, none},
		{"link a speaker", "", "relation", "POST", fixed(api + "/relations"), func() string {
			return fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d}`, quote, per)
		}, 201, func(a []byte) { link = idOf(a) }, none},
		{"delete the link", "", "relation gone", "DELETE", func() string { return fmt.Sprintf("%s/relations/%d", api, link) }, fixed(""), 204, nil, func() []int64 { return []int64{link} }},
		{"link again", "", "relation", "POST", fixed(api + "/relations"), func() string {
			return fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d}`, quote, per)
		}, 201, nil, none},
		{"delete a span with its link", "", "spans gone", "DELETE", func() string { return fmt.Sprintf("%s/spans/%d", api, per) }, fixed(""), 204, nil, func() []int64 { return []int64{per} }},
		{"create a cue", "", "span", "POST", fixed(api + "/spans"), fixed(span("قال", "CUE")), 201, func(a []byte) { cue = idOf(a) }, none},
		{"link the cue", "", "relation", "POST", fixed(api + "/relations"), func() string {
			return fmt.Sprintf(`{"type":"cue","from":%d,"to":%d}`, quote, cue)
		}, 201, nil, none},
		{"delete spans at once with their link", "", "spans gone", "POST", fixed(api + "/spans/delete"), func() string {
			return fmt.Sprintf(`{"ids":[%d,%d]}`, cue, quote)
		}, 200, nil, func() []int64 { return []int64{cue, quote} }},
		{"a reviewer's span in gold", "?layer=gold", "span", "POST", fixed(api + "/spans?layer=gold"), fixed(span("الرياض", "LOC")), 201, nil, none},
		{"another in gold", "?layer=gold", "span", "POST", fixed(api + "/spans?layer=gold"), fixed(span("الوزير", "PER")), 201, nil, none},
	}
	for _, st := range all {
		before, beforeTag := read(st.layer)
		rec := env.do(st.method, st.url(), st.body())
		expect(t, rec, st.status)
		after, afterTag := read(st.layer)
		if got := rec.Header().Get("Layer-Tag-Before"); got != beforeTag {
			t.Errorf("%s: Layer-Tag-Before %q, want the ETag GET answered before it, %q", st.name, got, beforeTag)
		}
		if got := rec.Header().Get("Layer-Tag-After"); got != afterTag || got == beforeTag {
			t.Errorf("%s: Layer-Tag-After %q, want the ETag GET answers after it, %q (before %q)", st.name, got, afterTag, beforeTag)
		}
		if again := env.getLayer(st.layer, rec.Header().Get("Layer-Tag-After"), false); again.Code != http.StatusNotModified {
			t.Errorf("%s: GET naming Layer-Tag-After answered %d, want 304", st.name, again.Code)
		}
		if st.keep != nil {
			st.keep(rec.Body.Bytes())
		}
		if before.Status == "new" {
			continue // the first write makes the layer, "in_progress": the page reads it (layercopy.js)
		}
		want, err := json.Marshal(after)
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(applied(t, before, st.kind, rec.Body.Bytes(), st.gone()))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: the layer before with the write's answer applied is\n%s\nbut GET answers\n%s", st.name, got, want)
		}
	}

	// Another client's write between a page's read and its own: the
	// write's Before is not the tag the page holds, so it reads again.
	_, held := read("")
	if _, err := env.store.CreateSpan(ctx, env.doc, env.user.ID, env.other.ID, db.SpanInput{Start: 0, End: 3, Label: "CUE"}); err != nil {
		t.Fatal(err)
	}
	rec := env.do("PATCH", fmt.Sprintf("%s/spans/%d", api, org), `{"label":"ORG"}`)
	expect(t, rec, http.StatusOK)
	if rec.Header().Get("Layer-Tag-Before") == held {
		t.Errorf("a write after another client's names as Before the tag held before both, %s", held)
	}
	// A manager's change to the label set between them does too: the
	// page's copy holds the set as it was.
	_, held = read("")
	p, err := env.store.Project(ctx, env.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.store.SetLabels(ctx, env.proj.ID, env.user, append(p.Labels, db.Label{Name: "MISC", Color: "#777777"})); err != nil {
		t.Fatal(err)
	}
	rec = env.do("PATCH", fmt.Sprintf("%s/spans/%d", api, org), `{"label":"LOC"}`)
	expect(t, rec, http.StatusOK)
	if _, now := read(""); rec.Header().Get("Layer-Tag-Before") == held || rec.Header().Get("Layer-Tag-After") != now {
		t.Errorf("a write after a change to the label set names tags %q and %q; held before %q, GET answers %q",
			rec.Header().Get("Layer-Tag-Before"), rec.Header().Get("Layer-Tag-After"), held, now)
	}
	// A refused write changes nothing and names no tags.
	rec = env.do("POST", api+"/spans", span("أحمد", "NOPE"))
	expect(t, rec, http.StatusBadRequest)
	if rec.Header().Get("Layer-Tag-Before") != "" || rec.Header().Get("Layer-Tag-After") != "" {
		t.Errorf("a refused write names tags %q and %q", rec.Header().Get("Layer-Tag-Before"), rec.Header().Get("Layer-Tag-After"))
	}
}
