package db

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"hashiya/db/codec"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// openStore opens a store on a fresh file: never :memory:, where every
// pooled connection would get its own empty database.
func openStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "hashiya.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fixtureText has emoji (one of them a two-code-point sequence) before the
// words the tests annotate, so a byte or UTF-16 offset lands elsewhere.
const fixtureText = "قال 😀 الوزير أحمد 👍🏽 إن «الاقتصاد ينمو» في الرياض."

// fixture is a store with two users, a project with the default labels
// and one document.
type fixture struct {
	s           *Store
	user, other User
	proj        Project
	doc         Document
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	f := fixture{s: openStore(t)}
	var err error
	if f.user, err = f.s.CreateUser(ctx, "amina", "", true); err != nil {
		t.Fatal(err)
	}
	if f.other, err = f.s.CreateUser(ctx, "omar", "", false); err != nil {
		t.Fatal(err)
	}
	if f.proj, err = f.s.CreateProject(ctx, "أخبار", nil, f.user.ID); err != nil {
		t.Fatal(err)
	}
	f.doc = f.addDoc(t, "doc-1", fixtureText)
	return f
}

// addDoc imports one document without spans and loads it.
func (f fixture) addDoc(t *testing.T, externalID, text string) Document {
	t.Helper()
	ctx := context.Background()
	docs := []codec.Doc{{Line: 1, ExternalID: externalID, Text: text}}
	if _, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: "fixture", By: f.user.ID}, docs); err != nil {
		t.Fatal(err)
	}
	return f.loadDoc(t, externalID)
}

// loadDoc loads the document imported under externalID.
func (f fixture) loadDoc(t *testing.T, externalID string) Document {
	t.Helper()
	var id int64
	if err := f.s.r.QueryRowContext(context.Background(), "SELECT id FROM documents WHERE external_id = ?", externalID).Scan(&id); err != nil {
		t.Fatal(err)
	}
	d, err := f.s.Document(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// span finds word in text and returns its code point offsets.
func span(t testing.TB, text, word string) (int, int) {
	t.Helper()
	i := strings.Index(text, word)
	if i < 0 {
		t.Fatalf("%q is not in the text", word)
	}
	start := utf8.RuneCountInString(text[:i])
	return start, start + utf8.RuneCountInString(word)
}

// count runs a count(*) query on the read pool.
func count(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.r.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func validationField(t *testing.T, err error) string {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a *ValidationError", err)
	}
	return ve.Field
}

func TestOpenPragmasOnEveryConnection(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	want := map[string]string{"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1"}
	check := func(name string, conn *sql.Conn, queryOnly string) {
		t.Helper()
		for pragma, v := range map[string]string{"journal_mode": want["journal_mode"], "synchronous": want["synchronous"],
			"foreign_keys": want["foreign_keys"], "query_only": queryOnly} {
			var got string
			if err := conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatalf("%s: PRAGMA %s: %v", name, pragma, err)
			}
			if strings.ToLower(got) != v {
				t.Errorf("%s: PRAGMA %s = %q, want %q", name, pragma, got, v)
			}
		}
	}
	w, err := s.w.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	check("writer", w, "0")
	w.Close()
	// Hold several reader connections at once, so the pool must open new
	// ones: each must get the pragmas from the DSN, not only the first.
	var readers []*sql.Conn
	for i := range 4 {
		c, err := s.r.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		readers = append(readers, c)
		check(fmt.Sprintf("reader %d", i), c, "1")
	}
	for _, c := range readers {
		c.Close()
	}
	if s.w.Stats().MaxOpenConnections != 1 {
		t.Errorf("writer pool allows %d connections, want 1", s.w.Stats().MaxOpenConnections)
	}
}

func TestReadPoolRefusesWrites(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if _, err := s.r.ExecContext(ctx, "INSERT INTO users (name) VALUES ('intruder')"); err == nil {
		t.Error("insert through the read pool succeeded")
	}
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO users (name) VALUES ('intruder')"); err == nil {
		t.Error("insert in a read-pool transaction succeeded")
	}
	tx.Rollback()
	if n := count(t, s, "SELECT count(*) FROM users WHERE name = 'intruder'"); n != 0 {
		t.Errorf("%d users written through the read pool", n)
	}
}

func TestOpenIsIdempotent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "twice.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(ctx, "amina", "", true); err != nil {
		t.Fatal(err)
	}
	before := schema(t, s)
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer s.Close()
	if _, err := s.UserByName(ctx, "amina"); err != nil {
		t.Errorf("user lost on reopen: %v", err)
	}
	all, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "SELECT count(*) FROM schema_migrations"); n != len(all) {
		t.Errorf("schema_migrations has %d rows after two opens, want %d", n, len(all))
	}
	if after := schema(t, s); after != before {
		t.Errorf("schema changed on reopen:\n%s\nwant\n%s", after, before)
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "my data?v=1#x%20.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created at the exact path given: %v", err)
	}
	if _, err := Open(context.Background(), "  "); err == nil {
		t.Error("Open accepted an empty path")
	}
}

// schema is the database's schema in a stable, readable form.
func schema(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.r.QueryContext(context.Background(), "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name string
		var body sql.NullString
		if err := rows.Scan(&typ, &name, &body); err != nil {
			t.Fatal(err)
		}
		if !body.Valid {
			body.String = "(automatic)"
		}
		fmt.Fprintf(&b, "-- %s %s\n%s\n\n", typ, name, body.String)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMigrationsSchemaGolden migrates an empty database and compares the
// schema with testdata/schema.golden; run with -update after adding a
// migration.
func TestMigrationsSchemaGolden(t *testing.T) {
	s := openStore(t)
	rows, err := s.r.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("PRAGMA foreign_key_check reports violations on a fresh database")
	}
	rows.Close()
	var ok string
	if err := s.r.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v", ok, err)
	}
	got := schema(t, s)
	golden := filepath.Join("testdata", "schema.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./db -run TestMigrationsSchemaGolden -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("schema differs from %s (run with -update if the change is intended):\n%s", golden, got)
	}
}

func TestVersionAtLeast(t *testing.T) {
	tests := []struct {
		have, want string
		ok         bool
	}{
		{"3.51.3", "3.51.3", true},
		{"3.51.4", "3.51.3", true},
		{"3.52.0", "3.51.3", true},
		{"3.100.0", "3.51.3", true}, // numeric, not string, comparison
		{"4.0.0", "3.51.3", true},
		{"3.51.3.1", "3.51.3", true},
		{"3.51.2", "3.51.3", false},
		{"3.50.9", "3.51.3", false},
		{"3.9.0", "3.51.3", false},
		{"2.99.99", "3.51.3", false},
		{"3.51", "3.51.3", false},
		{"", "3.51.3", false},
	}
	for _, tt := range tests {
		if got := versionAtLeast(tt.have, tt.want); got != tt.ok {
			t.Errorf("versionAtLeast(%q, %q) = %v, want %v", tt.have, tt.want, got, tt.ok)
		}
	}
	s := openStore(t)
	v, err := s.SQLiteVersion(context.Background())
	if err != nil || !versionAtLeast(v, minSQLite) {
		t.Errorf("linked SQLite %q (%v) is older than %s, yet Open succeeded", v, err, minSQLite)
	}
}
