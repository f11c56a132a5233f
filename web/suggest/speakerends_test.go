package suggest

import "testing"

// TestSuggestSpeakerEnds covers the words that end a speaker's noun
// phrase: a word of manner, and a bare verbal noun of the form استفعال
// right after the cue.
func TestSuggestSpeakerEnds(t *testing.T) {
	cases := []reportedCase{
		{name: "ردا ends the speaker", text: "وقالت الناطقة باسم الوزارة ردا على سؤال إن القوات ستنسحب .",
			quotes: []string{"القوات ستنسحب"}, speaker: map[string]string{"القوات ستنسحب": "PER الناطقة باسم الوزارة"}},
		{name: "ب with a noun of feeling ends the speaker", text: "وأضاف الإمام بحزن شديد وبلغة عربية سليمة أنه يحاول استعادة هؤلاء الناس .",
			quotes: []string{"يحاول استعادة هؤلاء الناس"}, speaker: map[string]string{"يحاول استعادة هؤلاء الناس": "PER الإمام"}},
		{name: "a participle of manner ends the speaker", text: "وقال المندوب سالم شارحا موقفه إن الموافقة يجب أن تكون طوعية .",
			quotes: []string{"الموافقة يجب أن تكون طوعية"}, speaker: map[string]string{"الموافقة يجب أن تكون طوعية": "PER المندوب سالم"}},
		{name: "a participle of manner is never the speaker", text: "وقال الأديب سالم إن الأدب بخير . وأضاف متمنيا للأدب أن يقاوم .",
			quotes: []string{"الأدب بخير", "يقاوم"}, speaker: map[string]string{"يقاوم": "PER الأديب سالم"}},
		{name: "استخدام is the object, not the speaker", text: "وقال المسؤول إن الوضع خطير . ووصف استخدام القنابل بأنه جريمة .",
			quotes: []string{"الوضع خطير", "جريمة"}, speaker: map[string]string{"جريمة": "PER المسؤول"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}

func TestIsBareIstifal(t *testing.T) {
	for w, want := range map[string]bool{"استخدام": true, "استمرار": true, "الاستخدام": false, "استراليا": false, "استاذ": false, "استخدامها": true} {
		if got := isBareIstifal(normalize([]rune(w))); got != want {
			t.Errorf("isBareIstifal(%s) = %v, want %v", w, got, want)
		}
	}
}

// TestSuggestPortfolioInTitle covers ل before شؤون in a speaker's title:
// the affairs of the office, kept in the speaker, not an addressee.
func TestSuggestPortfolioInTitle(t *testing.T) {
	c := reportedCase{name: "للشئون in the title", text: "وقال الدكتور محمد حجازي مساعد وزير الخارجية للشئون الافريقية إن العلاقات قوية .",
		quotes:  []string{"العلاقات قوية"},
		speaker: map[string]string{"العلاقات قوية": "PER الدكتور محمد حجازي مساعد وزير الخارجية للشئون الافريقية"}}
	checkReported(t, c, nil)
}
