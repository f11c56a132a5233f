package db

import (
	"context"
	"errors"
	"testing"
)

// TestReplaceLabelSetNamesEveryLabelInUse: a set leaving out several
// labels spans use is refused naming each with how many spans use it,
// and changes nothing; one such label reads as before.
func TestReplaceLabelSetNamesEveryLabelInUse(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	for _, s := range []struct{ word, label string }{{"أحمد", "PER"}, {"الوزير", "PER"}, {"الرياض", "LOC"}} {
		start, end := span(t, fixtureText, s.word)
		if _, err := f.s.CreateSpan(ctx, f.doc, 0, f.user.ID, SpanInput{Start: start, End: end, Label: s.label}); err != nil {
			t.Fatal(err)
		}
	}
	before, err := f.s.Project(ctx, f.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	without := func(names ...string) LabelSet {
		set := LabelSet{}
		for _, l := range before.Labels {
			keep := true
			for _, n := range names {
				keep = keep && l.Name != n
			}
			if keep {
				set.Labels = append(set.Labels, l)
			}
		}
		return set
	}
	for _, tc := range []struct {
		set  LabelSet
		want string
	}{
		{without("PER", "LOC", "DATE"), "labels: label PER is used by 2 spans and label LOC by 1 span; they cannot be removed or renamed"},
		{without("LOC"), "labels: label LOC is used by 1 span; it cannot be removed or renamed"},
	} {
		err := f.s.ReplaceLabelSet(ctx, f.proj.ID, f.user, tc.set, "l.json")
		var ve *ValidationError
		if !errors.As(err, &ve) || err.Error() != tc.want {
			t.Errorf("refused with %v, want %q", err, tc.want)
		}
	}
	after, err := f.s.Project(ctx, f.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Labels) != len(before.Labels) {
		t.Errorf("a refused set changed the labels: %d, were %d", len(after.Labels), len(before.Labels))
	}
}
