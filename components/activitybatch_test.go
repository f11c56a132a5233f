package components

import (
	"encoding/json"
	"testing"

	"hashiya/db"
)

// TestEventSummaryOfBatchAccept: a document's accept logged as part of an
// accept across the project says so, as each document is a row of its
// own in the log; one document's own accept does not.
func TestEventSummaryOfBatchAccept(t *testing.T) {
	for _, tt := range []struct{ detail, want string }{
		{`{"spans":[4,5,9],"relations":[2],"batch":"QWERTY234"}`, "3 spans and 1 link, this document's share of an accept across the project"},
		{`{"spans":[4],"relations":[]}`, "1 span and 0 links"},
	} {
		if got := eventSummary(db.LoggedEvent{Action: "review.accept-agreed", Detail: json.RawMessage(tt.detail)}); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.detail, got, tt.want)
		}
	}
}
