package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"

	"hashiya/db"
	"hashiya/db/codec"
	"hashiya/web"
)

// demoArticle is the seed article (a copy of testdata's; a test keeps the
// two identical) so the binary alone can serve the demo.
//
//go:embed seed/ctsi-intelligence-cell.txt
var demoArticle []byte

const demoProject = "Demo"

func runServe(ctx context.Context, e env, args []string) (err error) {
	c := commands()["serve"]
	f := newFlags(e, "serve", c.usage, c.help)
	addr := f.String("addr", "127.0.0.1:8080", "address to listen on")
	demo := f.Bool("demo", true, "on an empty database, create a demo project with the seed article")
	proxyList := f.String("trusted-proxy", "", "reverse proxies besides loopback whose forwarding headers are believed (addresses or CIDR prefixes, comma-separated)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	proxies, err := web.ParseProxies(*proxyList)
	if err != nil {
		return fmt.Errorf("--trusted-proxy: %w", err)
	}
	if len(pos) > 0 {
		return fmt.Errorf("serve takes no arguments, not %q (run 'hashiya help serve')", pos[0])
	}
	// Take the address before anything else, so a port in use or a bad
	// --addr fails before the database is made or "serving on" is said.
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		var oe *net.OpError
		if errors.As(err, &oe) {
			err = oe.Err
		}
		return fmt.Errorf("--addr %s: %w", *addr, err)
	}
	defer l.Close()
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	fresh, err := isEmpty(ctx, s)
	if err != nil {
		return err
	}
	user, err := ensureAdmin(ctx, s, e.stdout)
	if err != nil {
		return err
	}
	if fresh && *demo {
		if err := createDemo(ctx, s, user); err != nil {
			return err
		}
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	srv, err := web.New(web.Config{Store: s, Logger: log, TrustedProxies: proxies})
	if err != nil {
		return err
	}
	bound := l.Addr().String() // the port chosen for :0
	fmt.Fprintf(e.stdout, "serving on http://%s (database %s)\n", bound, *f.dbPath)
	return web.Serve(ctx, srv, l, log)
}

func isEmpty(ctx context.Context, s *db.Store) (bool, error) {
	ps, err := s.Projects(ctx)
	if err != nil {
		return false, err
	}
	_, err = s.FirstAdmin(ctx)
	if errors.Is(err, db.ErrNotFound) {
		return len(ps) == 0, nil
	}
	return false, err
}

// ensureAdmin returns the first admin, creating "admin" with a random
// password (printed once) when the database has none.
func ensureAdmin(ctx context.Context, s *db.Store, out io.Writer) (db.User, error) {
	u, err := s.FirstAdmin(ctx)
	if !errors.Is(err, db.ErrNotFound) {
		return u, err
	}
	password, err := randomPassword()
	if err != nil {
		return db.User{}, err
	}
	if u, err = addUser(ctx, s, "admin", password, true); err != nil {
		return db.User{}, err
	}
	fmt.Fprintf(out, "created admin user %q; password (shown once): %s\n", u.Name, password)
	return u, nil
}

func createDemo(ctx context.Context, s *db.Store, by db.User) error {
	p, err := s.CreateProject(ctx, demoProject, nil, by.ID)
	if err != nil {
		return err
	}
	text, flags := codec.Canonicalize(string(demoArticle))
	if len(flags) > 0 {
		return fmt.Errorf("demo article needs canonicalising: %v", flags)
	}
	doc := codec.Doc{Line: 1, ExternalID: "ctsi-intelligence-cell", Text: text, Meta: []byte(`{"source":"seed article"}`)}
	_, err = s.Import(ctx, db.ImportOptions{ProjectID: p.ID, File: "seed", By: by.ID}, []codec.Doc{doc})
	return err
}
