package suggest

import "testing"

// TestSuggestApposition covers a title set off by a comma after the
// speaker's name, kept in the speaker.
func TestSuggestApposition(t *testing.T) {
	cases := []reportedCase{
		{name: "a title with a quoted body, before a colon", text: "وقال سيمون هول ، المسؤول الدولي في \" جامعة آستون \" : \" ساعدنا المعرض كثيرا \" .",
			quotes:  []string{"ساعدنا المعرض كثيرا"},
			speaker: map[string]string{"ساعدنا المعرض كثيرا": "PER سيمون هول ، المسؤول الدولي في \" جامعة آستون \""}},
		{name: "a title and a name, before a comma and ان", text: "وقال سفير غانا ، رئيس المجلس نانا ايفا ، ان القرار لا يغلق الباب .",
			quotes:  []string{"القرار لا يغلق الباب"},
			speaker: map[string]string{"القرار لا يغلق الباب": "PER سفير غانا ، رئيس المجلس نانا ايفا"}},
		{name: "a one-word subject keeps its description out", text: "واعلنت قطر ، العضو العربي الوحيد في المجلس ، انه لا يمكنها تأييد النص .",
			quotes:  []string{"لا يمكنها تأييد النص"},
			speaker: map[string]string{"لا يمكنها تأييد النص": "PER قطر"}},
		{name: "an occasion after the title is left out", text: "وقال محمد علي ، رئيس الوزراء في بيان ، إن الحكومة باقية .",
			quotes:  []string{"الحكومة باقية"},
			speaker: map[string]string{"الحكومة باقية": "PER محمد علي ، رئيس الوزراء"}},
		{name: "no title after the comma", text: "وقال محمد علي ، في مؤتمر صحفي ، إن الحكومة باقية .",
			quotes:  []string{"الحكومة باقية"},
			speaker: map[string]string{"الحكومة باقية": "PER محمد علي"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
