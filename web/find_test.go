package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestFindInDocument: the find API answers every place a word stands,
// spelling folded, in code points that slice the text; it names what is
// wrong with a query it refuses.
func TestFindInDocument(t *testing.T) {
	env := newAPIEnv(t) // apiText: "قال 😀 الوزير أحمد 👍🏽 إن «الاقتصاد ينمو» في الرياض."
	find := func(q string) *http.Response {
		return env.do(http.MethodGet, fmt.Sprintf("/api/v1/documents/%d/find?q=%s", env.doc.ID, url.QueryEscape(q)), nil).Result()
	}
	res := find("احمد")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("find: %d", res.StatusCode)
	}
	var got struct {
		Matches []struct {
			Start, End int
			Text       string
		}
		More bool
	}
	if err := json.NewDecoder(res.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	rs := []rune(apiText)
	if len(got.Matches) != 1 || got.More {
		t.Fatalf("find احمد: %+v", got)
	}
	if m := got.Matches[0]; m.Text != "أحمد" || string(rs[m.Start:m.End]) != "أحمد" || m.Start != 13 {
		t.Errorf("find احمد: %+v, want أحمد at 13 (after the emoji, in code points)", m)
	}
	for q, want := range map[string]string{
		"   ":                    "q: say what to find",
		strings.Repeat("ا", 201): "q: 201 characters is longer than the 200 a find looks for",
	} {
		rec := env.do(http.MethodGet, fmt.Sprintf("/api/v1/documents/%d/find?q=%s", env.doc.ID, url.QueryEscape(q)), nil)
		if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("find %q: %d %s, want 400 %q", q, rec.Code, rec.Body.String(), want)
		}
	}
}
