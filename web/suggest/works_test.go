package suggest

import "testing"

// TestSuggestWorkTitles covers marked words right after a work noun: the
// title of a poem, a song or a film, not a quotation, while words quoted
// from a book after a colon stay one.
func TestSuggestWorkTitles(t *testing.T) {
	cases := []reportedCase{
		{name: "a poem with a possessive", text: "واشتهر الشاعر بقصيدته \" هوامش على دفتر النكسة \" التي كتبها بعد الحرب .",
			quotes: nil},
		{name: "a song title that is a sentence", text: "وفي الخلفية أغنية \" هل تعرف ماذا يعني أن تفتقد نيو أورليانز \" .",
			quotes: nil},
		{name: "a film named with واسمه", text: "وأخرج فيلما مدته أربع ساعات واسمه \" انهيار الحواجز ترنيمة من أربعة فصول \" .",
			quotes: nil},
		{name: "words from a book after a colon", text: "وقال الكاتب في كتابه : \" لا أحد يملك الحقيقة كلها \" .",
			quotes:  []string{"لا أحد يملك الحقيقة كلها"},
			speaker: map[string]string{"لا أحد يملك الحقيقة كلها": "PER الكاتب"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
