package db

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// importStreamCases are files of every format that streams, good and
// bad: lines the reading refuses, lines only the project refuses (a
// label it lacks, an id it has), and files refused as a whole.
var importStreamCases = []struct{ name, format, data string }{
	{"good.conll", "conll", "# id = c1\nقال O\nمحمد B-PER\n\n# id = c2\nذهب O\nزيد B-LOC\n"},
	{"bad.conll", "conll", "# id = c1\nقال\nمحمد B-PER\n\n# id = doc-1\nذهب O\n\n# id = c3\nزيد B-NOPE\n"},
	{"ws.conll", "conll", " O\nقال\u00a0محمد O\n"},
	{"lines.txt", "text-lines", "قال محمد\n\nذهب زيد\r\nثم\rعاد\n"},
	{"badlines.txt", "text-lines", "أول\nbad\x01line\nثالث\n"},
	{"notutf8.txt", "text-lines", "أول\nثان\n\xff\n"},
	{"good.json", "label-studio", `[{"id": 1, "data": {"text": "قال محمد"}, "annotations": [{"id": 7, "result": [{"id": "r1", "type": "labels", "value": {"start": 4, "end": 8, "text": "محمد", "labels": ["PER"]}}]}]},
 {"id": 2, "data": {"text": "نص"}}]`},
	{"bad.json", "label-studio", "[\n{\"id\": 1, \"data\": {\"text\": \"أ\"}, \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"text\": \"أ\", \"labels\": [\"ORG\"]}}]}]},\n  3,\n{\"id\": \"doc-1\", \"data\": {\"text\": \"ب\"}}\n]"},
	{"pasted.json", "label-studio", "[{\"id\": 1, \"data\": {\"text\": \"أ\"}, \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, \"text\": \"أ\", \"labels\": [\"ORG\"]}}]}]}]\n[]"},
}

// TestImportFileAsParsed: ImportFile, which the CLI and the web upload
// use, says and stores for every streaming format what parsing the file
// whole then ImportParsed did: the same result, warnings, bad lines (a
// file refused as a whole listing no line of the project's checks) and
// stored rows.
func TestImportFileAsParsed(t *testing.T) {
	for _, tc := range importStreamCases {
		for _, addLabels := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s add-labels %v", tc.name, addLabels), func(t *testing.T) {
				whole := importAs(t, tc.name, tc.format, tc.data, addLabels, false)
				streamed := importAs(t, tc.name, tc.format, tc.data, addLabels, true)
				if whole != streamed {
					t.Errorf("parsed whole:\n%s\nstreamed:\n%s", whole, streamed)
				}
			})
		}
	}
}

// importAs imports data into a fresh fixture's project, streamed or
// parsed whole, and says what it returned and what the project holds.
func importAs(t *testing.T, name, format, data string, addLabels, stream bool) string {
	t.Helper()
	ctx := context.Background()
	f := newFixture(t)
	opts := ImportOptions{ProjectID: f.proj.ID, File: name, By: f.user.ID, AddLabels: addLabels}
	var (
		res ImportResult
		rep codec.Report
		err error
	)
	if stream {
		res, rep, err = f.s.ImportFile(ctx, opts, bytes.NewReader([]byte(data)), FileImport{Format: format, Unit: codec.UnitCodePoint, Layer: codec.GoldLayer})
	} else {
		var docs []codec.Doc
		docs, rep, err = codec.ParseFileInto(strings.NewReader(data), name, format, codec.UnitCodePoint, codec.GoldLayer, codec.ViaAny)
		if err != nil {
			res, err = f.s.ImportParsed(ctx, opts, docs, err)
		} else {
			res, err = f.s.Import(ctx, opts, docs)
		}
	}
	var stored strings.Builder
	if exportErr := f.s.ExportLayers(ctx, f.proj.ID, AllLayers, func(d codec.ExportDoc) error {
		fmt.Fprintf(&stored, "%+v\n", d)
		return nil
	}); exportErr != nil {
		t.Fatal(exportErr)
	}
	return fmt.Sprintf("result %+v\nwarnings %v\nerror %v\nstored\n%s", res, rep.Warnings, err, stored.String())
}
