package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"hashiya/db"
	"hashiya/db/codec"
)

// getLayer asks for owner's layer of the document as the page does,
// naming the tag it holds ("" for none), and returns the answer.
func (env *apiEnv) getLayer(query, held string, gzip bool) *httptest.ResponseRecorder {
	env.t.Helper()
	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/api/v1/documents/%d/spans%s", env.doc.ID, query), nil)
	if held != "" {
		req.Header.Set("If-None-Match", held)
	}
	if gzip {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	return env.serve(req)
}

// TestAPILayerNotModified: the spans API tags its answer; asked again
// with that tag while the layer is unchanged it answers 304 with no body
// (gzipped or not, the tag among others, or "*"), and asked with another
// tag, or none, the whole layer as before.
func TestAPILayerNotModified(t *testing.T) {
	env := newAPIEnv(t)
	env.addSpan(env.user.ID, "أحمد", "PER")
	first := env.getLayer("", "", false)
	expect(t, first, http.StatusOK)
	tag := first.Header().Get("ETag")
	if len(tag) < 5 || tag[:3] != `W/"` {
		t.Fatalf("the layer's answer has ETag %q, want a weak tag", tag)
	}
	for _, c := range []struct {
		name, held string
		gzip       bool
	}{
		{"the tag", tag, false},
		{"the tag, gzip accepted", tag, true},
		{"the tag without W/", tag[2:], false},
		{"the tag among others", `"other", ` + tag, false},
		{"any", "*", false},
	} {
		rec := env.getLayer("", c.held, c.gzip)
		if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 || rec.Header().Get("ETag") != tag || rec.Header().Get("Content-Encoding") != "" {
			t.Errorf("%s: status %d, ETag %q, Content-Encoding %q, %d bytes; want 304, %q, none, none",
				c.name, rec.Code, rec.Header().Get("ETag"), rec.Header().Get("Content-Encoding"), rec.Body.Len(), tag)
		}
	}
	for _, held := range []string{"", `W/"other"`} {
		rec := env.getLayer("", held, false)
		expect(t, rec, http.StatusOK)
		if rec.Body.String() != first.Body.String() || rec.Header().Get("ETag") != tag {
			t.Errorf("If-None-Match %q: answer %s with ETag %q, want the first answer again", held, rec.Body, rec.Header().Get("ETag"))
		}
		if rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("the layer's answer has Cache-Control %q: a browser or proxy would keep one user's layer", rec.Header().Get("Cache-Control"))
		}
	}
	// Another layer of the same document, empty or not, has its own tag.
	gold := env.getLayer("?layer=gold", "", false)
	expect(t, gold, http.StatusOK)
	if gold.Header().Get("ETag") == tag {
		t.Error("gold has the same tag as amina's layer")
	}
	if rec := env.getLayer("?layer=gold", tag, false); rec.Code != http.StatusOK {
		t.Errorf("gold asked with the tag of amina's layer: status %d, want 200", rec.Code)
	}
}

// TestAPILayerTagChangesOnEveryWrite walks every way a layer, or what
// its answer carries, changes, and checks that each gives the answer a
// new tag, which the tag held before no longer matches: a page holding
// the layer never reuses what is no longer stored.
func TestAPILayerTagChangesOnEveryWrite(t *testing.T) {
	env := newAPIEnv(t)
	// A text whose words, but for the last two, are first found where
	// they are in apiText: Label every occurrence finds one more.
	env.doc = env.importDoc("doc-2", apiText+" أحمد الرياض")
	ctx := context.Background()
	reviewer, err := env.store.CreateUser(ctx, "rana", "", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.store.SetMember(ctx, env.proj.ID, env.user, reviewer, db.RoleReviewer); err != nil {
		t.Fatal(err)
	}
	api := fmt.Sprintf("/api/v1/documents/%d", env.doc.ID)
	send := func(method, url, body string, status int) json.RawMessage {
		t.Helper()
		var b any
		if body != "" {
			b = body
		}
		rec := env.do(method, url, b)
		expect(t, rec, status)
		return rec.Body.Bytes()
	}
	idOf := func(raw json.RawMessage) int64 {
		t.Helper()
		var v struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal(raw, &v); err != nil || v.ID == 0 {
			t.Fatalf("no id in %s (%v)", raw, err)
		}
		return v.ID
	}
	span := func(word, label string) string {
		s, e := cpSpan(t, apiText, word)
		return fmt.Sprintf(`{"start":%d,"end":%d,"label":%q}`, s, e, label)
	}
	labels := func() []db.Label {
		p, err := env.store.Project(ctx, env.proj.ID)
		if err != nil {
			t.Fatal(err)
		}
		return p.Labels
	}
	var per, quote, org, goldSpan int64
	steps := []struct {
		name  string
		layer string // ?layer= of the layer it changes
		write func()
	}{
		{"create a span", "", func() { per = idOf(send("POST", api+"/spans", span("أحمد", "PER"), 201)) }},
		{"relabel it", "", func() { send("PATCH", fmt.Sprintf("%s/spans/%d", api, per), `{"label":"ORG"}`, 200) }},
		{"move it", "", func() {
			s, e := cpSpan(t, apiText, "الوزير")
			send("PATCH", fmt.Sprintf("%s/spans/%d", api, per), fmt.Sprintf(`{"start":%d,"end":%d}`, s, e), 200)
		}},
		{"give it back its label", "", func() { send("PATCH", fmt.Sprintf("%s/spans/%d", api, per), `{"label":"PER"}`, 200) }},
		{"create a quotation", "", func() { quote = idOf(send("POST", api+"/spans", span("الاقتصاد ينمو", "QUOTE"), 201)) }},
		{"set its attributes", "", func() {
			send("PATCH", fmt.Sprintf("%s/spans/%d", api, quote), `{"attributes":{"type":"indirect"}}`, 200)
		}},
		{"link its speaker", "", func() {
			send("POST", api+"/relations", fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d}`, quote, per), 201)
		}},
		{"replace the link", "", func() {
			org = idOf(send("POST", api+"/spans", span("الرياض", "ORG"), 201))
			send("POST", api+"/relations", fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d,"replace":true}`, quote, org), 201)
		}},
		{"delete a link", "", func() {
			for _, r := range env.layer(env.doc, env.user.ID).Relations {
				send("DELETE", fmt.Sprintf("%s/relations/%d", api, r.ID), "", 204)
			}
		}},
		{"link again", "", func() {
			send("POST", api+"/relations", fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d}`, quote, per), 201)
		}},
		{"speaker not in the text", "", func() {
			send("PATCH", fmt.Sprintf("%s/spans/%d", api, quote), `{"attributes":{"speaker_in_text":false},"unlink_speaker":true}`, 200)
		}},
		{"label every occurrence", "", func() { send("POST", fmt.Sprintf("%s/spans/%d/occurrences", api, org), "", 201) }},
		{"delete spans at once", "", func() { send("POST", api+"/spans/delete", fmt.Sprintf(`{"ids":[%d]}`, org), 200) }},
		{"delete a span", "", func() { send("DELETE", fmt.Sprintf("%s/spans/%d", api, quote), "", 204) }},
		{"mark done", "", func() { send("POST", api+"/done", "", 200) }},
		{"reopen", "", func() {
			if err := env.store.Reopen(ctx, env.doc, env.user, env.user.Name); err != nil {
				t.Fatal(err)
			}
		}},
		{"add a label", "", func() {
			if err := env.store.SetLabels(ctx, env.proj.ID, env.user, append(labels(), db.Label{Name: "MISC", Color: "#777777"})); err != nil {
				t.Fatal(err)
			}
		}},
		{"change a label's colour", "", func() {
			ls := labels()
			ls[len(ls)-1].Color = "#888888"
			if err := env.store.SetLabels(ctx, env.proj.ID, env.user, ls); err != nil {
				t.Fatal(err)
			}
		}},
		{"change the relation rules", "", func() {
			rules := []db.RelationType{{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PER"}}}
			if err := env.store.SetRelationTypes(ctx, env.proj.ID, env.user, rules); err != nil {
				t.Fatal(err)
			}
		}},
		{"import into gold, which had no layer", "?layer=gold", func() {
			s, e := cpSpan(t, apiText, "الرياض")
			doc := codec.Doc{Line: 1, ExternalID: env.doc.ExternalID, Text: env.doc.Text, Meta: json.RawMessage(`{}`),
				Spans: []codec.Span{{Start: s, End: e, Label: "LOC"}}}
			opts := db.ImportOptions{ProjectID: env.proj.ID, File: "more", By: env.user.ID, Owner: 0}
			if _, err := env.store.Import(ctx, opts, []codec.Doc{doc}); err != nil {
				t.Fatal(err)
			}
		}},
		{"a reviewer accepts a span into gold", "?layer=gold", func() {
			sp, _, err := env.store.CopyToGold(ctx, env.doc, env.user.ID, per, reviewer.ID)
			if err != nil {
				t.Fatal(err)
			}
			goldSpan = sp.ID
		}},
		{"gold marked reviewed", "?layer=gold", func() {
			if _, err := env.store.MarkReviewed(ctx, env.doc, reviewer); err != nil {
				t.Fatal(err)
			}
		}},
		{"gold reopened", "?layer=gold", func() {
			if err := env.store.Reopen(ctx, env.doc, env.user, "gold"); err != nil {
				t.Fatal(err)
			}
		}},
		{"a span removed from gold", "?layer=gold", func() {
			if _, err := env.store.DeleteSpan(ctx, env.doc, 0, reviewer.ID, goldSpan); err != nil {
				t.Fatal(err)
			}
		}},
	}
	tags := map[string]string{}
	for _, query := range []string{"", "?layer=gold"} {
		tags[query] = env.getLayer(query, "", false).Header().Get("ETag")
	}
	seen := map[string]string{}
	for _, st := range steps {
		st.write()
		held := tags[st.layer]
		rec := env.getLayer(st.layer, held, false)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: asked with the tag held before, status %d, want 200 and the layer as it is now", st.name, rec.Code)
			continue
		}
		tag := rec.Header().Get("ETag")
		if before, ok := seen[tag]; ok {
			t.Errorf("%s: the layer's tag %s is the one it had after %q", st.name, tag, before)
		}
		seen[tag] = st.name
		tags[st.layer] = tag
		if again := env.getLayer(st.layer, tag, false); again.Code != http.StatusNotModified {
			t.Errorf("%s: asked again with the new tag, status %d, want 304", st.name, again.Code)
		}
	}
	// A deleted document's layer is gone, whatever tag a page holds.
	send("DELETE", api, "", 204)
	if rec := env.getLayer("", tags[""], false); rec.Code != http.StatusNotFound {
		t.Errorf("the layer of a deleted document, asked with the tag held: status %d, want 404", rec.Code)
	}
}
