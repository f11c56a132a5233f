package web_test

import (
	"context"
	"path/filepath"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"hashiya/db"
)

// benchProject opens a store in a temporary folder, closed when the test
// ends, with an admin called user (the site's password) and a project
// "bench" of the default labels that admin made: where the benchmarks
// and the tests that share their corpora begin.
func benchProject(tb testing.TB, user string) (*db.Store, db.User, db.Project) {
	tb.Helper()
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(tb.TempDir(), "bench.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close() })
	hash, err := bcrypt.GenerateFromPassword([]byte(sitePassword), bcrypt.MinCost)
	if err != nil {
		tb.Fatal(err)
	}
	admin, err := store.CreateUser(ctx, user, string(hash), true)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := store.CreateProject(ctx, "bench", nil, admin.ID)
	if err != nil {
		tb.Fatal(err)
	}
	return store, admin, p
}
