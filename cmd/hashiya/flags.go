package main

import (
	"context"
	"flag"
	"fmt"

	"hashiya/db"
)

// flags is a flag set that also takes flags after positional arguments,
// as the CLI contract writes them (`hashiya user add NAME --admin`).
type flags struct {
	*flag.FlagSet
	dbPath *string
}

func newFlags(e env, name, usage, help string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: hashiya %s [--db PATH]\n\n%s\n\n", usage, help)
		fs.PrintDefaults()
	}
	def := e.getenv("HASHIYA_DB")
	if def == "" {
		def = "hashiya.db"
	}
	return &flags{FlagSet: fs, dbPath: fs.String("db", def, "SQLite database file (env HASHIYA_DB)")}
}

// parse reads flags wherever they stand and returns the positional
// arguments in order.
func (f *flags) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			return nil, errUsage
		}
		args = f.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// open opens the database the flags name.
func (f *flags) open(ctx context.Context) (*db.Store, error) {
	return db.Open(ctx, *f.dbPath)
}

// closeStore closes the store, keeping the first error.
func closeStore(s *db.Store, err *error) {
	if cerr := s.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

// openProject opens the database and loads the project named by name.
func (f *flags) openProject(ctx context.Context, name string) (*db.Store, db.Project, error) {
	s, err := f.open(ctx)
	if err != nil {
		return nil, db.Project{}, err
	}
	p, err := s.ProjectByName(ctx, name)
	if err != nil {
		s.Close()
		return nil, db.Project{}, fmt.Errorf("%s: project %q: %w", f.Name(), name, err)
	}
	return s, p, nil
}
