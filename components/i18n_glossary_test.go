package components

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestArabicKeepsItsGlossary fails on an Arabic entry, of the pages or
// the scripts, that names one of the interface's concepts by another word
// than the one README's glossary gives it everywhere else, so a reader
// does not meet two words for one thing (المشار إليه beside يحيل إلى).
func TestArabicKeepsItsGlossary(t *testing.T) {
	all := map[string]string{}
	for k, v := range arabic {
		all[k] = v
	}
	for k, v := range arabicCounts {
		all[k] = strings.Join(v[:], " | ")
	}
	for k, v := range jsCatalogue(t) {
		all["script: "+k] = fmt.Sprint(v)
	}
	for _, g := range []struct {
		english, arabic string
		not             string // a word the entry must not use for it
	}{
		{english: `(?i)\bspeakers?\b`, arabic: `قائل|قال`},
		{english: `(?i)\bcues?\b`, arabic: `فعل|أفعال`},
		{english: `(?i)\bannotators?\b`, arabic: `موسِّم`},
		{english: `(?i)\breviewers?\b`, arabic: `مراجع`},
		{english: `(?i)\bquotations?\b`, arabic: `اقتباس`},
		{english: `(?i)\bdocuments?\b`, arabic: `مستند`},
		{english: `(?i)\bprojects?\b`, arabic: `مشروع|مشاريع`},
		{english: `(?i)\brefers? to\b`, arabic: `يحيل|المُحال`, not: `يشير|المشار`},
		{english: `(?i)\bdismiss\b`, arabic: `إخفاء`},
		{english: `(?i)\bsuggestions?\b`, arabic: `اقتراح|مقترح`},
		{english: `(?i)\bdisputed\b`, arabic: `مختلف`},
		{english: `(?i)\bmanagers?\b`, arabic: `مدير`},
		{english: `(?i)\bguidelines\b`, arabic: `الإرشادات`},
		{english: `(?i)\bmark(ed|ing)? gold reviewed\b`, arabic: `مراجعة`}, // as its button, إنهاء مراجعة
		{english: `(?i)\bpassage\b`, arabic: `.`, not: `مقطع`},             // مقطع is a span
	} {
		en, ar := regexp.MustCompile(g.english), regexp.MustCompile(g.arabic)
		var wrong []string
		for k, v := range all {
			if en.MatchString(k) && (!ar.MatchString(v) || g.not != "" && regexp.MustCompile(g.not).MatchString(v)) {
				wrong = append(wrong, fmt.Sprintf("%q: %q", k, v))
			}
		}
		sort.Strings(wrong)
		for _, w := range wrong {
			t.Errorf("%s is %s in Arabic (not %s), but %s", g.english, g.arabic, g.not, w)
		}
	}
}
