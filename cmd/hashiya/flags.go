package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"hashiya/db"
)

// flags is a flag set that also takes flags after positional arguments,
// as the CLI contract writes them (`hashiya user add NAME --admin`).
type flags struct {
	*flag.FlagSet
	dbPath      *string
	usage, help string
	e           env
}

func newFlags(e env, name, usage, help string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// parse reports errors itself, in one line, and prints help on
	// --help to stdout; the flag package would print both to stderr.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	def := e.getenv("HASHIYA_DB")
	if def == "" {
		def = "hashiya.db"
	}
	return &flags{
		FlagSet: fs,
		dbPath:  fs.String("db", def, "SQLite database file (env HASHIYA_DB)"),
		usage:   usage, help: help, e: e,
	}
}

// Usage prints the command's usage, help and flags to stderr, for a
// command line of the wrong shape.
func (f *flags) Usage() { f.printUsage(f.e.stderr) }

func (f *flags) printUsage(w io.Writer) {
	fmt.Fprintf(w, "usage: hashiya %s [--db PATH]\n\n%s\n\nflags:\n", f.usage, f.help)
	f.SetOutput(w)
	f.PrintDefaults()
	f.SetOutput(io.Discard)
}

// parse reads flags wherever they stand and returns the positional
// arguments in order; everything after "--" is positional, so a file
// named "-b.jsonl" can be given. On --help it prints the help to stdout
// and returns errHelp.
func (f *flags) parse(args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		if len(args[0]) < 2 || args[0][0] != '-' { // "-" alone is a file: stdin
			pos, args = append(pos, args[0]), args[1:]
			continue
		}
		// One flag at a time, with its value: the flag package would take
		// a "--" itself and then stop, leaving no sign that it did.
		n := f.width(args)
		if err := f.Parse(args[:n]); errors.Is(err, flag.ErrHelp) {
			f.printUsage(f.e.stdout)
			return nil, errHelp
		} else if err != nil {
			return nil, fmt.Errorf("%v (run 'hashiya help %s')", err, f.Name())
		}
		args = args[n:]
	}
	return pos, nil
}

// width is how many arguments the flag at args[0] takes: two for a
// flag that needs a value not given after "=", else one.
func (f *flags) width(args []string) int {
	name, _, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(args[0], "-"), "-"), "=")
	fl := f.Lookup(name)
	if hasValue || fl == nil || len(args) < 2 {
		return 1
	}
	if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return 1
	}
	return 2
}

// isSet reports whether the command line gave the flag, so a flag whose
// zero value is wrong (--auto 0) is told apart from one left out.
func (f *flags) isSet(name string) bool {
	set := false
	f.Visit(func(fl *flag.Flag) { set = set || fl.Name == name })
	return set
}

// open opens the database the flags name, making it when it is missing:
// for the commands that start a database (serve, user add, project
// create).
func (f *flags) open(ctx context.Context) (*db.Store, error) {
	return db.Open(ctx, *f.dbPath)
}

// openExisting opens the database the flags name, which must exist: a
// mistyped --db given to export or token create would otherwise make an
// empty database there and then find nothing in it.
// An empty file is refused too: SQLite would take it for a new database
// and the store would write its schema into it.
func (f *flags) openExisting(ctx context.Context) (*db.Store, error) {
	info, err := os.Stat(*f.dbPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("no database at %s: check --db (or HASHIYA_DB); 'hashiya serve' makes one", *f.dbPath)
	case err != nil:
		return nil, fmt.Errorf("database %s: %w", *f.dbPath, err)
	case info.Mode().IsRegular() && info.Size() == 0:
		return nil, fmt.Errorf("%s is empty, not a Hashiya database: check --db (or HASHIYA_DB); 'hashiya serve' makes one", *f.dbPath)
	}
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
	s, err := f.openExisting(ctx)
	if err != nil {
		return nil, db.Project{}, err
	}
	p, err := s.ProjectByName(ctx, name)
	if err != nil {
		s.Close()
		return nil, db.Project{}, notFound("project", name, err)
	}
	return s, p, nil
}

// userByName loads the user named by name.
func userByName(ctx context.Context, s *db.Store, name string) (db.User, error) {
	u, err := s.UserByName(ctx, name)
	return u, notFound("user", name, err)
}

// notFound says which project or user a lookup missed, once: the store's
// own message ("project Nope: not found") does not quote the name.
func notFound(kind, name string, err error) error {
	if errors.Is(err, db.ErrNotFound) {
		return fmt.Errorf("%s %q %w", kind, name, db.ErrNotFound)
	}
	return err
}

// fileReason is the reason a file operation failed, without the
// operation and path that os puts in front of it, for messages that name
// the file themselves.
func fileReason(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
