package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProjectLabelsSet: 'project labels PROJECT --set FILE' replaces a
// project's labels and rules with the file's and prints each change; the
// project's own labels, printed and set back, change nothing and say so;
// a file leaving out labels spans use is refused naming the file, each
// label and its spans, and changes nothing.
func TestProjectLabelsSet(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	c.ok("user", "add", "amina", "--admin")
	c.ok("project", "create", "news")
	printed := c.ok("project", "labels", "news")
	same := filepath.Join(dir, "same.json")
	if err := os.WriteFile(same, []byte(printed), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := c.ok("project", "labels", "news", "--set", same); out != "no change: the label set of news is already "+same+"'s\n" {
		t.Errorf("setting the labels printed back said %q", out)
	}
	if got := c.ok("project", "labels", "news"); got != printed {
		t.Errorf("after a set that changes nothing the labels read\n%s\nwant\n%s", got, printed)
	}

	changed := filepath.Join(dir, "changed.json")
	body := strings.Replace(printed, `"#e5484d"`, `"#112233"`, 1)
	body = strings.Replace(body, `"labels": [`, `"labels": [
    {"name": "WORK", "color": "#123456", "hotkey": "8"},`, 1)
	if err := os.WriteFile(changed, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out := c.ok("project", "labels", "news", "--set", changed)
	for _, want := range []string{"added label WORK (#123456, hotkey 8)\n", "changed label PER: colour #e5484d → #112233\n",
		"replaced the label set of news with " + changed + "'s: 8 labels, 4 relation rules\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("--set printed\n%s\nwithout %q", out, want)
		}
	}
	if got := c.ok("project", "labels", "news"); !strings.Contains(got, `"name": "WORK"`) || !strings.Contains(got, `"#112233"`) {
		t.Errorf("after --set the labels read\n%s", got)
	}

	// Spans in gold use PER and LOC; a file without them is refused.
	docs := filepath.Join(dir, "docs.jsonl")
	if err := os.WriteFile(docs, []byte(`{"id": "d1", "text": "قال أحمد في الرياض", "spans": [{"start": 4, "end": 8, "label": "PER"}, {"start": 12, "end": 18, "label": "LOC"}]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.ok("import", "--project", "news", "--layer", "gold", docs)
	before := c.ok("project", "labels", "news")
	only := filepath.Join(dir, "only.json")
	if err := os.WriteFile(only, []byte(`[{"name": "ORG", "color": "#0090ff", "hotkey": "2"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "hashiya: " + only + ": the label set of news was not changed: label PER is used by 1 span and label LOC by 1 span; they cannot be removed or renamed\n"
	if got := c.fail("", "project", "labels", "news", "--set", only); got != want {
		t.Errorf("a file leaving out labels in use:\n got %q\nwant %q", got, want)
	}
	if got := c.ok("project", "labels", "news"); got != before {
		t.Errorf("a refused file changed the labels to\n%s", got)
	}
	arabic := filepath.Join(dir, "arabic.json")
	if err := os.WriteFile(arabic, []byte(strings.Replace(before, `"hotkey": "2"`, `"hotkey": "ؤ"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	want = "hashiya: " + arabic + `: labels[2].hotkey: hotkey "ؤ" of label ORG is on the C key of an Arabic keyboard, the annotation view's "Pick cue" (of a quotation); choose another` + "\n"
	if got := c.fail("", "project", "labels", "news", "--set", arabic); got != want {
		t.Errorf("a file with an Arabic letter on a view's key:\n got %q\nwant %q", got, want)
	}
	broken := filepath.Join(dir, "broken.json")
	if err := os.WriteFile(broken, []byte("[\n{\"name\": \"X\",\n}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := c.fail("", "project", "labels", "news", "--set", broken); !strings.HasPrefix(got, "hashiya: "+broken+":3: not valid JSON") {
		t.Errorf("a broken file: %q", got)
	}
	if got := c.fail("", "project", "create", "other", "--set", same); !strings.Contains(got, "--set FILE.json goes with 'project labels PROJECT' only") {
		t.Errorf("--set with create: %q", got)
	}
	if help := c.ok("help", "project"); !strings.Contains(help, "labels PROJECT [--set FILE.json]") || !strings.Contains(help, "With --set it replaces them") {
		t.Errorf("help project says nothing of --set:\n%s", help)
	}
}
