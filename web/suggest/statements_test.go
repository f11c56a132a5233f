package suggest

import "testing"

// TestSuggestSpeakerAround covers the speakers found around a cue rather
// than right after it: past an addressee, before the verb after لكن or
// كان, in a statement the clause describes, and none for a passive.
func TestSuggestSpeakerAround(t *testing.T) {
	cases := []reportedCase{
		{name: "an addressee the text also names alone is skipped", text: "وذكرت رويترز أن الوفد وصل. وقال الوزير سالم إن الحل قريب. وقال لرويترز إن المفاوضات مستمرة.",
			quotes:  []string{"الوفد وصل", "الحل قريب", "المفاوضات مستمرة"},
			speaker: map[string]string{"المفاوضات مستمرة": "PER الوزير سالم"}},
		{name: "an addressee ends the subject", text: "وسأل محمد عن الموعد. وصرح الوزير سالم لمحمد بأن الحل قريب.",
			quotes: []string{"الحل قريب"}, speaker: map[string]string{"الحل قريب": "PER الوزير سالم"}},
		{name: "a name that starts with ل is still a subject", text: "وقال لارسن إن الوضع خطير.",
			quotes: []string{"الوضع خطير"}, speaker: map[string]string{"الوضع خطير": "PER لارسن"}},
		{name: "the noun after لكن before its verb", text: "وتراجعت الحكومة عن قرارها ولكن رابطة التجار قالت إن الخسائر كبيرة.",
			quotes: []string{"الخسائر كبيرة"}, speaker: map[string]string{"الخسائر كبيرة": "ORG رابطة التجار"}},
		{name: "إثر ends the subject after كان", text: "وكان سالم أعلن إثر المباراة أنه سيعتزل.",
			quotes: []string{"سيعتزل"}, speaker: map[string]string{"سيعتزل": "PER سالم"}},
		{name: "the maker of the statement the clause describes", text: "وقد أدلى الرئيس سالم بتصريح في المطار قال فيه إن العلاقات متينة.",
			quotes: []string{"العلاقات متينة"}, speaker: map[string]string{"العلاقات متينة": "PER الرئيس سالم"}},
		{name: "a passive names no one", text: "وتوفي الاثنان في الحادث ، وقيل إن السائق كان مسرعا.",
			quotes: []string{"السائق كان مسرعا"}, speaker: map[string]string{"السائق كان مسرعا": ""}},
		{name: "من after كان is no subject", text: "وكان من المتوقع أن يصل الوفد غدا.",
			quotes: []string{"يصل الوفد غدا"}, speaker: map[string]string{"يصل الوفد غدا": ""}},
		{name: "a spokesman's body and its place", text: "وقال المتحدث باسم المجلس الأعلى في الصومال إن القوات ستنسحب.",
			quotes:  []string{"القوات ستنسحب"},
			speaker: map[string]string{"القوات ستنسحب": "PER المتحدث باسم المجلس الأعلى في الصومال"}},
		{name: "no antecedent runs back over لما and a verb", text: "وقد خرجت الأمور عن السيطرة طبقا لما قاله متحدث باسم الشرطة ، الذي قال إن الوضع صعب.",
			quotes:  []string{"وقد خرجت الأمور عن السيطرة", "الوضع صعب"},
			speaker: map[string]string{"الوضع صعب": "PER متحدث باسم الشرطة"}},
		{name: "a pronoun after the cue names no one", text: "قال لنا : إن الحكومة تواجه مشكلات.",
			quotes:  []string{"إن الحكومة تواجه مشكلات"},
			speaker: map[string]string{"إن الحكومة تواجه مشكلات": ""}},
		{name: "a participle hangs on the nearer clause's verb", text: "أقامت اللجنة حفلا كبيرا ، وألقى الوزير سالم كلمة خلال الحفل شكر فيها المنظمين مشيرا إلى أن البطولة ناجحة.",
			quotes: []string{"البطولة ناجحة"}, speaker: map[string]string{"البطولة ناجحة": "PER الوزير سالم"}},
		{name: "على لسان names the speaker of a cue without subject", text: "وجاءت المفاجأة على لسان مراقب البرج سالم ، أمام النيابة ، حيث أكد أن القطار كان واقفا.",
			quotes: []string{"القطار كان واقفا"}, speaker: map[string]string{"القطار كان واقفا": "PER مراقب البرج سالم"}},
		{name: "a company's name goes on after ل", text: "وذكرت الشركة أن الأرباح زادت. وقال سالم المدير التنفيذي لشركة الفجر للأوراق المالية إن الأسواق تتعافى.",
			quotes:  []string{"الأرباح زادت", "الأسواق تتعافى"},
			speaker: map[string]string{"الأسواق تتعافى": "PER سالم المدير التنفيذي لشركة الفجر للأوراق المالية"}},
		{name: "a relative clause without الذي ends the subject", text: "وكشفت وثيقة للأمم المتحدة حصلت عليها الوكالة أنه سيسمح للجنود باستخدام القوة.",
			quotes:  []string{"سيسمح للجنود باستخدام القوة"},
			speaker: map[string]string{"سيسمح للجنود باستخدام القوة": "PER وثيقة للأمم المتحدة"}},
		{name: "investigations are a text", text: "وتشير التحقيقات إلى أن السائق لم ير الإشارة.",
			quotes: []string{"السائق لم ير الإشارة"}, speaker: map[string]string{"السائق لم ير الإشارة": ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
