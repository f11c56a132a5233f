package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestExportFailingMidwayBreaksTheTransfer: an export that fails after
// its first lines went out (a span whose text does not hold, a document
// id CoNLL cannot write) must not reach the client as a complete file
// with status 200: a real HTTP client, with and without compression, sees
// the body break off, and the server logs the failure once.
func TestExportFailingMidwayBreaksTheTransfer(t *testing.T) {
	env := newAPIEnv(t)
	// Enough good documents that the first lines are flushed before the
	// bad one is reached, the way a large project's export fails.
	var docs []codec.Doc
	for i := range 300 {
		docs = append(docs, codec.Doc{Line: i + 1, ExternalID: fmt.Sprintf("good-%03d", i), Text: apiText, Meta: json.RawMessage(`{}`)})
	}
	// The store takes what it is given; the codec's checks are what keep
	// such documents out of an import, and an older database may hold them.
	// CoNLL stops at the first (its "# id =" line cannot hold it), the
	// native format, which escapes it, at the second.
	docs = append(docs,
		codec.Doc{Line: 301, ExternalID: "two\nlines", Text: "نص", Meta: json.RawMessage(`{}`)},
		codec.Doc{Line: 302, ExternalID: "short-span", Text: "نص", Meta: json.RawMessage(`{}`),
			Spans: []codec.Span{{Start: 0, End: 40, Label: "PER", Attributes: json.RawMessage(`{}`)}}})
	if _, err := env.store.Import(context.Background(), db.ImportOptions{ProjectID: env.proj.ID, File: "setup", By: env.user.ID}, docs); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(env.srv)
	defer srv.Close()
	for _, format := range []string{"jsonl", "conll"} {
		for _, gzip := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s gzip=%v", format, gzip), func(t *testing.T) {
				client := &http.Client{Transport: &http.Transport{DisableCompression: !gzip}}
				defer client.CloseIdleConnections()
				req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/v1/projects/%d/export?format=%s", srv.URL, env.proj.ID, format), nil)
				if err != nil {
					t.Fatal(err)
				}
				req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: env.session})
				resp, err := client.Do(req)
				if err != nil {
					t.Fatalf("the response did not start: %v", err)
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "good-000") {
					t.Fatalf("status %d, body starts %.200q: want 200 and the first lines", resp.StatusCode, body)
				}
				if err == nil {
					t.Fatalf("the export failed, yet the client read a complete body of %d bytes ending %q", len(body), body[max(0, len(body)-80):])
				}
				logs := env.logs.String()
				says := map[string]string{"jsonl": "short-span", "conll": `two\\nlines`}[format]
				if n := strings.Count(logs, "level=ERROR"); n != 1 || !strings.Contains(logs, "error after response started") || !strings.Contains(logs, says) {
					t.Errorf("server logged %d errors, want the failure once:\n%s", n, logs)
				}
				env.logs.mu.Lock()
				env.logs.buf.Reset() // logged on purpose, as checked
				env.logs.mu.Unlock()
			})
		}
	}
}
