package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"hashiya/db"
)

// TestReviewRowsLinkToTheirParagraph: each review row links to its
// paragraph in Compare in the text, on the page of paragraphs holding
// it (a long text comes in pages), every paragraph drawn when its own
// is one everyone agrees on (folded away by default), and following the
// link draws that paragraph, the row's span marked in it. The paragraphs
// are counted as Compare counts them: lines with text, whatever their
// line breaks.
func TestReviewRowsLinkToTheirParagraph(t *testing.T) {
	te := newTeamEnv(t)
	filler := strings.Repeat("كلام ", 2400) // 12,000 code points: a page holds one such paragraph
	text := filler + "القاهرة\r\n" + filler + "الرياض\n\n" + filler + "بغداد"
	doc := te.importDoc("long", text)
	mark := func(u db.User, words ...string) {
		for _, w := range words {
			start, end := cpSpan(t, text, w)
			if _, err := te.store.CreateSpan(context.Background(), doc, u.ID, u.ID, db.SpanInput{Start: start, End: end, Label: "LOC"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	mark(te.layla.user, "القاهرة", "الرياض", "بغداد")
	mark(te.karim.user, "القاهرة", "بغداد")

	review := htmlPage(t, te.rana.get(fmt.Sprintf("/documents/%d/review", doc.ID)), http.StatusOK)
	compare := fmt.Sprintf("/documents/%d/review/compare", doc.ID)
	for _, tc := range []struct{ word, href string }{
		{"القاهرة", compare + "?show=all#p-1"},
		{"الرياض", compare + "?page=2#p-2"},
		{"بغداد", compare + "?page=3&show=all#p-3"},
	} {
		start, end := cpSpan(t, text, tc.word)
		link := review.Find(fmt.Sprintf("tr#c-%d-%d-LOC a.in-text", start, end))
		if got := link.AttrOr("href", ""); got != tc.href {
			t.Errorf("%s links to %q, want %q", tc.word, got, tc.href)
			continue
		}
		if got, want := link.AttrOr("aria-label", ""), "Show LOC “"+tc.word+"” in the text"; got != want {
			t.Errorf("%s's link is named %q, want %q", tc.word, got, want)
		}
		target, id, _ := strings.Cut(tc.href, "#")
		para := htmlPage(t, te.rana.get(target), http.StatusOK).Find("section#" + id)
		if para.Length() != 1 || para.ParentsFiltered("details").Length() != 0 {
			t.Errorf("%s: %s draws %d paragraphs %s, folded: %v", tc.word, target, para.Length(), id, para.ParentsFiltered("details").Length() > 0)
			continue
		}
		if got := para.Find(fmt.Sprintf(`.cmp-line a.cmp-seg[data-start="%d"]`, start)).First().Text(); got != tc.word {
			t.Errorf("%s: paragraph %s of %s marks %q there", tc.word, id, target, got)
		}
	}
}
