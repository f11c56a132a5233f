package components

// The Arabic of what the pages deleting documents or a project say goes
// with them where a count changes the words around it: a project with
// no members or no documents, documents nobody has annotated, the notes
// on one document.
func init() {
	addArabic(map[string]string{
		"only its label set: the project has no members and no documents.": "مجموعة وسومه وحدها: لا أعضاء في المشروع ولا مستندات.",
		"its label set and %s": "مجموعة وسومه و%s",
	}, map[string][6]string{
		"The %d notes written on it go too.":            {"ولا ملاحظات عليه.", "وتُحذف معه الملاحظة المكتوبة عليه.", "وتُحذف معه الملاحظتان المكتوبتان عليه.", "وتُحذف معه %d ملاحظات مكتوبة عليه.", "وتُحذف معه %d ملاحظةً مكتوبة عليه.", "وتُحذف معه %d ملاحظة مكتوبة عليه."},
		"%d documents, which nobody has annotated yet.": {"لا مستندات.", "مستند واحد لم يسِمه أحد بعد.", "مستندان لم يسِمهما أحد بعد.", "%d مستندات لم يسِمها أحد بعد.", "%d مستندًا لم يسِمها أحد بعد.", "%d مستند لم يسِمها أحد بعد."},
	})
}
