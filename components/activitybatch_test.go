package components

import (
	"encoding/json"
	"testing"

	"hashiya/db"
)

// TestEventTextOfBatchAccept: a document's accept logged as part of an
// accept across the project says so, as each document is a row of its
// own in the log; one document's own accept does not.
func TestEventTextOfBatchAccept(t *testing.T) {
	for _, tt := range []struct{ detail, want string }{
		{`{"spans":[4,5,9],"relations":[2],"batch":"QWERTY234"}`, "accepted 3 spans and 1 link the annotators agree on into gold, this document's share of an accept across the project"},
		{`{"spans":[4],"relations":[]}`, "accepted 1 span the annotators agree on into gold"},
	} {
		if got := eventText(t.Context(), db.LoggedEvent{Action: "review.accept-agreed", Detail: json.RawMessage(tt.detail)}); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.detail, got, tt.want)
		}
	}
}
