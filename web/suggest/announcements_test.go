package suggest

import "testing"

// TestSuggestAnnouncements covers أعلن عن and كشف عن: an event named by a
// verbal noun after عن is reported speech, a thing made known is not, and
// its announcer still speaks a later أعلن أنه.
func TestSuggestAnnouncements(t *testing.T) {
	cases := []reportedCase{
		{name: "an event after عن", text: "وأعلنت الجامعة عن بدء الدروس في فرعها الجديد الشهر المقبل .",
			quotes:  []string{"بدء الدروس في فرعها الجديد الشهر المقبل"},
			speaker: map[string]string{"بدء الدروس في فرعها الجديد الشهر المقبل": "ORG الجامعة"}},
		{name: "a derived verbal noun after عن", text: "وأعلنت الشركة عن تكثيف رحلاتها إلى دمشق .",
			quotes: []string{"تكثيف رحلاتها إلى دمشق"}},
		{name: "a thing made known, then أعلن أنه", text: "وأعلن الدكتور سعيد راتب عن مشروعات عديدة تعتزم الهيئة تقديمها . وأعلن أنه سيتم تقييم التجربة .",
			quotes:  []string{"سيتم تقييم التجربة"},
			speaker: map[string]string{"سيتم تقييم التجربة": "PER الدكتور سعيد راتب"}},
		{name: "a number of things", text: "وكشفت المؤسسة عن عدد من المراكز الجديدة في المنطقة .",
			quotes: nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
