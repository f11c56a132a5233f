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
		start, end := d.trim(d.pastEllipsis(p.Open+1, p.Close), p.Close)
		close := p.Close + 1
		if p.unclosedFrom != 0 {
			close = p.Close // the sentence end, not a mark
		}
		if start < end {
			out = append(out, quote{Start: start, End: end, Open: p.Open, Close: close, Type: "direct"})
		}
	}
	return out
}

// isName reports whether a top-level pair holds a name or a scare-quoted
// term rather than speech. Its content has no sentence or clause
// punctuation, and either it is one to three words not introduced as
// speech (no cue, complementizer or colon right before it, no cue right
// after it: the party “الدعوة”), or up to six words right after a naming
// noun (عملية “ثأر الشهداء”), or up to maxTitleWords after a work noun
// (titlesWork). A short quotation after أن or a colon (قال إن “لا”) stays
// a quotation.
func (d *doc) isName(p markPair, lx lexicon) bool {
	for i := p.Open + 1; i < p.Close; i++ {
		if isRune(d.rs[i], clausePunct) && !d.innerDot(i) {
			return false // إتش.إس.بي.سي is still a name
		}
	}
	n := d.wordAt(p.Close) - d.wordAt(p.Open+1)
	if n == 0 {
		return true // nothing but marks or spaces
	}
	if n <= 3 && !d.introduced(d.markStart(p.Open), lx) && !d.followedByCue(p.Close+1, lx) || d.namesBeforeColon(p, n, lx) {
		return true
	}
	before, open := d.wordBefore(p.Open), d.markStart(p.Open)
	if before < 0 || !d.onlySpace(d.words[before].End, open) {
		return false
	}
	if n <= maxTitleWords && titlesWork(d.words[before].Norm) {
		return true // قصيدته " هوامش على دفتر النكسة ": a work's title
	}
	if n > 6 {
		return false
	}
	noun, _ := withoutL(d.words[before].Norm) // لصحيفة ' ' نيوز أوف ذا وورلد ' '
	return namingNouns[stripArticle(noun)]
}

// markStart is the first code point of the opening mark whose last code
// point is at pos: pos itself, or the first apostrophe of a doubled one.
func (d *doc) markStart(pos int) int {
	if markFamily(d.rs[pos]) != 4 {
		return pos
	}
	for i := pos - 1; i >= 0 && i >= pos-2; i-- {
		if markFamily(d.rs[i]) == 4 {
			return i
		}
	}
	return pos
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
	for pos < len(d.rs) && isRune(d.rs[pos], " \t،,'’‘") {
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
	if marksOnlyCues[c.base] && !(expressingCues[c.base] && d.expressedBelief(d.wordAt(c.Start))) {
		return quote{}, false // أعرب عن الأمل في أن " ... ": only the marked words
	}
	if start, ok := d.afterColon(c, lx); ok {
		q, ok := d.clause(start, d.speechEnd(start, lx), direct)
		if q.Type == "indirect" {
			q.Type = "direct"
		}
		return q, ok
	}
	start, ok := d.complementStart(c, lx)
	if !ok {
		return quote{}, false
	}
	return d.clause(start, d.clauseEnd(start, lx), direct)
}

// afterColon is where unmarked direct speech starts when a colon follows
// cue c or its subject (وقال المسؤول : إن إعادة ...، وقال : أعتقد أنه):
// the colon stands for the marks, so the speech, a leading إن included,
// runs from the next word to the end of the clause. A quotation mark
// after the colon is the marked quotation's, found with the marks.
func (d *doc) afterColon(c cue, lx lexicon) (int, bool) {
	if ambiguousCues[c.base] {
		return 0, false
	}
	s := d.subjectAfter(c.End, len(d.rs), lx)
	k := d.wordAt(max(s.End, c.End))
	if s.TooLong || k >= len(d.words) {
		return 0, false
	}
	gapStart, next := max(s.End, c.End), d.words[k].Start
	colons := 0
	for i := gapStart; i < next; i++ {
		switch {
		case d.rs[i] == ':':
			colons++
		case !isRune(d.rs[i], " \t\u200e\u200f"): // direction marks (قال\u200f :)
			return 0, false
		}
	}
	return next, colons == 1
}

// clause builds the indirect quotation that runs from start to the end
// that clauseEnd or speechEnd found. A marked
// quotation inside it makes it mixed; one whose closing mark is all that
// follows the clause's last word ends it after that mark (أن أي هجوم
// سيمثل “تصعيدا خطيرا”، وحذر), and so does one that opens after the
// clause's first word when the clause ended inside it at a cue or a
// clause word, which inside marks are the speaker's own (إن الملك " عبر
// عن إدانة ... ومطالبة الأردن برفعه "). A clause that is nothing but one
// marked quotation (أن “...”.) is that direct quotation, not reported
// speech.
func (d *doc) clause(start, end int, direct []quote) (quote, bool) {
	start, end = d.trim(start, end)
	end = d.asked(d.balanced(start, end))
	q := quote{Start: start, End: end, Open: start, Close: end, Type: "indirect"}
	for _, dq := range direct {
		switch {
		case dq.Open >= start && dq.Close <= q.End:
			q.Type = "mixed"
		case dq.Open >= start && dq.Open < q.End && (d.onlyMarks(q.End, dq.Close) || dq.Open > start && !d.endsSentence(q.End)):
			q.End, q.Close, q.Type = dq.Close, dq.Close, "mixed"
		case dq.Open < q.End && start < dq.Close:
			return quote{}, false // a quotation straddles the clause end
		}
		if dq.Open == q.Start && dq.Close == q.End {
			return quote{}, false
		}
	}
	return q, start < q.End
}

// onlyMarks reports whether start..end holds only spaces and quotation
// marks.
func (d *doc) onlyMarks(start, end int) bool {
	for i := start; i < end; i++ {
		if !isRune(d.rs[i], " \t") && markFamily(d.rs[i]) == 0 {
			return false
		}
	}
	return true
}

// clauseEnd is where reported speech starting at start ends: at the
// sentence's end (a line break included, so never across a paragraph)
// unless the next sentence goes on with وأن (continuesSpeech), or before
// a new attribution (startsAttribution) or the writer's clause
// (opensClause).
func (d *doc) clauseEnd(start int, lx lexicon) int {
	for k := d.wordAt(start); k < len(d.words); k++ {
		gapStart := d.words[k].End
		for i := gapStart; i < len(d.rs) && !isWordRune(d.rs[i]); i++ {
			if d.isSentenceEnd(i) && !d.continuesSpeech(k+1) {
				return i
			}
		}
		if k+1 < len(d.words) && (d.startsAttribution(k+1, lx) || d.opensClause(k+1, lx)) {
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

// endsSentence reports whether a sentence end follows pos before the next
// word.
func (d *doc) endsSentence(pos int) bool {
	k := d.wordAt(pos)
	if k >= len(d.words) {
		return true
	}
	return d.hasSentenceEnd(pos, d.words[k].Start)
}
