package components

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

func TestParseRanges(t *testing.T) {
	got, err := ParseRanges("3-7,0-0,12-40")
	if err != nil || !slices.Equal(got, []Range{{3, 7}, {0, 0}, {12, 40}}) {
		t.Errorf("ParseRanges = %v, %v", got, err)
	}
	if got, err := ParseRanges(""); err != nil || got == nil || len(got) != 0 {
		t.Errorf("no ranges: %v, %v; want an empty, non-nil list", got, err)
	}
	for _, bad := range []string{"3", "7-3", "-1-2", "a-b", "1-2,", strings.Repeat("1-2,", MaxRanges) + "1-2"} {
		if _, err := ParseRanges(bad); err == nil {
			t.Errorf("ParseRanges(%.20q) accepted", bad)
		}
	}
}

// TestPartialDocView: with Only, the view holds the paragraphs and list
// entries the changed ranges touch, ends included, and the whole quote
// panel and status; without, everything.
func TestPartialDocView(t *testing.T) {
	text := "أول سطر\nثاني سطر\nثالث سطر"
	a := Annotation{
		Project: db.Project{ID: 1, Labels: []db.Label{{Name: "PER", Color: "#e5484d"}, {Name: "LOC", Color: "#30a46c"}}},
		Doc:     db.Document{ID: 7, ProjectID: 1, Text: text},
		Layer: db.Layer{Status: "in_progress", Spans: []db.Span{
			{ID: 1, Start: 0, End: 3, Label: "PER", Text: "أول"},
			{ID: 2, Start: 8, End: 12, Label: "LOC", Text: "ثاني"},
			{ID: 3, Start: 17, End: 21, Label: "PER", Text: "ثالث"},
		}},
	}
	view := func(only []Range) (paras, items []string) {
		t.Helper()
		a.Only = only
		d := rendered(t, DocView(a))
		if d.Find(`[data-part="quotes"]`).Length() != 1 || d.Find(`[data-part="status"]`).Text() != "in progress" {
			t.Errorf("only %v: the view lacks the quote panel or the status", only)
		}
		d.Find(`[data-part="doc"] > p`).Each(func(_ int, p *goquery.Selection) { paras = append(paras, p.AttrOr("data-start", "")) })
		d.Find(`[data-part="spans"] .span-item`).Each(func(_ int, b *goquery.Selection) { items = append(items, b.AttrOr("data-span", "")) })
		return paras, items
	}
	tests := []struct {
		only         []Range
		paras, items []string
	}{
		{nil, []string{"0", "8", "17"}, []string{"1", "2", "3"}},
		{[]Range{{9, 11}}, []string{"8"}, []string{"2"}},
		{[]Range{{0, 3}, {17, 21}}, []string{"0", "17"}, []string{"1", "3"}},
		{[]Range{{12, 12}}, []string{"8"}, []string{"2"}}, // a boundary belongs to the span ending there
		{[]Range{}, nil, nil},
	}
	for _, tt := range tests {
		paras, items := view(tt.only)
		if !slices.Equal(paras, tt.paras) || !slices.Equal(items, tt.items) {
			t.Errorf("only %v: paragraphs %v, list %v; want %v, %v", tt.only, paras, items, tt.paras, tt.items)
		}
	}
}

// BenchmarkDocView renders the view a save fetches in a document of 250
// paragraphs (about 100,000 code points) holding 1,500 spans: whole, and
// as the partial redraw asks for it after one change.
func BenchmarkDocView(b *testing.B) {
	para := strings.Repeat("وقال الناطق باسم الجهاز صباح النعمان للقناة الرسمية إن الجهاز مستمر في عملياته ", 5)
	n := len([]rune(para)) + 1
	var text strings.Builder
	var spans []db.Span
	for i := range 250 {
		text.WriteString(para + "\n")
		for j := range 6 {
			start := i*n + j*65 + 24
			spans = append(spans, db.Span{ID: int64(len(spans) + 1), Start: start, End: start + 12, Label: "PER", Text: "صباح النعمان"})
		}
	}
	a := Annotation{
		Project: db.Project{ID: 1, Labels: []db.Label{{Name: "PER", Color: "#e5484d"}}},
		Doc:     db.Document{ID: 7, ProjectID: 1, Text: text.String()},
		Layer:   db.Layer{Status: "in_progress", Spans: spans},
	}
	for _, v := range []struct {
		name string
		only []Range
	}{{"whole", nil}, {"one change", []Range{{spans[700].Start, spans[700].End}}}} {
		b.Run(v.name, func(b *testing.B) {
			a.Only = v.only
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := DocView(a).Render(context.Background(), &buf); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "bytes/view")
		})
	}
}
