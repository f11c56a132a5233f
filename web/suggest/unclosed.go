package suggest

// withUnclosed adds to pairs the marks left unclosed that are not inside a
// pair, each as a pair running to the end of its sentence (the convention
// for an unclosed mark), with unclosedFrom set so introducedOnly can check
// them. A mark with another one before its sentence ends is left alone.
func (d *doc) withUnclosed(pairs []markPair, unclosed []openMark) []markPair {
	for _, u := range unclosed {
		inside := false
		for _, p := range pairs {
			inside = inside || p.Open < u.pos && u.pos < p.Close
		}
		if inside {
			continue
		}
		end := u.pos + 1
		for end < len(d.rs) && !d.isSentenceEnd(end) && markFamily(d.rs[end]) == 0 {
			end++
		}
		if end < len(d.rs) && markFamily(d.rs[end]) != 0 {
			continue
		}
		pairs = append(pairs, markPair{Open: u.pos, Close: end, unclosedFrom: u.first + 1})
	}
	return pairs
}

// introducedOnly drops the unclosed pairs that nothing introduces as
// speech (introduced: a cue, a complementizer or a colon right before the
// mark): a stray mark of tokenised text is no quotation.
func (d *doc) introducedOnly(pairs []markPair, lx lexicon) []markPair {
	out := pairs[:0]
	for _, p := range pairs {
		if p.unclosedFrom == 0 || d.introduced(p.unclosedFrom-1, lx) {
			out = append(out, p)
		}
	}
	return out
}
