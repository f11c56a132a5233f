package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestReviewMarkedReviewedNoneNext: Mark gold reviewed with no other
// document ready for review stays on the document, and the page says
// plainly that gold is marked reviewed and that no other document is
// ready, with a link back to the project, in English and in Arabic;
// Mark gold reviewed's question promises the next document only if
// there is one.
func TestReviewMarkedReviewedNoneNext(t *testing.T) {
	te := newTeamEnv(t)
	review := fmt.Sprintf("/documents/%d/review", te.doc.ID)
	project := fmt.Sprintf("/projects/%d", te.proj.ID)
	question := htmlPage(t, te.rana.get(review), http.StatusOK).Find("#mark-reviewed").AttrOr("data-confirm", "")
	if !strings.HasSuffix(question, "and the next document ready for review opens, if there is one.") {
		t.Errorf("Mark gold reviewed asks %q", question)
	}
	redirectsTo(t, te.rana.post(review+"/done", url.Values{"force": {"1"}}), review+"?done=reviewed")
	for _, c := range []struct{ lang, notice, back string }{
		{"en", "Gold is marked reviewed. No other document of this project is ready for review. Back to the project", "Back to the project"},
		{"ar", "انتهت مراجعة الطبقة الذهبية. لا مستند آخر في هذا المشروع جاهز للمراجعة. العودة إلى المشروع", "العودة إلى المشروع"},
	} {
		req := httptest.NewRequest(http.MethodGet, review+"?done=reviewed", nil)
		req.Header.Set("Accept-Language", c.lang)
		rec := te.rana.request(req)
		d, err := goquery.NewDocumentFromReader(rec.Body)
		if err != nil || rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %v", c.lang, rec.Code, err)
		}
		notice := d.Find("#form-notice")
		if got := strings.Join(strings.Fields(notice.Text()), " "); got != c.notice {
			t.Errorf("%s: the notice reads %q, want %q", c.lang, got, c.notice)
		}
		if a := notice.Find("a#reviewed-back"); a.AttrOr("href", "") != project || a.Text() != c.back {
			t.Errorf("%s: the notice's link is %q to %q", c.lang, a.Text(), a.AttrOr("href", ""))
		}
	}
}
