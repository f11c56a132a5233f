package components

import (
	"testing"

	"hashiya/db"
)

// TestDeleteSummaryReads: the confirmation's sentence agrees in number
// with what is deleted, and names gold only when there is a gold layer.
func TestDeleteSummaryReads(t *testing.T) {
	for _, c := range []struct {
		docs []db.DocumentLoss
		want string
	}{
		{[]db.DocumentLoss{{}}, "1 document, which nobody has annotated yet."},
		{[]db.DocumentLoss{{}, {}}, "2 documents, which nobody has annotated yet."},
		{[]db.DocumentLoss{{Layers: 1, Spans: 2}}, "1 document, with 2 spans and 0 links in 1 layer (not marked done or reviewed)."},
		{[]db.DocumentLoss{{Layers: 1, Finished: 1, Spans: 1, Relations: 1}}, "1 document, with 1 span and 1 link in 1 layer (marked done or reviewed)."},
		{[]db.DocumentLoss{{Layers: 2, Gold: true, Finished: 1, Spans: 3}, {Layers: 1, Spans: 1}},
			"2 documents, with 4 spans and 0 links in 3 layers (1 of them marked done or reviewed, gold included)."},
		{[]db.DocumentLoss{{Layers: 1, Gold: true, Spans: 1}}, "1 document, with 1 span and 0 links in 1 layer (not marked done or reviewed, gold included)."},
		{[]db.DocumentLoss{{Notes: 1}}, "1 document, which nobody has annotated yet. The note written on them goes too."},
		{[]db.DocumentLoss{{Notes: 2}, {Layers: 1, Notes: 1}}, "2 documents, with 0 spans and 0 links in 1 layer (not marked done or reviewed). The 3 notes written on them go too."},
	} {
		if got := (DeleteDocumentsView{Docs: c.docs}).summary(); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.docs, got, c.want)
		}
	}
}
