package suggest

import "testing"

// TestSuggestSpeakerOfTheClauseBefore covers the rules of speakerclause.go
// and the subject phrases they keep clean.
func TestSuggestSpeakerOfTheClauseBefore(t *testing.T) {
	cases := []reportedCase{
		{name: "a cue without subject after the clause that named its speaker",
			text:    "وقال المدير إن المبنى جديد . وقد شرح السيد قو المشروع الجديد , وقال إنه سوف يقام قريبا .",
			quotes:  []string{"المبنى جديد", "سوف يقام قريبا"},
			speaker: map[string]string{"المبنى جديد": "PER المدير", "سوف يقام قريبا": "PER السيد قو"}},
		{name: "a participle after a clause whose object is a possessed statement",
			text:    "وقد ابتدر الإمام عبدالله حديثه بشكر المجلة , مشيراً إلى أنه سعيد بالزيارة .",
			quotes:  []string{"سعيد بالزيارة"},
			speaker: map[string]string{"سعيد بالزيارة": "PER الإمام عبدالله"}},
		{name: "a future verb describes and names no speaker",
			text:    "وقال الباحث إن المتحف كبير . وسيضم المتحف تمثالا للرحالة , وأضاف أن الكلفة عالية .",
			quotes:  []string{"المتحف كبير", "الكلفة عالية"},
			speaker: map[string]string{"المتحف كبير": "PER الباحث", "الكلفة عالية": "PER الباحث"}},
		{name: "a clause inside marks names no speaker",
			text:    "وقال المدرب \" لمس الجهاز الفني رغبة اللاعبين \" ، مضيفا أن الفريق جاهز .",
			quotes:  []string{"لمس الجهاز الفني رغبة اللاعبين", "الفريق جاهز"},
			speaker: map[string]string{"لمس الجهاز الفني رغبة اللاعبين": "PER المدرب", "الفريق جاهز": "PER المدرب"}},
		{name: "an aside after the name", text: "وقد أفاد الأستاذ قو وهو أيضا مسلم أن المتحف يضم آثارا .",
			quotes: []string{"المتحف يضم آثارا"}, speaker: map[string]string{"المتحف يضم آثارا": "PER الأستاذ قو"}},
		{name: "a topic before فقد", text: "اما الرئيس السنيورة فقد اعلن انه ابلغ الوفد احتجاجه .",
			quotes: []string{"ابلغ الوفد احتجاجه"}, speaker: map[string]string{"ابلغ الوفد احتجاجه": "PER الرئيس السنيورة"}},
		{name: "a topic before فإنه", text: "أما نائب المحافظ فإنه يقول إن الحدود مفتوحة .",
			quotes: []string{"الحدود مفتوحة"}, speaker: map[string]string{"الحدود مفتوحة": "PER نائب المحافظ"}},
		{name: "a long topic", text: "أما نائب محافظ خراسان للشؤون السياحية والاجتماعية السيد فريدون بامتد فأنه يقول إن الحدود مفتوحة .",
			quotes:  []string{"الحدود مفتوحة"},
			speaker: map[string]string{"الحدود مفتوحة": "PER نائب محافظ خراسان للشؤون السياحية والاجتماعية السيد فريدون بامتد"}},
		{name: "an impersonal cue after a subject that still holds", text: "لكن المدير المسؤول لايزال يعتقد أن الإذاعة مقبولة .",
			quotes: []string{"الإذاعة مقبولة"}, speaker: map[string]string{"الإذاعة مقبولة": "PER المدير المسؤول"}},
		{name: "the pronoun after the cue is no speaker", text: "قالت لنا مرافقتنا إن المنظر جميل .",
			quotes: []string{"المنظر جميل"}, speaker: map[string]string{"المنظر جميل": "PER مرافقتنا"}},
		{name: "على spelt علي before the content", text: "كما اكد نجاد علي ضرورة توقف الدعم .",
			quotes: []string{"ضرورة توقف الدعم"}, speaker: map[string]string{"ضرورة توقف الدعم": "PER نجاد"}},
		{name: "the name علي stays a name", text: "وأكد علي حسن أن الاتفاق قريب .",
			quotes: []string{"الاتفاق قريب"}, speaker: map[string]string{"الاتفاق قريب": "PER علي حسن"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
