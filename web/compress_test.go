package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"hashiya/db"
)

// TestCompression: pages, the API, a document's redraw and the script
// files come gzipped to a client that asks, and unzip to what was asked
// for; the pages that show a new API token or password, and fonts, never
// do.
func TestCompression(t *testing.T) {
	env := newAPIEnv(t)
	text := strings.Repeat("قال الوزير أحمد إن الاقتصاد ينمو في الرياض. ", 60)
	doc := env.importDoc("long", text)
	for i := 0; i < 40; i++ {
		start := len([]rune(strings.Repeat("قال الوزير أحمد إن الاقتصاد ينمو في الرياض. ", i))) + 11
		if _, err := env.store.CreateSpan(context.Background(), doc, env.user.ID, env.user.ID, db.SpanInput{Start: start, End: start + 4, Label: "PER"}); err != nil {
			t.Fatal(err)
		}
	}
	get := func(target string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		return env.serve(req)
	}
	body := func(rec *httptest.ResponseRecorder) string {
		if rec.Header().Get("Content-Encoding") != "gzip" {
			return rec.Body.String()
		}
		zr, err := gzip.NewReader(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	page := get(fmt.Sprintf("/documents/%d", doc.ID))
	expect(t, page, http.StatusOK)
	html := body(page)
	if enc := page.Header().Get("Content-Encoding"); enc != "gzip" || !strings.Contains(html, `name="csrf-token"`) {
		t.Errorf("the annotation page is sent with Content-Encoding %q", enc)
	}
	script := regexp.MustCompile(`src="(/static/[^"]+/annotate\.js)"`).FindStringSubmatch(html)
	if script == nil {
		t.Fatal("no annotate.js on the page")
	}
	font := strings.Replace(script[1], "annotate.js", "fonts/noto-naskh-arabic-arabic-400-normal.woff2", 1)

	for _, c := range []struct {
		target, holds string
		gzipped       bool
	}{
		{fmt.Sprintf("/api/v1/documents/%d/spans", doc.ID), `"label":"PER","text":"أحمد"`, true},
		{fmt.Sprintf("/documents/%d/view", doc.ID), `data-part="doc"`, true},
		{fmt.Sprintf("/api/v1/projects/%d/export?layer=amina", env.proj.ID), `"offset_unit":"codepoint"`, true},
		{script[1], "import", true},
		{"/settings", `name="csrf-token"`, false},
		{font, "", false},
	} {
		rec := get(c.target)
		expect(t, rec, http.StatusOK)
		if got := rec.Header().Get("Content-Encoding") == "gzip"; got != c.gzipped {
			t.Errorf("%s: gzipped %v, want %v", c.target, got, c.gzipped)
		}
		if !strings.Contains(body(rec), c.holds) {
			t.Errorf("%s unzips to something without %q", c.target, c.holds)
		}
	}
	var layer struct{ Spans []db.Span }
	if err := json.Unmarshal([]byte(body(get(fmt.Sprintf("/api/v1/documents/%d/spans", doc.ID)))), &layer); err != nil || len(layer.Spans) != 40 {
		t.Errorf("the gzipped layer holds %d spans (%v), want 40", len(layer.Spans), err)
	}
}
