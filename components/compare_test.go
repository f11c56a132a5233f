package components

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// compareFixture is a text whose first paragraph starts with astral
// characters (two code points, four UTF-8 bytes and two UTF-16 units
// each) before a quotation holding a name, and a span that crosses into
// the second paragraph; a blank line, then a paragraph nobody marked.
// karim and layla mark the quotation alike and give the name different
// labels; only karim marks the span across the line break; gold holds
// the quotation.
func compareFixture(t *testing.T) (Compare, map[string][2]int) {
	t.Helper()
	text := "😀🎉 قالت: «جامعة القاهرة تفتح» اليوم\nسطر ثان Microsoft 2024\n\nفقرة ثالثة"
	at := func(sub string, n int) [2]int {
		b := strings.Index(text, sub)
		if b < 0 {
			t.Fatalf("%q not in the text", sub)
		}
		start := utf8.RuneCountInString(text[:b])
		return [2]int{start, start + n}
	}
	places := map[string][2]int{
		"quote": at("«", utf8.RuneCountInString("«جامعة القاهرة تفتح»")),
		"name":  at("جامعة", utf8.RuneCountInString("جامعة القاهرة")),
		"cross": at("اليوم", utf8.RuneCountInString("اليوم\nسطر")),
		"last":  at("فقرة", 0),
	}
	span := func(id int64, place, label string) db.Span {
		p := places[place]
		return db.Span{ID: id, Start: p[0], End: p[1], Label: label, Text: string([]rune(text)[p[0]:p[1]])}
	}
	c := Compare{Review: Review{
		Project: db.Project{Labels: []db.Label{{Name: "QUOTE", Color: "#8e4ec6"}, {Name: "ORG", Color: "#0090ff"}, {Name: "LOC", Color: "#30a46c"}, {Name: "DATE", Color: "#ffc53d"}}},
		Doc:     db.Document{ID: 7, ExternalID: "d7", Text: text},
		Layers: []db.OwnedLayer{
			{Name: "karim", Layer: db.Layer{Owner: 2, Status: "done", Spans: []db.Span{span(1, "quote", "QUOTE"), span(2, "name", "ORG"), span(3, "cross", "DATE")}}},
			{Name: "layla", Layer: db.Layer{Owner: 3, Status: "in_progress", Spans: []db.Span{span(4, "quote", "QUOTE"), span(5, "name", "LOC")}}},
		},
		Gold: db.Layer{Status: "in_progress", Spans: []db.Span{span(6, "quote", "QUOTE")}},
	}}
	return c, places
}

// runOf writes a run compactly: its text, the labels over it, its chip,
// whether it is disputed, and the label of the row it links to.
func runOf(r CompareRun) string {
	var labels []string
	for _, s := range r.Spans {
		labels = append(labels, s.Label)
	}
	row := ""
	if r.Row != "" {
		sp, _ := parseAnchor(r.Row)
		row = sp.Label
	}
	return fmt.Sprintf("%s|%s|%s|%v|%s", r.Text, strings.Join(labels, ","), r.Chip, r.Disputed, row)
}

// TestCompareParagraphs: each layer's spans are cut into the paragraphs
// of the text (lines), nested spans both kept on the runs they share,
// offsets counted in code points past astral characters, a span across
// a line break drawn in both its paragraphs, and the disputed spans
// counted per paragraph.
func TestCompareParagraphs(t *testing.T) {
	c, places := compareFixture(t)
	paras := c.Paragraphs()
	if len(paras) != 3 {
		t.Fatalf("%d paragraphs, want 3 (the blank line left out)", len(paras))
	}
	text := []rune(c.Doc.Text)
	for _, p := range paras {
		var names []string
		for _, l := range p.Lines {
			names = append(names, l.Name+" "+l.Status)
			for _, r := range l.Runs {
				if got := string(text[r.Start : r.Start+utf8.RuneCountInString(r.Text)]); got != r.Text {
					t.Errorf("paragraph %d, %s: a run starting at code point %d reads %q, the text there %q", p.Number, l.Name, r.Start, r.Text, got)
				}
			}
		}
		if want := []string{"gold in_progress", "karim done", "layla in_progress"}; !reflect.DeepEqual(names, want) {
			t.Errorf("paragraph %d's lines %v, want %v", p.Number, names, want)
		}
	}
	if got := []int{paras[0].Number, paras[1].Number, paras[2].Number, paras[2].Start}; !reflect.DeepEqual(got, []int{1, 2, 3, places["last"][0]}) {
		t.Errorf("numbers and the last one's start %v", got)
	}
	if got := []int{paras[0].Disputed, paras[1].Disputed, paras[2].Disputed}; !reflect.DeepEqual(got, []int{3, 1, 0}) {
		t.Errorf("disputed spans by paragraph %v, want ORG, LOC and DATE in the first, DATE in the second, none in the third", got)
	}
	lines := func(p int) [][]string {
		var out [][]string
		for _, l := range paras[p].Lines {
			var runs []string
			for _, r := range l.Runs {
				runs = append(runs, runOf(r))
			}
			out = append(out, runs)
		}
		return out
	}
	want := [][]string{
		// Gold's line is cut where its own spans begin and end, not the others'.
		{"😀🎉 قالت: |||false|", "«جامعة القاهرة تفتح»|QUOTE|QUOTE ← \u2068?\u2069|false|QUOTE", " اليوم|||false|"},
		{"😀🎉 قالت: |||false|", "«|QUOTE|QUOTE ← \u2068?\u2069|false|QUOTE", "جامعة القاهرة|QUOTE,ORG|≠ ORG|true|ORG", " تفتح»|QUOTE||false|QUOTE", " |||false|", "اليوم|DATE|≠ DATE|true|DATE"},
		{"😀🎉 قالت: |||false|", "«|QUOTE|QUOTE ← \u2068?\u2069|false|QUOTE", "جامعة القاهرة|QUOTE,LOC|≠ LOC|true|LOC", " تفتح»|QUOTE||false|QUOTE", " اليوم|||false|"},
	}
	if got := lines(0); !reflect.DeepEqual(got, want) {
		t.Errorf("first paragraph:\n got %q\nwant %q", got, want)
	}
	if got := lines(1)[1]; !reflect.DeepEqual(got, []string{"سطر|DATE||true|DATE", " ثان Microsoft 2024|||false|"}) {
		t.Errorf("karim's second paragraph, the span across the line break going on without a new chip: %q", got)
	}
	if name := paras[0].Lines[1].Runs[2]; name.Start != places["name"][0] || name.Row != fmt.Sprintf("c-%d-%d-ORG", places["name"][0], places["name"][1]) {
		t.Errorf("the name's run starts at %d and links to %q, want code point %d (not byte %d)", name.Start, name.Row, places["name"][0], strings.Index(c.Doc.Text, "جامعة"))
	}

	blocks := func(all bool) string {
		c.All = all
		var out []string
		for _, b := range c.blocks(paras) {
			if len(b.Agreed) > 0 {
				out = append(out, fmt.Sprintf("%d agreed", len(b.Agreed)))
			} else {
				out = append(out, fmt.Sprint(b.Para.Number))
			}
		}
		return strings.Join(out, " ")
	}
	if got := blocks(false); got != "1 2 1 agreed" {
		t.Errorf("blocks with disagreements first: %q", got)
	}
	if got := blocks(true); got != "1 2 3" {
		t.Errorf("blocks of every paragraph: %q", got)
	}
}

// TestComparePage checks the page's structure: each line a group named
// by its layer, each paragraph finding its own direction, a disputed
// stretch linking to its row in the review with its chip, the agreeing
// paragraph folded behind a disclosure, and the text escaped.
func TestComparePage(t *testing.T) {
	c, places := compareFixture(t)
	c.Doc.Text = strings.Replace(c.Doc.Text, "فقرة ثالثة", "<b>فقرة</b>", 1)
	d := rendered(t, ComparePage(Page{Title: "t", Static: "/static/x", CSRF: "tok"}, c))
	if n := d.Find("b").Length(); n != 0 {
		t.Errorf("the text's markup became %d elements", n)
	}
	if got := d.Find("#p-1 .cmp-line").Length(); got != 3 {
		t.Errorf("the first paragraph has %d lines, want gold's and two annotators'", got)
	}
	d.Find(".cmp-line").Each(func(_ int, l *goquery.Selection) {
		id, _ := l.Attr("aria-labelledby")
		if role, _ := l.Attr("role"); role != "group" || l.Find("#"+id).Length() != 1 {
			t.Errorf("a line is not a group named by its layer: role %q, labelled by %q", role, id)
		}
	})
	if n, auto := d.Find("p.cmp-text").Length(), d.Find(`p.cmp-text[dir="auto"]`).Length(); n != 9 || auto != n {
		t.Errorf("%d lines of text, %d with dir=auto; want 9 of each", n, auto)
	}
	org := d.Find(`#p-1 a.cmp-seg.disputed[data-chip="≠ ORG"]`)
	href, _ := org.Attr("href")
	row := fmt.Sprintf("c-%d-%d-ORG", places["name"][0], places["name"][1])
	if org.Text() != "جامعة القاهرة" || href != "/documents/7/review?from="+row+"#"+row {
		t.Errorf("karim's ORG reads %q and links to %q", org.Text(), href)
	}
	if got := d.Find("details.cmp-agreed > summary").Text(); got != "1 paragraph where everyone agrees" {
		t.Errorf("the fold says %q", got)
	}
	if got := d.Find("details.cmp-agreed #p-3").Length(); got != 1 {
		t.Error("the third paragraph, where everyone agrees, is not in the fold")
	}
	if got := d.Find("#compare-summary").Text(); got != "Disagreements in 2 of 3 paragraphs: spans not every annotator marked, or quotations whose layers name different speakers." {
		t.Errorf("summary %q", got)
	}
	if cur := d.Find(`#show-disputed[aria-current="page"]`).Length(); cur != 1 {
		t.Error("the default list is not marked as the one shown")
	}
}

// TestComparePages: the paragraphs come in pages of about
// ComparePageRunes code points, a paragraph longer than that alone on
// its page, a page asked for past either end giving the nearest.
func TestComparePages(t *testing.T) {
	var paras []CompareParagraph
	at := 0
	for i, n := range []int{15_000, 6_000, 25_000, 100, 100} {
		paras = append(paras, CompareParagraph{Number: i + 1, Start: at, End: at + n})
		at += n + 1
	}
	numbers := func(pg paragraphPage) string {
		var out []string
		for _, p := range pg.Paras {
			out = append(out, fmt.Sprint(p.Number))
		}
		return fmt.Sprintf("%s (%d of %d) %s", strings.Join(out, " "), pg.Number, pg.Pages, pg.rangeText(context.Background()))
	}
	for page, want := range map[int]string{
		0:  "1 (1 of 4) Paragraphs 1–1 of 5",
		2:  "2 (2 of 4) Paragraphs 2–2 of 5",
		3:  "3 (3 of 4) Paragraphs 3–3 of 5",
		4:  "4 5 (4 of 4) Paragraphs 4–5 of 5",
		99: "4 5 (4 of 4) Paragraphs 4–5 of 5",
	} {
		if got := numbers(Compare{Page: page}.paged(paras)); got != want {
			t.Errorf("page %d: %s, want %s", page, got, want)
		}
	}
	if got := numbers(Compare{}.paged(nil)); got != " (1 of 1) " {
		t.Errorf("no paragraphs: %q", got)
	}
}
