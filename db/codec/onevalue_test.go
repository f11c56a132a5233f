package codec

import (
	"errors"
	"strings"
	"testing"
)

// TestOneJSONValueIsNotJSONLines: a file of one JSON value, an object
// pretty-printed over many lines (doccano's own relation example) or an
// array of documents, is refused with one error saying what it is and
// how to write JSON lines, not a "not valid JSON" on every line, whatever
// format of JSON lines it was read as; a JSON lines file with broken
// lines still has each named.
func TestOneJSONValueIsNotJSONLines(t *testing.T) {
	pretty := "{\n    \"text\": \"Google was founded on September 4, 1998.\",\n    \"entities\": [\n        {\n            \"id\": 0,\n            \"start_offset\": 0,\n            \"end_offset\": 6,\n            \"label\": \"ORG\"\n        }\n    ],\n    \"relations\": []\n}\n"
	tests := []struct {
		name, file, format, data string
		line                     int
		says                     string // the one error's reason starts so; "" for line errors as before
	}{
		{"pretty object", "rel.jsonl", "doccano-rel", pretty, 1, "the file is one JSON object written over 12 lines, not JSON lines"},
		{"pretty object, blank first", "rel.jsonl", "auto", "\n\n" + pretty, 3, "the file is one JSON object written over 12 lines, not JSON lines"},
		{"array over lines", "a.jsonl", "doccano", "[\n  {\"id\": \"a\", \"text\": \"قال زيد\", \"label\": []},\n  {\"id\": \"b\", \"text\": \"جاء\", \"label\": []}\n]\n", 1,
			"the file is one JSON array of 2 values written over 4 lines, not JSON lines"},
		{"array on one line", "a.jsonl", "jsonl", `[{"id": "a", "text": "قال زيد"}, {"id": "b", "text": "جاء"}]` + "\n", 1,
			"the file is one JSON array of 2 values written over 1 line, not JSON lines"},
		{"JSON lines, two broken", "b.jsonl", "doccano", "{\"id\": \"a\", \"text\": \"قال\", \"label\": []}\n{\"id\": \"b\",\n{\"id\": \"c\", \"text\": \"جاء\"}\n{\"id\": \"d\"\n", 0, ""},
		{"broken, not one value", "c.jsonl", "doccano", "{\n\"id\": \"a\"\n", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, []byte(tt.data), tt.file, tt.format)
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error %v, want line errors", err)
			}
			if tt.says == "" {
				for _, e := range errs {
					if strings.Contains(e.Reason, "one JSON") {
						t.Errorf("line errors %v, want each bad line named as before", errs)
					}
				}
				if len(errs) < 2 {
					t.Errorf("line errors %v, want every bad line", errs)
				}
				return
			}
			if len(errs) != 1 || errs[0].Line != tt.line || !strings.HasPrefix(errs[0].Reason, tt.says) || errs[0].File != tt.file {
				t.Errorf("errors %v, want one, %s:%d: %s…", errs, tt.file, tt.line, tt.says)
			}
		})
	}
}
