package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hashiya/db"
	"hashiya/web"
)

// uploadFiles are a good and a bad file of each import format, the good
// ones with a warning where the format has one to give.
var uploadFiles = []struct{ name, format, data string }{
	{"good.conll", "conll", "# id = a\nقال O\nمحمد B-PER\n\n# id = b\nذهب O\nعلي B-PER\nإلى O\nالرياض B-LOC\n"},
	{"bad.conll", "conll", "# id = a\nقال O\nمحمد B-PERSON\n\n# id = b\nذهب O\nعلي B-PEOPLE\n"},
	{"good.txt", "text-lines", "قال محمد\n\nذهب علي \uFEFB\n"},
	{"bad.txt", "text-lines", "قال محمد\nذهب\x01علي\nok\x02\n"},
	{"good.json", "label-studio", `[{"id": 1, "data": {"text": "قال محمد"}, "annotations": [{"result": [{"id": "r", "type": "labels", "value": {"start": 4, "end": 8, "text": "محمد", "labels": ["PER"]}}]}]}, {"id": 2, "data": {"text": "ذهب"}}]`},
	{"bad.json", "label-studio", `[{"id": 1, "data": {}}, {"id": 2, "data": {"text": "قال محمد"}, "annotations": [{"result": [{"id": "r", "type": "labels", "value": {"start": 4, "end": 8, "text": "محمد", "labels": ["PERSON"]}}]}]}]`},
	{"good.jsonl", "jsonl", "{\"id\": \"a\", \"text\": \"قال محمد\", \"spans\": [{\"start\": 4, \"end\": 8, \"label\": \"PER\"}]}\n"},
	{"bad.jsonl", "jsonl", "{\"id\": \"a\", \"text\": \"قال محمد\", \"spans\": [{\"start\": 4, \"end\": 9, \"label\": \"PER\"}]}\n{oops\n"},
	{"good-text.txt", "text", "قال محمد\r\nذهب\n"},
	{"bad-text.txt", "text", "قال\x00محمد\n"},
}

// TestImportUploadIsTheCLIs: a file uploaded to the API is imported as
// `hashiya import` imports it, in every format: the same documents and
// spans stored, the same warnings, or the same bad lines listed and
// nothing stored.
func TestImportUploadIsTheCLIs(t *testing.T) {
	for _, f := range uploadFiles {
		t.Run(f.name+" "+f.format, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, f.name)
			if err := os.WriteFile(path, []byte(f.data), 0o644); err != nil {
				t.Fatal(err)
			}
			byCLI, byAPI := uploadFixture(t), uploadFixture(t)
			out, errOut, cliErr := byCLI.run("", "import", "--project", "news", "--format", f.format, path)
			out, errOut = strings.ReplaceAll(out, dir+string(filepath.Separator), ""), strings.ReplaceAll(errOut, dir+string(filepath.Separator), "")
			status, res := upload(t, byAPI, f.name, f.format, f.data)
			switch {
			case cliErr != nil && status == http.StatusBadRequest:
				// Each names its own way to add labels; the rest is the same.
				apiSays := strings.ReplaceAll(res.Error, "import with add_labels=1", "import with --add-labels")
				// The command line also counts the bad lines, when several.
				nothing := "nothing imported"
				if n := badLinesIn(res.Error, f.name); n > 1 {
					nothing = fmt.Sprintf("%d bad lines, nothing imported", n)
				}
				if want := apiSays + "\n" + f.name + ": " + nothing + "\n"; errOut != want {
					t.Errorf("the command line says\n%s\nthe API\n%s", errOut, want)
				}
			case cliErr == nil && status == http.StatusCreated:
				says := f.name + ": " + res.Summary + " in "
				if res.Summary == "" || !strings.HasPrefix(out, says) {
					t.Errorf("the command line says %q, the API %q", out, says)
				}
				warned := ""
				for _, w := range res.Warnings {
					warned += w + " (warning)\n"
				}
				if errOut != warned {
					t.Errorf("the command line warns\n%s\nthe API\n%s", errOut, warned)
				}
			default:
				t.Fatalf("the command line: %v\n%s%s\nthe API: %d %+v", cliErr, out, errOut, status, res)
			}
			if good := strings.HasPrefix(f.name, "good"); good != (status == http.StatusCreated) {
				t.Errorf("%s: %d %+v; the fixture's good files are stored and its bad ones refused", f.name, status, res)
			}
			cliExport := byCLI.ok("export", "--project", "news", "--layer", "all")
			if apiExport := byAPI.ok("export", "--project", "news", "--layer", "all"); cliExport != apiExport {
				t.Errorf("the command line stored\n%s\nthe API\n%s", cliExport, apiExport)
			}
		})
	}
}

// uploadFixture is a database holding the project news and the admin,
// made the same way for either side.
func uploadFixture(t *testing.T) *cli {
	c := newCLI(t)
	c.ok("user", "add", "admin", "--admin")
	c.ok("project", "create", "news")
	return c
}

// uploadResult is the API's answer to an import.
type uploadResult struct {
	Documents, Spans, Relations int
	Warnings                    []string
	Error                       string
	Summary                     string
}

// upload posts data to c's project news as the file name, through the
// full router with the admin's API token.
func upload(t *testing.T, c *cli, name, format, data string) (int, uploadResult) {
	t.Helper()
	q := url.Values{"format": {format}, "name": {name}}
	rec := c.asAdmin(t, http.MethodPost, func(project int64) string {
		return fmt.Sprintf("/api/v1/projects/%d/documents?%s", project, q.Encode())
	}, io.MultiReader(strings.NewReader(data)))
	var res uploadResult
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatalf("answer %d %s: %v", rec.Code, rec.Body, err)
	}
	return rec.Code, res
}

// asAdmin sends a request to the full router over c's database with a
// new API token of the admin, to the path made from project news's id,
// and gives back the answer.
func (c *cli) asAdmin(t *testing.T, method string, path func(project int64) string, body io.Reader) *httptest.ResponseRecorder {
	t.Helper()
	token := strings.Split(strings.TrimSpace(c.ok("token", "create", "admin")), "\n")
	s, err := db.Open(t.Context(), c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	srv, err := web.New(web.Config{Store: s, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.ProjectByName(t.Context(), "news")
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(method, path(p.ID), body)
	req.Header.Set("Authorization", "Bearer "+token[len(token)-1])
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec
}

// badLinesIn counts the lines of file an error's list names.
func badLinesIn(list, file string) int {
	lines := map[string]bool{}
	for _, l := range strings.Split(list, "\n") {
		if rest, ok := strings.CutPrefix(l, file+":"); ok {
			if n, _, ok := strings.Cut(rest, ":"); ok {
				lines[n] = true
			}
		}
	}
	return len(lines)
}
