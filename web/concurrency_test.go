package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentSavesThroughHTTP has eight annotating tabs racing through
// the whole server (session, CSRF, validation, the one writer) while two
// more read the layer: every save answered 201 is stored, none is
// refused as busy, and no read fails.
func TestConcurrentSavesThroughHTTP(t *testing.T) {
	env := newAPIEnv(t)
	doc := env.importDoc("long", strings.Repeat("كلمة ", 200))
	const writers, each = 8, 20
	spans := fmt.Sprintf("/api/v1/documents/%d/spans", doc.ID)
	send := func(method, target, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		if method != http.MethodGet {
			req.Header.Set("Content-Type", "application/json")
			req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
			req.Header.Set("X-CSRF-Token", apiCSRF)
		}
		return env.serve(req)
	}
	var wg sync.WaitGroup
	failures := make(chan string, writers*each+100)
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if rec := send(http.MethodGet, spans, ""); rec.Code != http.StatusOK {
					failures <- fmt.Sprintf("read: %d %s", rec.Code, rec.Body)
				}
			}
		}()
	}
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				word := (w*each + i) * 5 // each word is 4 letters and a space
				body := fmt.Sprintf(`{"start":%d,"end":%d,"label":"PER"}`, word, word+4)
				if rec := send(http.MethodPost, spans, body); rec.Code != http.StatusCreated {
					failures <- fmt.Sprintf("writer %d save %d: %d %s", w, i, rec.Code, rec.Body)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
	if n := len(env.layer(doc, env.user.ID).Spans); n != writers*each {
		t.Errorf("the layer holds %d spans after %d saves", n, writers*each)
	}
}
