package suggest

import "testing"

// TestSuggestStaleSpeaker covers a cue without subject after narration:
// the speaker quoted in the sentence before still speaks, one quoted
// before a sentence of narration about someone else no longer does.
func TestSuggestStaleSpeaker(t *testing.T) {
	cases := []reportedCase{
		{name: "the next sentence", text: "وقال الوزير إن الوضع هادئ . وأضاف أن الحكومة مستعدة .",
			quotes:  []string{"الوضع هادئ", "الحكومة مستعدة"},
			speaker: map[string]string{"الوضع هادئ": "PER الوزير", "الحكومة مستعدة": "PER الوزير"}},
		{name: "after a sentence of narration", text: "وقال الكاتب سلماوي إن محفوظ كان ينوي الكتابة . ونفذ محفوظ من خطته ثلاث روايات . وقال إنه انتهى من الثلاثية .",
			quotes:  []string{"محفوظ كان ينوي الكتابة", "انتهى من الثلاثية"},
			speaker: map[string]string{"محفوظ كان ينوي الكتابة": "PER الكاتب سلماوي"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
