package web_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
)

// watchedBody is an upload's body that, once read to its end, notes the
// uploads' temporary files in dir, while the server copies it.
type watchedBody struct {
	t    *testing.T
	r    io.Reader
	dir  string
	seen []string
}

func (b *watchedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err == io.EOF && b.seen == nil {
		b.seen = uploadsIn(b.t, b.dir)
	}
	return n, err
}

// uploadsIn is the uploads' temporary files in dir (the tests' own
// directories are made there too).
func uploadsIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "hashiya-upload-") {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestImportUploadSpooled: an upload is copied to one temporary file in
// the default temporary directory while it is read, and the file is gone
// once the answer is out, whether the import was stored or refused for a
// bad line or for its size.
func TestImportUploadSpooled(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	tests := []struct {
		name, query, body string
		status            int
		says              string
	}{
		{"CoNLL stored", "?format=conll&name=a.conll", "# id = a\nقال O\nمحمد B-PER\n", http.StatusCreated, ""},
		{"CoNLL refused", "?format=conll&name=a.conll", "# id = a\nقال O\nمحمد B-PERSON\n", http.StatusBadRequest, "a.conll:3:"},
		{"Label Studio refused", "?format=label-studio&name=a.json", `[{"id": 1, "data": {}}]`, http.StatusBadRequest, "a.json:1:"},
		{"lines stored", "?format=text-lines&name=a.txt", "قال محمد\nذهب\n", http.StatusCreated, ""},
		{"too large", "", strings.Repeat("\n", 64<<20+1), http.StatusRequestEntityTooLarge, "body: larger than 64 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAPIEnv(t)
			body := &watchedBody{t: t, r: strings.NewReader(tt.body), dir: tmp}
			rec := env.do(http.MethodPost, fmt.Sprintf("/api/v1/projects/%d/documents%s", env.proj.ID, tt.query), body)
			expect(t, rec, tt.status)
			if tt.says != "" {
				if msg := errorOf(t, rec); !strings.Contains(msg, tt.says) {
					t.Errorf("error %q, want it to say %q", msg, tt.says)
				}
			}
			if tt.status != http.StatusRequestEntityTooLarge {
				if len(body.seen) != 1 {
					t.Errorf("while the body was read, the temporary directory held uploads %v, want one", body.seen)
				}
			}
			if left := uploadsIn(t, tmp); len(left) != 0 {
				t.Errorf("after the answer, the temporary directory holds %v", left)
			}
		})
	}
}
