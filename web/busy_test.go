package web_test

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hashiya/db"
	"hashiya/web"
)

// testBusyTimeout is how long the busy tests' store waits for another
// connection's write lock before it fails as busy.
const testBusyTimeout = 150 * time.Millisecond

// openBusyStore opens a store at a path the test knows, so a second
// connection can take its write lock, with a short busy timeout.
func openBusyStore(t *testing.T) (*db.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "busy.db")
	store, err := db.Open(context.Background(), path, db.BusyTimeout(testBusyTimeout))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store, path
}

// holdWriteLock takes the database's write lock from a connection of its
// own, as another process's import does, until release is called.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	conn.SetMaxOpenConns(1)
	ctx := context.Background()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		conn.Close()
		t.Fatalf("take the write lock of %s: %v", path, err)
	}
	released := false
	release = func() {
		if released {
			return
		}
		released = true
		if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
			t.Errorf("release the write lock of %s: %v", path, err)
		}
		if err := conn.Close(); err != nil {
			t.Errorf("close the lock holder of %s: %v", path, err)
		}
	}
	t.Cleanup(release)
	return release
}

// newBusyAPIEnv is newAPIEnv on openBusyStore's store, with its path.
func newBusyAPIEnv(t *testing.T) (*apiEnv, string) {
	t.Helper()
	ctx := context.Background()
	store, path := openBusyStore(t)
	env := &apiEnv{t: t, store: store, logs: &lockedBuffer{}}
	var err error
	if env.user, err = store.CreateUser(ctx, "amina", "", true); err != nil {
		t.Fatal(err)
	}
	if env.proj, err = store.CreateProject(ctx, "أخبار", nil, env.user.ID); err != nil {
		t.Fatal(err)
	}
	env.doc = env.importDoc("doc-1", apiText)
	if env.srv, err = web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(env.logs, nil))}); err != nil {
		t.Fatal(err)
	}
	if env.session, err = store.CreateSession(ctx, env.user, time.Now(), db.DefaultSessionPolicy); err != nil {
		t.Fatal(err)
	}
	return env, path
}

// TestBusyDatabaseAnswers503: while another connection holds the write
// lock past the busy timeout, a span POST is answered 503 with
// Retry-After and a message saying nothing was changed, for the API and
// for a browser's page alike; it is logged as a warning, not an error.
// Once the lock is gone the same request stores the span, once.
func TestBusyDatabaseAnswers503(t *testing.T) {
	env, path := newBusyAPIEnv(t)
	release := holdWriteLock(t, path)
	start, end := cpSpan(t, env.doc.Text, "أحمد")
	url := fmt.Sprintf("/api/v1/documents/%d/spans", env.doc.ID)
	body := fmt.Sprintf(`{"start": %d, "end": %d, "label": "PER"}`, start, end)

	rec := env.do(http.MethodPost, url, body)
	expect(t, rec, http.StatusServiceUnavailable)
	if got := rec.Header().Get("Retry-After"); got != "2" {
		t.Errorf("Retry-After %q, want 2", got)
	}
	if msg := errorOf(t, rec); !strings.Contains(msg, "database is busy") || !strings.Contains(msg, "nothing was changed") {
		t.Errorf("error %q, want it to say the database is busy and nothing was changed", msg)
	}
	logs := env.logs.String()
	if !strings.Contains(logs, "level=WARN") || !strings.Contains(logs, "database is locked") || strings.Contains(logs, "level=ERROR") {
		t.Errorf("logs, want one warning naming the lock and no error:\n%s", logs)
	}

	// A form's post from a browser gets a page saying the same.
	req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/documents/%d/review/done", env.doc.ID), strings.NewReader("force=1"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "text/html")
	req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
	req.Header.Set("X-CSRF-Token", apiCSRF)
	page := env.serve(req)
	expect(t, page, http.StatusServiceUnavailable)
	if page.Header().Get("Retry-After") != "2" || !strings.Contains(page.Body.String(), "The database is busy") {
		t.Errorf("page answer: Retry-After %q, body %s", page.Header().Get("Retry-After"), page.Body)
	}

	release()
	expect(t, env.do(http.MethodPost, url, body), http.StatusCreated)
	if n := len(env.layer(env.doc, env.user.ID).Spans); n != 1 {
		t.Errorf("the layer holds %d spans after a refused and an accepted POST, want 1", n)
	}
}
