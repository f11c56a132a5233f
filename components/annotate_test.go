package components

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"hashiya/db"
)

func renderDoc(t *testing.T, a Annotation) *goquery.Document {
	t.Helper()
	return rendered(t, AnnotatePage(Page{Title: "t", Static: "/static/x", CSRF: "tok"}, a))
}

// rendered is the HTML c renders, parsed.
func rendered(t *testing.T, c templ.Component) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	d, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestAnnotatePageStructure checks what the browser code and assistive
// technology rely on: the text container, paragraph direction, run
// anchors, label buttons named by their label, and escaping.
func TestAnnotatePageStructure(t *testing.T) {
	text := "قال <script>alert(1)</script> صباح\r\nسطر ثان\n\nCNN 2024"
	a := Annotation{
		Project: db.Project{ID: 1, Name: "p", Labels: []db.Label{{Name: "PER", Color: "#e5484d", Hotkey: "1"}, {Name: "EVIL", Color: "red;position:fixed", Hotkey: "2"}}},
		Doc:     db.Document{ID: 7, ProjectID: 1, ExternalID: "d", Text: text},
		Layer: db.Layer{Spans: []db.Span{
			{ID: 1, Start: 0, End: 35, Label: "EVIL", Text: "x"},
			{ID: 2, Start: 30, End: 34, Label: "PER", Text: "صباح"},
		}},
	}
	d := renderDoc(t, a)
	doc := d.Find("#doc")
	if doc.Length() != 1 || doc.AttrOr("dir", "") != "rtl" || doc.AttrOr("lang", "") != "ar" || doc.AttrOr("data-doc", "") != "7" {
		t.Fatalf("#doc element wrong: %v", doc.Nodes)
	}
	if d.Find("script").FilterFunction(func(_ int, s *goquery.Selection) bool { return strings.Contains(s.Text(), "alert") }).Length() != 0 {
		t.Error("document text became a script element")
	}
	paras := doc.Find("p")
	if paras.Length() != 4 {
		t.Fatalf("want 4 paragraphs (CRLF, LF, empty, last), got %d", paras.Length())
	}
	wantStarts := []string{"0", "36", "44", "45"}
	paras.Each(func(i int, p *goquery.Selection) {
		if p.AttrOr("dir", "") != "auto" || p.AttrOr("data-start", "") != wantStarts[i] {
			t.Errorf("paragraph %d: dir=%q data-start=%q, want auto and %s", i, p.AttrOr("dir", ""), p.AttrOr("data-start", ""), wantStarts[i])
		}
	})
	// The text of all runs, in order, is the stored text minus line breaks.
	var got strings.Builder
	doc.Find("span[data-start]").Each(func(_ int, s *goquery.Selection) { got.WriteString(s.Text()) })
	if want := strings.NewReplacer("\r\n", "", "\n", "").Replace(text); got.String() != want {
		t.Errorf("runs read %q, want %q", got.String(), want)
	}
	nested := doc.Find(`span[data-start="30"]`)
	if nested.AttrOr("data-spans", "") != "1 2" {
		t.Errorf("nested run covered by %q, want outermost first \"1 2\"", nested.AttrOr("data-spans", ""))
	}
	if style, _ := d.Html(); strings.Contains(style, "position:fixed") {
		t.Error("an invalid label colour reached a style attribute")
	}
	for i, name := range []string{"PER", "EVIL"} {
		b := d.Find(`button.label-btn[data-label="` + name + `"]`)
		if b.Length() != 1 || !strings.Contains(b.Text(), name) {
			t.Errorf("no label button named %s", name)
		}
		// The editor's buttons show the key that relabels the open span.
		key := string(rune('1' + i))
		if r := d.Find(`button.relabel[data-label="` + name + `"]`); r.Find("kbd").Text() != key || r.AttrOr("aria-keyshortcuts", "") != key {
			t.Errorf("the editor's %s button shows key %q, aria-keyshortcuts %q; want %s", name, r.Find("kbd").Text(), r.AttrOr("aria-keyshortcuts", ""), key)
		}
	}
	if d.Find(`meta[name="csrf-token"]`).AttrOr("content", "") != "tok" {
		t.Error("CSRF token missing from the page")
	}
	if d.Find(`script[type="module"]`).AttrOr("src", "") != "/static/x/annotate.js" {
		t.Error("annotation module not loaded from the hashed static prefix")
	}
}

func TestEmptyStates(t *testing.T) {
	var buf bytes.Buffer
	if err := Home(Page{}, HomeView{}).Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "not a member of any project yet") {
		t.Error("home without projects does not say so")
	}
	// An empty layer one may write in says how to begin, by key or by
	// click; one that is read only (another's, one marked done) says it
	// is empty, not how to label what cannot be labelled there.
	for _, c := range []struct {
		readOnly      bool
		spans, quotes string
	}{
		{false, "No spans yet. Select text, then press a label's key or click the label.", "No quotations yet. Mark one as QUOTE, then choose its speaker."},
		{true, "No spans in this layer.", "No quotations in this layer."},
	} {
		d := renderDoc(t, Annotation{Project: db.Project{Name: "p"}, Doc: db.Document{Text: "نص"}, ReadOnly: c.readOnly})
		if got := strings.TrimSpace(d.Find("#span-list").Text()); got != c.spans {
			t.Errorf("read only %v: an empty span list says %q, want %q", c.readOnly, got, c.spans)
		}
		if got := strings.TrimSpace(d.Find("#quote-list").Text()); got != c.quotes {
			t.Errorf("read only %v: an empty quotation list says %q, want %q", c.readOnly, got, c.quotes)
		}
	}
}

// TestQuotePanelDirection: each quotation in the panel reads in the
// direction of the line it stands in, not of its own first letter: a
// quotation that opens with a Latin name inside an Arabic line is still
// right-to-left, and one in an English line left-to-right.
func TestQuotePanelDirection(t *testing.T) {
	text := "وقال الوزير إن «CNN كاذبة» اليوم\nThe minister said “كلام” today"
	rs := []rune(text)
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		start := len([]rune(text[:i]))
		return start, start + len([]rune(s))
	}
	s1, e1 := at("CNN كاذبة")
	s2, e2 := at("كلام")
	a := Annotation{
		Project: db.Project{ID: 1, Name: "p", Labels: []db.Label{{Name: "QUOTE", Color: "#000000", Hotkey: "6"}}},
		Doc:     db.Document{ID: 7, ProjectID: 1, ExternalID: "d", Text: text},
		Layer: db.Layer{Spans: []db.Span{
			{ID: 1, Start: s1, End: e1, Label: "QUOTE", Text: string(rs[s1:e1])},
			{ID: 2, Start: s2, End: e2, Label: "QUOTE", Text: string(rs[s2:e2])},
		}},
	}
	var got []string
	renderDoc(t, a).Find(".quotes .q-text").Each(func(_ int, s *goquery.Selection) {
		got = append(got, s.AttrOr("dir", "")+" "+s.Text())
	})
	if want := []string{"rtl “CNN كاذبة”", "ltr “كلام”"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("quotations shown as %q, want %q", got, want)
	}
}
