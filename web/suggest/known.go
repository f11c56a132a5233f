package suggest

import (
	"slices"
	"strconv"
	"strings"

	"hashiya/offsets"
)

// Labelled is a text the layer's owner labelled elsewhere (in any
// document of the project, this one included): how many times they gave
// it label, and how many times they rejected a suggestion of it with
// that label.
type Labelled struct {
	Text     string
	Label    string
	Count    int
	Rejected int
}

// minOneWord is how many times a text of one word must have been given a
// label before it is proposed: once is too little to tell a name from a
// word that was part of one (الحرب of الحرب العالمية), on ANERCorp.
const minOneWord = 2

// MaxKnownWords is the longest text, in words, that Known proposes again:
// names and dates, not sentences.
const MaxKnownWords = 8

// Known proposes a span wherever a text the annotator labelled before
// stands as a whole word (offsets.OccurrencesOfAll: vowelling read as a
// reader does, tatweel and invisible marks skipped, clitics part of their
// word), as INCEpTION's string-matching recommender does: annotated once,
// proposed everywhere. Each text gets the label it was given most often;
// a text given two labels equally often is not proposed, nor a text of
// one word given its label only once, nor one whose suggestions were
// rejected as often as it was given its label: the annotator's
// rejections teach it what is not a name (علي, a spelling of على). Places already
// decided are left alone, as "Label every occurrence" leaves them: one
// with a span of the same extent, whatever its label, or overlapping a
// span of the same label. Where proposals overlap, the longest wins (then
// the first). Proposed IDs are "k1", "k2", ... in text order; Seen says
// how often the text was given its label.
func Known(text string, labelled []Labelled, existing []Span) []Span {
	texts, labels, seen := bestLabels(labelled)
	d := newDecisions(existing)
	var found []offsets.Found
	for _, f := range offsets.OccurrencesOfAll(text, texts) {
		if !d.decided(f.Start, f.End, labels[f.Phrase]) {
			found = append(found, f)
		}
	}
	slices.SortStableFunc(found, func(a, b offsets.Found) int { return (b.End - b.Start) - (a.End - a.Start) })
	var out []Span
	var taken []bool // code points a proposal covers, as they are chosen
	for _, f := range found {
		if taken == nil {
			taken = make([]bool, len([]rune(text)))
		}
		if !slices.Contains(taken[f.Start:f.End], true) {
			out = append(out, Span{Start: f.Start, End: f.End, Label: labels[f.Phrase], Seen: seen[f.Phrase]})
			for i := f.Start; i < f.End; i++ {
				taken[i] = true
			}
		}
	}
	slices.SortFunc(out, func(a, b Span) int { return a.Start - b.Start })
	for i := range out {
		out[i].ID = "k" + strconv.Itoa(i+1)
	}
	return out
}

// bestLabels gives each text of at most MaxKnownWords words its most
// frequent label, leaving out texts whose top labels tie, texts of one
// word seen only once and texts rejected as often as labelled.
func bestLabels(labelled []Labelled) (texts, labels []string, seen []int) {
	type best struct {
		label           string
		count, rejected int
		tied            bool
	}
	byText := map[string]*best{}
	var order []string
	for _, l := range labelled {
		words := len(strings.Fields(l.Text))
		if l.Count <= 0 || words > MaxKnownWords || words == 1 && l.Count < minOneWord {
			continue
		}
		b := byText[l.Text]
		switch {
		case b == nil:
			byText[l.Text] = &best{label: l.Label, count: l.Count, rejected: l.Rejected}
			order = append(order, l.Text)
		case l.Count > b.count:
			*b = best{label: l.Label, count: l.Count, rejected: l.Rejected}
		case l.Count == b.count && l.Label != b.label:
			b.tied = true
		}
	}
	for _, t := range order {
		if b := byText[t]; !b.tied && b.count > b.rejected {
			texts, labels, seen = append(texts, t), append(labels, b.label), append(seen, b.count)
		}
	}
	return texts, labels, seen
}

// decisions are the layer's spans, looked up by extent and, per label,
// by start, so a book with thousands of spans answers decided at once.
type decisions struct {
	extents map[[2]int]bool
	byLabel map[string]*labelSpans
}

// labelSpans are one label's spans sorted by start, and the longest.
type labelSpans struct {
	spans   []Span
	longest int
}

func newDecisions(spans []Span) decisions {
	d := decisions{extents: map[[2]int]bool{}, byLabel: map[string]*labelSpans{}}
	for _, s := range spans {
		d.extents[[2]int{s.Start, s.End}] = true
		l := d.byLabel[s.Label]
		if l == nil {
			l = &labelSpans{}
			d.byLabel[s.Label] = l
		}
		l.spans = append(l.spans, s)
		l.longest = max(l.longest, s.End-s.Start)
	}
	for _, l := range d.byLabel {
		slices.SortFunc(l.spans, func(a, b Span) int { return a.Start - b.Start })
	}
	return d
}

// decided is true when start..end already has a span of its own extent,
// or lies across or inside one labelled label: only spans starting less
// than the label's longest span before end can reach it.
func (d decisions) decided(start, end int, label string) bool {
	if d.extents[[2]int{start, end}] {
		return true
	}
	l := d.byLabel[label]
	if l == nil {
		return false
	}
	i, _ := slices.BinarySearchFunc(l.spans, start-l.longest, func(s Span, at int) int { return s.Start - at })
	for ; i < len(l.spans) && l.spans[i].Start < end; i++ {
		if start < l.spans[i].End {
			return true
		}
	}
	return false
}
