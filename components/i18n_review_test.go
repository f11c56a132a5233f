package components

import (
	"context"
	"testing"

	"hashiya/db"
)

// TestReviewTextsInArabic: the review's sentences built in Go read in
// Arabic with Arabic's count forms and names isolated, and as before in
// English, thousands marked.
func TestReviewTextsInArabic(t *testing.T) {
	en, ar := context.Background(), WithLang(context.Background(), Arabic)
	two := Review{Layers: []db.OwnedLayer{{Name: "karim"}, {Name: "layla"}}}
	one := Review{Layers: []db.OwnedLayer{{Name: "layla"}}}
	for _, tc := range []struct {
		name, got, want string
	}{
		{"agreed label, English", two.agreedLabel(en, 1902), "Accept the 1,902 spans both annotators marked"},
		{"agreed label, English, one", two.agreedLabel(en, 1), "Accept the 1 span both annotators marked"},
		{"agreed label, Arabic", two.agreedLabel(ar, 2), "قبول ما وسمه الموسِّمان كلاهما (مقطعان)"},
		{"agreed label, Arabic, one layer", one.agreedLabel(ar, 12), "قبول ما في طبقة \u2068layla\u2069 (12 مقطعًا)"},
		{"nothing left, Arabic", one.agreedLabel(ar, 0), "لم يبقَ في طبقة \u2068layla\u2069 مقطع للقبول"},
		{"undecided, English", undecidedText(en, 1, 3), "1 of 3 spans undecided."},
		{"undecided, Arabic", undecidedText(ar, 1, 2), "لم يُحسم 1 من المقاطع، وعددها مقطعان."},
		{"names, English", namesText(en, []string{"karim", "layla"}), "karim, layla"},
		{"names, Arabic", namesText(ar, []string{"karim", "layla"}), "\u2068karim\u2069، \u2068layla\u2069"},
		{"labels, Arabic", labelsText(ar, []string{"GPE", "LOC", "ORG"}), "GPE، LOC وORG"},
		{"labels, English", labelsText(en, []string{"GPE", "LOC", "ORG"}), "GPE, LOC and ORG"},
		{"spans and links, English", SpansAndLinksIn(en, 1902, 1), "1,902 spans and 1 link"},
		{"spans and links, Arabic", SpansAndLinksIn(ar, 2, 11), "مقطعان و11 رابطًا"},
		{"undecided stay, English", undecidedStay(en, 1), "The undecided span stays out of gold."},
		{"chip, Arabic", chipText(ar, "QUOTE ← "+isolate("not in text")+" ≠ "+isolate("gold")+": "+isolate("?")), "QUOTE ← \u2068ليس في النص\u2069 ≠ \u2068الذهبية\u2069: \u2068?\u2069"},
		{"chip, English", chipText(en, "QUOTE ← "+isolate("not in text")), "QUOTE ← \u2068not in text\u2069"},
		{"agreed fold, English", agreedSummary(en, 1234), "1,234 paragraphs where everyone agrees"},
		{"gold reviewed, English", goldFinishedText(en, "reviewed"), "Gold is marked reviewed: a manager reopens it before it changes."},
		{"gold done, English", goldFinishedText(en, "done"), "Gold is marked done: a manager reopens it before it changes."},
		{"gold reviewed, Arabic", goldFinishedText(ar, "reviewed"), "الطبقة الذهبية مُراجَعة: يعيد مدير فتحها قبل أن تتغير."},
		{"gold done, Arabic", goldFinishedText(ar, "done"), "الطبقة الذهبية منجزة: يعيد مدير فتحها قبل أن تتغير."},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
