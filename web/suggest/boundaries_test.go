package suggest

import "testing"

// TestSuggestQuotationEnds checks, on made-up sentences, where reported
// speech ends when the writer goes on in a clause of his own or names the
// source after the content, and where it goes on.
func TestSuggestQuotationEnds(t *testing.T) {
	cases := []reportedCase{
		{name: "في حين without a comma", text: "وقال الوزير إن المحامين سيحضرون الجلسة في حين سيغيب المتهم عنها.",
			quotes: []string{"المحامين سيحضرون الجلسة"}},
		{name: "فيما without a comma", text: "وأضاف أن الجنود هاجموا المدرسة فيما كانت الطائرات تحلق فوقها.",
			quotes: []string{"الجنود هاجموا المدرسة"}},
		{name: "فيما بعد is no clause", text: "وقال المدرب إن اللاعب سيعود فيما بعد إلى الفريق.",
			quotes: []string{"اللاعب سيعود فيما بعد إلى الفريق"}},
		{name: "على حد قول after the content", text: "وأكد الكاتب أن الصحافة أكثر حرية على حد قول زميلنا المراسل.",
			quotes: []string{"الصحافة أكثر حرية"}},
		{name: "a connective with a speech verb after the content", text: "وذكر التقرير أن الأمطار ستستمر طبقا لما قاله متحدث باسم الشرطة.",
			quotes: []string{"الأمطار ستستمر"}},
		{name: "بحسب with a noun stays in the speech", text: "وقالت المراسلة إن الأسير يعاني من وضع صحي سيئ بحسب شهادة محاميه.",
			quotes: []string{"الأسير يعاني من وضع صحي سيئ بحسب شهادة محاميه"}},
		{name: "في إشارة إلى is the writer's", text: "وأضاف أن الرفض يطال المقاومة في إشارة إلى العمليات الأخيرة.",
			quotes: []string{"الرفض يطال المقاومة"}},
		{name: "مع العلم أن is the writer's", text: "وذكرت الصحيفة أن الحكومة لن تقدم شكوى، مع العلم أن الأمين العام دعاها إلى ذلك.",
			quotes: []string{"الحكومة لن تقدم شكوى"}},
		{name: "علما أن after a comma is the writer's", text: "وذكر المراقبون أن السهم سيبني قاعدة جديدة ، علما أن السيولة تلعب دورا مهما.",
			quotes: []string{"السهم سيبني قاعدة جديدة"}},
		{name: "a verb with its own أن after a comma", text: "ويعتقد العلماء أن الأسود الأولى كانت بلا لبدة، ويبدو أن اللبدة ظهرت لاحقا.",
			quotes: []string{"الأسود الأولى كانت بلا لبدة"}},
		{name: "a modal with أن goes on", text: "وقال الطبيب إن الحياة صعبة، وعلينا أن نظل صامدين.",
			quotes: []string{"الحياة صعبة، وعلينا أن نظل صامدين"}},
		{name: "a bracket the speech opens closes in it", text: "ويعتقد الباحثون أن الأسود كانت عديمة اللبدة ( الشعر حول العنق ) ، ويبدو أن ذلك تغير.",
			quotes: []string{"الأسود كانت عديمة اللبدة ( الشعر حول العنق )"}},
		{name: "the bracket of an aside stays out", text: "وتقول اللوحة ( ويشير النصب إلى أن الحكماء دفنوا في هذا المكان ) .",
			quotes: []string{"الحكماء دفنوا في هذا المكان"}},
		{name: "speech after a colon holds the speaker's إلا أن", text: "وقال الإمام : إن أجدادنا كانوا من العرب ، إلا أنهم نسوا لغتهم . وزرنا المتحف.",
			quotes: []string{"إن أجدادنا كانوا من العرب ، إلا أنهم نسوا لغتهم"}},
		{name: "speech after a colon ends at a new attribution", text: "وقال الوزير : إن الحرب انتهت ، فيما أكد الرئيس أن السلام قريب.",
			quotes: []string{"إن الحرب انتهت", "السلام قريب"}},
		{name: "a question goes on after its mark", text: "قالت لنا مرافقتنا : ما رأيكم في إطلالة على المدينة ؟ تعالوا بنا نركب القطار !",
			quotes: []string{"ما رأيكم في إطلالة على المدينة ؟ تعالوا بنا نركب القطار !"}},
		{name: "a question mark is the speaker's", text: "وقال الوزير إن أحدا لم يسأل لماذا تأخر الجيش ؟ وانتهت الجلسة.",
			quotes: []string{"أحدا لم يسأل لماذا تأخر الجيش ؟"}},
		{name: "لكنه لم before a verb of no saying is the speaker's", text: "وقال المدير إن الفيضان دمر منازل من الطين لكنه لم يطال المدينة ذاتها .",
			quotes: []string{"الفيضان دمر منازل من الطين لكنه لم يطال المدينة ذاتها"}},
		{name: "لكنه لم before a cue is the writer's", text: "وقال المدير إن الفيضان دمر منازل من الطين لكنه لم يوضح عددها .",
			quotes: []string{"الفيضان دمر منازل من الطين"}},
		{name: "قائلة, the feminine of قائلا, opens its own speech", text: "وأعلنت روسيا أنها ستشارك بالمؤتمر قائلة إنها ستركز على وقف إطلاق النار.",
			quotes: []string{"ستشارك بالمؤتمر", "ستركز على وقف إطلاق النار"}, cue: map[string]string{"ستركز على وقف إطلاق النار": "قائلة"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkReported(t, c, nil) })
	}
}
