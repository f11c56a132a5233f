// Command hashiya is the whole product in one binary: the web server and
// the command line for users, projects, import and export.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "hashiya:", err)
		}
		os.Exit(1)
	}
}

// env is what a command reads from outside its arguments.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one CLI verb: its usage line, help and body.
type command struct {
	usage string
	help  string
	run   func(ctx context.Context, e env, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"serve":   {"serve [--addr 127.0.0.1:8080] [--demo=true]", "Serve the web app. On an empty database, create an admin user (its password printed once) and, unless --demo=false, a demo project holding the seed article.", runServe},
		"user":    {"user add NAME [--admin] [--password-stdin]", "Add a user. Without --password-stdin a random password is printed once.", runUser},
		"project": {projectUsage, projectHelp, runProject},
		"backup":  {"backup DEST.db", "Write a consistent copy of the database to DEST.db (which must not exist) while the server keeps running.", runBackup},
		"token":   {"token create USER [--name NAME]", "Create an API token for USER and print it, alone on the last line, once. Send it as 'Authorization: Bearer TOKEN'.", runToken},
		"import":  {"import --project NAME [--format auto|text|jsonl|doccano|doccano-rel|conll] [--layer gold|USER] [--add-labels] FILE...", "Import documents. Each file goes in whole or not at all; every bad line is printed as FILE:LINE: reason. A CoNLL file (TOKEN TAG lines, BIO tags) is one document unless '# id = ID' lines start documents; its text is the tokens joined by spaces, sentences by line breaks.", runImport},
		"export":  {"export --project NAME [--format jsonl|doccano|doccano-rel|quotes|conll] [--layer gold|USER|all] [--out FILE]", "Export a project as JSONL or CoNLL, streaming, to stdout unless --out. Every span is checked against the text first. CoNLL keeps the outermost of nested spans; what it cannot say is printed as a warning.", runExport},
	}
}

var errUsage = errors.New("usage")

// run is the whole program; tests call it as main does.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	cmds := commands()
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
		printUsage(stdout, cmds)
		return nil
	}
	if args[0] == "help" {
		if len(args) > 1 {
			if c, ok := cmds[args[1]]; ok {
				fmt.Fprintf(stdout, "usage: hashiya %s [--db PATH]\n\n%s\n", c.usage, c.help)
				return nil
			}
		}
		printUsage(stdout, cmds)
		return nil
	}
	c, ok := cmds[args[0]]
	if !ok {
		printUsage(stderr, cmds)
		return fmt.Errorf("unknown command %q", args[0])
	}
	return c.run(ctx, e, args[1:])
}

func printUsage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: hashiya COMMAND [--db PATH] ...   (database: --db, else $HASHIYA_DB, else hashiya.db)")
	for _, name := range []string{"serve", "user", "project", "import", "export", "token", "backup"} {
		fmt.Fprintf(w, "  hashiya %s\n", cmds[name].usage)
	}
	fmt.Fprintln(w, "Run 'hashiya help COMMAND' for details.")
}
