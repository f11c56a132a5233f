package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserNewProject: an admin types a name on the home page, presses
// Enter and is on the new project's page, told what to do next; a name
// taken comes back with the field marked and focused.
func TestBrowserNewProject(t *testing.T) {
	s := newSite(t)
	b := newBrowser(t, s)
	b.run(chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(`#new-project-name`))
	b.run(chromedp.SendKeys(`#new-project-name`, "مشروع التقارير\n"))
	b.waitFor(`location.search === "?done=created" && document.readyState === "complete"`)
	if got := eval[string](b, `document.querySelector('h1').textContent + ' | ' + document.getElementById('form-notice').textContent`); got != "مشروع التقارير | Project created. Import its documents, check its labels and add its members below." {
		t.Errorf("after Create project: %q", got)
	}
	b.run(chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(`#new-project-name`))
	b.run(chromedp.SendKeys(`#new-project-name`, "مشروع التقارير\n"))
	b.waitFor(`document.getElementById('new-project-error') !== null && document.readyState === "complete"`)
	if got := eval[string](b, `document.activeElement.id + ' ' + document.activeElement.getAttribute('aria-invalid') + ' ' + document.activeElement.value`); got != "new-project-name true مشروع التقارير" {
		t.Errorf("after a taken name, focus and field: %q", got)
	}
}
