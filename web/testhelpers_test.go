package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"hashiya/db"
	"hashiya/db/codec"
	"hashiya/web"
)

// apiText has emoji (one a two-code-point sequence) before the words the
// tests annotate: a byte or UTF-16 offset would land on other letters.
const apiText = "قال 😀 الوزير أحمد 👍🏽 إن «الاقتصاد ينمو» في الرياض."

// apiCSRF is the token the write helper puts in both the cookie and the
// header, as the browser does after reading the page's meta tag.
const apiCSRF = "test-csrf-token-0123456789"

// apiEnv is the full server on a SQLite file, with a local user "amina",
// a second user "omar", a project and one document ("doc-1", apiText).
type apiEnv struct {
	t       *testing.T
	srv     http.Handler
	store   *db.Store
	user    db.User
	other   db.User
	proj    db.Project
	doc     db.Document
	logs    *lockedBuffer
	session string // amina's session cookie value
}

// lockedBuffer collects the server's log lines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func newAPIEnv(t *testing.T) *apiEnv {
	t.Helper()
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	env := &apiEnv{t: t, store: store, logs: &lockedBuffer{}}
	if env.user, err = store.CreateUser(ctx, "amina", "", true); err != nil {
		t.Fatal(err)
	}
	if env.other, err = store.CreateUser(ctx, "omar", "", false); err != nil {
		t.Fatal(err)
	}
	if env.proj, err = store.CreateProject(ctx, "أخبار", nil, env.user.ID); err != nil {
		t.Fatal(err)
	}
	env.doc = env.importDoc("doc-1", apiText)
	env.srv, err = web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(env.logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	// amina (an admin) is logged in for every request the helpers send.
	if env.session, err = store.CreateSession(ctx, env.user, time.Now(), db.DefaultSessionPolicy); err != nil {
		t.Fatal(err)
	}
	// A request that fails with a 5xx or errors after the response
	// started is a bug, whatever status the test expected.
	t.Cleanup(func() {
		if strings.Contains(env.logs.String(), "level=ERROR") {
			t.Errorf("server logged errors:\n%s", env.logs)
		}
	})
	return env
}

// importDoc stores a document with no spans through the store and loads it.
func (env *apiEnv) importDoc(externalID, text string) db.Document {
	env.t.Helper()
	ctx := context.Background()
	_, err := env.store.Import(ctx, db.ImportOptions{ProjectID: env.proj.ID, File: "setup", By: env.user.ID},
		[]codec.Doc{{Line: 1, ExternalID: externalID, Text: text, Meta: json.RawMessage(`{}`)}})
	if err != nil {
		env.t.Fatal(err)
	}
	list, err := env.store.Documents(ctx, env.proj.ID, env.user, db.DocumentPage{Limit: db.MaxPageLimit})
	if err != nil {
		env.t.Fatal(err)
	}
	for _, d := range list.Docs {
		if d.ExternalID == externalID {
			doc, err := env.store.Document(ctx, d.ID)
			if err != nil {
				env.t.Fatal(err)
			}
			return doc
		}
	}
	env.t.Fatalf("document %s not listed after import", externalID)
	return db.Document{}
}

// do sends a request through the full Echo router. Writes carry the CSRF
// cookie and header; body may be nil, a string, or an io.Reader.
func (env *apiEnv) do(method, target string, body any) *httptest.ResponseRecorder {
	env.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case io.Reader:
		r = b
	default:
		env.t.Fatalf("body of type %T", body)
	}
	req := httptest.NewRequest(method, target, r)
	if method != http.MethodGet && method != http.MethodHead {
		req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
		req.Header.Set("X-CSRF-Token", apiCSRF)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return env.serve(req)
}

// serve sends req as amina, logged in, unless it brings its own session
// or an Authorization header.
func (env *apiEnv) serve(req *http.Request) *httptest.ResponseRecorder {
	if _, err := req.Cookie("hashiya_session"); err != nil && req.Header.Get("Authorization") == "" {
		req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: env.session})
	}
	rec := httptest.NewRecorder()
	env.srv.ServeHTTP(rec, req)
	return rec
}

// layer loads owner's layer of doc from the store (owner 0 is gold).
func (env *apiEnv) layer(doc db.Document, owner int64) db.Layer {
	env.t.Helper()
	l, err := env.store.LayerOf(context.Background(), doc, owner)
	if err != nil {
		env.t.Fatal(err)
	}
	return l
}

// addSpan stores a span through the store, for tests about reading.
func (env *apiEnv) addSpan(owner int64, word, label string) db.Span {
	env.t.Helper()
	start, end := cpSpan(env.t, env.doc.Text, word)
	sp, err := env.store.CreateSpan(context.Background(), env.doc, owner, env.user.ID, db.SpanInput{Start: start, End: end, Label: label})
	if err != nil {
		env.t.Fatal(err)
	}
	return sp
}

// cpSpan is the code point (Python str) offsets of word's first use in text.
func cpSpan(t *testing.T, text, word string) (int, int) {
	t.Helper()
	i := strings.Index(text, word)
	if i < 0 {
		t.Fatalf("%q is not in the text", word)
	}
	start := utf8.RuneCountInString(text[:i])
	return start, start + utf8.RuneCountInString(word)
}

// pySlice is text[start:end] as Python slices a str.
func pySlice(text string, start, end int) string {
	r := []rune(text)
	if start < 0 || end > len(r) || start > end {
		return "<out of range>"
	}
	return string(r[start:end])
}

// decodeJSON decodes a response body into v, failing on anything else.
func decodeJSON(t *testing.T, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q, want JSON; body %s", ct, rec.Body)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("response is not the JSON expected: %v\n%s", err, rec.Body)
	}
}

// errorOf checks an error response is {"error": "..."} and returns it.
func errorOf(t *testing.T, rec *httptest.ResponseRecorder) string {
	t.Helper()
	var body map[string]any
	decodeJSON(t, rec, &body)
	msg, ok := body["error"].(string)
	if !ok || msg == "" || len(body) != 1 {
		t.Fatalf("error body %s, want {\"error\": \"...\"}", rec.Body)
	}
	return msg
}

// expect checks a response's status, showing the body when it differs.
func expect(t *testing.T, rec *httptest.ResponseRecorder, status int) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d; body %s", rec.Code, status, rec.Body)
	}
}

// docResponse is GET /api/v1/documents/:d and its /spans.
type docResponse struct {
	ID         int64         `json:"id"`
	ExternalID string        `json:"external_id"`
	Text       string        `json:"text"`
	OffsetUnit string        `json:"offset_unit"`
	Layer      string        `json:"layer"`
	Status     string        `json:"status"`
	Spans      []db.Span     `json:"spans"`
	Relations  []db.Relation `json:"relations"`
}

// exportLine is the union of the three export shapes.
type exportLine struct {
	ID         string `json:"id"`
	Text       string `json:"text"`
	Layer      string `json:"layer"`
	Status     string `json:"status"`
	OffsetUnit string `json:"offset_unit"`
	Spans      []struct {
		ID    int64  `json:"id"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Label string `json:"label"`
		Text  string `json:"text"`
	} `json:"spans"`
	Relations []struct {
		ID     int64  `json:"id"`
		Type   string `json:"type"`
		From   int64  `json:"from"`
		To     int64  `json:"to"`
		FromID int64  `json:"from_id"` // doccano-rel
		ToID   int64  `json:"to_id"`
	} `json:"relations"`
	Label    [][3]any `json:"label"` // doccano
	Entities []struct {
		ID          int64  `json:"id"`
		StartOffset int    `json:"start_offset"`
		EndOffset   int    `json:"end_offset"`
		Label       string `json:"label"`
	} `json:"entities"`
}

// spansOf reduces a line of any shape to "start:end:LABEL=text" entries,
// checking each slice of the text as Python would take it.
func (l exportLine) spansOf(t *testing.T, format string) []string {
	t.Helper()
	var out []string
	add := func(start, end int, label string) {
		text := pySlice(l.Text, start, end)
		if text == "<out of range>" || text == "" {
			t.Errorf("%s line %s: span %d..%d does not fit the text", format, l.ID, start, end)
		}
		out = append(out, fmt.Sprintf("%d:%d:%s=%s", start, end, label, text))
	}
	switch format {
	case "jsonl":
		for _, s := range l.Spans {
			add(s.Start, s.End, s.Label)
			if s.Text != pySlice(l.Text, s.Start, s.End) {
				t.Errorf("span %+v: text is not text[start:end]", s)
			}
		}
	case "doccano":
		for _, s := range l.Label {
			start, _ := s[0].(float64)
			end, _ := s[1].(float64)
			label, _ := s[2].(string)
			add(int(start), int(end), label)
		}
	default:
		for _, e := range l.Entities {
			add(e.StartOffset, e.EndOffset, e.Label)
		}
	}
	return out
}

// endlessReader yields the same byte forever, so a huge body costs no memory.
type endlessReader byte

func (r endlessReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}
