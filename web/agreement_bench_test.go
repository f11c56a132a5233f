package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hashiya/db"
	"hashiya/db/codec"
	"hashiya/web"
)

// BenchmarkAgreementPage loads a project's Agreement page through the
// full router: ANERCorp's first articles as documents, each annotated
// by two users who marked their layers done (the second relabels every
// seventh span and leaves out every eleventh), gold empty, so the page
// counts every agreed span for its accept across the project.
func BenchmarkAgreementPage(b *testing.B) {
	for _, n := range []int{100, 300} {
		b.Run(fmt.Sprintf("%d-docs", n), func(b *testing.B) {
			srv, page, session := newAgreementBench(b, n)
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, page, nil)
				req.AddCookie(session)
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `id="accept-agreed-everywhere"`) {
					b.Fatalf("agreement: %d\n%.500s", rec.Code, rec.Body)
				}
			}
		})
	}
}

func newAgreementBench(b *testing.B, n int) (http.Handler, string, *http.Cookie) {
	ctx := context.Background()
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
	docs = docs[:min(n, len(docs))]
	store, admin, p := benchProject(b, "reviewer")
	karimDocs := make([]codec.Doc, len(docs))
	for i, d := range docs {
		k := d
		k.Spans = nil
		for j, s := range d.Spans {
			switch {
			case j%11 == 0:
				continue
			case j%7 == 0:
				s.Label = map[bool]string{true: "LOC", false: "MISC"}[s.Label == "MISC"]
			}
			k.Spans = append(k.Spans, s)
		}
		karimDocs[i] = k
	}
	var users []db.User
	for i, layer := range [][]codec.Doc{docs, karimDocs} {
		u, err := store.CreateUser(ctx, []string{"layla", "karim"}[i], "", false)
		if err != nil {
			b.Fatal(err)
		}
		if err := store.SetMember(ctx, p.ID, admin, u, db.RoleAnnotator); err != nil {
			b.Fatal(err)
		}
		if _, err := store.Import(ctx, db.ImportOptions{ProjectID: p.ID, File: "anercorp", By: admin.ID, Owner: u.ID, AddLabels: true}, layer); err != nil {
			b.Fatal(err)
		}
		users = append(users, u)
	}
	list, err := store.Documents(ctx, p.ID, admin, db.DocumentPage{Limit: db.MaxPageLimit})
	if err != nil {
		b.Fatal(err)
	}
	for _, sum := range list.Docs {
		d, err := store.Document(ctx, sum.ID)
		if err != nil {
			b.Fatal(err)
		}
		for _, u := range users {
			if _, err := store.MarkDone(ctx, d, u); err != nil {
				b.Fatal(err)
			}
		}
	}
	e, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	return e, fmt.Sprintf("/projects/%d/agreement", p.ID), benchLogin(b, e, "reviewer")
}

// BenchmarkConfusionCellPage loads pages of one cell of the table of
// labels confused on the same project as BenchmarkAgreementPage: the
// spans layla labelled PERS and karim relabelled MISC (469), its first and
// second page, and
// the Agreement page itself in the same run as the baseline the cell's
// list is read against.
func BenchmarkConfusionCellPage(b *testing.B) {
	srv, agreement, session := newAgreementBench(b, 200)
	get := func(b *testing.B, url, want string) {
		req := httptest.NewRequest(http.MethodGet, url, nil)
		req.AddCookie(session)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), want) {
			b.Fatalf("%s: %d\n%.500s", url, rec.Code, rec.Body)
		}
	}
	cell := agreement + "/confusion?row=PERS&col=MISC&pair=layla/karim"
	for _, c := range []struct{ name, url, want string }{
		{"agreement", agreement, `id="accept-agreed-everywhere"`},
		{"cell-first-page", cell, `id="cell-spans"`},
		{"cell-page-2", cell + "&page=2", `id="cell-spans"`},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				get(b, c.url, c.want)
			}
		})
	}
}
