// The Arabic of the scripts' messages, by their English (i18n.js), one
// file a group of pages. The object is JSON, so the test that finds
// messages without an entry reads it as it is. A count's six forms are a
// list: zero, one, two, few (3 to 10), many (11 to 99), other.
export default {
  "“{0}” was refused: {1}. Nothing was changed; {2}.": "رُفض «{0}»: \u2068{1}\u2069. لم يتغير شيء؛ {2}.",
  "Checking {0}: every line is read before anything is stored…": "يُفحص \u2068{0}\u2069: يُقرأ كل سطر قبل أن يُخزَّن أي شيء…",
  "the server could not be reached": "تعذّر الوصول إلى الخادم",
  "the upload was stopped": "توقف الرفع",
  "Uploading {0}…": "جارٍ رفع \u2068{0}\u2069…",
  "Show the document list again": "اعرض قائمة المستندات من جديد",
  "Warnings (imported anyway):": "تنبيهات (واستُورد الملف رغمها):",
  "Nothing was imported.": "لم يُستورد شيء.",
  "The import was refused, {1} bad lines:": ["رُفض الاستيراد، ولا سطر معيب:", "رُفض الاستيراد بسبب سطر معيب واحد:", "رُفض الاستيراد بسبب سطرين معيبين:", "رُفض الاستيراد بسبب {1} أسطر معيبة:", "رُفض الاستيراد بسبب {1} سطرًا معيبًا:", "رُفض الاستيراد بسبب {1} سطر معيب:"],
  "The import was refused:": "رُفض الاستيراد:",
  "Choose a file to import.": "اختر ملفًّا لاستيراده.",
  "{1}, {2} lines: {3}": ["\u2068{1}\u2069، لا أسطر: \u2068{3}\u2069", "\u2068{1}\u2069، سطر واحد: \u2068{3}\u2069", "\u2068{1}\u2069، سطران: \u2068{3}\u2069", "\u2068{1}\u2069، {2} أسطر: \u2068{3}\u2069", "\u2068{1}\u2069، {2} سطرًا: \u2068{3}\u2069", "\u2068{1}\u2069، {2} سطر: \u2068{3}\u2069"],
  "Lines {0}": "الأسطر {0}",
  "All {1} line numbers": ["لا أرقام أسطر", "رقم السطر", "رقما السطرين", "أرقام الأسطر كلها ({1})", "أرقام الأسطر كلها ({1})", "أرقام الأسطر كلها ({1})"],
  "{0} documents selected": ["لم يُحدَّد أي مستند", "حُدِّد مستند واحد", "حُدِّد مستندان", "حُدِّدت {0} مستندات", "حُدِّد {0} مستندًا", "حُدِّد {0} مستند"],
  "{0} holds one layer: gold is chosen.": "«{0}» تحمل طبقة واحدة: اختيرت الطبقة الذهبية.",
  "{0} counts offsets in code points: UTF-16 units are for the doccano formats.": "«{0}» تعدّ المواضع بنقاط الترميز: وحدات UTF-16 لصيغ doccano وحدها.",
  "Are you sure?": "هل أنت متأكد؟",
  "{0}. Reload the page to see what is stored.": "\u2068{0}\u2069. أعد تحميل الصفحة لترى ما خُزِّن.",
  "{0} (the server is busy, retrying)": "{0} (الخادم مشغول، تُعاد المحاولة)",
  "Could not reach the server ({0}), so it may or may not be done: reload the page to see what is stored.": "تعذّر الوصول إلى الخادم (\u2068{0}\u2069)، فربما تمّ الأمر وربما لم يتمّ: أعد تحميل الصفحة لترى ما خُزِّن.",
  "“{0}” could not be done after {1} tries: {2}.": "تعذّر تنفيذ «{0}» بعد {1} محاولات: \u2068{2}\u2069.",
  "“{0}” failed: {1}. Reload the page to see what is stored.": "أخفق «{0}»: \u2068{1}\u2069. أعد تحميل الصفحة لترى ما خُزِّن.",
  "“{0}” was refused: {1}.": "رُفض «{0}»: \u2068{1}\u2069.",
  "the server answered {0} {1}": "أجاب الخادم {0} {1}"
};
