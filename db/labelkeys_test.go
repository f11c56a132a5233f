package db

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hashiya/db/codec"
)

// importWithLabels imports one document whose spans carry labels, in
// order, with AddLabels, and returns the project's label set after it.
func importWithLabels(t *testing.T, f fixture, id string, labels ...string) []Label {
	t.Helper()
	ctx := context.Background()
	doc := codec.Doc{Line: 1, ExternalID: id, Text: strings.Repeat("ab ", len(labels)), Meta: []byte("{}")}
	for i, l := range labels {
		doc.Spans = append(doc.Spans, codec.Span{Start: 3 * i, End: 3*i + 2, Label: l, Attributes: []byte("{}")})
	}
	if _, err := f.s.Import(ctx, ImportOptions{ProjectID: f.proj.ID, File: id + ".jsonl", By: f.user.ID, AddLabels: true}, []codec.Doc{doc}); err != nil {
		t.Fatal(err)
	}
	p, err := f.s.Project(ctx, f.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	return p.Labels
}

func labelNames(prefix string, n int) []string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf("%s%d", prefix, i+1))
	}
	return out
}

// TestImportedLabelsGetFreeHotkeys: labels an import adds take the keys
// no label has, in the default set's order (on along the digit row, then
// letters), never one the annotation view uses for something else, and
// none once every key is taken.
func TestImportedLabelsGetFreeHotkeys(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	// A manager gave keys of their own: 8 to EVENT, an upper-case B to TITLE.
	mine := append(DefaultLabels(), Label{Name: "EVENT", Color: "#123456", Hotkey: "8"}, Label{Name: "TITLE", Color: "#654321", Hotkey: "B"})
	if err := f.s.SetLabels(ctx, f.proj.ID, f.user, mine); err != nil {
		t.Fatal(err)
	}
	labels := importWithLabels(t, f, "first", "PERS", "NORP")
	if got := labels[len(labels)-2:]; got[0].Hotkey != "9" || got[1].Hotkey != "0" {
		t.Errorf("PERS and NORP got keys %q and %q, want 9 and 0", got[0].Hotkey, got[1].Hotkey)
	}
	labels = importWithLabels(t, f, "second", labelNames("L", 30)...)
	added := labels[len(mine)+2:]
	var keys []string
	for _, l := range added {
		keys = append(keys, l.Hotkey)
	}
	// 32 keys in all; 1-9, 0 and b are taken, the 21 left go to L1..L21.
	want := strings.Split("defghijklmnopqtuvwxyz", "")
	want = append(want, slices.Repeat([]string{""}, 9)...)
	if !slices.Equal(keys, want) {
		t.Errorf("added labels' keys %q, want %q", keys, want)
	}
	seen := map[string]string{}
	for _, l := range labels {
		k := strings.ToLower(l.Hotkey)
		if k == "" {
			continue
		}
		if strings.Contains("acrs/?[]", k) {
			t.Errorf("%s has %q, a key the annotation view uses for something else", l.Name, l.Hotkey)
		}
		if other, ok := seen[k]; ok {
			t.Errorf("%s and %s share the key %q", other, l.Name, l.Hotkey)
		}
		seen[k] = l.Name
	}
}

// TestImportedLabelColoursStandApart: in a project importing many labels
// no two labels share a colour until the spare colours run out, every
// two are at least as far apart as the default set's closest pair, and
// the document's text and the chips' text stay readable on each
// highlight; past the palette, colours come round again evenly.
func TestImportedLabelColoursStandApart(t *testing.T) {
	f := newFixture(t)
	labels := importWithLabels(t, f, "many", labelNames("T", len(extraColors)+10)...)
	defaults := len(DefaultLabels())
	var got []string
	for _, l := range labels[defaults:] {
		got = append(got, l.Color)
	}
	if !slices.Equal(got[:len(extraColors)], extraColors) {
		t.Errorf("a default project's added labels take %v, want the palette in its order %v", got[:len(extraColors)], extraColors)
	}
	closestDefaults := math.Inf(1)
	for i, a := range DefaultLabels() {
		for _, b := range DefaultLabels()[i+1:] {
			closestDefaults = min(closestDefaults, distance(t, a.Color, b.Color))
		}
	}
	untilRunOut := labels[:defaults+len(extraColors)]
	for i, a := range untilRunOut {
		for _, b := range untilRunOut[i+1:] {
			if d := distance(t, a.Color, b.Color); d < closestDefaults {
				t.Errorf("%s %s and %s %s are %.3f apart, nearer than the default set's closest pair (%.3f)", a.Name, a.Color, b.Name, b.Color, d, closestDefaults)
			}
		}
	}
	uses := map[string]int{}
	for _, c := range got {
		uses[c]++
	}
	for _, c := range extraColors {
		if uses[c] > 2 {
			t.Errorf("%s is given %d times to %d labels from a palette of %d", c, uses[c], len(got), len(extraColors))
		}
	}

	// Readable: a highlight is the colour at 0x40 (a quarter) over the
	// text's white; the text (--ink) and the chips' grey must keep WCAG's
	// 4.5:1 on it, and the colour itself 3:1 on white, so its underline
	// and the edge of its button show.
	for _, c := range extraColors {
		tint := blendOnWhite(t, c, 0x40/255.0)
		for _, text := range []string{"#1c2024", "#3b3f45"} {
			if r := contrastRatio(tint, luminance(t, text)); r < 4.5 {
				t.Errorf("text %s on a highlight of %s: contrast %.2f, under 4.5", text, c, r)
			}
		}
		if r := contrastRatio(1, luminance(t, c)); r < 3 {
			t.Errorf("%s on white: contrast %.2f, under 3", c, r)
		}
	}
}

// TestImportedLabelColoursAvoidChosenOnes: colours a manager chose count
// as the defaults do: an added label takes neither one of them nor one
// near it.
func TestImportedLabelColoursAvoidChosenOnes(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	// The first two spare colours, and one a shade off the third.
	mine := append(DefaultLabels(), Label{Name: "EVENT", Color: extraColors[0]}, Label{Name: "TITLE", Color: extraColors[1]}, Label{Name: "WORK", Color: "#a28173"})
	if err := f.s.SetLabels(ctx, f.proj.ID, f.user, mine); err != nil {
		t.Fatal(err)
	}
	labels := importWithLabels(t, f, "doc", "PERS", "NORP", "FAC")
	for _, added := range labels[len(mine):] {
		for _, l := range mine {
			if d := distance(t, added.Color, l.Color); d < 0.05 {
				t.Errorf("added %s %s is %.3f from %s %s", added.Name, added.Color, d, l.Name, l.Color)
			}
		}
	}
}

func distance(t *testing.T, a, b string) float64 {
	t.Helper()
	x, ok1 := oklab(a)
	y, ok2 := oklab(b)
	if !ok1 || !ok2 {
		t.Fatalf("colours %q, %q", a, b)
	}
	return colorDistance(x, y)
}

// luminance is WCAG's relative luminance of a #rrggbb colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	return blendOnWhite(t, hex, 1)
}

// blendOnWhite is the relative luminance of hex drawn at alpha over white.
func blendOnWhite(t *testing.T, hex string, alpha float64) float64 {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("colour %q", hex)
	}
	var lin [3]float64
	for i, shift := range []uint{16, 8, 0} {
		c := alpha*float64(v>>shift&0xff)/255 + (1 - alpha)
		if c <= 0.04045 {
			lin[i] = c / 12.92
		} else {
			lin[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*lin[0] + 0.7152*lin[1] + 0.0722*lin[2]
}

func contrastRatio(l1, l2 float64) float64 {
	return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
}
