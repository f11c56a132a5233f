package suggest

import "testing"

// TestSuggestEllipsisOpensSpeech covers speech in spaced marks that opens
// with an ellipsis of spaced full stops: the mark opens, and the
// quotation starts at its first word.
func TestSuggestEllipsisOpensSpeech(t *testing.T) {
	cases := []reportedCase{
		{name: "two quotations that open with an ellipsis", text: "واضاف \" . . لدينا نفس الرؤية . . انا واثق من ذلك \" . بدوره قال الرئيس : \" . . نحن نستقبل قائدا كبيرا \" .",
			quotes:  []string{"لدينا نفس الرؤية . . انا واثق من ذلك", "نحن نستقبل قائدا كبيرا"},
			speaker: map[string]string{"نحن نستقبل قائدا كبيرا": "PER الرئيس"}},
		{name: "an ellipsis after a closing mark", text: "وقال الحكيم : \" المرأة مستقبل الرجل \" . . هذا ما قاله الحكيم .",
			quotes: []string{"المرأة مستقبل الرجل"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
