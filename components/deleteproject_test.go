package components

import (
	"context"
	"testing"

	"hashiya/db"
)

// TestDeleteProjectSummaryReads: the confirmation of a project's
// deletion says what goes in English and in Arabic, a count of none
// said as none or left out, never as 0, and Arabic's words agreeing
// with one, two or more documents.
func TestDeleteProjectSummaryReads(t *testing.T) {
	ar := WithLang(context.Background(), Arabic)
	annotated := []db.DocumentLoss{{Layers: 1, Spans: 2}}
	for _, c := range []struct {
		loss     db.ProjectLoss
		en, arab string
	}{
		{db.ProjectLoss{}, "only its label set: the project has no members and no documents.",
			"مجموعة وسومه وحدها: لا أعضاء في المشروع ولا مستندات."},
		{db.ProjectLoss{Members: 1}, "its label set and 1 member; it holds no documents.",
			"مجموعة وسومه وعضو واحد، ولا مستندات فيه."},
		{db.ProjectLoss{Documents: []db.DocumentLoss{{}}}, "its label set and 1 document, which nobody has annotated yet.",
			"مجموعة وسومه ومستند واحد لم يسِمه أحد بعد."},
		{db.ProjectLoss{Members: 2, Documents: []db.DocumentLoss{{}, {}}}, "its label set, 2 members and 2 documents, which nobody has annotated yet.",
			"مجموعة وسومه وعضوان ومستندان لم يسِمهما أحد بعد."},
		{db.ProjectLoss{Members: 3, Documents: []db.DocumentLoss{{}, {}, {}}}, "its label set, 3 members and 3 documents, which nobody has annotated yet.",
			"مجموعة وسومه و3 أعضاء و3 مستندات لم يسِمها أحد بعد."},
		{db.ProjectLoss{Documents: annotated}, "its label set and 1 document, with 2 spans in 1 annotator layer.",
			"مجموعة وسومه ومستند واحد، ومقطعان في طبقة موسِّم واحدة."},
		{db.ProjectLoss{Members: 1, Documents: []db.DocumentLoss{{Layers: 1}}}, "its label set, 1 member and 1 document, with no spans in 1 annotator layer.",
			"مجموعة وسومه وعضو واحد ومستند واحد، ولا مقاطع في طبقة موسِّم واحدة."},
		{db.ProjectLoss{Members: 2, Documents: []db.DocumentLoss{{Layers: 1, Spans: 1, Notes: 2}}}, "its label set, 2 members and 1 document, with 1 span in 1 annotator layer. The 2 notes written on it go too.",
			"مجموعة وسومه وعضوان ومستند واحد، ومقطع واحد في طبقة موسِّم واحدة. وتُحذف معه الملاحظتان المكتوبتان عليه."},
		{db.ProjectLoss{Members: 2, Documents: []db.DocumentLoss{{Notes: 1}, {Notes: 2}, {}}}, "its label set, 2 members and 3 documents, which nobody has annotated yet. The 3 notes written on them go too.",
			"مجموعة وسومه وعضوان و3 مستندات لم يسِمها أحد بعد. وتُحذف معها 3 ملاحظات مكتوبة عليها."},
	} {
		v := DeleteProjectView{Loss: c.loss}
		if got := v.summary(context.Background()); got != c.en {
			t.Errorf("%+v in English:\n got %q\nwant %q", c.loss, got, c.en)
		}
		if got := v.summary(ar); got != c.arab {
			t.Errorf("%+v in Arabic:\n got %q\nwant %q", c.loss, got, c.arab)
		}
	}
}
