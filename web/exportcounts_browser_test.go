package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/components"
	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserExportCountsFollowFilters: choosing a status or a part in
// the export form changes each layer's figures to those of what Download
// would then write, and the download holds as many documents as gold's
// option says.
func TestBrowserExportCountsFollowFilters(t *testing.T) {
	const text = "قال أحمد إن الاتفاق مهم"
	var docs, gold []codec.Doc
	for i := range 30 {
		d := codec.Doc{Line: i + 1, ExternalID: fmt.Sprintf("d-%02d", i), Text: text}
		docs = append(docs, d)
		if i%3 != 2 {
			// Gold reviewed on a third of the documents, in progress on a third.
			d.Status = []string{"reviewed", "in_progress"}[i%3]
			d.Spans = []codec.Span{{Ref: "1", Start: 4, End: 8, Label: "PER"}}
			gold = append(gold, d)
		}
	}
	s := newSite(t, docs...)
	ctx := context.Background()
	if _, err := s.store.Import(ctx, db.ImportOptions{ProjectID: s.proj.ID, File: "gold", By: s.user.ID}, gold); err != nil {
		t.Fatal(err)
	}
	tally, err := s.store.ExportCounts(ctx, s.proj.ID, s.user)
	if err != nil {
		t.Fatal(err)
	}
	says := func(f db.ExportFilter) string { return "gold — " + components.LayerHolds(tally[f], "gold") }
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(`#export-status`))
	goldOption := `document.querySelector('#export-layer option[value="gold"]').textContent`
	if got, want := eval[string](b, goldOption), says(db.ExportFilter{}); got != want || !strings.Contains(got, "30 documents, 20 with this layer") {
		t.Fatalf("gold at any status reads %q, want %q", got, want)
	}

	// Reviewed, by the keyboard as a person picks it: a third of the documents.
	b.run(chromedp.SendKeys(`#export-status`, "r"))
	reviewed := says(db.ExportFilter{Status: "reviewed"})
	b.waitFor(fmt.Sprintf(`%s === %q`, goldOption, reviewed))
	if !strings.HasPrefix(reviewed, "gold — 10 documents, 10 with this layer, 10 spans") {
		t.Errorf("reviewed gold reads %q", reviewed)
	}
	// And in the train part only: fewer still.
	b.run(chromedp.SendKeys(`#export-part`, "t"))
	train := db.ExportFilter{Status: "reviewed", Part: "train"}
	b.waitFor(fmt.Sprintf(`%s === %q`, goldOption, says(train)))
	if n := tally[train].Written("gold"); n == 0 || n >= 10 {
		t.Errorf("reviewed gold in train writes %d documents; the fixture wants some, not all", n)
	}
	every := eval[string](b, `document.querySelector('#export-layer option[value="all"]').textContent`)
	if want := "every layer, a line each — " + components.LayerHolds(tally[train], db.AllLayers); every != want {
		t.Errorf("every layer reads %q, want %q", every, want)
	}
	// What Download fetches now has as many documents as the option says.
	lines := eval[int](b, `(() => {
	  const form = document.querySelector('form.export');
	  return fetch(form.action + '?' + new URLSearchParams(new FormData(form)))
	    .then((r) => r.text()).then((body) => body.split('\n').filter(Boolean).length);
	})()`)
	if want := fmt.Sprintf("gold — %s,", components.Plural(lines, "document")); !strings.HasPrefix(eval[string](b, goldOption), want) {
		t.Errorf("the download holds %d documents; gold reads %q", lines, eval[string](b, goldOption))
	}
	// Back to any status: the figures of every reviewed-or-not document in train.
	b.run(chromedp.SendKeys(`#export-status`, "a"))
	b.waitFor(fmt.Sprintf(`%s === %q`, goldOption, says(db.ExportFilter{Part: "train"})))
}
