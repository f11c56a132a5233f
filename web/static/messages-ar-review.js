// The Arabic of the scripts' messages, by their English (i18n.js), one
// file a group of pages. The object is JSON, so the test that finds
// messages without an entry reads it as it is. A count's six forms are a
// list: zero, one, two, few (3 to 10), many (11 to 99), other.
export default {
  "Could not save the decision: {0}. Nothing was changed; {1}.": "تعذّر حفظ القرار: \u2068{0}\u2069. لم يتغير شيء؛ {1}.",
  "Could not save the decision after {0} tries: {1}.": "تعذّر حفظ القرار بعد {0} محاولات: \u2068{1}\u2069.",
  "Could not send the decision: {0}. It may or may not be stored: reload the page to see gold as it stands.": "تعذّر إرسال القرار: \u2068{0}\u2069. ربما حُفظ وربما لم يُحفظ: أعد تحميل الصفحة لترى الطبقة الذهبية كما هي الآن.",
  "Could not save the decision: {0}. Gold or the annotators' layers changed since this page was loaded: reload it to see them as they stand.": "تعذّر حفظ القرار: \u2068{0}\u2069. تغيّرت الطبقة الذهبية أو طبقات الموسِّمين منذ تحميل هذه الصفحة: أعد تحميلها لتراها كما هي الآن.",
  "Could not save the decision: {0}. Nothing was changed; try again.": "تعذّر حفظ القرار: \u2068{0}\u2069. لم يتغير شيء؛ حاول من جديد.",
  "Gold holds this span already: x removes it.": "هذا المقطع في الطبقة الذهبية من قبل: x يزيله.",
  "Gold holds this span: x removes it from gold first.": "هذا المقطع في الطبقة الذهبية: x يزيله منها أولًا.",
  "Gold does not hold this span: a accepts it, r rejects it.": "هذا المقطع ليس في الطبقة الذهبية: a يقبله، وr يرفضه.",
  "Choose a span first: j goes to the first one.": "اختر مقطعًا أولًا: j ينتقل إلى أولها.",
  "Saving the last decision on this span…": "جارٍ حفظ آخر قرار على هذا المقطع…",
  "Gold is marked reviewed and read only; a manager can reopen it.": "انتهت مراجعة الطبقة الذهبية فهي للقراءة فقط؛ يستطيع مدير إعادة فتحها.",
  "Opening the next page of spans…": "جارٍ فتح الصفحة التالية من المقاطع…",
  "Opening the previous page of spans…": "جارٍ فتح الصفحة السابقة من المقاطع…",
  "Could not show the table: {0}.": "تعذّر عرض الجدول: \u2068{0}\u2069.",
  "Loading the table of {0}…": "جارٍ تحميل جدول \u2068{0}\u2069…",
  "Showing the table of {0}.": "يُعرض جدول \u2068{0}\u2069."
};
