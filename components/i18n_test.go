package components

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestArabicPluralForms(t *testing.T) {
	for n, want := range map[int]int{0: 0, 1: 1, 2: 2, 3: 3, 10: 3, 11: 4, 99: 4, 100: 5, 101: 5, 102: 5, 103: 3, 111: 4, 1000: 5} {
		if got := arabicPlural(n); got != want {
			t.Errorf("arabicPlural(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestMessagesInEachLanguage(t *testing.T) {
	en, ar := context.Background(), WithLang(context.Background(), Arabic)
	if got := T(ar, "Settings"); got != "الإعدادات" {
		t.Errorf("T(ar, Settings) = %q", got)
	}
	if got := T(en, "Settings"); got != "Settings" {
		t.Errorf("T(en, Settings) = %q", got)
	}
	if got := T(ar, "a message nobody entered"); got != "a message nobody entered" {
		t.Errorf("a message without an entry = %q, want its English", got)
	}
	if got := Tf(ar, "Revoke token %s", "ci"); got != "إلغاء الرمز ci" {
		t.Errorf("Tf = %q", got)
	}
	arabicCounts["%d test things"] = [6]string{"لا شيء", "شيء واحد", "شيئان", "%d أشياء", "%d شيئًا", "%d شيء"}
	defer delete(arabicCounts, "%d test things")
	for n, want := range map[int]string{0: "لا شيء", 1: "شيء واحد", 2: "شيئان", 5: "5 أشياء", 12: "12 شيئًا", 100: "100 شيء"} {
		if got := Tn(ar, n, "%d test thing", "%d test things"); got != want {
			t.Errorf("Tn(ar, %d) = %q, want %q", n, got, want)
		}
	}
	if got := Tn(en, 1, "one test thing", "%d test things"); got != "one test thing" {
		t.Errorf("Tn(en, 1) = %q", got)
	}
	if got := Tn(en, 3, "one test thing", "%d test things"); got != "3 test things" {
		t.Errorf("Tn(en, 3) = %q", got)
	}
}

// message is one use of a message in the code, where it is.
type message struct {
	text, other string // other: a count's English other form
	at          string
}

var (
	goMessage = regexp.MustCompile(`\b(?:T|Tf|Msg|tr|h\.page)\(\s*(?:[\w.()]+,\s*)?("(?:[^"\\]|\\.)*")`)
	goCount   = regexp.MustCompile(`\bTn\(\s*[\w.()]+,\s*[^,]+,\s*("(?:[^"\\]|\\.)*"),\s*("(?:[^"\\]|\\.)*")`)
	jsMessage = regexp.MustCompile(`\bt\(\s*('(?:[^'\\]|\\.)*')`)
	jsCount   = regexp.MustCompile(`\btn\(\s*[^,]+,\s*('(?:[^'\\]|\\.)*'),\s*('(?:[^'\\]|\\.)*')`)
	goVerb    = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)
	jsSlot    = regexp.MustCompile(`\{\d+\}`)
)

// usedMessages finds the messages the files matching pattern use, by
// the regular expressions given (the second, when set, finds counts).
func usedMessages(t *testing.T, pattern string, one, count *regexp.Regexp, unquote func(string) (string, error)) []message {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	var found []message
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasSuffix(f, "_templ.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			at := fmt.Sprintf("%s:%d", f, i+1)
			for _, m := range one.FindAllStringSubmatch(line, -1) {
				s, err := unquote(m[1])
				if err != nil {
					t.Fatalf("%s: %s: %v", at, m[1], err)
				}
				found = append(found, message{text: s, at: at})
			}
			for _, m := range count.FindAllStringSubmatch(line, -1) {
				o, err1 := unquote(m[1])
				s, err2 := unquote(m[2])
				if err1 != nil || err2 != nil {
					t.Fatalf("%s: a count's forms do not read as strings: %s, %s", at, m[1], m[2])
				}
				found = append(found, message{text: o, other: s, at: at})
			}
		}
	}
	return found
}

// unquoteJS reads a single-quoted JS string literal.
func unquoteJS(s string) (string, error) {
	inner := s[1 : len(s)-1]
	inner = strings.ReplaceAll(inner, `"`, `\"`)
	inner = strings.ReplaceAll(inner, `\'`, `'`)
	return strconv.Unquote(`"` + inner + `"`)
}

// sameSlots says whether translation takes what msg takes: the same
// formatting verbs, as a multiset, for Go; the same {n} for JS.
func sameSlots(slots *regexp.Regexp, msg, translation string) bool {
	norm := func(s string) string {
		found := slots.FindAllString(s, -1)
		for i, v := range found {
			found[i] = regexp.MustCompile(`\[\d+\]`).ReplaceAllString(v, "")
		}
		sort.Strings(found)
		return strings.Join(found, " ")
	}
	return norm(msg) == norm(translation)
}

// TestEveryMessageHasArabic finds each message the pages and scripts
// show through T, Tf, Tn, Msg, a page title, t or tn, and fails on any
// without an Arabic entry or whose entry takes other arguments.
func TestEveryMessageHasArabic(t *testing.T) {
	var missing []string
	var goUses []message
	for _, pattern := range []string{"*.templ", "*.go", "../web/*.go"} {
		goUses = append(goUses, usedMessages(t, pattern, goMessage, goCount, strconv.Unquote)...)
	}
	if len(goUses) == 0 {
		t.Fatal("found no message in the Go code: is the pattern wrong?")
	}
	for _, m := range goUses {
		if m.other != "" {
			forms, ok := arabicCounts[m.other]
			if !ok {
				missing = append(missing, fmt.Sprintf("%s: count %q", m.at, m.other))
			}
			for i, f := range forms {
				if f == "" || (strings.Contains(f, "%") && !sameSlots(goVerb, m.other, f)) {
					missing = append(missing, fmt.Sprintf("%s: count %q: form %d %q takes other arguments", m.at, m.other, i, f))
				}
			}
			continue
		}
		ar, ok := arabic[m.text]
		switch {
		case !ok:
			missing = append(missing, fmt.Sprintf("%s: %q", m.at, m.text))
		case ar == "" || !sameSlots(goVerb, m.text, ar):
			missing = append(missing, fmt.Sprintf("%s: %q: its Arabic %q takes other arguments", m.at, m.text, ar))
		}
	}

	js := jsCatalogue(t)
	for _, m := range usedMessages(t, "../web/static/*.js", jsMessage, jsCount, unquoteJS) {
		key := m.text
		if m.other != "" {
			key = m.other
		}
		entry, ok := js[key]
		if !ok {
			missing = append(missing, fmt.Sprintf("%s: %q", m.at, key))
			continue
		}
		if m.other == "" {
			s, isString := entry.(string)
			if !isString || s == "" || !sameSlots(jsSlot, key, s) {
				missing = append(missing, fmt.Sprintf("%s: %q: its Arabic %v is not one string taking the same {n}", m.at, key, entry))
			}
			continue
		}
		forms, isList := entry.([]any)
		if !isList || len(forms) != 6 {
			missing = append(missing, fmt.Sprintf("%s: count %q: its Arabic is not a list of six forms", m.at, key))
			continue
		}
		for i, f := range forms {
			s, _ := f.(string)
			for _, slot := range jsSlot.FindAllString(s, -1) {
				if !strings.Contains(m.other, slot) {
					missing = append(missing, fmt.Sprintf("%s: count %q: form %d uses %s, which the English does not", m.at, key, i, slot))
				}
			}
			if s == "" {
				missing = append(missing, fmt.Sprintf("%s: count %q: form %d is empty", m.at, key, i))
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d messages have no Arabic entry (or a wrong one); enter them in components/i18n_ar_*.go or web/static/messages-ar-*.js:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// jsCatalogue reads the scripts' Arabic entries, from every
// web/static/messages-ar-*.js, failing on a message entered in two.
func jsCatalogue(t *testing.T) map[string]any {
	t.Helper()
	files, err := filepath.Glob("../web/static/messages-ar-*.js")
	if err != nil || len(files) == 0 {
		t.Fatalf("no messages-ar-*.js: %v", err)
	}
	all := map[string]any{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		body := string(src)
		body = body[strings.Index(body, "{") : strings.LastIndex(body, "}")+1]
		var entries map[string]any
		if err := json.Unmarshal([]byte(body), &entries); err != nil {
			t.Fatalf("%s is not a JSON object after its export: %v", f, err)
		}
		for k, v := range entries {
			if _, dup := all[k]; dup {
				t.Errorf("%s: %q is entered in another messages-ar file too", f, k)
			}
			all[k] = v
		}
	}
	return all
}
