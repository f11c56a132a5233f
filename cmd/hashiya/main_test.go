package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// cli runs the program as main does, with its own database.
type cli struct {
	t  *testing.T
	db string
}

func newCLI(t *testing.T) *cli {
	return &cli{t: t, db: filepath.Join(t.TempDir(), "cli.db")}
}

// run returns stdout, stderr and the error of one command.
func (c *cli) run(stdin string, args ...string) (string, string, error) {
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "HASHIYA_DB" {
			return c.db
		}
		return ""
	}
	err := run(context.Background(), args, getenv, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func (c *cli) ok(args ...string) string {
	c.t.Helper()
	out, errOut, err := c.run("", args...)
	if err != nil {
		c.t.Fatalf("hashiya %s: %v\n%s", strings.Join(args, " "), err, errOut)
	}
	return out
}

// fail runs a command that must fail and returns its stderr as a user
// sees it: what the command wrote, then the line main prints.
func (c *cli) fail(stdin string, args ...string) string {
	c.t.Helper()
	out, errOut, err := c.run(stdin, args...)
	if err == nil {
		c.t.Fatalf("hashiya %s succeeded, want a failure; stdout %q", strings.Join(args, " "), out)
	}
	var b strings.Builder
	b.WriteString(errOut)
	report(&b, err)
	return b.String()
}

func corpus(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "corpora", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("corpus %s not available (%v): skipping", rel, err)
	}
	return p
}

func TestHelpAndUnknownCommand(t *testing.T) {
	c := newCLI(t)
	out := c.ok("help", "import")
	if !strings.Contains(out, "import --project NAME") || !strings.Contains(out, "FILE:LINE") {
		t.Errorf("help import says %q", out)
	}
	if _, _, err := c.run("", "frobnicate"); err == nil || !strings.Contains(err.Error(), "frobnicate") {
		t.Errorf("unknown command: err = %v", err)
	}
	if _, _, err := c.run("", "import", "--project"); err == nil {
		t.Error("import with a dangling flag succeeded")
	}
}

func TestUserAndProject(t *testing.T) {
	c := newCLI(t)
	out, _, err := c.run("s3cret-password\n", "user", "add", "layla", "--password-stdin", "--admin")
	if err != nil || !strings.Contains(out, "layla") {
		t.Fatalf("user add: %v %q", err, out)
	}
	if _, _, err := c.run("s3cret-password\n", "user", "add", "layla", "--password-stdin"); err == nil {
		t.Error("adding the same user twice succeeded")
	}
	if _, _, err := c.run("short\n", "user", "add", "omar", "--password-stdin"); err == nil {
		t.Error("a 5-character password was accepted")
	}
	out = c.ok("user", "add", "omar")
	if !strings.Contains(out, "password (shown once)") {
		t.Errorf("user add without stdin should print a password: %q", out)
	}
	labels := filepath.Join(t.TempDir(), "labels.json")
	os.WriteFile(labels, []byte(`[{"name":"PERS","color":"#112233","hotkey":"p"},{"name":"LOC","color":"#445566","hotkey":"l"}]`), 0o644)
	if out := c.ok("project", "create", "news", "--labels", labels); !strings.Contains(out, "2 labels") {
		t.Errorf("project create: %q", out)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`[{"name":"X","color":"red"}]`), 0o644)
	if _, _, err := c.run("", "project", "create", "other", "--labels", bad); err == nil || !strings.Contains(err.Error(), "colour") {
		t.Errorf("a label with colour red: err = %v", err)
	}
}

// TestImportIsAllOrNothing feeds a file with several bad lines: every one
// is reported as FILE:LINE: reason and nothing is stored.
func TestImportIsAllOrNothing(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	file := filepath.Join(t.TempDir(), "mixed.jsonl")
	lines := []string{
		`{"id": "a", "text": "قال الرئيس", "label": [[4, 10, "PER"]]}`,
		`{"id": "b", "text": "abc", "label": [[0, 9, "PER"]]}`,
		`not json`,
		`{"id": "c", "text": "xyz", "label": [[0, 1, "NOPE"]]}`,
	}
	os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	_, errOut, err := c.run("", "import", "--project", "p", file)
	if err == nil {
		t.Fatal("import of a file with bad lines succeeded")
	}
	for _, want := range []string{file + ":2:", file + ":3:"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	out := c.ok("export", "--project", "p")
	if out != "" {
		t.Errorf("after a failed import the project exports %q", out)
	}
	// Fix the parse errors: the unknown label is still refused ...
	os.WriteFile(file, []byte(lines[0]+"\n"+lines[3]+"\n"), 0o644)
	if _, errOut, err := c.run("", "import", "--project", "p", file); err == nil || !strings.Contains(errOut, file+":2: label \"NOPE\"") {
		t.Errorf("unknown label: err=%v stderr=%s", err, errOut)
	}
	// ... unless --add-labels, flags after the file as the contract allows.
	c.ok("import", file, "--project", "p", "--add-labels")
	out = c.ok("export", "--project", "p", "--format", "doccano")
	if strings.Count(out, "\n") != 2 || !strings.Contains(out, `[4,10,"PER"]`) {
		t.Errorf("export after import: %s", out)
	}
}

// TestANERCorpRoundTrip imports ANERCorp's 200 doccano documents and
// exports them again: every line must come back unchanged.
func TestANERCorpRoundTrip(t *testing.T) {
	src := corpus(t, "anercorp/anercorp.jsonl")
	c := newCLI(t)
	c.ok("project", "create", "aner")
	start := time.Now()
	out := c.ok("import", "--project", "aner", "--format", "doccano", "--add-labels", src)
	importTime := time.Since(start)
	if !strings.Contains(out, "Imported 200 documents with 11,187 spans into gold") {
		t.Fatalf("import said %q", out)
	}
	dest := filepath.Join(t.TempDir(), "aner-out.jsonl")
	start = time.Now()
	c.ok("export", "--project", "aner", "--format", "doccano", "--out", dest)
	t.Logf("ANERCorp: import %s, export %s", importTime.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	want, _ := os.ReadFile(src)
	got, _ := os.ReadFile(dest)
	wantLines := strings.Split(strings.TrimSpace(string(want)), "\n")
	gotLines := strings.Split(strings.TrimSpace(string(got)), "\n")
	if len(gotLines) != len(wantLines) {
		t.Fatalf("exported %d lines, want %d", len(gotLines), len(wantLines))
	}
	for i := range wantLines {
		var a, b any
		if err := json.Unmarshal([]byte(wantLines[i]), &a); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(gotLines[i]), &b); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("line %d differs:\nwant %.200s\ngot  %.200s", i+1, wantLines[i], gotLines[i])
		}
	}
	checkWithPython(t, dest)
}

// checkWithPython reads an export the way a Python consumer does.
func checkWithPython(t *testing.T, file string) {
	t.Helper()
	script := filepath.Join("..", "..", "..", "shared", "tools", "check-export.py")
	if _, err := os.Stat(script); err != nil {
		t.Logf("check-export.py not available: skipping the Python check")
		return
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Logf("python3 not installed: skipping the Python check")
		return
	}
	out, err := exec.Command(py, script, file).CombinedOutput()
	if err != nil {
		t.Errorf("check-export.py %s: %v\n%s", file, err, out)
	}
}

func TestNativeExportHoldsForPython(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	file := filepath.Join(t.TempDir(), "e.jsonl")
	os.WriteFile(file, []byte(`{"id": "e1", "text": "👨‍👩‍👧‍👦 قال 🇮🇶 الرئيس", "label": [[15, 21, "PER"], [8, 11, "CUE"]]}`+"\n"), 0o644)
	c.ok("import", "--project", "p", file)
	dest := filepath.Join(t.TempDir(), "native.jsonl")
	c.ok("export", "--project", "p", "--out", dest, "--layer", "all")
	if st, err := os.Stat(dest); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("export file mode %v (%v), want 0644", st.Mode().Perm(), err)
	}
	body, _ := os.ReadFile(dest)
	if !strings.Contains(string(body), `"offset_unit":"codepoint"`) || !strings.Contains(string(body), `"text":"الرئيس"`) {
		t.Errorf("native export: %s", body)
	}
	checkWithPython(t, dest)
}

func TestSeedCopyMatchesTestdata(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "ctsi-intelligence-cell.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, demoArticle) {
		t.Error("cmd/hashiya/seed/ctsi-intelligence-cell.txt differs from testdata/: copy testdata's over it")
	}
}

// TestServeDemo starts `serve` on a free loopback port, checks the demo is
// there, then stops it as SIGINT would.
func TestServeDemo(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	dbPath := filepath.Join(t.TempDir(), "serve.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--db", dbPath}, func(string) string { return "" }, strings.NewReader(""), &out, io.Discard)
	}()
	var body []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if _, err := http.Get(fmt.Sprintf("http://%s/healthz", addr)); err != nil {
			continue
		}
		// The API needs a token; the CLI makes one on the same database.
		var tokOut bytes.Buffer
		if err := run(ctx, []string{"token", "create", "admin", "--db", dbPath}, func(string) string { return "" }, strings.NewReader(""), &tokOut, io.Discard); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(tokOut.String()), "\n")
		req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("http://%s/api/v1/projects", addr), nil)
		req.Header.Set("Authorization", "Bearer "+lines[len(lines)-1])
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(res.Body)
		res.Body.Close()
		break
	}
	if !strings.Contains(string(body), `"name":"Demo"`) {
		t.Errorf("projects of a fresh server: %s", body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve stopped with %v", err)
	}
	if !strings.Contains(out.String(), "password (shown once)") {
		t.Errorf("serve on an empty database should print the admin password once: %q", out.String())
	}
}

// TestCoNLLImportExport: what `import --format conll` stores, `export
// --format conll` writes back line for line; a bad line names FILE:LINE;
// what CoNLL cannot say is a warning on stderr. Last, ANERCorp.conll goes
// through the store and back with all its spans.
func TestCoNLLImportExport(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	dir := t.TempDir()
	file := filepath.Join(dir, "news.txt") // --format wins over the extension
	body := "# id = n1\nقال O\nمحمد B-PER\nعلي I-PER\n، O\nفي O\nالقاهرة B-LOC\n. O\n\n# id = n2\nوزارة B-ORG\nالخارجية I-ORG\n\n"
	os.WriteFile(file, []byte(body), 0o644)
	if out := c.ok("import", "--project", "p", "--format", "conll", "--add-labels", file); !strings.Contains(out, "Imported 2 documents with 3 spans into gold") {
		t.Errorf("import said %q", out)
	}
	if out := c.ok("export", "--project", "p", "--format", "conll"); out != body {
		t.Errorf("export:\n%s\nwant\n%s", out, body)
	}
	bad := filepath.Join(dir, "bad.conll")
	os.WriteFile(bad, []byte("a O\nb X-PER\n"), 0o644)
	if _, errOut, err := c.run("", "import", "--project", "p", bad); err == nil || !strings.Contains(errOut, bad+":2: ") {
		t.Errorf("bad tag: err %v, stderr %q", err, errOut)
	}
	clitic := filepath.Join(dir, "clitic.jsonl")
	os.WriteFile(clitic, []byte(`{"id": "w1", "text": "جاء وزيد", "label": [[5, 8, "PER"]]}`+"\n"), 0o644)
	c.ok("import", "--project", "p", clitic)
	out, errOut, err := c.run("", "export", "--project", "p", "--format", "conll")
	if err != nil || !strings.HasSuffix(out, "# id = w1\nجاء O\nوزيد B-PER\n\n") || !strings.Contains(errOut, "document w1: 1 tokens cut by span boundaries") {
		t.Errorf("export of a clitic span: %v\nstdout %q\nstderr %q", err, out, errOut)
	}

	aner := corpus(t, "anercorp/ANERCorp.conll")
	c.ok("project", "create", "aner")
	if out := c.ok("import", "--project", "aner", "--add-labels", aner); !strings.Contains(out, "Imported 1 document with 11,187 spans into gold") {
		t.Fatalf("ANERCorp import said %q", out)
	}
	dest := filepath.Join(dir, "aner-out.conll")
	c.ok("export", "--project", "aner", "--format", "conll", "--out", dest)
	c.ok("project", "create", "again")
	if out := c.ok("import", "--project", "again", "--add-labels", dest); !strings.Contains(out, "Imported 1 document with 11,187 spans into gold") {
		t.Errorf("ANERCorp exported as conll and imported again: %q", out)
	}
}

func TestBackupCommand(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	dest := filepath.Join(t.TempDir(), "copy.db")
	if out := c.ok("backup", dest); !strings.Contains(out, dest) {
		t.Errorf("backup says %q", out)
	}
	copyCLI := &cli{t: t, db: dest}
	if out := copyCLI.ok("export", "--project", "p"); out != "" {
		t.Errorf("export of the empty project from the copy: %q", out)
	}
	if _, _, err := c.run("", "backup", dest); err == nil {
		t.Error("a backup over an existing file succeeded")
	}
}

// TestLabelStudioImport moves a Label Studio project over: a .json export
// is read by its name, its ground-truth annotation becomes the layer with
// its relation, and offsets Label Studio wrote in UTF-16 units come out as
// code points, with a warning; the native export says the same.
func TestLabelStudioImport(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	file := filepath.Join(t.TempDir(), "export.json")
	// أحمد is 13..17 in code points, 14..18 in UTF-16 units (after 😀).
	body := `[{"id": 41, "data": {"text": "قال 😀 الوزير أحمد إن «الاقتصاد ينمو»"}, "annotations": [
	  {"id": 1, "result": [{"id": "w", "type": "labels", "value": {"start": 7, "end": 13, "text": "الوزير", "labels": ["PER"]}}]},
	  {"id": 2, "ground_truth": true, "result": [
	    {"id": "p", "type": "labels", "value": {"start": 14, "end": 18, "text": "أحمد", "labels": ["PER"]}},
	    {"id": "q", "type": "labels", "value": {"start": 23, "end": 36, "text": "الاقتصاد ينمو", "labels": ["QUOTE"]}},
	    {"from_id": "q", "to_id": "p", "type": "relation", "direction": "right", "labels": ["speaker"]}]}]}]`
	os.WriteFile(file, []byte(body), 0o644)
	out, errOut, err := c.run("", "import", "--project", "p", file)
	if err != nil || !strings.Contains(out, "Imported 1 document with 2 spans and 1 relation into gold") || !strings.Contains(errOut, "offsets count UTF-16 units") ||
		!strings.Contains(errOut, "has 2 annotations; imported annotation 2") {
		t.Fatalf("import: %v\nstdout %q\nstderr %q", err, out, errOut)
	}
	var line struct {
		ID         string `json:"id"`
		OffsetUnit string `json:"offset_unit"`
		Spans      []struct {
			ID          int64 `json:"id"`
			Start, End  int
			Label, Text string
		} `json:"spans"`
		Relations []struct {
			Type     string `json:"type"`
			From, To int64
		} `json:"relations"`
	}
	if err := json.Unmarshal([]byte(c.ok("export", "--project", "p")), &line); err != nil {
		t.Fatal(err)
	}
	if line.ID != "41" || line.OffsetUnit != "codepoint" || len(line.Spans) != 2 || line.Spans[0].Start != 13 || line.Spans[0].Text != "أحمد" ||
		line.Spans[1].Text != "الاقتصاد ينمو" || len(line.Relations) != 1 || line.Relations[0].From != line.Spans[1].ID || line.Relations[0].To != line.Spans[0].ID {
		t.Errorf("exported %+v", line)
	}
}

// TestExportParts: --part writes one part of a train/dev/test split; the
// parts make up the export, and a document stays in its part when others
// are added.
func TestExportParts(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	dir := t.TempDir()
	write := func(name string, from, to int) string {
		var b strings.Builder
		for i := from; i < to; i++ {
			fmt.Fprintf(&b, `{"id": "d%d", "text": "نص رقم %d", "label": []}`+"\n", i, i)
		}
		file := filepath.Join(dir, name)
		os.WriteFile(file, []byte(b.String()), 0o644)
		return file
	}
	c.ok("import", "--project", "p", write("a.jsonl", 0, 40))
	parts := func() map[string]string {
		got := map[string]string{}
		for _, part := range []string{"train", "dev", "test"} {
			for _, line := range strings.Split(strings.TrimSpace(c.ok("export", "--project", "p", "--format", "doccano", "--part", part)), "\n") {
				var d struct{ ID string }
				if line == "" {
					continue
				}
				if err := json.Unmarshal([]byte(line), &d); err != nil {
					t.Fatal(err)
				}
				got[d.ID] = part
			}
		}
		return got
	}
	before := parts()
	if len(before) != 40 {
		t.Fatalf("the parts hold %d documents, want 40", len(before))
	}
	c.ok("import", "--project", "p", write("b.jsonl", 40, 80))
	after := parts()
	for id, part := range before {
		if after[id] != part {
			t.Errorf("%s moved from %s to %s when documents were added", id, part, after[id])
		}
	}
	if len(after) != 80 {
		t.Errorf("the parts hold %d documents, want 80", len(after))
	}
	for _, args := range [][]string{
		{"--split", "80/10/10"},
		{"--part", "valid"},
		{"--part", "dev", "--split", "90/10"},
	} {
		if msg := c.fail("", append([]string{"export", "--project", "p"}, args...)...); !strings.Contains(msg, "--") {
			t.Errorf("export %v: %q does not name the flag", args, msg)
		}
	}
}

// TestTextLinesImport: a file of posts, one per line, is one document per
// line, named after the file and the line.
func TestTextLinesImport(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	file := filepath.Join(t.TempDir(), "posts.txt")
	os.WriteFile(file, []byte("أول منشور\n\nثاني منشور\n"), 0o644)
	if out := c.ok("import", "--project", "p", "--format", "text-lines", file); !strings.Contains(out, "2 documents") {
		t.Fatalf("import said %q", out)
	}
	out := c.ok("export", "--project", "p", "--format", "doccano")
	if !strings.Contains(out, `{"id":"posts-1","text":"أول منشور","label":[]}`) || !strings.Contains(out, `{"id":"posts-3","text":"ثاني منشور","label":[]}`) {
		t.Errorf("export:\n%s", out)
	}
}

// TestLabelsFileWithDescriptions: a labels file may say what each label
// covers; a description of two lines is refused, naming the label.
func TestLabelsFileWithDescriptions(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "labels.json")
	os.WriteFile(good, []byte(`[{"name": "PERS", "color": "#112233", "hotkey": "1", "description": "أسماء الأشخاص"}]`), 0o644)
	if out := c.ok("project", "create", "p", "--labels", good); !strings.Contains(out, "with 1 labels") {
		t.Errorf("create said %q", out)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`[{"name": "PERS", "color": "#112233", "description": "a\nb"}]`), 0o644)
	if msg := c.fail("", "project", "create", "q", "--labels", bad); !strings.Contains(msg, "description of label PERS must be one line") {
		t.Errorf("a two-line description: %q", msg)
	}
}
