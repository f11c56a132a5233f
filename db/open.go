// Package db is Hashiya's storage: one SQLite file, one writer connection
// and a read pool, embedded migrations, hand-written SQL grouped by aggregate.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"hashiya/db/textsearch"
)

// driverName is SQLite with Hashiya's SQL functions on every connection,
// the document search of package textsearch: text_fold(s) (for migrations
// that fold stored text) and text_preview(text, query) (the list's
// preview around what a search found).
const driverName = "sqlite3_hashiya"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if err := c.RegisterFunc("text_fold", textsearch.Fold, true); err != nil {
			return fmt.Errorf("register text_fold: %w", err)
		}
		preview := func(text, query string) string { return textsearch.Preview(text, query, 40, 120) }
		if err := c.RegisterFunc("text_preview", preview, true); err != nil {
			return fmt.Errorf("register text_preview: %w", err)
		}
		return nil
	}})
}

// minSQLite is the oldest SQLite with the WAL-reset fix DESIGN.md requires.
const minSQLite = "3.51.3"

// Store holds the writer connection (all writes, one at a time) and the
// read-only pool.
type Store struct {
	w    *sql.DB
	r    *sql.DB
	path string
}

// uriPath escapes the characters that end or escape a path in an SQLite URI.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// Option changes how Open opens the store.
type Option func(*options)

type options struct {
	busyTimeout time.Duration
}

// defaultBusyTimeout is how long a statement waits for another process's
// write (a command-line import, say) before failing as busy.
const defaultBusyTimeout = 10 * time.Second

// BusyTimeout sets how long a statement waits for the write lock another
// connection holds before it fails with SQLite's "database is locked"
// (10 s unless set). Tests set it short to see that failure quickly.
func BusyTimeout(d time.Duration) Option {
	return func(o *options) { o.busyTimeout = d }
}

// dsn is dsnBusy with the default busy timeout.
func dsn(path string, readOnly bool) string { return dsnBusy(path, readOnly, defaultBusyTimeout) }

// dsnBusy puts every pragma in the connection string so each pooled
// connection gets them, not just the first one.
func dsnBusy(path string, readOnly bool, busyTimeout time.Duration) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", strconv.FormatInt(busyTimeout.Milliseconds(), 10))
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "FULL")
	if readOnly {
		// A deferred read transaction takes no write lock: it only pins a
		// WAL snapshot, which is what export needs.
		q.Set("_txlock", "deferred")
		q.Set("_query_only", "true")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + uriPath.Replace(path) + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path, applies pending
// migrations and checks the settings took effect.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, errors.New("db: empty database path")
	}
	o := options{busyTimeout: defaultBusyTimeout}
	for _, opt := range opts {
		opt(&o)
	}
	if o.busyTimeout < 0 {
		return nil, fmt.Errorf("db: busy timeout %v is negative", o.busyTimeout)
	}
	w, err := sql.Open(driverName, dsnBusy(path, false, o.busyTimeout))
	if err != nil {
		return nil, fmt.Errorf("db: open writer: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("db: open %s: %w", path, err)
	}
	r, err := sql.Open(driverName, dsnBusy(path, true, o.busyTimeout))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("db: open readers: %w", err)
	}
	readers := 2 * runtime.NumCPU()
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	s := &Store{w: w, r: r, path: path}
	if err := s.selfCheck(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes both pools.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
}

// selfCheck refuses to run on an SQLite older than minSQLite or when a
// pragma from the DSN did not take effect.
func (s *Store) selfCheck(ctx context.Context) error {
	var version string
	if err := s.w.QueryRowContext(ctx, "SELECT sqlite_version()").Scan(&version); err != nil {
		return fmt.Errorf("db: read sqlite_version: %w", err)
	}
	if !versionAtLeast(version, minSQLite) {
		return fmt.Errorf("db: SQLite %s is older than the required %s", version, minSQLite)
	}
	for _, conn := range []struct {
		name string
		db   *sql.DB
		want map[string]string
	}{
		{"writer", s.w, map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "2", "query_only": "0"}},
		{"reader", s.r, map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "2", "query_only": "1"}},
	} {
		for pragma, want := range conn.want {
			var got string
			if err := conn.db.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				return fmt.Errorf("db: read %s pragma %s: %w", conn.name, pragma, err)
			}
			if strings.ToLower(got) != want {
				return fmt.Errorf("db: %s pragma %s is %q, want %q", conn.name, pragma, got, want)
			}
		}
	}
	return nil
}

// versionAtLeast compares dotted version numbers.
func versionAtLeast(have, want string) bool {
	h, w := strings.Split(have, "."), strings.Split(want, ".")
	for i := range w {
		var hv int
		if i < len(h) {
			hv, _ = strconv.Atoi(h[i])
		}
		wv, _ := strconv.Atoi(w[i])
		if hv != wv {
			return hv > wv
		}
	}
	return true
}

// SQLiteVersion reports the linked SQLite library version.
func (s *Store) SQLiteVersion(ctx context.Context) (string, error) {
	var v string
	err := s.r.QueryRowContext(ctx, "SELECT sqlite_version()").Scan(&v)
	return v, err
}

// tx runs fn in one immediate write transaction on the writer connection.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	t, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin: %w", err)
	}
	if err := fn(t); err != nil {
		if rbErr := t.Rollback(); rbErr != nil {
			return errors.Join(err, fmt.Errorf("db: rollback: %w", rbErr))
		}
		return err
	}
	if err := t.Commit(); err != nil {
		return fmt.Errorf("db: commit: %w", err)
	}
	return nil
}

// execCount runs a write and returns how many rows it changed; what names
// the write in errors.
func execCount(ctx context.Context, tx *sql.Tx, what, query string, args ...any) (int64, error) {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, fmt.Errorf("db: %s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("db: %s: %w", what, err)
	}
	return n, nil
}
