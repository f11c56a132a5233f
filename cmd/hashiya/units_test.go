package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDoccanoUTF16RoundTrip: a doccano file counted in UTF-16 units, as
// doccano writes one for text with emoji, goes in with --offsets utf16 and
// comes out byte for byte with --offsets utf16, while the native export
// says code points and the text of each span; read as code points the same
// file is refused with a line that says how to read it, and a file whose
// spans fit either way is imported with a warning.
func TestDoccanoUTF16RoundTrip(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	// UTF-16 offsets: 😀 is 2 units, 👍🏽 4, so أحمد is at 7..11 and الرياض at 32..38
	// (code points 6..10 and 29..35 of 36).
	line := `{"id":"t1","text":"😀 قال أحمد 👍🏽 إن الاقتصاد في الرياض.","label":[[7,11,"PER"],[32,38,"LOC"]]}` + "\n"
	file := filepath.Join(t.TempDir(), "from-doccano.jsonl")
	if err := os.WriteFile(file, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := c.fail("", "import", "--project", "p", file); !strings.Contains(got, file+":1: span 1 (LOC) has offsets 32..38, want 0 <= start < end <= 36; counted in UTF-16 units, as doccano counts, they fit: import the file counting UTF-16 units (--offsets utf16)\n") {
		t.Errorf("read as code points:\n%s", got)
	}
	c.ok("import", "--project", "p", "--offsets", "utf16", file)
	if out := c.ok("export", "--project", "p", "--format", "doccano", "--offsets", "utf16"); out != line {
		t.Errorf("doccano export in UTF-16 units:\n got %s\nwant %s", out, line)
	}
	native := c.ok("export", "--project", "p")
	for _, want := range []string{`"offset_unit":"codepoint"`, `"start":6,"end":10,"label":"PER","text":"أحمد"`, `"start":29,"end":35,"label":"LOC","text":"الرياض"`} {
		if !strings.Contains(native, want) {
			t.Errorf("native export lacks %s:\n%s", want, native)
		}
	}
	if got := c.fail("", "export", "--project", "p", "--format", "conll", "--offsets", "utf16"); !strings.Contains(got, "--offsets: offsets in utf16 units are for the doccano formats; conll counts code points") {
		t.Errorf("conll in UTF-16 units:\n%s", got)
	}

	// Spans that fit either way: imported as code points, with a warning.
	short := `{"id":"t2","text":"😀 قال أحمد 👍🏽 إن الاقتصاد ينمو.","label":[[7,11,"PER"]]}` + "\n"
	if err := os.WriteFile(file, []byte(short), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := c.run("", "import", "--project", "p", file)
	if err != nil || !strings.Contains(errOut, file+":1: 1 of 1 spans start and end on word edges when their offsets are read as UTF-16 units, 0 as code points") {
		t.Errorf("import of a file that looks counted in UTF-16: %v\n%s", err, errOut)
	}
}

// TestProjectDelete: without --yes, project delete says what it would
// take and deletes nothing; with it, the project is gone.
func TestProjectDelete(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	file := filepath.Join(t.TempDir(), "d.jsonl")
	if err := os.WriteFile(file, []byte(`{"id":"a","text":"قال أحمد","label":[[4,8,"PER"]]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.ok("import", "--project", "p", file)
	got := c.fail("", "project", "delete", "p")
	if !strings.Contains(got, "nothing deleted: run again with --yes") {
		t.Errorf("without --yes:\n%s", got)
	}
	if out, _, _ := c.run("", "project", "delete", "p"); out != "project p: 1 document, 1 span, 0 links in 1 layer, 0 members\n" {
		t.Errorf("without --yes it says %q", out)
	}
	if out := c.ok("export", "--project", "p", "--format", "doccano"); !strings.Contains(out, `[4,8,"PER"]`) {
		t.Fatalf("the project lost its span without --yes: %q", out)
	}
	if out := c.ok("project", "delete", "p", "--yes"); !strings.HasPrefix(out, "deleted project p: 1 document,") {
		t.Errorf("with --yes: %q", out)
	}
	if got := c.fail("", "export", "--project", "p"); !strings.Contains(got, "p") {
		t.Errorf("export of the deleted project: %s", got)
	}
}

// TestUserDisable: user disable and enable switch an account, and the
// last active admin cannot be disabled.
func TestUserDisable(t *testing.T) {
	c := newCLI(t)
	c.run("secret pw 1234\n", "user", "add", "boss", "--admin", "--password-stdin")
	c.run("secret pw 1234\n", "user", "add", "layla", "--password-stdin")
	if out := c.ok("user", "disable", "layla"); !strings.HasPrefix(out, "layla disabled") {
		t.Errorf("disable: %q", out)
	}
	// Enabling brings back the login only: no token is made meanwhile.
	if got := c.fail("", "token", "create", "layla"); got != "hashiya: layla is disabled: enable the account before creating a token for it\n" {
		t.Errorf("token create for a disabled user:\n%s", got)
	}
	if out := c.ok("user", "enable", "layla"); !strings.HasPrefix(out, "layla enabled") {
		t.Errorf("enable: %q", out)
	}
	if out := c.ok("token", "create", "layla"); !strings.Contains(out, "API token") {
		t.Errorf("token create after enabling: %q", out)
	}
	if got := c.fail("", "user", "disable", "boss"); !strings.Contains(got, "boss is the last active admin") {
		t.Errorf("disable the last admin:\n%s", got)
	}
	if got := c.fail("", "user", "disable", "nobody"); !strings.Contains(got, `there is no user "nobody"`) {
		t.Errorf("disable an unknown user:\n%s", got)
	}
}
