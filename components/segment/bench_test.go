package segment

import (
	"os"
	"testing"
)

// BenchmarkCutSeed cuts the seed article with 60 nested and overlapping
// spans: the work of every redraw of the annotation view.
func BenchmarkCutSeed(b *testing.B) {
	raw, err := os.ReadFile("../../testdata/ctsi-intelligence-cell.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	n := len([]rune(text))
	var spans []Span
	for i := range 60 {
		start := i * n / 61
		spans = append(spans, Span{ID: int64(i + 1), Start: start, End: min(n, start+20+i%3*40), Label: "PER"})
	}
	for b.Loop() {
		if len(Cut(text, spans)) == 0 {
			b.Fatal("no paragraphs")
		}
	}
}
