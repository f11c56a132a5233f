package components

// The Arabic of the list of spans a cell of the table of labels confused
// counts, and of its refusals of an address.
func init() {
	addArabic(map[string]string{
		"Labels confused: %s":                  "الوسوم المختلطة: %s",
		"%s labels confused: %s":               "الوسوم المختلطة في %s: %s",
		"Summed over every pair of users.":     "مجموعةً على كل أزواج المستخدمين.",
		"Back to the table of labels confused": "العودة إلى جدول الوسوم المختلطة",
		"No span is in this cell: no two users gave the same words these labels.":                               "لا مقطع في هذه الخلية: لم يُعطِ مستخدمان الكلماتِ نفسها هذين الوسمين.",
		"Each user's label opens the span in their layer; the document's name opens its review at these words.": "وسم كل مستخدم يفتح المقطع في طبقته؛ واسم المستند يفتح مراجعته عند هذه الكلمات.",
		"marked nothing like it":                                                 "لم يسِم شيئًا يشبهه",
		"Spans %s–%s of %s":                                                      "المقاطع %s–%s من %s",
		"Pages of spans, below the list":                                         "صفحات المقاطع، أسفل القائمة",
		"Compare in the text: “%s” in %s":                                        "المقارنة في النص: «%s» في %s",
		"%s is not a page number: give a whole number from 1 (page=2).":          "%s ليس رقم صفحة: أعطِ عددًا صحيحًا من 1 فصاعدًا (\u2068page=2\u2069).",
		"There is no page %s: this list ends at page %s.":                        "لا صفحة %s: تنتهي هذه القائمة عند الصفحة %s.",
		"Project %s has no label %s, and its table of labels confused has none.": "ليس في المشروع %s وسم %s، ولا في جدول وسومه المختلطة.",
		"The address names no cell of the table of labels confused: give one row and one column, each a label or empty for none (row=LOC&col=ORG).": "لا يسمّي العنوان خلية من جدول الوسوم المختلطة: أعطِ صفًّا واحدًا وعمودًا واحدًا، كلٌّ منهما وسم، أو فارغ لـ«لا شيء» (\u2068row=LOC&col=ORG\u2069).",
		"None against none is no cell of the table: give a label for the row, the column or both.":                                                  "«لا شيء» مقابل «لا شيء» ليست خلية في الجدول: أعطِ وسمًا للصف أو للعمود أو لكليهما.",
		"%s is not a pair of users: give two names, first/second (pair=karim/layla).":                                                               "%s ليس زوجًا من المستخدمين: أعطِ اسمين، الأول/الثاني (\u2068pair=karim/layla\u2069).",
		"In project %s, %s has no layer of a document another user worked on too.":                                                                  "في المشروع %s، ليس لـ%s طبقة في مستند عمل عليه مستخدم آخر أيضًا.",
		"%s and %s never worked on a document in common.":                                                                                           "لم يعمل %s و%s على مستند مشترك قط.",
	}, nil)
}
