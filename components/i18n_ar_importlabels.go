package components

// The Arabic of the import form's choice of where a file's labels go,
// its refusal and summary of a texts-only import, and the Users page's
// word on an admin's projects and on adding a new user to one.
func init() {
	addArabic(map[string]string{
		"Labels in the file":                    "الوسوم التي في الملف",
		"Into gold":                             "إلى الطبقة الذهبية",
		"Leave them out: import the texts only": "اتركها: استورد النصوص وحدها",
		"Into a member's layer:":                "إلى طبقة عضو:",
		"Member whose layer takes the labels":   "العضو الذي تذهب الوسوم إلى طبقته",
		"No members yet: add them under Members to import into their layers.":                                                                                               "لا أعضاء بعد: أضفهم في قسم الأعضاء لتستورد إلى طبقاتهم.",
		"Nothing was imported: %s is not a member of this project. Choose a member under “Into a member's layer” in “Labels in the file”, or add them under Members first.": "لم يُستورد شيء: %s ليس عضوًا في هذا المشروع. اختر عضوًا في «إلى طبقة عضو» ضمن «الوسوم التي في الملف»، أو أضفه في قسم الأعضاء أولًا.",
		"Imported %s; their %s were left out":                          "استُورد %s دون ما في الملف من توسيم: %s",
		"Imported %s; %s in the file was left out":                     "استُورد %s دون ما في الملف من توسيم: %s",
		"imported %s from %s, texts only: %s in the file was left out": "استيراد من %[2]s: %[1]s دون ما في الملف من توسيم: %[3]s",
		"imported %s from %s, texts only: their %s were left out":      "استيراد من %[2]s: %[1]s دون ما في الملف من توسيم: %[3]s",

		"every project (admin)":                          "كل المشاريع (مشرف)",
		"Next, create a project on the":                  "الخطوة التالية: أنشئ مشروعًا في",
		"Projects page":                                  "صفحة المشاريع",
		"and add them under Members on its page.":        "وأضفه في قسم الأعضاء في صفحته.",
		"Next, open a project from the":                  "الخطوة التالية: افتح مشروعًا من",
		"Next, add them to a project under its Members:": "الخطوة التالية: أضفه إلى مشروع في قسم أعضائه:",
	}, nil)
}
