package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
	"hashiya/db/codec"
	"hashiya/web"
)

// BenchmarkReviewPage loads a page of the review of one long document
// through the full router, as a reviewer's browser asks for it: ANERCorp
// articles joined into one text, annotated by two users (the second
// relabels every seventh span and leaves out every eleventh) and, in the
// largest, a gold layer holding what they agree on. The -arabic case is
// the first page in Arabic (Accept-Language: ar), every word looked up.
func BenchmarkReviewPage(b *testing.B) {
	for _, tc := range []struct {
		name  string
		runes int    // the document's length, at least
		join  string // between articles: one line each, or one long line
		gold  bool
		query string
		lang  string // Accept-Language
	}{
		{"230k-lines", 230_000, "\n", false, "", ""},
		{"230k-lines-arabic", 230_000, "\n", false, "", "ar"},
		{"230k-lines-undecided", 230_000, "\n", false, "?show=undecided&from=c-100000-100004-PERS", ""},
		{"820k-one-line-gold", 900_000, " ", true, "", ""},
		{"820k-one-line-gold-disputed", 900_000, " ", true, "?show=disputed", ""},
		{"820k-one-line-gold-junk-from", 900_000, " ", true, "?from=c-junk", ""},
	} {
		b.Run(tc.name, func(b *testing.B) {
			r := newReviewBench(b, tc.runes, tc.join, tc.gold)
			r.lang = tc.lang
			for b.Loop() {
				r.get(b, tc.query)
			}
		})
	}
}

// reviewBench is a server holding one long document with two users'
// layers, and a reviewer's session on it.
type reviewBench struct {
	srv     http.Handler
	doc     int64
	session *http.Cookie
	lang    string // the Accept-Language the browser sends, "" for none
}

func (r reviewBench) get(tb testing.TB, query string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/documents/%d/review%s", r.doc, query), nil)
	req.AddCookie(r.session)
	if r.lang != "" {
		req.Header.Set("Accept-Language", r.lang)
	}
	rec := httptest.NewRecorder()
	r.srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `id="candidates"`) {
		tb.Fatalf("review: %d\n%.500s", rec.Code, rec.Body)
	}
	if r.lang != "" && !strings.Contains(rec.Body.String(), `<html lang="`+r.lang+`"`) {
		tb.Fatalf("review asked for in %s came in another language: %.300s", r.lang, rec.Body)
	}
	return rec
}

// anercorpLong joins ANERCorp's articles with join until the text has at
// least runes code points, keeping their spans; it skips the benchmark or test
// when the shared corpora are not beside the project.
func anercorpLong(b testing.TB, runes int, join string) codec.Doc {
	path := filepath.Join("..", "..", "shared", "corpora", "anercorp", "anercorp.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("ANERCorp not available (%v): skipping", err)
	}
	defer f.Close()
	docs, _, err := codec.ParseFile(f, path, "doccano")
	if err != nil {
		b.Fatal(err)
	}
	long := codec.Doc{Line: 1, ExternalID: "long", Meta: json.RawMessage(`{}`)}
	var text strings.Builder
	at := 0
	for i := 0; at < runes; i++ {
		d := docs[i%len(docs)]
		if at > 0 {
			text.WriteString(join)
			at += len([]rune(join))
		}
		for _, s := range d.Spans {
			s.Start, s.End = s.Start+at, s.End+at
			long.Spans = append(long.Spans, s)
		}
		text.WriteString(d.Text)
		at += len([]rune(d.Text))
	}
	long.Text = text.String()
	return long
}

// newReviewBench stores the document: layla's layer as ANERCorp has it,
// karim's differing, and with gold, gold holding the spans both marked.
func newReviewBench(b *testing.B, runes int, join string, gold bool) reviewBench {
	doc := anercorpLong(b, runes, join)
	karim := doc
	karim.Spans = nil
	var agreed []codec.Span
	for i, s := range doc.Spans {
		switch {
		case i%11 == 0:
			continue
		case i%7 == 0:
			s.Label = map[bool]string{true: "LOC", false: "MISC"}[s.Label == "MISC"]
		default:
			agreed = append(agreed, s)
		}
		karim.Spans = append(karim.Spans, s)
	}
	layers := []codec.Doc{doc, karim}
	if !gold {
		return newReviewServer(b, layers, nil)
	}
	g := doc
	g.Spans = agreed
	return newReviewServer(b, layers, &g)
}

// newReviewServer stores one document with a layer per annotator
// (layla's first, then karim's: the same document with other spans) and
// gold when not nil, and logs its reviewer in.
func newReviewServer(tb testing.TB, layers []codec.Doc, gold *codec.Doc) reviewBench {
	ctx := context.Background()
	store, admin, p := benchProject(tb, "reviewer")
	type layer struct {
		owner int64
		doc   codec.Doc
	}
	var imports []layer
	for i, l := range layers {
		u, err := store.CreateUser(ctx, []string{"layla", "karim"}[i], "", false)
		if err != nil {
			tb.Fatal(err)
		}
		if err := store.SetMember(ctx, p.ID, admin, u, db.RoleAnnotator); err != nil {
			tb.Fatal(err)
		}
		imports = append(imports, layer{u.ID, l})
	}
	if gold != nil {
		imports = append(imports, layer{0, *gold})
	}
	for _, im := range imports {
		if _, err := store.Import(ctx, db.ImportOptions{ProjectID: p.ID, File: "long", By: admin.ID, Owner: im.owner, AddLabels: true}, []codec.Doc{im.doc}); err != nil {
			tb.Fatal(err)
		}
	}
	list, err := store.Documents(ctx, p.ID, admin, db.DocumentPage{Limit: 1})
	if err != nil || len(list.Docs) != 1 {
		tb.Fatalf("documents: %v %v", list.Docs, err)
	}
	e, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		tb.Fatal(err)
	}
	return reviewBench{srv: e, doc: list.Docs[0].ID, session: benchLogin(tb, e, "reviewer")}
}

// benchLogin logs name in through the login form and returns the
// session cookie.
func benchLogin(tb testing.TB, srv http.Handler, name string) *http.Cookie {
	form := url.Values{"username": {name}, "password": {sitePassword}, "_csrf": {apiCSRF}}
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.Name == "hashiya_session" && c.Value != "" {
			return c
		}
	}
	tb.Fatalf("login as %s: %d %s", name, rec.Code, rec.Body)
	return nil
}

// TestReviewPageRowsInContext: the rows of a later page of a long review
// show the words around their span within its line, and take the
// direction of that line (Arabic and English lines in turn), as the rows
// of the first page do.
func TestReviewPageRowsInContext(t *testing.T) {
	lines := []string{"قال الوزير أحمد في بيان", "The minister Ahmed said", "وأضاف أن الاقتصاد ينمو"}
	doc := codec.Doc{Line: 1, ExternalID: "lines", Meta: json.RawMessage(`{}`)}
	var text []string
	at := 0
	for i := 0; len(doc.Spans) < 260; i++ {
		line := lines[i%len(lines)]
		for _, w := range wordPlaces(line, 100) {
			doc.Spans = append(doc.Spans, codec.Span{Start: at + w[0], End: at + w[1], Label: "PER", Attributes: json.RawMessage(`{}`)})
		}
		text = append(text, line)
		at += len([]rune(line)) + 1
	}
	doc.Text = strings.Join(text, "\n")
	r := newReviewServer(t, []codec.Doc{doc}, nil)
	for _, query := range []string{"", "?from=c-200-201-PER"} {
		page, err := goquery.NewDocumentFromReader(r.get(t, query).Body)
		if err != nil {
			t.Fatal(err)
		}
		rows := page.Find("#candidates tbody tr")
		if rows.Length() == 0 {
			t.Fatalf("%q: no rows", query)
		}
		rows.Each(func(_ int, row *goquery.Selection) {
			cell := row.Find("td.span-text")
			line := strings.TrimSuffix(strings.TrimPrefix(cell.Text(), "…"), "…")
			i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, line) })
			if i < 0 || line == cell.Find("mark").Text() {
				t.Errorf("%q: row %s shows %q, not its words within one line", query, row.AttrOr("id", ""), cell.Text())
				return
			}
			if dir, want := cell.AttrOr("dir", ""), []string{"rtl", "ltr", "rtl"}[i]; dir != want {
				t.Errorf("%q: row %s (%q) has dir %q, want %q", query, row.AttrOr("id", ""), line, dir, want)
			}
		})
	}
}
