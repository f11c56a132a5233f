package web_test

// The interface language: chosen in Settings, else the browser's
// Accept-Language, else English; documents keep their own direction.

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func acceptLanguage(v string) func(*http.Request) {
	return func(r *http.Request) { r.Header.Set("Accept-Language", v) }
}

var htmlTag = regexp.MustCompile(`<html lang="([a-z]+)" dir="([a-z]+)">`)

// pageLang is the lang and dir a page's <html> says.
func pageLang(t *testing.T, body string) (string, string) {
	t.Helper()
	m := htmlTag.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no <html lang dir> in the page: %.300s", body)
	}
	return m[1], m[2]
}

func TestLoginPageFollowsAcceptLanguage(t *testing.T) {
	s := newRoleWorld(t).server(t)
	for _, c := range []struct{ header, lang, dir, says string }{
		{"", "en", "ltr", "Log in"},
		{"ar", "ar", "rtl", "تسجيل الدخول"},
		{"ar-EG,ar;q=0.9,en;q=0.8", "ar", "rtl", "تسجيل الدخول"},
		{"fr-FR, en;q=0.5, ar;q=0.4", "en", "ltr", "Log in"},
		{"en;q=0.3, ar;q=0.7", "ar", "rtl", "تسجيل الدخول"},
		{"ar;q=0, en", "en", "ltr", "Log in"},
		{"ar;q=oops", "en", "ltr", "Log in"},
		{"de, fr", "en", "ltr", "Log in"},
	} {
		rec := s.get("/login", acceptLanguage(c.header))
		lang, dir := pageLang(t, rec.Body.String())
		if lang != c.lang || dir != c.dir || !strings.Contains(rec.Body.String(), "<h1>"+c.says+"</h1>") {
			t.Errorf("Accept-Language %q: lang %s dir %s, want %s %s with %q", c.header, lang, dir, c.lang, c.dir, c.says)
		}
		if got := rec.Header().Get("Content-Language"); got != c.lang {
			t.Errorf("Accept-Language %q: Content-Language %q, want %s", c.header, got, c.lang)
		}
		if !strings.Contains(rec.Header().Get("Vary"), "Accept-Language") {
			t.Errorf("Accept-Language %q: the answer does not vary by it: Vary %q", c.header, rec.Header().Get("Vary"))
		}
	}
}

func TestSettingsChoosesTheLanguage(t *testing.T) {
	s := newRoleWorld(t).server(t)
	setLang := func(v string) int {
		return s.send(asAnnotator, http.MethodPost, "/settings/language", "lang="+v, authzForm).Code
	}
	page := func() (string, string) {
		return pageLang(t, s.send(asAnnotator, http.MethodGet, "/settings", "", "").Body.String())
	}
	if code := setLang("ar"); code != http.StatusSeeOther {
		t.Fatalf("choosing Arabic: status %d", code)
	}
	rec := s.send(asAnnotator, http.MethodGet, "/settings?done=language", "", "")
	if lang, dir := pageLang(t, rec.Body.String()); lang != "ar" || dir != "rtl" {
		t.Errorf("after choosing Arabic the page is %s %s", lang, dir)
	}
	for _, want := range []string{"حُفظت لغة الواجهة.", `<option value="ar" lang="ar" selected>العربية</option>`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("the Settings page after choosing Arabic lacks %q", want)
		}
	}
	// A choice wins over the browser's.
	req := s.send(asAnnotator, http.MethodGet, "/", "", "")
	if lang, _ := pageLang(t, req.Body.String()); lang != "ar" {
		t.Errorf("home after choosing Arabic: lang %s", lang)
	}
	if s.events("user.language") != 1 {
		t.Errorf("the choice was logged %d times, want once", s.events("user.language"))
	}

	before := s.fingerprint()
	if code := setLang("fr"); code != http.StatusBadRequest {
		t.Errorf("choosing fr: status %d, want 400", code)
	}
	if changed := roleChangedTables(before, s.fingerprint()); len(changed) > 0 {
		t.Errorf("a refused language changed %v", changed)
	}

	if code := setLang(""); code != http.StatusSeeOther {
		t.Fatalf("choosing the browser's language: status %d", code)
	}
	if lang, dir := page(); lang != "en" || dir != "ltr" {
		t.Errorf("following a browser that asks for nothing: %s %s", lang, dir)
	}
}

// TestLoginPageChoosesTheLanguage chooses العربية on the login page of a
// browser asking for English: the choice is a cookie of that browser,
// kept through login until the user chooses in Settings, and "" forgets it.
func TestLoginPageChoosesTheLanguage(t *testing.T) {
	s := newRoleWorld(t).server(t)
	rec := s.send(asAnonymous, http.MethodPost, "/language", "lang=ar&next=%2Fprojects%2F1", authzForm)
	ck := authCookie(rec, "hashiya_lang")
	if rec.Code != http.StatusSeeOther || ck == nil || ck.Value != "ar" || !ck.HttpOnly {
		t.Fatalf("choosing Arabic: status %d, cookie %v", rec.Code, ck)
	}
	if to := rec.Header().Get("Location"); to != "/login?next=%2Fprojects%2F1" {
		t.Errorf("back to %q, want the login page leading on to /projects/1", to)
	}
	withCookie := func(r *http.Request) { r.AddCookie(ck) }
	login := s.get("/login", acceptLanguage("en"), withCookie)
	if lang, _ := pageLang(t, login.Body.String()); lang != "ar" {
		t.Errorf("the login page after choosing Arabic is %s", lang)
	}
	if !strings.Contains(login.Body.String(), `lang="en">English</button>`) {
		t.Error("the Arabic login page does not offer English")
	}
	session := s.loggedIn("annotator", withCookie)
	home := s.get("/", acceptLanguage("en"), withCookie, authWithSession(session.Value))
	if lang, _ := pageLang(t, home.Body.String()); lang != "ar" {
		t.Errorf("home after logging in with the cookie is %s", lang)
	}
	// A choice in Settings wins over the cookie.
	if code := s.send(asAnnotator, http.MethodPost, "/settings/language", "lang=en", authzForm).Code; code != http.StatusSeeOther {
		t.Fatalf("choosing English in Settings: %d", code)
	}
	if lang, _ := pageLang(t, s.send(asAnnotator, http.MethodGet, "/", "", "").Body.String()); lang != "en" {
		t.Errorf("Settings' English lost to the cookie: %s", lang)
	}
	if code := s.send(asAnonymous, http.MethodPost, "/language", "lang=xx", authzForm).Code; code != http.StatusBadRequest {
		t.Errorf("choosing xx: %d, want 400", code)
	}
	forget := authCookie(s.send(asAnonymous, http.MethodPost, "/language", "lang=", authzForm), "hashiya_lang")
	if forget == nil || forget.MaxAge >= 0 {
		t.Errorf("choosing the browser's language keeps the cookie: %v", forget)
	}
}
