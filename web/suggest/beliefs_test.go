package suggest

import "testing"

// TestSuggestExpressedBelief covers أعرب عن with a hope or a belief and a
// complementizer: the clause after it is indirect speech, unless marks
// follow the complementizer, which then hold the quotation alone.
func TestSuggestExpressedBelief(t *testing.T) {
	cases := []reportedCase{
		{name: "a hope with في أن", text: "وأعرب داليما عن أمله في أن تعيد فرنسا النظر في عرضها .",
			quotes:  []string{"تعيد فرنسا النظر في عرضها"},
			speaker: map[string]string{"تعيد فرنسا النظر في عرضها": "PER داليما"},
			cue:     map[string]string{"تعيد فرنسا النظر في عرضها": "وأعرب"}},
		{name: "a belief with بأن", text: "واعرب خبراء عن اعتقادهم بان المحاكمة ستمتد لاشهر عديدة .",
			quotes: []string{"المحاكمة ستمتد لاشهر عديدة"}, speaker: map[string]string{"المحاكمة ستمتد لاشهر عديدة": "PER خبراء"}},
		{name: "marks after the complementizer hold the quotation alone", text: "اعرب عنان عن الامل في ان \" ياتي العراقيون حاملين انباء سارة \" اي قبول بغداد بعودة المفتشين .",
			quotes: []string{"ياتي العراقيون حاملين انباء سارة"}},
		{name: "a feeling with no complementizer is no speech", text: "وأعرب الوزير عن قلقه من تدهور الأوضاع .",
			quotes: nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
