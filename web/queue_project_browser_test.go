package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"hashiya/db"
	"hashiya/db/codec"
)

// TestBrowserQueueStaysInProject follows the audit's annotator: layla
// continues from Demo's page to its only document and marks it done. She
// stays in Demo, on its page, which says her work there is done and names
// ANERCorp, where work remains; the finished document's "Next document of
// your queue" brings her back there too, and ANERCorp's page continues in
// ANERCorp.
func TestBrowserQueueStaysInProject(t *testing.T) {
	ctx := context.Background()
	doc := func(line int, id, text string) codec.Doc {
		return codec.Doc{Line: line, ExternalID: id, Text: text, Meta: json.RawMessage(`{}`)}
	}
	s := newSite(t, doc(1, "only", "قال الوزير إن الاقتصاد ينمو."))
	layla := addSiteMember(t, s, "layla", db.RoleAnnotator)
	aner, err := s.store.CreateProject(ctx, "ANERCorp", nil, s.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.store.Import(ctx, db.ImportOptions{ProjectID: aner.ID, File: "aner", By: s.user.ID}, []codec.Doc{doc(1, "aner-0001", "وصل الوفد إلى الرياض.")}); err != nil {
		t.Fatal(err)
	}
	if err := s.store.SetMember(ctx, aner.ID, s.user, layla, db.RoleAnnotator); err != nil {
		t.Fatal(err)
	}
	demo := fmt.Sprintf("/projects/%d", s.proj.ID)
	only := s.docs["only"]

	b := newBrowser(t, s)
	b.relogin(s.url, "layla")
	b.run(chromedp.Navigate(s.url + demo))
	b.waitPath(demo)
	if got := eval[string](b, `document.querySelector('#your-work .count').textContent`); got != "0 / 1" {
		t.Errorf("Demo's page counts %q, want 0 / 1", got)
	}
	b.run(chromedp.Click(chromedp.ID("continue")))
	b.waitPath(fmt.Sprintf("/documents/%d", only.ID))
	b.run(chromedp.WaitVisible(chromedp.ID("mark-done")))
	b.answerDialogs("Mark this document done?", func() bool { return true })
	b.run(chromedp.Click(chromedp.ID("mark-done")))
	b.waitPath(demo)
	work := eval[string](b, `document.getElementById('your-work').innerText.replace(/\s+/g, ' ')`)
	for _, want := range []string{"Marked only done.", "1 / 1 done", "All your documents of Demo are done", "ANERCorp 0 / 1 done, 1 document left"} {
		if !strings.Contains(work, want) {
			t.Errorf("after Mark done Demo's page reads %q, without %q", work, want)
		}
	}
	b.checkAccessible(demo + " (its work done)")
	b.run(chromedp.EmulateViewport(1366, 768))
	b.screenshot("queue-project-done")

	// The finished document's way on stays in Demo as well.
	b.run(chromedp.Navigate(fmt.Sprintf("%s/documents/%d", s.url, only.ID)))
	b.waitPath(fmt.Sprintf("/documents/%d", only.ID))
	b.run(chromedp.Click(chromedp.CSS(`#readonly-note a[href^="/next"]`)))
	b.waitPath(demo)

	b.run(chromedp.Click(chromedp.CSS(`#your-work .other-work a.queue-project`)))
	b.waitPath(fmt.Sprintf("/projects/%d", aner.ID))
	b.run(chromedp.Click(chromedp.ID("continue")))
	b.waitFor(`document.readyState === "complete" && document.querySelector('.crumbs')?.textContent.includes('aner-0001')`)
	b.screenshot("queue-project-continue")
}
