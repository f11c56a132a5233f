package suggest

import "testing"

// TestSuggestNewSpeechEndsClause covers a reported clause ending before a
// second verb of saying joined with و, however long its subject, and
// before a participle of saying with no comma.
func TestSuggestNewSpeechEndsClause(t *testing.T) {
	cases := []reportedCase{
		{name: "a cue that is also a noun, with بأن", text: "وقال مسؤول بارز إن القنابل ما زالت تشكل خطرا ووصف استخدامها في المدن بأنه \" تصرف غير أخلاقي \" .",
			quotes:  []string{"القنابل ما زالت تشكل خطرا", "تصرف غير أخلاقي"},
			speaker: map[string]string{"القنابل ما زالت تشكل خطرا": "PER مسؤول بارز", "تصرف غير أخلاقي": "PER مسؤول بارز"}},
		{name: "a long subject before its complementizer", text: "وأكدت قطر أنه لا يمكنها تأييد النص وقال ممثل قطر سالم ناصر البدر شارحا امتناعه عن التصويت امام المجلس انه \" لا بد من جهود أخرى \" .",
			quotes:  []string{"لا يمكنها تأييد النص", "لا بد من جهود أخرى"},
			speaker: map[string]string{"لا بد من جهود أخرى": "PER ممثل قطر سالم ناصر البدر"}},
		{name: "a participle of saying without a comma", text: "وأشار الأمين العام إلى أنه يدعم هذا الطلب مؤكدا الحاجة إلى التحرك السريع .",
			quotes:  []string{"يدعم هذا الطلب", "الحاجة إلى التحرك السريع"},
			speaker: map[string]string{"الحاجة إلى التحرك السريع": "PER الأمين العام"}},
		{name: "a verb of saying without its own complementizer stays inside", text: "وقال الوزير إن الحكومة درست الأمر وقالت كلمتها فيه .",
			quotes: []string{"الحكومة درست الأمر وقالت كلمتها فيه"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
