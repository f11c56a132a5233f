package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hashiya/db"
)

// TestImportEncoding: a file uploaded in UTF-16, with a byte-order mark
// or without, is refused with the one error naming its encoding, and one
// in Latin-1 first for not being UTF-8; nothing of any is stored.
func TestImportEncoding(t *testing.T) {
	tests := []struct{ name, query, body, want string }{
		{"UTF-16", "?format=text-lines&name=t.txt", "\xff\xfea\x00\n\x00", "t.txt:1: the file is UTF-16 (byte-order mark FF FE); save it as UTF-8"},
		{"Latin-1 CoNLL", "?format=conll&name=z.conll", "# id = z\ncaf\xe9 O\n", "z.conll:2: the file is not valid UTF-8 (byte 0xE9 at byte 12); save it as UTF-8"},
		// "# id = a\nقال X\n" and {"text":"قال"} without a byte-order mark: a bad tag too, but the encoding is all that is said.
		{"UTF-16 little-endian CoNLL", "?format=conll&name=a.conll", "#\x00 \x00i\x00d\x00 \x00=\x00 \x00a\x00\n\x00B\x06'\x06D\x06 \x00X\x00\n\x00",
			"a.conll:1: the file looks like UTF-16 little-endian without a byte-order mark; save it as UTF-8"},
		{"UTF-16 big-endian JSON lines", "?format=jsonl&name=a.jsonl", "\x00{\x00\"\x00t\x00e\x00x\x00t\x00\"\x00:\x00\"\x06B\x06'\x06D\x00\"\x00}\x00\n",
			"a.jsonl:1: the file looks like UTF-16 big-endian without a byte-order mark; save it as UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAPIEnv(t)
			rec := env.do(http.MethodPost, fmt.Sprintf("/api/v1/projects/%d/documents%s", env.proj.ID, tt.query), strings.NewReader(tt.body))
			expect(t, rec, http.StatusBadRequest)
			if msg := errorOf(t, rec); msg != tt.want {
				t.Errorf("error %q, want only %q", msg, tt.want)
			}
			list, err := env.store.Documents(t.Context(), env.proj.ID, env.user, db.DocumentPage{Limit: db.MaxPageLimit})
			if err != nil || len(list.Docs) != 1 {
				t.Errorf("%d documents (%v), want only the one from before", len(list.Docs), err)
			}
		})
	}
}
