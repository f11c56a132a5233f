package suggest

import "testing"

// TestSuggestSpeakerOfTheNarration covers narrated.go: a cue without
// subject that opens its sentence speaks for the subject of the sentence
// of narration before it, and a participle for the subject of its verb
// past a phrase of side or a prepositional object.
func TestSuggestSpeakerOfTheNarration(t *testing.T) {
	cases := []reportedCase{
		{name: "a cue without subject after a sentence about its speaker",
			text:    "وتحدث الشيخ خالد عن خسارته وظيفته في المستشفى . وقال انه لم يتوقف عن الدعوة .",
			quotes:  []string{"لم يتوقف عن الدعوة"},
			speaker: map[string]string{"لم يتوقف عن الدعوة": "PER الشيخ خالد"}},
		{name: "a sentence that opens with a speaker's name again",
			text:    "وقال الشيخ خالد إن الرحلة كانت طويلة . وخالد اليوم متزوج من باكستانية . ويوضح أن حياته تغيرت .",
			quotes:  []string{"الرحلة كانت طويلة", "حياته تغيرت"},
			speaker: map[string]string{"الرحلة كانت طويلة": "PER الشيخ خالد", "حياته تغيرت": "PER وخالد"}},
		{name: "a title's genitive stays in the subject",
			text:    "وتحدث وزير الزراعة الياباني في مؤتمر صحفي أمس . وأكد أن بلاده ستشارك في المعرض .",
			quotes:  []string{"بلاده ستشارك في المعرض"},
			speaker: map[string]string{"بلاده ستشارك في المعرض": "PER وزير الزراعة الياباني"}},
		{name: "a quoted name stays whole",
			text:    "وكتبت صحيفة \" المستقبل \" مقالا عن الخطاب . وأعربت عن تخوفها من \" بدء هجوم سياسي مضاد ينذر بمضاعفات خطيرة \" .",
			quotes:  []string{"بدء هجوم سياسي مضاد ينذر بمضاعفات خطيرة"},
			speaker: map[string]string{"بدء هجوم سياسي مضاد ينذر بمضاعفات خطيرة": "ORG صحيفة \" المستقبل \""}},
		{name: "a subject of another gender says nothing",
			text:    "وبدأت المرحلة الثانية في مسيرة الكاتب بنشر رواية . وقال إنه انتهى من كتابة الثلاثية .",
			quotes:  []string{"انتهى من كتابة الثلاثية"},
			speaker: map[string]string{"انتهى من كتابة الثلاثية": ""}},
		{name: "a present verb describes",
			text:    "يشعر المرء بغضب الكاتب لمجرد ذكر الحرب . ويقول إن الحرب خطأ .",
			quotes:  []string{"الحرب خطأ"},
			speaker: map[string]string{"الحرب خطأ": ""}},
		{name: "a resolution is a text, no speaker",
			text:    "ونص القرار على نشر قوة دولية . ودعا \" الدول الاعضاء الى توفير امكانية انتشار سريع \" .",
			quotes:  []string{"الدول الاعضاء الى توفير امكانية انتشار سريع"},
			speaker: map[string]string{"الدول الاعضاء الى توفير امكانية انتشار سريع": ""}},
		{name: "a participle after a sentence ended by a raised dot",
			text:    "أشاد وزير الزراعة الياباني بالجهود التي تبذلها الدولة · مشيرا إلى استعداد بلاده للمشاركة في المعرض .",
			quotes:  []string{"استعداد بلاده للمشاركة في المعرض"},
			speaker: map[string]string{"استعداد بلاده للمشاركة في المعرض": "PER وزير الزراعة الياباني"}},
		{name: "a participle after a phrase of side and a verb's object with ب",
			text:    "من ناحيته أشاد الوزير بالجهود التي تبذلها الدولة ، مشيرا إلى استعداد بلاده للمشاركة .",
			quotes:  []string{"استعداد بلاده للمشاركة"},
			speaker: map[string]string{"استعداد بلاده للمشاركة": "PER الوزير"}},
		{name: "a long title after غير أن is the subject before the verb",
			text:    "غير أن مدير عام الدفاع المدني اللواء عوض وديعة الله قال للجزيرة إن المدينة لم تتضرر .",
			quotes:  []string{"المدينة لم تتضرر"},
			speaker: map[string]string{"المدينة لم تتضرر": "PER مدير عام الدفاع المدني اللواء عوض وديعة الله"}},
		{name: "the veil of كشف النقاب عن is no speaker",
			text:    "كشف النقاب عن أن الإشارة كانت خضراء .",
			quotes:  []string{"الإشارة كانت خضراء"},
			speaker: map[string]string{"الإشارة كانت خضراء": ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}

// TestSuggestConceding covers اعترف بأن as a cue, and the writer's own
// أعترف, which is none.
func TestSuggestConceding(t *testing.T) {
	checkReported(t, reportedCase{name: "اعترف بأن", text: "واعترف المدرب بأن المباراة كانت صعبة .",
		quotes:  []string{"المباراة كانت صعبة"},
		speaker: map[string]string{"المباراة كانت صعبة": "PER المدرب"}, cue: map[string]string{"المباراة كانت صعبة": "واعترف"}}, nil)
	checkReported(t, reportedCase{name: "the writer's أعترف", text: "وأنا أعترف ان الفن ما كان ليوجد بدون المرأة ."}, nil)
}

// TestSuggestPluralParticiple covers the plural of a participle cue
// (لافتين، مشيرين), which opens its own speech and shares the subject of
// its sentence's verb.
func TestSuggestPluralParticiple(t *testing.T) {
	checkReported(t, reportedCase{name: "لافتين إلى أن",
		text:    "واكد محللون ماليون ان اداء الاسواق صحي لافتين إلى ان موجة الهبوط انتهت .",
		quotes:  []string{"اداء الاسواق صحي", "موجة الهبوط انتهت"},
		speaker: map[string]string{"اداء الاسواق صحي": "PER محللون ماليون", "موجة الهبوط انتهت": "PER محللون ماليون"},
		cue:     map[string]string{"موجة الهبوط انتهت": "لافتين"}}, nil)
}
