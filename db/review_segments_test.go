package db

import (
	"context"
	"slices"
	"testing"
)

// goldSpeakers lists the texts gold's speaker links reach, and whether
// its two quotation spans are joined.
func goldSpeakers(t *testing.T, f fixture) ([]string, bool) {
	t.Helper()
	gold, err := f.s.LayerOf(context.Background(), f.doc, 0)
	if err != nil {
		t.Fatal(err)
	}
	text := map[int64]string{}
	for _, s := range gold.Spans {
		text[s.ID] = s.Text
	}
	var speakers []string
	joined := false
	for _, r := range gold.Relations {
		switch r.Type {
		case "speaker":
			speakers = append(speakers, text[r.To])
		case "segment":
			joined = true
		}
	}
	slices.Sort(speakers)
	return speakers, joined
}

// TestCopyLinksJoinsQuotationsWithSpeakers: gold holds the second
// segment of a quotation with its own speaker; another layer's quotation
// has both segments joined and its speaker on the first. Accepting that
// with its links joins the segments in gold and leaves the quotation
// one speaker, the one brought in, rather than refusing the join.
func TestCopyLinksJoinsQuotationsWithSpeakers(t *testing.T) {
	f := newFixture(t)
	f.link(t, 0, "speaker", f.mark(t, 0, "ينمو", "QUOTE"), f.mark(t, 0, "الوزير", "PER"))
	o1, o2 := f.mark(t, f.other.ID, "الاقتصاد", "QUOTE"), f.mark(t, f.other.ID, "ينمو", "QUOTE")
	f.link(t, f.other.ID, "speaker", o1, f.mark(t, f.other.ID, "أحمد", "PER"))
	f.link(t, f.other.ID, "segment", o1, o2)

	_, added, err := f.s.CopyWithLinksToGold(context.Background(), f.doc, seenRef(f.other.ID, o1), f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if speakers, joined := goldSpeakers(t, f); !joined || !slices.Equal(speakers, []string{"أحمد"}) || added.Replaced != 1 {
		t.Errorf("gold: joined %v, speakers %q (added %+v); want joined, أحمد alone in place of الوزير", joined, speakers, added)
	}
}

// TestCopyAgreedLinksKeepsGoldsSpeaker: every annotator joined the two
// segments and gave the first a speaker, but gold's second segment has a
// speaker of its own: accepting the agreed spans leaves gold's speaker
// standing and the segments apart, rather than failing.
func TestCopyAgreedLinksKeepsGoldsSpeaker(t *testing.T) {
	f := newFixture(t)
	f.link(t, 0, "speaker", f.mark(t, 0, "ينمو", "QUOTE"), f.mark(t, 0, "الوزير", "PER"))
	var refs []SpanRef
	for _, owner := range []int64{f.user.ID, f.other.ID} {
		q1, q2, per := f.mark(t, owner, "الاقتصاد", "QUOTE"), f.mark(t, owner, "ينمو", "QUOTE"), f.mark(t, owner, "أحمد", "PER")
		f.link(t, owner, "speaker", q1, per)
		f.link(t, owner, "segment", q1, q2)
		if owner == f.user.ID {
			refs = append(refs, seenRef(owner, q1), seenRef(owner, per))
		}
	}
	if _, err := f.s.AcceptAgreed(context.Background(), f.doc, refs, f.user.ID); err != nil {
		t.Fatal(err)
	}
	if speakers, joined := goldSpeakers(t, f); joined || !slices.Equal(speakers, []string{"أحمد", "الوزير"}) {
		t.Errorf("gold: joined %v, speakers %q; want two quotations apart, each with its speaker", joined, speakers)
	}
}

// TestCopyLinksSpeakerOnLaterSegment: the brought-in speaker hangs on
// the quotation's second segment, reached only through the join, and
// gold's copy of the first segment has a speaker of its own. The
// quotation still ends with the speaker brought in, whatever order the
// links were made in: joins are made before speakers, so a speaker is
// copied onto the whole quotation.
func TestCopyLinksSpeakerOnLaterSegment(t *testing.T) {
	f := newFixture(t)
	f.link(t, 0, "speaker", f.mark(t, 0, "الاقتصاد", "QUOTE"), f.mark(t, 0, "الوزير", "PER"))
	o1, o2 := f.mark(t, f.other.ID, "الاقتصاد", "QUOTE"), f.mark(t, f.other.ID, "ينمو", "QUOTE")
	f.link(t, f.other.ID, "segment", o1, o2)
	f.link(t, f.other.ID, "speaker", o2, f.mark(t, f.other.ID, "أحمد", "PER"))

	_, added, err := f.s.CopyWithLinksToGold(context.Background(), f.doc, seenRef(f.other.ID, o1), f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if speakers, joined := goldSpeakers(t, f); !joined || !slices.Equal(speakers, []string{"أحمد"}) || added.Replaced != 1 {
		t.Errorf("gold: joined %v, speakers %q (added %+v); want joined, أحمد alone in place of الوزير", joined, speakers, added)
	}
}
