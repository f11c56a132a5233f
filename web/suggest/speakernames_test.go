package suggest

import "testing"

// TestSuggestNameInSpeakerTitle covers a body named in marks inside a
// speaker's title before the colon of the speech: a name, not a
// quotation, so the speech keeps its cue and speaker.
func TestSuggestNameInSpeakerTitle(t *testing.T) {
	cases := []reportedCase{
		{name: "a quoted company in the title", text: "وقال أنسيلم جودينهو ، مدير عام \" إنترناشيونال كونفرينسز آند إكزيبيشنز \" المنظمة للمعرض : \" كان الإقبال كبيرا \" .",
			quotes:  []string{"كان الإقبال كبيرا"},
			speaker: map[string]string{"كان الإقبال كبيرا": "PER أنسيلم جودينهو ، مدير عام \" إنترناشيونال كونفرينسز آند إكزيبيشنز \" المنظمة للمعرض"},
			cue:     map[string]string{"كان الإقبال كبيرا": "وقال"}},
		{name: "a quotation introduced by its cue stays one", text: "وقال الوزير \" نحن مستعدون للحوار مع الجميع \" وأضاف : \" لن نتراجع \" .",
			quotes: []string{"نحن مستعدون للحوار مع الجميع", "لن نتراجع"}},
		{name: "a quotation whose colon has no marks after it", text: "ورفع المتظاهرون \" لا للحرب ولا للدمار أبدا \" في الساحة : وهتفوا طويلا .",
			quotes: []string{"لا للحرب ولا للدمار أبدا"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
