package components

import (
	"context"
	"strings"
	"testing"

	"hashiya/db"
)

// TestQueueLeftAgreesInArabic: the documents left in another project of
// one's queue are counted with the word for left agreeing with them, one
// (متبقٍّ), two (متبقيان) or more, in English as before.
func TestQueueLeftAgreesInArabic(t *testing.T) {
	for _, tc := range []struct {
		lang      Lang
		done, all int
		want      string
	}{
		{English, 0, 2, "0 / 2 done, 2 documents left"},
		{English, 1, 2, "1 / 2 done, 1 document left"},
		{Arabic, 1, 2, "1 / 2 منجز، مستند واحد متبقٍّ"},
		{Arabic, 0, 2, "0 / 2 منجز، مستندان متبقيان"},
		{Arabic, 0, 5, "0 / 5 منجز، 5 مستندات متبقية"},
		{Arabic, 0, 12, "0 / 12 منجز، 12 مستندًا متبقيًا"},
	} {
		var b strings.Builder
		ctx := WithLang(context.Background(), tc.lang)
		if err := otherWork([]db.QueueItem{{ProjectID: 1, ProjectName: "Demo", Done: tc.done, Total: tc.all}}).Render(ctx, &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(squashTags(b.String()), tc.want) {
			t.Errorf("%s, %d of %d: %q, want %q in it", tc.lang, tc.done, tc.all, squashTags(b.String()), tc.want)
		}
	}
}

// TestReviewReadyAgreesInArabic: the documents ready for review are
// counted with the word for ready agreeing with them, in English as
// before.
func TestReviewReadyAgreesInArabic(t *testing.T) {
	for _, tc := range []struct {
		lang  Lang
		ready int
		want  string
	}{
		{English, 1, "1 document ready for review (every annotator done)"},
		{English, 2, "2 documents ready for review (every annotator done)"},
		{Arabic, 0, "لا مستندات جاهزة للمراجعة"},
		{Arabic, 1, "مستند واحد جاهز للمراجعة"},
		{Arabic, 2, "مستندان جاهزان للمراجعة"},
		{Arabic, 4, "4 مستندات جاهزة للمراجعة"},
	} {
		var b strings.Builder
		ctx := WithLang(context.Background(), tc.lang)
		if err := reviewReady(db.ReviewItem{Documents: 5, Annotated: 5, Ready: tc.ready, Next: 1}).Render(ctx, &b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(squashTags(b.String()), tc.want) {
			t.Errorf("%s, %d ready: %q, want %q in it", tc.lang, tc.ready, squashTags(b.String()), tc.want)
		}
	}
}

// squashTags is markup's text, tags dropped and spaces made one.
func squashTags(html string) string {
	var out strings.Builder
	in := false
	for _, r := range html {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			out.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(out.String()), " ")
}
