package web_test

// The people of the authorization tests: one database holding every role,
// built once per test and copied for each request that may write, so every
// cell of the matrix starts from the same state with the same ids.

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"hashiya/db"
	"hashiya/db/codec"
	"hashiya/web"
)

// roleActor is a column of the authorization matrix.
type roleActor int

const (
	asAdmin      roleActor = iota // global admin, member of nothing
	asManager                     // manager of "open"
	asReviewer                    // reviewer of "open"
	asAnnotator                   // annotator of "open", which assigns nothing
	asUnassigned                  // annotator of "assigned", whose document is assigned to someone else
	asOutsider                    // member of no project
	asAnonymous                   // no session, no token
	asToken                       // the annotator's API token, as Authorization: Bearer
	roleActorCount
)

var roleActorNames = [roleActorCount]string{"admin", "manager", "reviewer", "annotator",
	"annotator-not-assigned", "non-member", "anonymous", "api-token"}

func (a roleActor) String() string { return roleActorNames[a] }

// userName is the account an actor acts as or, for those with no layer of
// their own (non-member, anonymous), whose objects they aim at.
func (a roleActor) userName() string {
	switch a {
	case asAdmin, asManager, asReviewer:
		return roleActorNames[a]
	case asUnassigned:
		return "unassigned"
	case asOutsider:
		return "outsider"
	default:
		return "annotator"
	}
}

// rolePassword is every fixture user's password.
const rolePassword = "role password 1234"

// roleLayer is one layer of a document: a PER, an ORG and a QUOTE span,
// and a speaker relation QUOTE -> PER.
type roleLayer struct {
	per, org, quote db.Span
	rel             db.Relation
}

// roleToken is an API token: its secret and its id.
type roleToken struct {
	secret string
	id     int64
}

// roleWorld is the fixture: project "open" (no assignments) where admin,
// manager, reviewer and annotator work, each with a layer on doc-1, plus
// gold; project "assigned", whose one document is assigned to "assignee",
// with "unassigned" an annotator there too (and a layer of their own from
// before the assignment); "outsider" in no project. Every user has a
// session and an API token.
type roleWorld struct {
	file           string // the database, closed; copy it with server
	users          map[string]db.User
	sessions       map[string]string
	tokens         map[string]roleToken
	open, assigned db.Project
	doc, doc2      db.Document // open's doc-1 and doc-2
	hidden         db.Document // assigned's doc-b, assigned to "assignee"
	layers         map[string]roleLayer
}

func newRoleWorld(t *testing.T) *roleWorld {
	t.Helper()
	ctx := context.Background()
	w := &roleWorld{file: filepath.Join(t.TempDir(), "world.db"), users: map[string]db.User{},
		sessions: map[string]string{}, tokens: map[string]roleToken{}, layers: map[string]roleLayer{}}
	store, err := db.Open(ctx, w.file)
	if err != nil {
		t.Fatal(err)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(rolePassword), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"admin", "manager", "reviewer", "annotator", "unassigned", "assignee", "outsider"} {
		u, err := store.CreateUser(ctx, name, string(hash), name == "admin")
		roleMust(t, err)
		w.users[name] = u
		w.sessions[name], err = store.CreateSession(ctx, u, time.Now(), db.DefaultSessionPolicy)
		roleMust(t, err)
		secret, tok, err := store.CreateToken(ctx, u, name+"'s script")
		roleMust(t, err)
		w.tokens[name] = roleToken{secret, tok.ID}
	}
	admin := w.users["admin"]
	w.open, err = store.CreateProject(ctx, "open", nil, admin.ID)
	roleMust(t, err)
	w.assigned, err = store.CreateProject(ctx, "assigned", nil, admin.ID)
	roleMust(t, err)
	for name, role := range map[string]db.Role{"manager": db.RoleManager, "reviewer": db.RoleReviewer, "annotator": db.RoleAnnotator} {
		roleMust(t, store.SetMember(ctx, w.open.ID, admin, w.users[name], role))
	}
	for _, name := range []string{"unassigned", "assignee"} {
		roleMust(t, store.SetMember(ctx, w.assigned.ID, admin, w.users[name], db.RoleAnnotator))
	}
	w.doc = roleImport(t, store, w.open, admin, "doc-1")
	w.doc2 = roleImport(t, store, w.open, admin, "doc-2")
	w.hidden = roleImport(t, store, w.assigned, admin, "doc-b")
	for _, owner := range []string{"admin", "manager", "reviewer", "annotator", "gold"} {
		w.layers[owner+"@doc-1"] = roleFillLayer(t, store, w.doc, w.users[owner].ID, admin.ID)
	}
	for _, owner := range []string{"unassigned", "assignee", "gold"} {
		w.layers[owner+"@doc-b"] = roleFillLayer(t, store, w.hidden, w.users[owner].ID, admin.ID)
	}
	// A finished layer for a manager to reopen, in each project.
	w.layers["annotator@doc-2"] = roleFillLayer(t, store, w.doc2, w.users["annotator"].ID, admin.ID)
	for _, done := range []struct {
		doc   db.Document
		owner string
	}{{w.doc2, "annotator"}, {w.hidden, "assignee"}} {
		_, err := store.MarkDone(ctx, done.doc, w.users[done.owner])
		roleMust(t, err)
	}
	roleMust(t, store.Close())
	// The store has no assignment method this test may rely on yet: the
	// table is the contract (db/migrations/002_accounts.sql).
	raw, err := sql.Open("sqlite3", "file:"+w.file+"?_busy_timeout=5000")
	roleMust(t, err)
	_, err = raw.Exec("INSERT INTO assignments (document_id, user_id, assigned_by) VALUES (?, ?, ?)", w.hidden.ID, w.users["assignee"].ID, admin.ID)
	roleMust(t, err)
	roleMust(t, raw.Close())
	return w
}

func roleMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func roleImport(t *testing.T, store *db.Store, p db.Project, by db.User, externalID string) db.Document {
	t.Helper()
	ctx := context.Background()
	_, err := store.Import(ctx, db.ImportOptions{ProjectID: p.ID, File: "fixture", By: by.ID},
		[]codec.Doc{{Line: 1, ExternalID: externalID, Text: apiText, Meta: json.RawMessage(`{}`)}})
	roleMust(t, err)
	list, err := store.Documents(ctx, p.ID, by, db.DocumentPage{Limit: db.MaxPageLimit})
	roleMust(t, err)
	for _, d := range list.Docs {
		if d.ExternalID == externalID {
			doc, err := store.Document(ctx, d.ID)
			roleMust(t, err)
			return doc
		}
	}
	t.Fatalf("%s not listed after import", externalID)
	return db.Document{}
}

// roleFillLayer gives owner (0: gold) a PER, an ORG, a QUOTE and a speaker
// relation on doc.
func roleFillLayer(t *testing.T, store *db.Store, doc db.Document, owner, by int64) roleLayer {
	t.Helper()
	ctx := context.Background()
	add := func(word, label string) db.Span {
		start, end := cpSpan(t, doc.Text, word)
		sp, err := store.CreateSpan(ctx, doc, owner, by, db.SpanInput{Start: start, End: end, Label: label})
		roleMust(t, err)
		return sp
	}
	l := roleLayer{per: add("أحمد", "PER"), org: add("الوزير", "ORG"), quote: add("«الاقتصاد ينمو»", "QUOTE")}
	var err error
	l.rel, err = store.CreateRelation(ctx, doc, owner, by, db.RelationInput{Type: "speaker", From: l.quote.ID, To: l.per.ID})
	roleMust(t, err)
	return l
}

// roleServer is the full server on a private copy of the world's database.
type roleServer struct {
	t     *testing.T
	w     *roleWorld
	file  string
	store *db.Store
	srv   http.Handler
	logs  *lockedBuffer
	raw   *sql.DB // read-only, for fingerprints
}

func (w *roleWorld) server(t *testing.T) *roleServer {
	t.Helper()
	return w.serverWith(t, func(*web.Config) {})
}

// serverWith is server with a changed configuration (clock, session
// policy, login throttling).
func (w *roleWorld) serverWith(t *testing.T, configure func(*web.Config)) *roleServer {
	t.Helper()
	s := &roleServer{t: t, w: w, file: filepath.Join(t.TempDir(), "cell.db"), logs: &lockedBuffer{}}
	for _, suffix := range []string{"", "-wal"} {
		if err := roleCopyFile(w.file+suffix, s.file+suffix); err != nil && !(suffix != "" && os.IsNotExist(err)) {
			t.Fatal(err)
		}
	}
	var err error
	s.store, err = db.Open(context.Background(), s.file)
	roleMust(t, err)
	t.Cleanup(func() { s.store.Close() })
	s.raw, err = sql.Open("sqlite3", "file:"+s.file+"?mode=ro&_busy_timeout=5000")
	roleMust(t, err)
	t.Cleanup(func() { s.raw.Close() })
	cfg := web.Config{Store: s.store, Logger: slog.New(slog.NewTextHandler(s.logs, nil))}
	configure(&cfg)
	e, err := web.New(cfg)
	roleMust(t, err)
	s.srv = e
	t.Cleanup(func() {
		if strings.Contains(s.logs.String(), "level=ERROR") {
			t.Errorf("server logged errors:\n%s", s.logs)
		}
	})
	return s
}

func roleCopyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// fill replaces the placeholders of a URL or body with the ids a request
// by a aims at: {p} project, {d} document, {d2} another document of the
// same project, {dd} a document with a finished layer and {ddowner} whose
// it is, {me} a's user name, {s} {o} {q} {r} the PER, ORG, QUOTE and relation of a's
// own layer (the annotator's, for those who have none), {gs} {go} {gq}
// {gr} those of gold, {tok} a's API token id, {LOC} the offsets of a word
// no layer has labelled yet, {PERKEY} the label and offsets of the PER
// (as a form: every layer, gold too, holds it).
func (w *roleWorld) fill(a roleActor, s string) string {
	p, d, layer, gold := w.open, w.doc, a.userName()+"@doc-1", "gold@doc-1"
	done, doneBy := w.doc2, "annotator"
	if a == asUnassigned {
		p, d, layer, gold = w.assigned, w.hidden, "unassigned@doc-b", "gold@doc-b"
		done, doneBy = w.hidden, "assignee"
	}
	own, g := w.layers[layer], w.layers[gold]
	if a == asOutsider {
		own = w.layers["annotator@doc-1"]
	}
	start, end := strings.Index(apiText, "الرياض"), 0
	start = len([]rune(apiText[:start]))
	end = start + len([]rune("الرياض"))
	id := func(n int64) string { return fmt.Sprint(n) }
	return strings.NewReplacer(
		"{p}", id(p.ID), "{d2}", id(w.doc2.ID), "{dd}", id(done.ID), "{ddowner}", doneBy, "{d}", id(d.ID), "{me}", a.userName(),
		"{s}", id(own.per.ID), "{o}", id(own.org.ID), "{q}", id(own.quote.ID), "{r}", id(own.rel.ID),
		"{as}", id(w.layers["annotator@doc-1"].per.ID), "{gs}", id(g.per.ID), "{go}", id(g.org.ID), "{gq}", id(g.quote.ID), "{gr}", id(g.rel.ID),
		"{tok}", id(w.tokens[a.userName()].id),
		"{LOC}", fmt.Sprintf(`"start":%d,"end":%d`, start, end),
		"{PERKEY}", fmt.Sprintf("label=PER&start=%d&end=%d", own.per.Start, own.per.End),
	).Replace(s)
}

// send makes a request as a: a session cookie, a bearer token, or nothing.
// Writes by a session (or by nobody) carry the CSRF cookie and header, as
// the browser's pages send them, so what is tested is authorization.
func (s *roleServer) send(a roleActor, method, target, body, contentType string) *httptest.ResponseRecorder {
	s.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	switch a {
	case asToken:
		req.Header.Set("Authorization", "Bearer "+s.w.tokens["annotator"].secret)
	case asAnonymous:
	default:
		req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: s.w.sessions[a.userName()]})
	}
	if a != asToken && method != http.MethodGet && method != http.MethodHead {
		req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
		req.Header.Set("X-CSRF-Token", apiCSRF)
	}
	rec := httptest.NewRecorder()
	s.srv.ServeHTTP(rec, req)
	return rec
}

// fingerprint is everything stored, table by table, except the columns a
// read legitimately touches (when a session or token was last used): a
// refused request must leave it exactly as it was.
func (s *roleServer) fingerprint() map[string]string {
	s.t.Helper()
	tables, err := roleColumn(s.raw, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	roleMust(s.t, err)
	out := map[string]string{}
	for _, table := range tables {
		cols, err := roleColumn(s.raw, "SELECT name FROM pragma_table_info(?) WHERE name NOT IN ('last_seen_at', 'last_used_at')", table)
		roleMust(s.t, err)
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = `quote("` + c + `")`
		}
		rows, err := roleColumn(s.raw, fmt.Sprintf(`SELECT %s FROM "%s" ORDER BY 1`, strings.Join(quoted, " || ',' || "), table))
		roleMust(s.t, err)
		out[table] = strings.Join(rows, "\n")
	}
	return out
}

func roleColumn(q *sql.DB, query string, args ...any) ([]string, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v sql.NullString
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v.String)
	}
	return out, rows.Err()
}

// roleChangedTables names the tables whose rows differ between two fingerprints.
func roleChangedTables(before, after map[string]string) []string {
	var out []string
	for table, rows := range after {
		if before[table] != rows {
			out = append(out, table)
		}
	}
	for table := range before {
		if _, ok := after[table]; !ok {
			out = append(out, table)
		}
	}
	return out
}
