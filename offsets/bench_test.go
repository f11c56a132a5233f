package offsets_test

import (
	"os"
	"strings"
	"testing"

	"hashiya/offsets"
)

// BenchmarkSnapBook snaps a selection near the end of a book-length text
// (the seed article over and over, about 1.3 million code points) to
// words and grapheme clusters, then checks it as the store does: the
// offset work of every span the annotation view saves. Locate, the one
// pass to the span that any offset check needs, is the baseline.
func BenchmarkSnapBook(b *testing.B) {
	article, err := os.ReadFile("../testdata/ctsi-intelligence-cell.txt")
	if err != nil {
		b.Fatal(err)
	}
	book := strings.Repeat(string(article)+"\n", 1_300_000/offsets.Len(string(article))+1)
	n := offsets.Len(book)
	start, end := n-200, n-190
	b.Run("locate", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := offsets.Locate(book, start, end); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("snap", func(b *testing.B) {
		for b.Loop() {
			a, z, err := offsets.Snap(book, start, end, true)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := offsets.CheckGraphemes(book, a, z); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSnapWords snaps a three-code-point drag at every offset of a
// line of Arabic words, numbers, dates and percentages: the word step
// itself, which BenchmarkSnapBook's pass over a book hides.
func BenchmarkSnapWords(b *testing.B) {
	const line = "ارتفعت الأسعار 12.5% إلى 1,000,000 دينار في 5/10/2021 و١٢٫٥٪ في ٥/١٠/٢٠٢١ الساعة 10:30، قال (رويترز)."
	n := offsets.Len(line)
	for b.Loop() {
		for start := 0; start+3 <= n; start++ {
			offsets.SnapWords(line, start, start+3)
		}
	}
}
