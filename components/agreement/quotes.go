package agreement

import (
	"strconv"
	"strings"
)

// Extent is a stretch of text, offsets in code points.
type Extent struct {
	Start, End int
}

// Quote is one quotation of a layer as attribution agreement compares it:
// its segments in text order (a quotation interrupted by its cue has
// several), its type, and who said it with which word. Speaker and Cue
// are nil when the layer names none; NotInText is the annotator's
// confirmation that the speaker is not in the text.
type Quote struct {
	Segments  []Extent
	Type      string
	Speaker   *Extent
	NotInText bool
	Cue       *Extent
}

// overlaps reports whether any segment of q shares a code point with one
// of r.
func (q Quote) overlaps(r Quote) bool {
	for _, a := range q.Segments {
		for _, b := range r.Segments {
			if a.Start < b.End && b.Start < a.End {
				return true
			}
		}
	}
	return false
}

// key is q's segments as one comparable string: two quotations are the
// same quotation when their segments are.
func (q Quote) key() string {
	var b strings.Builder
	for _, s := range q.Segments {
		b.WriteString(strconv.Itoa(s.Start))
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(s.End))
		b.WriteByte(',')
	}
	return b.String()
}

// Count is how many times two layers gave the same answer, Same, out of
// the Of times at least one of them gave one.
type Count struct {
	Same, Of int
}

func (c *Count) add(d Count) { c.Same, c.Of = c.Same+d.Same, c.Of+d.Of }

// Share is Same over Of; ok is false when nothing was compared.
func (c Count) Share() (float64, bool) { return ratio(c.Same, c.Of) }

// Attribution is how two layers agree on quotations. Quotes counts the
// quotations by exact extent (every segment the same), as Pair counts
// spans. Matched pairs each quotation of one side with one of the other
// that overlaps it (the same one first), so attribution is compared even
// where the two marked the quotation's extent differently; over those
// pairs, Speaker, Cue and Type count the same answers. A speaker answer is
// the speaker's extent, or "not in the text" when the annotator confirmed
// so; a cue answer is the cue's extent.
type Attribution struct {
	A, B               string
	Quotes             Pair
	Matched            int
	Speaker, Cue, Type Count
}

func (a *Attribution) add(b Attribution) {
	a.Quotes.add(b.Quotes)
	a.Matched += b.Matched
	a.Speaker.add(b.Speaker)
	a.Cue.add(b.Cue)
	a.Type.add(b.Type)
}

// CompareQuotes is the attribution agreement of two layers' quotations.
func CompareQuotes(a, b string, qa, qb []Quote) Attribution {
	return compareQuotes(a, b, qa, qb, false)
}

// compareQuotes is CompareQuotes; with reference, b is gold, and an
// answer gold does not give (no speaker, cue or type on its quotation)
// is not counted: gold that says nothing is no reference.
func compareQuotes(a, b string, qa, qb []Quote, reference bool) Attribution {
	answers := func(x, y string) Count {
		if reference && y == "" {
			return Count{}
		}
		return same(x, y)
	}
	out := Attribution{A: a, B: b, Quotes: Pair{A: a, B: b}}
	for _, m := range matchQuotes(qa, qb) {
		if m[0] < 0 {
			out.Quotes.OnlyB++
			continue
		}
		if m[1] < 0 {
			out.Quotes.OnlyA++
			continue
		}
		x, y := qa[m[0]], qb[m[1]]
		if x.key() == y.key() {
			out.Quotes.Both++
		} else {
			out.Quotes.OnlyA++
			out.Quotes.OnlyB++
			out.Quotes.Boundary++
		}
		out.Matched++
		out.Speaker.add(answers(speakerAnswer(x), speakerAnswer(y)))
		out.Cue.add(answers(extentAnswer(x.Cue), extentAnswer(y.Cue)))
		out.Type.add(answers(x.Type, y.Type))
	}
	return out
}

// matchQuotes pairs the quotations of two layers, one to one: the same
// extent first, then the first overlapping one left, in text order. Each
// pair is [index in qa, index in qb]; -1 on a side marks a quotation only
// the other side has.
func matchQuotes(qa, qb []Quote) [][2]int {
	takenB := make([]bool, len(qb))
	pairOf := make([]int, len(qa))
	for i := range pairOf {
		pairOf[i] = -1
	}
	byKey := map[string][]int{}
	for j, q := range qb {
		byKey[q.key()] = append(byKey[q.key()], j)
	}
	for i, q := range qa {
		for _, j := range byKey[q.key()] {
			if !takenB[j] {
				pairOf[i], takenB[j] = j, true
				break
			}
		}
	}
	for i, q := range qa {
		for j := range qb {
			if pairOf[i] < 0 && !takenB[j] && q.overlaps(qb[j]) {
				pairOf[i], takenB[j] = j, true
			}
		}
	}
	var out [][2]int
	for i, j := range pairOf {
		out = append(out, [2]int{i, j})
	}
	for j, taken := range takenB {
		if !taken {
			out = append(out, [2]int{-1, j})
		}
	}
	return out
}

// same counts two answers: nothing when neither side gave one ("").
func same(a, b string) Count {
	if a == "" && b == "" {
		return Count{}
	}
	if a == b {
		return Count{Same: 1, Of: 1}
	}
	return Count{Of: 1}
}

func speakerAnswer(q Quote) string {
	if q.Speaker == nil && q.NotInText {
		return "not in the text"
	}
	return extentAnswer(q.Speaker)
}

func extentAnswer(e *Extent) string {
	if e == nil {
		return ""
	}
	return strconv.Itoa(e.Start) + "-" + strconv.Itoa(e.End)
}

// addQuotes sums the attribution agreement of two layers of a document
// under their names in order, when either has a quotation.
func (t *Tally) addQuotes(a, b Layer) {
	if len(a.Quotes) == 0 && len(b.Quotes) == 0 {
		return
	}
	if b.Name < a.Name {
		a, b = b, a
	}
	sum := t.quotes[[2]string{a.Name, b.Name}]
	if sum == nil {
		sum = &Attribution{A: a.Name, B: b.Name, Quotes: Pair{A: a.Name, B: b.Name}}
		t.quotes[[2]string{a.Name, b.Name}] = sum
	}
	sum.add(CompareQuotes(a.Name, b.Name, a.Quotes, b.Quotes))
}

// Attributions is the attribution agreement of each pair of owners who
// both worked on a document holding a quotation, by name.
func (t *Tally) Attributions() []Attribution {
	return sortedValues(t.quotes, func(x, y Attribution) int { return byNames(x.A, x.B, y.A, y.B) })
}

// AttributionOverall is every pair's attribution agreement summed.
func (t *Tally) AttributionOverall() Attribution {
	var sum Attribution
	for _, a := range t.quotes {
		sum.add(*a)
	}
	return sum
}

// addGoldQuotes sums one layer's quotations against gold's (B "gold"),
// when either has one.
func (t *Tally) addGoldQuotes(gold, l Layer) {
	if len(gold.Quotes) == 0 && len(l.Quotes) == 0 {
		return
	}
	if t.goldQuotes == nil {
		t.goldQuotes = map[string]*Attribution{}
	}
	sum := t.goldQuotes[l.Name]
	if sum == nil {
		sum = &Attribution{A: l.Name, B: "gold", Quotes: Pair{A: l.Name, B: "gold"}}
		t.goldQuotes[l.Name] = sum
	}
	sum.add(compareQuotes(l.Name, "gold", l.Quotes, gold.Quotes, true))
}

// AttributionsAgainstGold is each owner's attribution agreement with
// reviewed gold, by name: precision and recall of their quotations
// (Quotes.Precision, Quotes.Recall), and how often they named gold's
// speaker, cue and type, counted where gold names one.
func (t *Tally) AttributionsAgainstGold() []Attribution {
	return sortedValues(t.goldQuotes, func(x, y Attribution) int { return strings.Compare(x.A, y.A) })
}
