package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGlobalDBFlag: --db PATH and --db=PATH may come before the command
// as well as after it, and win over $HASHIYA_DB.
func TestGlobalDBFlag(t *testing.T) {
	c := newCLI(t) // $HASHIYA_DB is c.db
	dir := t.TempDir()
	before, beforeEq, after := filepath.Join(dir, "before.db"), filepath.Join(dir, "eq.db"), filepath.Join(dir, "after.db")
	c.ok("--db", before, "user", "add", "layla")
	c.ok("--db="+beforeEq, "project", "create", "news")
	c.ok("user", "add", "omar", "--db", after)
	for _, file := range []string{before, beforeEq, after} {
		if _, err := os.Stat(file); err != nil {
			t.Errorf("%s was not created: %v", file, err)
		}
	}
	if _, err := os.Stat(c.db); err == nil {
		t.Errorf("$HASHIYA_DB %s was used although --db was given", c.db)
	}
	// The database before the command is the one the command uses.
	if out := c.ok("--db", beforeEq, "export", "--project", "news"); out != "" {
		t.Errorf("export of an empty project: %q", out)
	}
	if got := c.fail("", "--db", before, "export", "--project", "news"); got != "hashiya: project \"news\" not found\n" {
		t.Errorf("news is in %s only, yet: %q", beforeEq, got)
	}
	// The command's own --db comes later and wins.
	c.ok("--db", before, "project", "create", "late", "--db", after)
	c.ok("--db", after, "export", "--project", "late")
	if out := c.ok("--db", before, "help", "user"); !strings.Contains(out, "user add NAME") {
		t.Errorf("help after --db: %q", out)
	}
	// A mistyped --db is refused by the commands that read a database, and
	// no empty one is left behind.
	typo := filepath.Join(dir, "typo.db")
	for _, args := range [][]string{{"export", "--project", "news"}, {"token", "create", "layla"}, {"backup", filepath.Join(dir, "b.db")}, {"user", "disable", "layla"}} {
		got := c.fail("", append([]string{"--db", typo}, args...)...)
		if !strings.Contains(got, "no database at "+typo) {
			t.Errorf("%s with a mistyped --db: %q", args[0], got)
		}
		if _, err := os.Stat(typo); err == nil {
			t.Fatalf("%s made %s", args[0], typo)
		}
	}
	for _, r := range []struct {
		args []string
		want string
	}{
		{[]string{"--db"}, "hashiya: --db needs a database file: --db PATH\n"},
		{[]string{"--addr", "x", "serve"}, "hashiya: unknown flag --addr before the command: only --db PATH may come first (run 'hashiya help')\n"},
	} {
		if got := c.fail("", r.args...); got != r.want {
			t.Errorf("hashiya %s:\n got %q\nwant %q", strings.Join(r.args, " "), got, r.want)
		}
	}
}

// TestEmptyDBRefused: an empty file given as --db to a command that
// reads a database is refused like a missing one, and left empty.
func TestEmptyDBRefused(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"export", "--project", "news"},
		{"import", "--project", "news", filepath.Join(dir, "a.jsonl")},
		{"token", "create", "layla"},
		{"backup", filepath.Join(dir, "b.db")},
		{"user", "disable", "layla"},
		{"project", "add-member", "news", "layla", "--role", "annotator"},
	} {
		want := "hashiya: " + empty + " is empty, not a Hashiya database: check --db (or HASHIYA_DB); 'hashiya serve' makes one\n"
		if got := c.fail("", append([]string{"--db", empty}, args...)...); got != want {
			t.Errorf("%s with an empty --db:\n got %q\nwant %q", args[0], got, want)
		}
		if info, err := os.Stat(empty); err != nil || info.Size() != 0 {
			t.Fatalf("%s wrote into the empty file: %v", args[0], err)
		}
	}
}

// TestImportFlagsCheckedFirst: import refuses a --format or --offsets
// that cannot read its files once, naming the flag, before it opens or
// creates anything.
func TestImportFlagsCheckedFirst(t *testing.T) {
	c := newCLI(t)
	typo := filepath.Join(t.TempDir(), "typo.db")
	const ls = "Label Studio offsets are checked against each region's text and read in code points or UTF-16 units, whichever it matches"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xml", "a.jsonl", "b.jsonl"}, `--format: unknown import format "xml"; want one of auto, text, text-lines, jsonl, doccano, doccano-rel, label-studio, conll`},
		{[]string{"--offsets", "utf8", "a.jsonl"}, `--offsets: unknown offset unit "utf8"; want codepoint (Python str indexes, Hashiya's own) or utf16 (JavaScript string indexes, doccano's own)`},
		{[]string{"--offsets", "utf16", "--format", "label-studio", "a.json"}, "--offsets utf16 does not apply to --format label-studio: " + ls},
		{[]string{"--offsets", "utf16", "a.jsonl", "b.JSON"}, "--offsets utf16 does not apply to b.JSON, a Label Studio export: " + ls},
		{[]string{"--offsets", "utf16", "a.jsonl", "b.txt"}, "--offsets utf16 does not apply to b.txt: text files have no offsets to count in utf16 units"},
		{[]string{"--offsets", "utf16", "--format", "conll", "a.jsonl"}, "--offsets utf16 does not apply to a.jsonl: conll files have no offsets to count in utf16 units"},
	}
	for _, tt := range tests {
		args := append([]string{"--db", typo, "import", "--project", "news"}, tt.args...)
		if got, want := c.fail("", args...), "hashiya: "+tt.want+"\n"; got != want {
			t.Errorf("import %s:\n got %q\nwant %q", strings.Join(tt.args, " "), got, want)
		}
		if _, err := os.Stat(typo); err == nil {
			t.Fatalf("import %s made %s", strings.Join(tt.args, " "), typo)
		}
	}
}

// TestHelpFlag: 'COMMAND --help' prints the same help as 'help COMMAND',
// flags included, to stdout, and succeeds.
func TestHelpFlag(t *testing.T) {
	c := newCLI(t)
	for _, name := range []string{"serve", "user", "project", "import", "export", "token", "backup"} {
		viaFlag, viaHelp := c.ok(name, "--help"), c.ok("help", name)
		if viaFlag != viaHelp || !strings.HasPrefix(viaFlag, "usage: hashiya "+name) || !strings.Contains(viaFlag, "-db") {
			t.Errorf("%s --help:\n%s\nhelp %s:\n%s", name, viaFlag, name, viaHelp)
		}
	}
	// help describes itself too.
	for _, args := range [][]string{{"help", "help"}, {"help", "--help"}, {"help", "-h"}} {
		if out := c.ok(args...); !strings.HasPrefix(out, "usage: hashiya help [COMMAND]") {
			t.Errorf("hashiya %s: %q", strings.Join(args, " "), out)
		}
	}
	if got := c.fail("", "help", "nope"); !strings.HasSuffix(got, "hashiya: unknown command \"nope\"\n") {
		t.Errorf("help of an unknown command: %q", got)
	}
	// A flag error is one line naming the flag, not the whole usage.
	if got := c.fail("", "project", "assign", "news", "--auto", "two"); got != "hashiya: invalid value \"two\" for flag -auto: parse error (run 'hashiya help project')\n" {
		t.Errorf("--auto two: %q", got)
	}
}

// TestPasswordLength: bcrypt takes at most 72 bytes; the CLI says so up
// front, in the web admin page's words, and its help says it too.
func TestPasswordLength(t *testing.T) {
	c := newCLI(t)
	const want = "hashiya: the password must be 8 to 72 bytes long\n"
	for _, pw := range []string{"short", strings.Repeat("x", 73), strings.Repeat("ق", 37)} { // 37 Arabic letters are 74 bytes
		if got := c.fail(pw+"\n", "user", "add", "layla", "--password-stdin"); got != want {
			t.Errorf("a %d-byte password: %q, want %q", len(pw), got, want)
		}
	}
	if got := c.fail("", "user", "add", "layla", "--password-stdin"); got != "hashiya: --password-stdin: no password on the first line of stdin\n" {
		t.Errorf("empty stdin: %q", got)
	}
	if _, _, err := c.run(strings.Repeat("x", 72)+"\n", "user", "add", "layla", "--password-stdin"); err != nil {
		t.Errorf("a 72-byte password: %v", err)
	}
	if out := c.ok("help", "user"); !strings.Contains(out, "8 to 72 bytes") {
		t.Errorf("help user does not give the password length: %q", out)
	}
}

// TestLabelsFileErrors: every message about a --labels file names the
// file, and the file is decoded strictly.
func TestLabelsFileErrors(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	cases := []struct{ body, want string }{
		{`[{"name":"X","colour":"#112233"}]`, `label 1: unknown key "colour" (want name, color, hotkey, description)`},
		{`[{"name":"A","color":"#112233"},{"Name":"B","color":"#445566"}]`, `label 2: unknown key "Name" (want name, color, hotkey, description)`},
		{`[{"name":"X","color":"red"}]`, `labels[0].color: colour "red" of label X must look like #1a2b3c`},
		{`[{"name":"X","color":"#112233","hotkey":"x"},{"name":"Y","color":"#112233","hotkey":"X"}]`, `labels[1].hotkey: hotkey "X" is used by X and Y`},
		{`[{"name":"X","color":"#112233","hotkey":"س"}]`, `labels[0].hotkey: hotkey "س" of label X is on the S key of an Arabic keyboard, the annotation view's "Pick speaker" (of a quotation); choose another`},
		{`[{"name":"X","color":"#112233","hotkey":"ض"},{"name":"Y","color":"#112233","hotkey":"q"}]`, `labels[1].hotkey: hotkey "q" of label Y is the key where an Arabic keyboard types label X's hotkey "ض" (the Q key); choose another`},
		{`[{"name":5}]`, `label 1: name must be a string, not 5`},
		{`[{"name":"A","color":"#112233"},{"name":"B","color":"#445566","color":"#778899"}]`, `label 2: key "color" appears twice; give each key once`},
		{`["PER"]`, `label 1: want an object with the keys name, color, hotkey, description`},
		{`{"name":"X"}`, `unknown key "name" (want labels, relation_types)`},
		{`"PER"`, `want a JSON array of labels such as [{"name": "PER", "color": "#e5484d", "hotkey": "1"}], or an object {"labels": [...], "relation_types": [...]}`},
		{`{"labels":[{"name":"X","color":"#112233"}],"relation_types":[{"name":"r","from":["X"],"to":["Y"]}]}`, `relation_types[0].to: relation type r names label Y, which the label set does not have`},
		{`{"labels":[{"name":"X","color":"#112233"}],"relation_types":[{"name":"r","from":"X"}]}`, `relation type 1: from must be an array of label names such as ["PER", "ORG"] ([] for any label), not "X"`},
		{`{"labels":[{"name":"X","color":"#112233"}],"labels":[]}`, `key "labels" appears twice; give each key once`},
		{`[]`, `no labels: want at least one`},
	}
	for i, tc := range cases {
		file := filepath.Join(dir, strings.Repeat("l", i+1)+".json")
		os.WriteFile(file, []byte(tc.body), 0o644)
		want := "hashiya: " + file + ": " + tc.want + "\n"
		if got := c.fail("", "project", "create", "news", "--labels", file); got != want {
			t.Errorf("labels %s:\n got %q\nwant %q", tc.body, got, want)
		}
	}
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte("[\n{\"name\": \"X\",\n\"color\": \"#112233\"}}\n]\n"), 0o644)
	if got := c.fail("", "project", "create", "news", "--labels", broken); !strings.HasPrefix(got, "hashiya: "+broken+":3: not valid JSON: ") {
		t.Errorf("a syntax error on line 3: %q", got)
	}
	missing := filepath.Join(dir, "missing.json")
	if got := c.fail("", "project", "create", "news", "--labels", missing); got != "hashiya: "+missing+": no such file or directory\n" {
		t.Errorf("a missing labels file: %q", got)
	}
	if _, _, err := c.run("", "export", "--project", "news"); err == nil {
		t.Error("a project was created from a bad labels file")
	}
}

// TestErrorsReadOnce: each failure is one line on stderr that names its
// project, user, file or flag once, without the store's field names or
// sentinel words.
func TestErrorsReadOnce(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "news")
	c.ok("user", "add", "omar")
	out := filepath.Join(t.TempDir(), "no-such-dir", "x.jsonl")
	missing := filepath.Join(t.TempDir(), "missing.jsonl")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"project", "assign", "Nope", "omar", "--all"}, `project "Nope" not found`},
		{[]string{"project", "add-member", "Nope", "omar", "--role", "annotator"}, `project "Nope" not found`},
		{[]string{"project", "add-member", "news", "nobody", "--role", "annotator"}, `user "nobody" not found`},
		{[]string{"project", "add-member", "news", "omar", "--role", "boss"}, `role "boss" is not annotator, reviewer or manager`},
		{[]string{"project", "add-member", "news", "omar"}, `project add-member: --role is required: annotator, reviewer or manager`},
		{[]string{"project", "assign", "news", "omar", "--all"}, `omar is not a member of project news: add them first`},
		{[]string{"project", "assign", "news", "--auto", "1"}, `--auto: project news has no annotators: add members with the role annotator first`},
		{[]string{"project", "create", "news"}, `project "news" already exists`},
		{[]string{"project", "create", " news"}, `project name " news" must be 1-100 characters without leading or trailing space`},
		{[]string{"user", "add", "omar"}, `user "omar" already exists`},
		{[]string{"user", "add", "a/b"}, `user name "a/b" must be 1-64 characters without spaces or slashes`},
		{[]string{"user", "add", "gold"}, `user name "gold" is reserved: gold, mine and all name layers`},
		{[]string{"user", "add", "All"}, `user name "All" is reserved: gold, mine and all name layers`},
		{[]string{"token", "create", "nobody"}, `user "nobody" not found`},
		{[]string{"export", "--project", "Nope"}, `project "Nope" not found`},
		{[]string{"export", "--project", "news", "--format", "bogus"}, `unknown export format "bogus"; want one of jsonl, doccano, doccano-rel, quotes, conll, label-studio`},
		{[]string{"export", "--project", "news", "--layer", "nobody"}, `no user "nobody": a layer is gold, all, or a user name`},
		{[]string{"export", "--project", "news", "--out", out}, "--out " + out + ": no such file or directory"},
		{[]string{"import", "--project", "Nope", missing}, `project "Nope" not found`},
		{[]string{"import", "--project", "news", "--layer", "nobody", missing}, `--layer "nobody" is neither gold nor a user`},
		{[]string{"serve", "extra"}, `serve takes no arguments, not "extra" (run 'hashiya help serve')`},
		{[]string{"serve", "--trusted-proxy", "10.0.0.0/8,proxy.lan"}, `--trusted-proxy: "proxy.lan" is not an address or a CIDR prefix such as 10.0.0.0/8`},
	}
	for _, tc := range cases {
		if got, want := c.fail("", tc.args...), "hashiya: "+tc.want+"\n"; got != want {
			t.Errorf("hashiya %s:\n got %q\nwant %q", strings.Join(tc.args, " "), got, want)
		}
	}
	// import reports each file, then how many failed.
	want := missing + ": no such file or directory\n" + missing + ": nothing imported\nhashiya: 1 of 1 files had errors and were not imported\n"
	if got := c.fail("", "import", "--project", "news", missing); !strings.HasSuffix(got, want) {
		t.Errorf("import of a missing file:\n got %q\nwant it to end %q", got, want)
	}
}

// TestNamesWithInvisibleCharacters: user add, project create and token
// create --name refuse a name holding a line break, another control
// character or a bidi control or mark, naming the character, and store
// nothing.
func TestNamesWithInvisibleCharacters(t *testing.T) {
	c := newCLI(t)
	c.ok("user", "add", "layla")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"user", "add", "a\nb"}, `hashiya: user name "a\nb": control character U+000A at character 2`},
		{[]string{"user", "add", "ليلى\u202E"}, `hashiya: user name "ليلى\u202e": control character U+202E at character 5`},
		{[]string{"project", "create", "news\x00"}, `hashiya: project name "news\x00": control character U+0000 at character 5`},
		{[]string{"project", "create", "\u200Fأخبار"}, `hashiya: project name "\u200fأخبار": control character U+200F at character 1`},
		{[]string{"token", "create", "layla", "--name", "ci\x1bjob"}, `hashiya: token name "ci\x1bjob": control character U+001B at character 3`},
		{[]string{"token", "create", "layla", "--name", "a\u061Cb"}, `hashiya: token name "a\u061cb": control character U+061C at character 2`},
	}
	for _, tt := range tests {
		got := c.fail("", tt.args...)
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("hashiya %q:\n got %q\nwant %q...", tt.args, got, tt.want)
		}
	}
	if out := c.ok("token", "create", "layla", "--name", "ci"); out == "" {
		t.Error("a plain token name was refused")
	}
}

// TestProjectLabelsRoundTrip: what 'project labels' prints, given to
// 'project create --labels', makes a project with the same labels
// (descriptions included) and relation rules, its own rules kept.
func TestProjectLabelsRoundTrip(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "a.json")
	os.WriteFile(file, []byte(`{"labels": [
		{"name": "PERS", "color": "#112233", "hotkey": "1", "description": "a person, by name"},
		{"name": "QUOTE", "color": "#445566", "hotkey": "q"},
		{"name": "WORK", "color": "#778899"}],
	"relation_types": [{"name": "speaker", "from": ["QUOTE"], "to": ["PERS"]}, {"name": "mentions", "from": [], "to": ["WORK"]}]}`), 0o644)
	c.ok("project", "create", "a", "--labels", file)
	printed := c.ok("project", "labels", "a")
	want := `{
  "labels": [
    {
      "name": "PERS",
      "color": "#112233",
      "hotkey": "1",
      "description": "a person, by name"
    },
    {
      "name": "QUOTE",
      "color": "#445566",
      "hotkey": "q"
    },
    {
      "name": "WORK",
      "color": "#778899",
      "hotkey": ""
    }
  ],
  "relation_types": [
    {
      "name": "speaker",
      "from": [
        "QUOTE"
      ],
      "to": [
        "PERS"
      ]
    },
    {
      "name": "mentions",
      "from": [],
      "to": [
        "WORK"
      ]
    }
  ]
}
`
	if printed != want {
		t.Fatalf("project labels a printed\n%s\nwant\n%s", printed, want)
	}
	copied := filepath.Join(dir, "b.json")
	os.WriteFile(copied, []byte(printed), 0o644)
	c.ok("project", "create", "b", "--labels", copied)
	if got := c.ok("project", "labels", "b"); got != printed {
		t.Errorf("project b, made from a's labels, prints\n%s\nwant a's\n%s", got, printed)
	}
	if got := c.fail("", "project", "labels", "nope"); !strings.Contains(got, "nope") {
		t.Errorf("labels of a project that is not there: %q", got)
	}
}
