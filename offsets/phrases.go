package offsets

import "slices"

// Found is a whole-word occurrence of one of several phrases: the index
// of the phrase and the code points it spans.
type Found struct {
	Phrase     int
	Start, End int
}

// Phrases is a set of phrases searched for together (Find).
type Phrases struct {
	byFirst map[string][]int // phrases by their first word's letters
	wants   []letters
}

// NewPhrases readies phrases for Find; an empty phrase is never found.
func NewPhrases(phrases []string) *Phrases {
	p := &Phrases{byFirst: map[string][]int{}, wants: make([]letters, len(phrases))}
	for i, phrase := range phrases {
		rs := []rune(phrase)
		p.wants[i] = lettersOf(rs)
		if len(p.wants[i].ls) > 0 {
			keys := wordKeys(rs, p.wants[i], 0)
			k := keys[len(keys)-1]
			p.byFirst[k] = append(p.byFirst[k], i)
		}
	}
	return p
}

// OccurrencesOfAll is NewPhrases(phrases).Find(s).
func OccurrencesOfAll(s string, phrases []string) []Found {
	return NewPhrases(phrases).Find(s)
}

// Find lists, in text order (then by phrase), every whole-word occurrence
// of each phrase in s, by the rules of Occurrences, in one pass over s
// however many phrases there are: a phrase's first word is looked up by
// its letters at each word of s, so a lexicon of thousands of names costs
// about what one does.
func (p *Phrases) Find(s string) []Found {
	byFirst, wants := p.byFirst, p.wants
	if len(byFirst) == 0 {
		return nil
	}
	rs := []rune(s)
	have := lettersOf(rs)
	var out []Found
	for i, l := range have.ls {
		if l.start > 0 && isWordRune(rs[l.start-1]) && isWordRune(l.r) {
			continue // inside a word
		}
		from := len(out)
		for _, k := range wordKeys(rs, have, i) {
			for _, p := range byFirst[k] {
				want := wants[p]
				m := len(want.ls)
				if i+m > len(have.ls) || !matchesAt(have, i, want) {
					continue
				}
				end := have.ls[i+m-1].end
				if (end == len(rs) || !isWordRune(rs[end]) || !isWordRune(want.ls[m-1].r)) && !numberRunsOn(rs, l.start, end) {
					out = append(out, Found{Phrase: p, Start: l.start, End: end})
				}
			}
		}
		slices.SortFunc(out[from:], func(a, b Found) int { return a.Phrase - b.Phrase })
	}
	return out
}

// wordKeys are the bare letters of the word of rs starting at letter i
// (the letter alone when it is not a word character), and of each part of
// it that ends before an invisible mark letters skip (an RLM): since
// letters skip those marks while a match may end at one, a phrase can
// match at i only when its first word's letters are one of these. The
// whole word comes last.
func wordKeys(rs []rune, l letters, i int) []string {
	if !isWordRune(l.ls[i].r) {
		return []string{string(l.ls[i].r)}
	}
	var keys []string
	word := []rune{l.ls[i].r}
	for j := i + 1; j < len(l.ls) && isWordRune(l.ls[j].r); j++ {
		if !wordBetween(rs, l.ls[j-1].end, l.ls[j].start) {
			keys = append(keys, string(word))
		}
		word = append(word, l.ls[j].r)
	}
	return append(keys, string(word))
}

// wordBetween reports whether rs[from:to] holds only word characters.
func wordBetween(rs []rune, from, to int) bool {
	for _, r := range rs[from:to] {
		if !isWordRune(r) {
			return false
		}
	}
	return true
}
