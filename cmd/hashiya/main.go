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
	"strings"
	"syscall"

	"hashiya/db"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		report(os.Stderr, err)
		os.Exit(1)
	}
}

// report prints a failed command's reason once, as main does.
func report(w io.Writer, err error) {
	fmt.Fprintln(w, "hashiya:", describe(err))
}

// describe words an error for the terminal. The store's validation errors
// are shaped for the HTTP API: they lead with the JSON field they are
// about, which does not help someone at a shell.
func describe(err error) string {
	var ve *db.ValidationError
	if errors.As(err, &ve) && err == error(ve) {
		return ve.Reason
	}
	return err.Error()
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

const userHelp = "Add a user. Without --password-stdin a random password is printed once; with it, the first line of stdin is the password, which must be 8 to 72 bytes long.\n\n" +
	"passwd gives an existing user a new password, for someone who forgot theirs: random and printed once, or with --password-stdin the first line of stdin. It logs the user out everywhere, so a session opened with the old password ends with it; their API tokens stay. A disabled user stays disabled.\n\n" +
	"disable ends a user's sessions and revokes their API tokens, and refuses their logins, until enable; their annotations stay. The last active admin cannot be disabled."

func commands() map[string]command {
	return map[string]command{
		"serve":   {"serve [--addr 127.0.0.1:8080] [--demo=true] [--trusted-proxy CIDR,...]", "Serve the web app. On an empty database, create an admin user (its password printed once) and, unless --demo=false, a demo project holding the seed article. Behind a reverse proxy on another machine, name it with --trusted-proxy (addresses or CIDR prefixes): its X-Forwarded-For and X-Forwarded-Proto are believed, as a proxy's on loopback always are, and nobody else's.", runServe},
		"user":    {"user add NAME [--admin] [--password-stdin] | passwd NAME [--password-stdin] | disable NAME | enable NAME", userHelp, runUser},
		"project": {projectUsage, projectHelp, runProject},
		"backup":  {"backup DEST.db", "Write a consistent copy of the database to DEST.db (which must not exist) while the server keeps running.", runBackup},
		"token":   {"token create USER [--name NAME]", "Create an API token for USER and print it, alone on the last line, once. Send it as 'Authorization: Bearer TOKEN'. A disabled user gets none.", runToken},
		"import":  {"import --project NAME [--format auto|text|text-lines|jsonl|doccano|doccano-rel|label-studio|conll] [--layer gold|USER] [--add-labels] [--offsets codepoint|utf16] FILE...", "Import documents. Each file goes in whole or not at all; every bad line is printed as FILE:LINE: reason. A CoNLL file (TOKEN TAG lines, BIO tags) is one document unless '# id = ID' lines start documents; its text is the tokens joined by spaces, sentences by line breaks. doccano lines count offsets in code points unless --offsets utf16 (doccano's own count, JavaScript string indexes); a file that looks counted the other way is warned about. A Label Studio JSON export (.json) gives each task's ground-truth annotation, else its first, as spans and relations; its offsets are checked against each span's text, and a task whose spans fit only as UTF-16 units is read so, with a warning. --layer USER fills the layer of a member of the project; a line that names another layer (as exports write \"layer\") is a bad line, so an export of several layers (--layer all) is imported one layer at a time. Relations and span attributes are checked as the editor checks them, against the project's rules as they stand. An import is recorded as the first admin's work: on a database without one, the first file that goes in makes \"admin\" and prints its password once.", runImport},
		"export":  {"export --project NAME [--format jsonl|doccano|doccano-rel|quotes|conll|label-studio] [--layer gold|USER|all] [--status STATUS] [--offsets codepoint|utf16] [--part train|dev|test [--split 80/10/10] [--seed S]] [--out FILE]", "Export a project as JSONL, CoNLL or a Label Studio JSON array (one layer), streaming, to stdout unless --out. Every span is checked against the text first. CoNLL keeps the outermost of nested spans; what it cannot say is printed as a warning, as are the relations (doccano, CoNLL) and span attributes (doccano, doccano-rel, CoNLL) a format has no place for. --offsets utf16 writes the doccano formats' offsets in UTF-16 units, as doccano itself reads them. --part writes one part of a train/dev/test split by document (--split, 80/10/10 by default): a document's part follows from its id (and --seed) alone, so it never moves when documents are added.", runExport},

		// agreement reads a project's figures and changes nothing.
		"agreement": {agreementUsage, agreementHelp, runAgreement},
	}
}

// helpHelp describes help itself.
const helpHelp = "usage: hashiya help [COMMAND]\n\nDescribe COMMAND, its flags included, as 'hashiya COMMAND --help' does; without COMMAND, list every command."

// errHelp ends a command that printed its help because --help asked for
// it: not a failure.
var errHelp = errors.New("help requested")

// run is the whole program; tests call it as main does.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	cmds := commands()
	global, args, err := globalFlags(args)
	if err != nil {
		return err
	}
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
		printUsage(stdout, cmds)
		return nil
	}
	name, rest := args[0], args[1:]
	if name == "help" {
		if len(rest) == 0 {
			printUsage(stdout, cmds)
			return nil
		}
		if rest[0] == "help" || rest[0] == "--help" || rest[0] == "-h" {
			fmt.Fprintln(stdout, helpHelp)
			return nil
		}
		// Each command prints its own help, flags included, for --help.
		name, rest = rest[0], []string{"--help"}
	}
	c, ok := cmds[name]
	if !ok {
		printUsage(stderr, cmds)
		return fmt.Errorf("unknown command %q", name)
	}
	// The global flags go first, so the command's own --db, if any, wins.
	err = c.run(ctx, e, append(global, rest...))
	if errors.Is(err, errHelp) {
		return nil
	}
	return err
}

// globalFlags takes the flags that may come before the command, which is
// only --db PATH (or --db=PATH): the others mean something only to their
// command. It returns them as arguments for the command's flag set.
func globalFlags(args []string) (global, rest []string, err error) {
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		if name != "db" {
			return nil, nil, fmt.Errorf("unknown flag %s before the command: only --db PATH may come first (run 'hashiya help')", args[0])
		}
		if !hasValue {
			if len(args) < 2 {
				return nil, nil, errors.New("--db needs a database file: --db PATH")
			}
			value, args = args[1], args[1:]
		}
		global = append(global, "--db="+value)
		args = args[1:]
	}
	return global, args, nil
}

func printUsage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: hashiya [--db PATH] COMMAND ...   (database: --db before or after the command, else $HASHIYA_DB, else hashiya.db)")
	for _, name := range []string{"serve", "user", "project", "import", "export", "agreement", "token", "backup"} {
		fmt.Fprintf(w, "  hashiya %s\n", cmds[name].usage)
	}
	fmt.Fprintln(w, "Run 'hashiya help COMMAND' or 'hashiya COMMAND --help' for details.")
}
