package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestConsistencyShowsInvisibleMarks: spellings that differ only by an
// invisible mark show the mark by its short name with its full name for a
// screen reader, and say how they differ from the first; a tatweel
// difference is named too. The places still open the stored extent, mark
// included. The layer links are spaced, mark the one shown, and offer only
// users who have a layer (not the members who have none).
func TestConsistencyShowsInvisibleMarks(t *testing.T) {
	te := newTeamEnv(t)
	const rlm = "\u200f"
	doc := te.importDoc("doc-marks", "لبنان و "+rlm+"لبنان و لبنان"+rlm+" و محـمد و محمد و محمد")
	add := func(owner int64, word, label string) db.Span {
		t.Helper()
		start, end := cpSpan(t, doc.Text, word)
		sp, err := te.store.CreateSpan(context.Background(), doc, owner, te.user.ID, db.SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	add(te.layla.user.ID, "لبنان", "GPE")
	karims := add(te.karim.user.ID, rlm+"لبنان", "LOC")
	add(0, "لبنان"+rlm, "LOC")
	add(te.layla.user.ID, "محمد", "PER")
	add(te.karim.user.ID, "محـمد", "ORG")
	page := fmt.Sprintf("/projects/%d/consistency", te.proj.ID)
	d := htmlPage(t, te.rana.get(page), http.StatusOK)

	texts := map[string]*goquery.Selection{}
	d.Find("#conflicts tbody tr td:first-child").Each(func(_ int, td *goquery.Selection) {
		texts[td.Find("bdi.spelling").First().Text()] = td
	})
	lebanon := texts["لبنان"]
	if lebanon == nil {
		t.Fatalf("no row for لبنان; rows %v", keys(texts))
	}
	if got := lebanon.Text(); strings.Contains(got, rlm) {
		t.Errorf("the row shows the mark itself, unseen: %q", got)
	}
	var shown []string
	lebanon.Find("bdi.spelling").Each(func(_ int, b *goquery.Selection) {
		var parts []string
		b.Contents().Each(func(_ int, n *goquery.Selection) {
			if n.HasClass("invisible-mark") {
				parts = append(parts, "["+n.Find(`[aria-hidden="true"]`).Text()+"|"+n.Find(".visually-hidden").Text()+"]")
			} else {
				parts = append(parts, strings.TrimSpace(n.Text()))
			}
		})
		shown = append(shown, strings.Join(parts, ""))
	})
	want := "لبنان, لبنان[RLM|right-to-left mark], [RLM|right-to-left mark]لبنان"
	if strings.Join(shown, ", ") != want {
		t.Errorf("the spellings show as %q, want %q", strings.Join(shown, ", "), want)
	}
	if got := lebanon.Find(".spelling-diff").Map(func(_ int, s *goquery.Selection) string { return s.Text() }); strings.Join(got, " ") != "(differs by RLM) (differs by RLM)" {
		t.Errorf("the differences read %q", got)
	}
	if href := fmt.Sprintf(`a[href$="layer=karim&at=%d-%d"]`, karims.Start, karims.End); d.Find(href).Length() != 1 {
		t.Errorf("karim's place does not open the stored extent %d–%d, mark included", karims.Start, karims.End)
	}
	if muhammad := texts["محـمد"]; muhammad == nil || muhammad.Find(".spelling-diff").Text() != "(differs by tatweel)" {
		t.Errorf("the tatweel spelling is not named; rows %v", keys(texts))
	}

	filter := func(d *goquery.Document) (string, string) {
		return strings.Join(strings.Fields(d.Find("nav.layer-filter").Text()), " "),
			d.Find(`nav.layer-filter a[aria-current="page"]`).Text()
	}
	if links, current := filter(d); links != "Layers: every layer · gold · karim · layla" || current != "every layer" {
		t.Errorf("the layer links read %q, the current one %q", links, current)
	}
	for _, layer := range []string{"gold", "karim"} {
		if _, current := filter(htmlPage(t, te.rana.get(page+"?layer="+layer), http.StatusOK)); current != layer {
			t.Errorf("?layer=%s marks %q as shown", layer, current)
		}
	}
}

func keys(m map[string]*goquery.Selection) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
