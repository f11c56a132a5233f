package codec

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	s, err := ParseSplit("80/10/10", "")
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	const n = 20000
	for i := range n {
		counts[s.PartOf(fmt.Sprintf("doc-%d", i))]++
	}
	for part, share := range map[string]float64{"train": .8, "dev": .1, "test": .1} {
		if got := float64(counts[part]) / n; math.Abs(got-share) > 0.01 {
			t.Errorf("%s holds %.3f of the documents, want about %.2f", part, got, share)
		}
	}
	// A document's part depends on its id and the seed alone.
	again, _ := ParseSplit("80/10/10", "")
	seeded, _ := ParseSplit("80/10/10", "2")
	moved := 0
	for i := range 1000 {
		id := fmt.Sprintf("doc-%d", i)
		if s.PartOf(id) != again.PartOf(id) {
			t.Fatalf("%s changed part between two equal splits", id)
		}
		if s.PartOf(id) != seeded.PartOf(id) {
			moved++
		}
	}
	if moved < 200 || moved > 500 {
		t.Errorf("another seed moved %d of 1000 documents, want about a third", moved)
	}
	two, _ := ParseSplit("90/10", "")
	if two.Names[0] != "train" || two.Names[1] != "test" {
		t.Errorf("a two-way split is %v", two.Names)
	}
	for shares, says := range map[string]string{
		"80/10":       "add up to 90",
		"80/x/10":     `the dev share "x"`,
		"100":         "want train/test or train/dev/test",
		"50/30/10/10": "want train/test or train/dev/test",
	} {
		if _, err := ParseSplit(shares, ""); err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("ParseSplit(%q): %v, want %q", shares, err, says)
		}
	}
	var got []string
	only, err := s.Only("dev", func(d ExportDoc) error { got = append(got, d.ExternalID); return nil })
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		id := fmt.Sprintf("doc-%d", i)
		if err := only(ExportDoc{ExternalID: id}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range got {
		if s.PartOf(id) != "dev" {
			t.Errorf("%s passed the dev filter", id)
		}
	}
	if len(got) == 0 {
		t.Error("no document of 200 is in dev")
	}
	if _, err := s.Only("validation", nil); err == nil || !strings.Contains(err.Error(), "want one of train, dev, test") {
		t.Errorf("an unknown part: %v", err)
	}
}
