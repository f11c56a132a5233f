package components

// The Arabic of the pages that refuse a request (403, or a form whose
// CSRF token is missing): what the user may do instead, where the API
// answers its own English reason to scripts.
func init() {
	addArabic(map[string]string{
		"Annotators see and change only their own layer. Open the document without choosing a layer to work in yours, or ask a manager of the project for the reviewer role.": "لا يرى الموسِّمون ولا يغيّرون إلا طبقاتهم. افتح المستند دون اختيار طبقة لتعمل في طبقتك، أو اطلب من أحد مديري المشروع دور المراجع.",
		"This form was opened too long ago or before you logged in again, so it was not sent and nothing changed. Reload the page and send it again.":                         "فُتح هذا النموذج منذ وقت طويل أو قبل أن تسجّل الدخول مجددًا، فلم يُرسَل ولم يتغيّر شيء. أعد تحميل الصفحة وأرسله مرة أخرى.",
		"This request came from another site, so nothing was changed. Open Hashiya and do it from its own pages.":                                                             "جاء هذا الطلب من موقع آخر، فلم يتغيّر شيء. افتح حاشية وقم به من صفحاتها.",
	}, nil)
}
