package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportSummaryOntoDocuments: a file annotating documents the project
// has says it imported spans into a layer of those documents, not "0
// documents"; one that brings a new document too says both.
func TestImportSummaryOntoDocuments(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	c.ok("user", "add", "layla")
	c.ok("project", "create", "p")
	c.ok("project", "add-member", "p", "layla", "--role", "annotator")
	texts := filepath.Join(dir, "texts.jsonl")
	os.WriteFile(texts, []byte(`{"id":"d1","text":"قال زيد"}`+"\n"+`{"id":"d2","text":"قال عمرو"}`+"\n"), 0o644)
	c.ok("import", "--project", "p", texts)

	laylas := filepath.Join(dir, "layla.jsonl")
	os.WriteFile(laylas, []byte(`{"id":"d1","text":"قال زيد","spans":[{"start":4,"end":7,"label":"PER"}]}`+"\n"+
		`{"id":"d2","text":"قال عمرو","spans":[{"start":4,"end":8,"label":"PER"},{"start":0,"end":3,"label":"CUE"}]}`+"\n"), 0o644)
	if out := c.ok("import", "--project", "p", "--layer", "layla", laylas); !strings.HasPrefix(out, laylas+": Imported 3 spans into layla's layer of 2 documents the project had in ") {
		t.Errorf("import onto the project's documents said %q", out)
	}

	both := filepath.Join(dir, "both.jsonl")
	os.WriteFile(both, []byte(`{"id":"d1","text":"قال زيد","spans":[{"start":4,"end":7,"label":"PER"}]}`+"\n"+
		`{"id":"d3","text":"قال بكر","spans":[{"start":4,"end":7,"label":"PER"}]}`+"\n"), 0o644)
	if out := c.ok("import", "--project", "p", both); !strings.HasPrefix(out, both+": Imported 1 document, and 2 spans into the gold layer of them and of 1 document the project had in ") {
		t.Errorf("import of a new document and one the project had said %q", out)
	}
}

// TestImportRefusalNamesTheFlag: a label the project lacks is refused
// naming the command line's --add-labels, not the form's box or the
// API's parameter.
func TestImportRefusalNamesTheFlag(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	file := filepath.Join(t.TempDir(), "aner.jsonl")
	os.WriteFile(file, []byte(`{"id":"a1","text":"قال أحمد","label":[[4,8,"PERS"]]}`+"\n"), 0o644)
	got := c.fail("", "import", "--project", "p", file)
	if want := file + `:1: label "PERS" is not in project p's label set (add it to the label set, or import with --add-labels)`; !strings.HasPrefix(got, want+"\n") {
		t.Errorf("refusal:\n%s\nwant\n%s", got, want)
	}
}

// TestImportSaysWhichAddedLabelsNoRuleJoins: ANERCorp's labels added to
// a project with the default rules are named as joined by no rule, so a
// PERS speaker is not refused unexplained; a project whose speaker rule
// names PERS hears only that the labels came.
func TestImportSaysWhichAddedLabelsNoRuleJoins(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "aner.conll")
	os.WriteFile(file, []byte("# id = a1\nقال O\nأحمد B-PERS\nفي O\nمصر B-LOC\nو O\nنايل B-MISC\n\n"), 0o644)
	c.ok("project", "create", "default")
	out := c.ok("import", "--project", "default", "--add-labels", file)
	if !strings.Contains(out, file+": Added labels PERS, MISC; no relation rule joins PERS or MISC (speaker joins QUOTE to PER/ORG; ") {
		t.Errorf("import into the default label set said %q", out)
	}
	labels := filepath.Join(dir, "labels.json")
	os.WriteFile(labels, []byte(`{"labels":[{"name":"PERS","color":"#1f77b4"},{"name":"LOC","color":"#2ca02c"},{"name":"QUOTE","color":"#d62728"}],"relation_types":[{"name":"speaker","from":["QUOTE"],"to":["PERS"]}]}`), 0o644)
	c.ok("project", "create", "aner", "--labels", labels)
	out = c.ok("import", "--project", "aner", "--add-labels", file)
	if !strings.Contains(out, file+": Added the label MISC; no relation rule joins MISC (speaker joins QUOTE to PERS)") {
		t.Errorf("import into a set whose speaker is PERS said %q", out)
	}
}
