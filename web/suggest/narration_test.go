package suggest

import "testing"

// TestSuggestQuotationEndsBeforeNarration covers straight marks paired
// across the writer's narration: the quotation ends at the sentence end
// before a short sentence opening with و and a cue, and a long one is
// still the speaker's.
func TestSuggestQuotationEndsBeforeNarration(t *testing.T) {
	cases := []reportedCase{
		{name: "a cue with its subject before the next marks", text: "وقال أنان : \" أنا مصدوم من قصف الموقع . وكشف أنان أنه تلقى \" ضمانات شخصية \" من رئيس الوزراء .",
			quotes:  []string{"أنا مصدوم من قصف الموقع", "تلقى \" ضمانات شخصية \" من رئيس الوزراء"},
			speaker: map[string]string{"تلقى \" ضمانات شخصية \" من رئيس الوزراء": "PER أنان"}},
		{name: "a long last sentence is the speaker's", text: "وقال المدير : \" حقق المعرض نجاحا كبيرا . وأظهر العديد من الزوار اهتمامهم بمنتجاتنا التعليمية الجديدة هذا العام \" .",
			quotes: []string{"حقق المعرض نجاحا كبيرا . وأظهر العديد من الزوار اهتمامهم بمنتجاتنا التعليمية الجديدة هذا العام"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
