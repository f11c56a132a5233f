package suggest

// quote is a quotation found in the text or an existing QUOTE span.
type quote struct {
	Start, End  int          // the content, code points
	Open, Close int          // the extent with its marks (Close exclusive); the content for unmarked ones
	Type        string       // "direct", "indirect" or "mixed"; "" for an existing span
	att         *attribution // the cue and source found with it, if any
	span        *Span        // set once registered with the builder
}

const clausePunct = ".!?؟؛;،,:…\n"

// directQuotes turns top-level mark pairs into quotations. A nested pair
// is never a quotation: inside reported speech, marks set off a name
// (كتيبة “القعقاع”, “آسايش” السليمانية), and the outer quotation stays whole.
// A top-level pair is a name, not a quotation, when isName says so.
func (d *doc) directQuotes(pairs []markPair, lx lexicon) []quote {
	var out []quote
	for _, p := range pairs {
		if p.Nested || d.isName(p, lx) {
			continue
		}
		start, end := d.trim(p.Open+1, p.Close)
		if start < end {
			out = append(out, quote{Start: start, End: end, Open: p.Open, Close: p.Close + 1, Type: "direct"})
		}
	}
	return out
}

// isName reports whether a top-level pair holds a name or a scare-quoted
// term rather than speech. Its content has no sentence or clause
// punctuation, and either it is one to three words not introduced as
// speech (no cue, complementizer or colon right before it, no cue right
// after it: the party “الدعوة”), or up to six words right after a naming
// noun (عملية “ثأر الشهداء”). A short quotation after أن or a colon (قال
// إن “لا”) stays a quotation.
func (d *doc) isName(p markPair, lx lexicon) bool {
	if d.hasAny(p.Open+1, p.Close, clausePunct) {
		return false
	}
	n := d.wordAt(p.Close) - d.wordAt(p.Open+1)
	if n == 0 {
		return true // nothing but marks or spaces
	}
	if n <= 3 && !d.introduced(p.Open, lx) && !d.followedByCue(p.Close+1, lx) {
		return true
	}
	before := d.wordBefore(p.Open)
	return n <= 6 && before >= 0 && namingNouns[stripArticle(d.words[before].Norm)] &&
		d.onlySpace(d.words[before].End, p.Open)
}

// introduced reports whether the text right before pos introduces speech:
// a colon, a complementizer (أن “), a cue word (وأضاف “), or إلى after a
// cue (وأشار إلى “). Commas and spaces in between are skipped.
func (d *doc) introduced(pos int, lx lexicon) bool {
	i := pos - 1
	for i >= 0 && isRune(d.rs[i], " \t،,:") {
		if d.rs[i] == ':' {
			return true
		}
		i--
	}
	w := d.wordBefore(pos)
	if w < 0 || d.words[w].End != i+1 {
		return false
	}
	norm := d.words[w].Norm
	if _, ok := lx.match(norm); ok || complementizers[norm] {
		return true
	}
	if (norm == "الى" || norm == "الي") && w > 0 {
		_, ok := lx.match(d.words[w-1].Norm)
		return ok
	}
	return false
}

// followedByCue reports whether a cue word follows pos past spaces and
// commas (“...”، قال الوزير).
func (d *doc) followedByCue(pos int, lx lexicon) bool {
	for pos < len(d.rs) && isRune(d.rs[pos], " \t،,") {
		pos++
	}
	k := d.wordAt(pos)
	if k >= len(d.words) || d.words[k].Start != pos {
		return false
	}
	_, ok := lx.match(d.words[k].Norm)
	return ok
}

func (d *doc) onlySpace(start, end int) bool {
	for i := start; i < end; i++ {
		if !isRune(d.rs[i], " \t") {
			return false
		}
	}
	return true
}

// stripArticle drops the definite article: الكتيبة → كتيبة.
func stripArticle(norm string) string {
	if r := []rune(norm); len(r) > 4 && string(r[:2]) == "ال" {
		return string(r[2:])
	}
	return norm
}

// indirectAfter finds reported speech without marks after cue c: the
// content starts where complementStart says (after إن/أن/بأن, after the
// cue's own preposition, or at its verbal-noun object) and runs to the end
// of the clause (clauseEnd). It is "mixed" when it holds a marked
// quotation, which it then replaces. Any other object of the cue (أكد
// الخبر) is not proposed: it cannot be told from the verb's subject
// without a parser.
func (d *doc) indirectAfter(c cue, lx lexicon, direct []quote) (quote, bool) {
	start, ok := d.complementStart(c, lx)
	if !ok {
		return quote{}, false
	}
	return d.clause(start, lx, direct)
}

// clause builds the indirect quotation that starts at start.
func (d *doc) clause(start int, lx lexicon, direct []quote) (quote, bool) {
	start, end := d.trim(start, d.clauseEnd(start, lx))
	q := quote{Start: start, End: end, Open: start, Close: end, Type: "indirect"}
	for _, dq := range direct {
		switch {
		case dq.Open >= start && dq.Close <= end:
			q.Type = "mixed"
		case dq.Open < end && start < dq.Close:
			return quote{}, false // a quotation straddles the clause end
		}
	}
	return q, start < end
}

// clauseEnd is where reported speech starting at start ends: at the
// sentence's end (a line break included, so never across a paragraph), or
// before a new attribution (startsAttribution).
func (d *doc) clauseEnd(start int, lx lexicon) int {
	for k := d.wordAt(start); k < len(d.words); k++ {
		gapStart := d.words[k].End
		for i := gapStart; i < len(d.rs) && !isWordRune(d.rs[i]); i++ {
			if d.isSentenceEnd(i) {
				return i
			}
		}
		if k+1 < len(d.words) && d.startsAttribution(k+1, lx) {
			return gapStart
		}
	}
	return len(d.rs)
}

// startsAttribution reports whether word k opens a new attribution or
// clause inside running text: a cue or clause word after a comma (،
// فيما أكد، ، مشيراً); a clause word before a cue (فيما ذكر); or a cue
// with its conjunction, or a participle, followed by its own complement
// (وقال إنها، محذرا من أن), as unpunctuated text joins clauses that way.
func (d *doc) startsAttribution(k int, lx lexicon) bool {
	w := d.words[k]
	base, isCue := lx.match(w.Norm)
	if d.hasAny(d.words[k-1].End, w.Start, "،,") && (isCue || clauseWords[w.Norm]) {
		return true
	}
	if clauseWords[w.Norm] && k+1 < len(d.words) {
		_, next := lx.match(d.words[k+1].Norm)
		return next
	}
	_, bare := lx[w.Norm]
	return isCue && (!bare || isParticiple(base)) && !ambiguousCues[base] && d.hasComplement(lx, base, k)
}
