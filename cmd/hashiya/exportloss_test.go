package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportSaysWhatItsFormatLeavesOut: a quotation linked to its
// speaker and cue, with its type, exported as doccano (no relations),
// doccano-rel (no attributes) or CoNLL (neither) is written without what
// the format cannot hold, and stderr says so once, with how many and
// which formats keep them; formats that keep everything say nothing.
func TestExportSaysWhatItsFormatLeavesOut(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	file := filepath.Join(t.TempDir(), "quotes.jsonl")
	line := `{"id":"q1","text":"قال محمد إن الجو جميل","spans":[` +
		`{"id":1,"start":0,"end":3,"label":"CUE"},{"id":2,"start":4,"end":8,"label":"PER"},` +
		`{"id":3,"start":9,"end":21,"label":"QUOTE","attributes":{"type":"indirect"}}],` +
		`"relations":[{"id":1,"type":"speaker","from":3,"to":2},{"id":2,"type":"cue","from":3,"to":1}]}` + "\n" +
		`{"id":"q2","text":"جاء زيد","spans":[{"id":1,"start":4,"end":7,"label":"PER"}],"relations":[]}` + "\n"
	if err := os.WriteFile(file, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	c.ok("import", "--project", "p", file)
	tests := []struct {
		format string
		says   []string
	}{
		{"doccano", []string{"export: doccano holds no relations: 2 relations of 1 document left out (doccano-rel, jsonl and label-studio keep them) (warning)\n",
			"export: doccano holds no span attributes: the attributes of 1 span of 1 document left out"}},
		{"doccano-rel", []string{"export: doccano-rel holds no span attributes: the attributes of 1 span of 1 document left out (such as a quotation's type and speaker_in_text; jsonl and label-studio keep them) (warning)\n"}},
		{"conll", []string{"export: conll holds no relations: 2 relations of 1 document left out", "export: conll holds no span attributes"}},
		{"jsonl", nil},
		{"label-studio", nil},
		{"quotes", nil},
	}
	for _, tt := range tests {
		out, errOut, err := c.run("", "export", "--project", "p", "--format", tt.format)
		if err != nil || !strings.Contains(out, "q1") {
			t.Fatalf("%s export: %v, stdout %q", tt.format, err, out)
		}
		if tt.says == nil && errOut != "" {
			t.Errorf("%s export warned %q, want nothing: it keeps relations and attributes", tt.format, errOut)
		}
		for _, s := range tt.says {
			if strings.Count(errOut, s) != 1 {
				t.Errorf("%s export: stderr %q, want it to say once %q", tt.format, errOut, s)
			}
		}
	}
}
