package components

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/components/agreement"
	"hashiya/db"
)

// annotatePageIn renders the annotation page of a in ctx's language.
func annotatePageIn(t *testing.T, ctx context.Context, a Annotation) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := AnnotatePage(Page{Title: a.Doc.ExternalID, User: "rana"}, a).Render(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	d, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestAnnotatePageInArabic: a reviewer reading an annotator's finished
// layer in Arabic reads why it is read only with the annotator's name
// isolated in the sentence, the layer's status and the keys' list in
// Arabic, the keys and labels isolated; in English the same sentences
// read as they always did, the name against the words around it.
func TestAnnotatePageInArabic(t *testing.T) {
	a := Annotation{
		Project:   db.Project{ID: 1, Name: "Demo", Labels: []db.Label{{Name: "PER", Color: "#e5484d", Hotkey: "1"}, {Name: "ORG", Color: "#0090ff", Hotkey: "2"}}},
		Doc:       db.Document{ID: 7, ProjectID: 1, ExternalID: "seed", Text: "قال الوزير"},
		Layer:     db.Layer{Status: "done"},
		LayerName: "layla", LayerParam: "layla", ReadOnly: true, CanReview: true,
	}
	clean := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, c := range []struct {
		ctx                        context.Context
		note, status, keys, reason string
	}{
		{context.Background(), "· read only: this is layla’s layer. Open your own layer to annotate.", "done",
			"Press a label's key (1 PER, 2 ORG) or click the label to create a span.",
			"This is layla’s layer: it is read only. Open your own layer to annotate."},
		{WithLang(context.Background(), Arabic), "· للقراءة فقط: هذه طبقة layla. افتح طبقتك لتوسم فيها.", "منجز",
			"اضغط مفتاح الوسم (\u20681 PER, 2 ORG\u2069) أو انقر الوسم لإنشاء مقطع.",
			"هذه طبقة \u2068layla\u2069: إنها للقراءة فقط. افتح طبقتك لتوسم فيها."},
	} {
		d := annotatePageIn(t, c.ctx, a)
		lang := LangOf(c.ctx)
		if got := clean(d.Find("#readonly-note").Text()); got != c.note {
			t.Errorf("%s: the read-only note says %q, want %q", lang, got, c.note)
		}
		if got := d.Find("#readonly-note bdi").Text(); got != "layla" {
			t.Errorf("%s: the read-only note isolates %q, want the layer's owner", lang, got)
		}
		if got := d.Find("#layer-status").Text(); got != c.status {
			t.Errorf("%s: the layer's status reads %q, want %q", lang, got, c.status)
		}
		if got := d.Find("#label-keys").Text(); got != c.keys {
			t.Errorf("%s: the list of keys says %q, want %q", lang, got, c.keys)
		}
		if got := d.Find("#doc").AttrOr("data-readonly-reason", ""); got != c.reason {
			t.Errorf("%s: a refused key would say %q, want %q", lang, got, c.reason)
		}
		if got := d.Find(".crumbs bdi").Length(); got != 2 {
			t.Errorf("%s: the path isolates %d names, want the project's and the document's", lang, got)
		}
	}
	if got := towards(WithLang(context.Background(), Arabic)) + towards(context.Background()); got != "←→" {
		t.Errorf("the arrows from a speaker to its referent are %q, want ← in Arabic and → in English", got)
	}
}

// TestArabicNothing: Arabic says "nothing" as لا شيء where a table row
// counts spans one side did not mark and where a change took back no
// span, and "nothing yet" as لا شيء بعد only where a link is still to
// be chosen.
func TestArabicNothing(t *testing.T) {
	ar := WithLang(context.Background(), Arabic)
	if got := labelOrNone(ar, agreement.None); got != "لا شيء" {
		t.Errorf("the confusion table's none reads %q in Arabic, want لا شيء", got)
	}
	if got := SpansAndLinksIn(ar, 0, 0); got != "لا شيء" {
		t.Errorf("no spans and no links read %q in Arabic, want لا شيء", got)
	}
	if got := T(ar, "nothing yet"); got != "لا شيء بعد" {
		t.Errorf("nothing yet reads %q in Arabic", got)
	}
}
