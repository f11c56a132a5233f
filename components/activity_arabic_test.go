package components

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"hashiya/db"
)

// TestEventTextInArabic: each kind of change reads in Arabic as one
// sentence in Arabic order, needing no subject, with the counts in
// Arabic's six forms (two links are "رابطان", no 2) and in Western
// digits, and names, labels and quoted texts isolated.
func TestEventTextInArabic(t *testing.T) {
	ar := WithLang(t.Context(), Arabic)
	tests := []struct{ action, detail, want string }{
		{"span.create", `{"start":13,"end":17,"label":"PER","text":"أحمد","layer":"gold"}`, "إضافة المقطع PER 13–17 «أحمد» إلى الطبقة الذهبية"},
		{"span.delete", `{"start":13,"end":17,"label":"PER","text":"أحمد","layer":"layla"}`, "حذف المقطع PER 13–17 «أحمد» من طبقة layla"},
		{"span.update", `{"before":{"start":1,"end":2,"label":"PER","text":"a"},"after":{"start":1,"end":3,"label":"ORG","text":"ab"},"layer":"ليلى"}`,
			"تغيير المقطع PER 1–2 «a» إلى ORG 1–3 «ab» في طبقة ليلى"},
		{"relation.create", `{"type":"speaker","from":4,"to":5,"from_label":"QUOTE","from_text":"«نعم»","to_label":"PER","to_text":"أحمد","layer":"gold"}`,
			"إضافة رابط speaker: QUOTE ««نعم»» ← PER «أحمد» إلى الطبقة الذهبية"},
		{"relation.delete", `{"type":"cue","from":4,"to":6}`, "حذف رابط cue: المقطع 4 ← المقطع 6"},
		// An accept in place of gold's label, with and without what the
		// annotator's links brought, and its undo.
		{"review.replace", `{"label":"LOC","start":74,"end":81,"instead_of":["GPE","ORG"]}`, "قبول LOC 74–81 في الطبقة الذهبية بدلًا من GPE وORG"},
		{"review.replace", `{"label":"QUOTE","start":24,"end":39,"instead_of":["CUE"],"links":[4,5],"links_replaced":[{"id":2}],"links_of":"ليلى"}`,
			"قبول QUOTE 24–39 في الطبقة الذهبية بدلًا من CUE، مع روابط ليلى: رابطان، وحلّت محلّ روابط للطبقة الذهبية نفسها: رابط واحد"},
		{"review.replace", `{"label":"LOC","start":74,"end":81,"instead_of":["PER"],"links_of":"layla"}`,
			"قبول LOC 74–81 في الطبقة الذهبية بدلًا من PER، مع روابط layla، ولم تجلب شيئًا آخر"},
		{"review.undo-replace", `{"label":"LOC","start":74,"end":81,"instead_of":["PER"],"links_of":"layla","spans":1,"links":1}`,
			"التراجع عن قبول LOC 74–81 بدلًا من PER، فعاد ما كان في الطبقة الذهبية إليها، مع إخراج ما جلبته روابط layla: مقطع واحد ورابط واحد"},
		{"review.reject", `{"label":"PER","start":3,"end":5}`, "رفض PER 3–5 للطبقة الذهبية"},
		{"layer.done", `{"layer":"layla"}`, "إنهاء طبقة layla"},
		{"layer.reviewed", `{"layer":"gold"}`, "إتمام مراجعة الطبقة الذهبية"},
		{"suggestion.reject", `[{"label":"QUOTE","start":3,"end":9},{"label":"PER","start":0,"end":2}]`, "رُفض اقتراحان: QUOTE 3–9، PER 0–2"},
		{"note.resolve", `{"id":7,"author":"layla","body":"PER or ORG?","start":13,"end":17,"text":"أحمد"}`, "حلّ ملاحظة layla #7 على 13–17 «أحمد»: «PER or ORG?»"},
		// Changes to the label set and the relation rules.
		{"labels.set", `{"before":[{"Name":"PER"}],"after":[{"Name":"PER"},{"Name":"EVENT"}]}`, "تغيير مجموعة الوسوم إلى PER، EVENT (كانت: PER)"},
		{"labels.replace", `{"file":"l.json","before":[{"name":"PER"}],"after":[{"name":"PERS"}],"relation_types_before":[],"relation_types_after":[{"name":"speaker","from":["QUOTE"],"to":["PERS","ORG"]},{"name":"near","from":[],"to":[]}]}`,
			"استبدال مجموعة الوسوم من الملف l.json بـPERS (كانت: PER) وقواعد الروابط بـspeaker: QUOTE ← PERS/ORG؛ near: أي وسم ← أي وسم (كانت: لا قواعد)"},
		{"guidelines.set", `{"before":"old","after":"علّم كل اقتباس\nsecond line"}`, "تغيير الإرشادات، وأولها الآن «علّم كل اقتباس» (عدد الأحرف: 3 ← 26)"},
		// A project's members, assignments and documents.
		{"member.set", `{"user":"rana","role":"reviewer"}`, "تعيين rana مراجعًا"},
		{"member.set", `{"user":"omar","role":"curator"}`, "تعيين omar بدور curator"},
		{"assignment.remove", `{"user":"layla","documents":["d1","d2"]}`, "إلغاء إسناد d1، d2 إلى layla"},
		{"assignment.auto", `{"per_document":2,"added":11}`, "إسناد المستندات تلقائيًا، موسِّمان لكل مستند: أُضيف 11 إسنادًا"},
		{"document.delete", `{"name":"aner-3","layers":2,"spans":4,"relations":1}`, "حذف المستند aner-3 بما فيه: 4 مقاطع ورابط واحد، وطبقاته: طبقتان"},
		{"import", `{"file":"a.jsonl","documents":2,"spans":5,"relations":0,"layer":"gold"}`, "استيراد من a.jsonl: مستندان، ومعها 5 مقاطع في الطبقة الذهبية"},
		{"import", `{"file":"a.jsonl","documents":0,"annotated":1814,"spans":1814,"relations":0,"layer":"ليلى"}`,
			"استيراد من a.jsonl: 1,814 مقطعًا في طبقة ليلى لمستندات كانت في المشروع (1,814 مستندًا)"},
		// A user's own account.
		{"user.create", `{"name":"root","admin":true}`, "إنشاء المشرف root"},
		{"user.language", `{}`, "تغيير لغة الواجهة"},
		{"user.disable", `{"user":"rana"}`, "تعطيل حساب rana"},
		{"session.login", `{}`, "تسجيل الدخول"},
		{"future.action", `{"x":1}`, `future.action {"x":1}`}, // unknown: shown as stored
	}
	for _, tt := range tests {
		got := eventText(ar, db.LoggedEvent{Action: tt.action, Detail: json.RawMessage(tt.detail)})
		if isolates.Replace(got) != tt.want {
			t.Errorf("%s %s:\n got %q\nwant %q", tt.action, tt.detail, isolates.Replace(got), tt.want)
		}
	}
	// Names, labels and quoted texts are isolated, so a Latin name or
	// label keeps the Arabic words around it in their order.
	got := eventText(ar, db.LoggedEvent{Action: "span.create", Detail: json.RawMessage(`{"start":0,"end":1,"label":"PER","text":"a","layer":"layla"}`)})
	if want := "إضافة المقطع \u2068PER\u2069 0–1 «\u2068a\u2069» إلى طبقة \u2068layla\u2069"; got != want {
		t.Errorf("span summary %q, want %q", got, want)
	}
}

// TestBulkAcceptCountsInArabic: an accept of what the annotators agree
// on, and its undo, count its spans and links in the form Arabic gives
// each number:
// one and two without a digit, 3 to 10 in the plural, 11 to 99 and 100
// and up in the singular.
func TestBulkAcceptCountsInArabic(t *testing.T) {
	ar := WithLang(t.Context(), Arabic)
	for _, tt := range []struct {
		spans, links int
		want         string
	}{
		{1, 0, "مقطع واحد"},
		{2, 0, "مقطعان"},
		{5, 0, "5 مقاطع"},
		{11, 0, "11 مقطعًا"},
		{100, 0, "100 مقطع"},
		{0, 2, "رابطان"},
		{5, 1, "5 مقاطع ورابط واحد"},
		{2, 11, "مقطعان و11 رابطًا"},
		{100, 5, "100 مقطع و5 روابط"},
		{1234, 1, "1,234 مقطعًا ورابط واحد"},
	} {
		detail := fmt.Sprintf(`{"spans":%d,"relations":%d}`, tt.spans, tt.links)
		want := "قبول ما يتفق عليه الموسِّمون في الطبقة الذهبية: " + tt.want
		if got := eventText(ar, db.LoggedEvent{Action: "review.accept-agreed", Detail: json.RawMessage(detail)}); got != want {
			t.Errorf("%d spans, %d links: %q, want %q", tt.spans, tt.links, got, want)
		}
		want = "التراجع عن قبول في الطبقة الذهبية، وأُزيل منها: " + tt.want + "، وهو نصيب هذا المستند من قبول على مستوى المشروع"
		detail = fmt.Sprintf(`{"spans":%d,"relations":%d,"batch":"QWERTY234"}`, tt.spans, tt.links)
		if got := eventText(ar, db.LoggedEvent{Action: "review.undo-accept", Detail: json.RawMessage(detail)}); got != want {
			t.Errorf("undo of %d spans, %d links: %q, want %q", tt.spans, tt.links, got, want)
		}
	}
}

// TestActivityPageInArabic: the page around the sentences is Arabic too:
// the table's caption and columns, a run's summary, a filter matching
// nothing, and the link to older changes.
func TestActivityPageInArabic(t *testing.T) {
	ar := WithLang(t.Context(), Arabic)
	var events []db.LoggedEvent
	for i := range 12 {
		action := "span.delete"
		if i%4 == 0 {
			action = "relation.delete"
		}
		events = append(events, logged(int64(100-i), "layla", action, 1, "layla", i*40))
	}
	rows, _ := GroupEvents(events)
	d := renderedIn(t, ar, ActivityPage(Page{Title: "a"}, ActivityView{Project: db.Project{ID: 1, Name: "أخبار"}, Rows: rows, Older: 40}))
	if got := isolates.Replace(d.Find("table.activity caption").Text()); got != "كل التغييرات في أخبار، الأحدث أولًا (الأوقات بتوقيت UTC)" {
		t.Errorf("the caption reads %q", got)
	}
	if got := d.Find("table.activity thead th").First().Text() + " / " + d.Find("table.activity thead th").Last().Text(); got != "الوقت / التغيير" {
		t.Errorf("the columns read %q", got)
	}
	if got := isolates.Replace(d.Find("details summary").Text()); got != "حُذف 9 مقاطع و3 روابط من طبقة layla" {
		t.Errorf("the run reads %q", got)
	}
	if got := d.Find(`a[rel="next"]`).Text(); got != "تغييرات أقدم" {
		t.Errorf("the older changes link reads %q", got)
	}
	if got := d.Find("#activity-who").AttrOr("placeholder", ""); got != "اسم المستخدم" {
		t.Errorf("the user filter's placeholder is %q", got)
	}
	none := renderedIn(t, ar, ActivityPage(Page{Title: "a"}, ActivityView{Project: db.Project{ID: 1, Name: "news"}, Filter: db.EventFilter{User: "omar", Document: "doc-1"}}))
	if got := isolates.Replace(none.Find("#activity-none").Text()); got != "لا تغيير في هذا المشروع أجراه «omar» على المستند «doc-1»." {
		t.Errorf("a filter matching nothing says %q", got)
	}
}

// renderedIn is rendered with ctx, which may ask for another language.
func renderedIn(t *testing.T, ctx context.Context, c templ.Component) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Render(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	d, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
