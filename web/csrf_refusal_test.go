package web_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestStaleTokenFormSaysWhy: a form sent with its CSRF token missing, or
// with a token that is not the browser's current one (the page was opened
// before the token's cookie expired or changed), changes nothing, and its
// page says so and what to do in the user's language, not Echo's words;
// the JSON answer keeps an English reason, under Hashiya-Refused: csrf.
func TestStaleTokenFormSaysWhy(t *testing.T) {
	env := newAPIEnv(t)
	target := fmt.Sprintf("/projects/%d/delete", env.proj.ID)
	const stale = "token-of-a-cookie-long-expired-0"
	refusals := []struct {
		name   string
		cookie string // the browser's CSRF cookie; "" for none
		field  string // the form's _csrf; "" for none
		status int
	}{
		{"no _csrf field", apiCSRF, "", http.StatusBadRequest},
		{"the token of an expired cookie", apiCSRF, maskedCSRF(stale), http.StatusForbidden},
		{"the cookie gone", "", maskedCSRF(stale), http.StatusForbidden},
		{"a _csrf that is no token", apiCSRF, "not-a-token", http.StatusForbidden},
	}
	pages := []struct {
		lang, status, says string
		html               string
	}{
		{"en", "Forbidden", "This form was opened too long ago or before you logged in again, so it was not sent and nothing changed. Reload the page and send it again.", `<html lang="en" dir="ltr">`},
		{"ar", "غير مسموح", "فُتح هذا النموذج منذ وقت طويل أو قبل أن تسجّل الدخول مجددًا، فلم يُرسَل ولم يتغيّر شيء. أعد تحميل الصفحة وأرسله مرة أخرى.", `<html lang="ar" dir="rtl">`},
	}
	send := func(cookie, field, accept, lang string) *httptest.ResponseRecorder {
		form := url.Values{"name": {env.proj.Name}}
		if field != "" {
			form.Set("_csrf", field)
		}
		req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", accept)
		req.Header.Set("Accept-Language", lang)
		if cookie != "" {
			req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: cookie})
		}
		return env.serve(req)
	}
	for _, r := range refusals {
		for _, p := range pages {
			rec := send(r.cookie, r.field, "text/html,application/xhtml+xml", p.lang)
			body := rec.Body.String()
			if rec.Code != r.status {
				t.Errorf("%s, %s: status %d, want %d", r.name, p.lang, rec.Code, r.status)
			}
			title := fmt.Sprintf("%d %s", r.status, p.status)
			if r.status == http.StatusBadRequest {
				title = map[string]string{"en": "400 Bad Request", "ar": "400 طلب غير صالح"}[p.lang]
			}
			for _, want := range []string{p.html, title, p.says} {
				if !strings.Contains(body, want) {
					t.Errorf("%s, %s: the page lacks %q:\n%s", r.name, p.lang, want, body)
				}
			}
			if strings.Contains(strings.ToLower(body), "csrf token") {
				t.Errorf("%s, %s: the page speaks of CSRF tokens:\n%s", r.name, p.lang, body)
			}
		}
		// A script's answer: English, whatever the language, with the code
		// the page's scripts renew the token on.
		rec := send(r.cookie, r.field, "application/json", "ar")
		if rec.Code != r.status {
			t.Fatalf("%s, JSON: status %d, want %d", r.name, rec.Code, r.status)
		}
		msg := errorOf(t, rec)
		reason := "invalid CSRF token: it is not this browser's current one"
		if r.status == http.StatusBadRequest {
			reason = "missing CSRF token: send the page's token"
		}
		if !strings.HasPrefix(msg, reason) || rec.Header().Get("Hashiya-Refused") != "csrf" {
			t.Errorf("%s, JSON: %q under Hashiya-Refused %q, want the reason %q… under csrf", r.name, msg, rec.Header().Get("Hashiya-Refused"), reason)
		}
	}
	if _, err := env.store.Project(t.Context(), env.proj.ID); err != nil {
		t.Fatalf("the project is gone after refused deletes: %v", err)
	}
	// Control: the same form with the browser's current token deletes it.
	if rec := send(apiCSRF, maskedCSRF(apiCSRF), "text/html", "en"); rec.Code != http.StatusSeeOther {
		t.Fatalf("the genuine form: status %d: %.300s", rec.Code, rec.Body)
	}
	if _, err := env.store.Project(t.Context(), env.proj.ID); err == nil {
		t.Error("the genuine form did not delete the project")
	}
}

// TestCSRFTokenRoute: GET /csrf-token answers the browser's current token,
// masked as a page's meta tag has it, setting the cookie afresh when it
// is gone, as JSON no other site may read; a write sending it back passes
// the check, and the check still refuses it beside another cookie.
func TestCSRFTokenRoute(t *testing.T) {
	env := newAPIEnv(t)
	get := func(cookie string) (*httptest.ResponseRecorder, string) {
		req := httptest.NewRequest(http.MethodGet, "/csrf-token", nil)
		req.Header.Set("Origin", "https://elsewhere.example")
		if cookie != "" {
			req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: cookie})
		}
		rec := env.serve(req)
		expect(t, rec, http.StatusOK)
		var answer struct{ Token string }
		decodeJSON(t, rec, &answer)
		for h, want := range map[string]string{"Content-Type": "application/json", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"} {
			if got := rec.Header().Get(h); !strings.HasPrefix(got, want) {
				t.Errorf("%s: %q, want %q", h, got, want)
			}
		}
		for h := range rec.Header() {
			if strings.HasPrefix(h, "Access-Control-") {
				t.Errorf("the token is answered with %s, which lets another site read it", h)
			}
		}
		return rec, answer.Token
	}
	rec, masked := get(apiCSRF)
	if unmasked(t, masked) != apiCSRF {
		t.Errorf("the token answered is not the cookie's: %q", masked)
	}
	if _, again := get(apiCSRF); again == masked {
		t.Error("two answers carry the token masked alike")
	}

	// The cookie gone, the answer sets a new one and gives its token.
	rec, masked = get("")
	var fresh string
	for _, c := range rec.Result().Cookies() {
		if c.Name == "hashiya_csrf" && c.HttpOnly && c.SameSite == http.SameSiteLaxMode {
			fresh = c.Value
		}
	}
	if fresh == "" || unmasked(t, masked) != fresh {
		t.Fatalf("with no cookie: cookie %q, token %q", fresh, unmasked(t, masked))
	}
	write := func(cookie, header string) *httptest.ResponseRecorder {
		as, ae := cpSpan(t, apiText, "أحمد")
		req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/spans", env.doc.ID),
			strings.NewReader(fmt.Sprintf(`{"start":%d,"end":%d,"label":"PER"}`, as, ae)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", header)
		req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: cookie})
		return env.serve(req)
	}
	if rec := write(apiCSRF, masked); rec.Code != http.StatusForbidden || rec.Header().Get("Hashiya-Refused") != "csrf" {
		t.Errorf("the new token beside another cookie: status %d, %s", rec.Code, rec.Body)
	}
	if n := len(env.layer(env.doc, env.user.ID).Spans); n != 0 {
		t.Fatalf("%d spans stored by a refused write", n)
	}
	expect(t, write(fresh, masked), http.StatusCreated)
}

// unmasked undoes a page's masking of a CSRF token: base64url(pad ‖
// pad⊕token).
func unmasked(t *testing.T, s string) string {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) == 0 || len(b)%2 != 0 {
		t.Fatalf("%q is not a masked token", s)
	}
	n := len(b) / 2
	out := make([]byte, n)
	for i := range n {
		out[i] = b[i] ^ b[n+i]
	}
	return string(out)
}

// TestMaskedTokenInMultipartForm: the labels-file form is multipart, and
// carries the token masked as every page shows it; a browser that sends
// no Sec-Fetch-Site (one at a plain-HTTP address on a team's network) is
// judged by that token alone, which must pass, and a stale one is refused
// as any form's is.
func TestMaskedTokenInMultipartForm(t *testing.T) {
	env := newAPIEnv(t)
	labels := `{"labels":[{"name":"PER","color":"#1f77b4","hotkey":"1"}]}`
	post := func(field string) *httptest.ResponseRecorder {
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		if err := w.WriteField("_csrf", field); err != nil {
			t.Fatal(err)
		}
		part, err := w.CreateFormFile("file", "labels.json")
		if err != nil {
			t.Fatal(err)
		}
		part.Write([]byte(labels))
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/projects/%d/labels/file", env.proj.ID), &buf)
		req.Header.Set("Content-Type", w.FormDataContentType())
		req.Header.Set("Accept", "text/html")
		req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
		return env.serve(req)
	}
	if rec := post(maskedCSRF("token-of-a-cookie-long-expired-0")); rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "This form was opened too long ago") {
		t.Errorf("a stale masked token: status %d: %.300s", rec.Code, rec.Body)
	}
	if rec := post(maskedCSRF(apiCSRF)); rec.Code == http.StatusForbidden || rec.Code == http.StatusBadRequest && strings.Contains(rec.Body.String(), "This form was opened too long ago") {
		t.Errorf("the page's masked token is refused: status %d: %.300s", rec.Code, rec.Body)
	}
}
