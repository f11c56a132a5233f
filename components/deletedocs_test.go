package components

import (
	"context"
	"testing"

	"hashiya/db"
)

// TestDeleteSummaryReads: the confirmation's sentence agrees in number
// with what is deleted, and says apart how many annotators' layers are
// marked done and how many gold layers are reviewed, naming gold only
// when there is a gold layer and leaving out a count of none.
func TestDeleteSummaryReads(t *testing.T) {
	for _, c := range []struct {
		docs []db.DocumentLoss
		want string
	}{
		{[]db.DocumentLoss{{}}, "1 document, which nobody has annotated yet."},
		{[]db.DocumentLoss{{}, {}}, "2 documents, which nobody has annotated yet."},
		{[]db.DocumentLoss{{Layers: 1, Spans: 2}}, "1 document, with 2 spans in 1 annotator layer."},
		{[]db.DocumentLoss{{Layers: 1, Finished: 1, Done: 1, Spans: 1, Relations: 1}}, "1 document, with 1 span and 1 link in 1 annotator layer (marked done)."},
		{[]db.DocumentLoss{{Layers: 2, Gold: true, Finished: 1, Done: 1, Spans: 3}, {Layers: 2, Spans: 1}},
			"2 documents, with 4 spans in 3 annotator layers (1 marked done) and 1 gold layer."},
		{[]db.DocumentLoss{{Layers: 2, Gold: true, Finished: 1, GoldDone: true, Spans: 3}, {Layers: 2, Gold: true, Finished: 2, Done: 1, GoldDone: true}},
			"2 documents, with 3 spans in 2 annotator layers (1 marked done) and 2 gold layers (all reviewed)."},
		{[]db.DocumentLoss{{Layers: 3, Gold: true, Finished: 2, Done: 2, Spans: 3}, {Layers: 2, Gold: true, Finished: 1, GoldDone: true}},
			"2 documents, with 3 spans in 3 annotator layers (2 marked done) and 2 gold layers (1 reviewed)."},
		{[]db.DocumentLoss{{Layers: 1, Gold: true, Spans: 1}}, "1 document, with 1 span in 1 gold layer."},
		{[]db.DocumentLoss{{Layers: 1, Gold: true, Finished: 1, GoldDone: true, Spans: 1}}, "1 document, with 1 span in 1 gold layer (reviewed)."},
		{[]db.DocumentLoss{{Layers: 1}}, "1 document, with no spans in 1 annotator layer."},
		{[]db.DocumentLoss{{Notes: 1}}, "1 document, which nobody has annotated yet. The note written on it goes too."},
		{[]db.DocumentLoss{{Notes: 2}, {Layers: 1, Notes: 1}}, "2 documents, with no spans in 1 annotator layer. The 3 notes written on them go too."},
	} {
		if got := (DeleteDocumentsView{Docs: c.docs}).summary(context.Background()); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.docs, got, c.want)
		}
	}
}
