package suggest

import (
	"slices"
	"strings"
)

// connectives attribute a clause to a source without a speech verb: the
// clause before them (انهار المبنى، بحسب شهود عيان) or, when they open the
// sentence, the one after (وبحسب المصادر، فإن ...). They are also used as
// "according to a rule" (حسب القانون), hence the checks in sourceAt.
var connectives = normSet("بحسب", "حسب", "حسبما", "وفقا", "وفق", "طبقا", "نقلا",
	"وبحسب", "وحسب", "وحسبما", "ووفقا", "ووفق", "وطبقا")

// lConnectives take their source with a joined ل (وفقا لمصادر، طبقا لما).
var lConnectives = normSet("وفقا", "وفق", "طبقا", "ووفقا", "ووفق", "وطبقا")

// sourceHeads are nouns that head a source phrase (مصادر أمنية، شهود
// عيان، المتحدث باسم ...); with institutionWords they tell a source from
// a rule or a figure (حسب القانون، وفقا للإحصاءات).
var sourceHeads = normSet("مصدر", "مصادر", "متحدث", "ناطق", "مسؤول", "مسؤولون", "مسؤولين", "شهود",
	"شاهد", "وزير", "رئيس", "مدير", "قائد", "سفير", "مراسل", "محافظ", "نائب", "عضو", "خبير", "خبراء",
	"محلل", "محللون", "مستشار", "سكان", "مراقبون", "مراقبين", "أطباء", "طبيب", "ناشطون", "ناشطين",
	"دبلوماسي", "دبلوماسيون", "دبلوماسيين")

// accordingTo finds the clauses attributed by a connective outside
// quotations. A clause that overlaps a quotation already found is left
// out: a speech verb's attribution is the more precise one.
func (b *builder) accordingTo(blocked mask, taken []quote) []quote {
	var out []quote
	for k, w := range b.d.words {
		if !connectives[w.Norm] || blocked.any(w.Start, w.End) || len(b.existingIn(w.Start, w.End)) > 0 {
			continue // بهاء حسب الله is a name
		}
		q, ok := b.attributed(k)
		if !ok {
			b.attributeMarked(k, taken)
			continue
		}
		overlaps := func(t quote) bool { return t.Open < q.Close && q.Open < t.Close }
		if ok && !slices.ContainsFunc(taken, overlaps) && !slices.ContainsFunc(out, overlaps) {
			out = append(out, q)
		}
	}
	return out
}

// attributed builds the quotation that connective k attributes, with the
// connective as its cue and the source phrase as its speaker.
func (b *builder) attributed(k int) (quote, bool) {
	d := b.d
	src, last, ok := b.sourceAt(k)
	if !ok {
		return quote{}, false
	}
	var start, end int
	if k == 0 || d.hasSentenceEnd(d.words[k-1].End, d.words[k].Start) {
		start, ok = d.contentAfterSource(last)
		if !ok {
			return quote{}, false
		}
		start, end = d.trim(start, d.clauseEnd(start, b.lx))
	} else {
		start, end = d.sentenceStart(d.words[k].Start), d.words[k-1].End
	}
	if !d.plainClause(start, end, b.lx) {
		return quote{}, false
	}
	c := cue{Start: d.words[k].Start, End: d.words[k].End}
	return quote{Start: start, End: end, Open: start, Close: end, Type: "indirect",
		att: &attribution{cue: c, src: src}}, true
}

// attributeMarked gives the marked quotation that follows a sentence-
// opening connective, its source and فإن (وبحسب الدبلوماسي فإن " ... ")
// that connective as its cue and that source as its speaker, when the
// quotation has none yet.
func (b *builder) attributeMarked(k int, taken []quote) {
	d := b.d
	if k > 0 && !d.hasSentenceEnd(d.words[k-1].End, d.words[k].Start) {
		return
	}
	src, last, ok := b.sourceAt(k)
	if !ok {
		return
	}
	fa := slices.IndexFunc(d.words[k+2:min(last+2, len(d.words))], func(w word) bool { return faInna[w.Norm] })
	if fa < 0 {
		return
	}
	fa += k + 2 // the source reading runs over فان, also a name (فان دام)
	src.End = d.words[fa-1].End
	open, ok := d.contentOrMark(fa)
	for i, q := range taken {
		if ok && q.Type == "direct" && q.Open == open && q.att == nil {
			c := cue{Start: d.words[k].Start, End: d.words[k].End}
			taken[i].att = &attribution{cue: c, src: src}
		}
	}
}

// sourceAt reads the source after connective k and returns it with the
// index of its last word. It is accepted when it is the subject of a
// relative clause (حسبما ذكرت الوكالة، وفقا لما قاله متحدث), is headed by
// a source or institution noun, or starts with an existing PER/ORG span.
func (b *builder) sourceAt(k int) (subject, int, bool) {
	d := b.d
	j := k + 1
	if d.words[k].Norm == "نقلا" {
		if j >= len(d.words) || d.words[j].Norm != "عن" {
			return subject{}, 0, false
		}
		j++
	}
	if j >= len(d.words) || !d.onlySpace(d.words[j-1].End, d.words[j].Start) {
		return subject{}, 0, false
	}
	head := d.words[j].Norm
	if lConnectives[d.words[k].Norm] {
		var hasL bool
		if head, hasL = withoutL(head); !hasL {
			return subject{}, 0, false
		}
	}
	if head == "ما" || d.words[k].Norm == "حسبما" || d.words[k].Norm == "وحسبما" {
		return b.relativeSource(j, head == "ما")
	}
	s := d.sourcePhrase(j, b.lx)
	if !sourceHeads[stripArticle(head)] && !institutionWords[stripArticle(head)] && len(b.existingIn(s.Start, d.words[j].End)) == 0 {
		return subject{}, 0, false // حسب القانون، وفقا لآليات المنظمة
	}
	last := d.wordAt(s.End) - 1
	for i := j + 1; i <= last; i++ {
		if strings.HasPrefix(d.words[i].Norm, "ف") && faInna[d.words[i].Norm] {
			s.End, last = d.words[i-1].End, i-1 // وحسب وسائل الإعلام فإن: the source ends before فإن
			break
		}
	}
	return s, last, true
}

// relativeSource reads the subject of the verb in حسبما ذكرت الوكالة or
// بحسب ما قال الوزير; j is ما (skipped when skipMa) or, after حسبما, the
// verb itself.
func (b *builder) relativeSource(j int, skipMa bool) (subject, int, bool) {
	d := b.d
	if skipMa {
		j++
	}
	if j >= len(d.words) {
		return subject{}, 0, false
	}
	s := d.subjectAfter(d.words[j].End, len(d.rs), b.lx)
	if s.Start == s.End || s.TooLong {
		return subject{}, 0, false
	}
	return s, d.wordAt(s.End) - 1, true
}

// sourcePhrase is the phrase from word j, read as a subject would be but
// keeping a first word with a joined ل (لمصادر، للمتحدث), as the annotation
// view selects whole words.
func (d *doc) sourcePhrase(j int, lx lexicon) subject {
	s := subject{Start: d.words[j].Start, End: d.words[j].End}
	rest := d.subjectAfter(s.End, len(d.rs), lx)
	if rest.Start < rest.End && d.onlySpace(s.End, rest.Start) && !rest.TooLong {
		s.End = rest.End
	}
	return s
}

// contentAfterSource is where the content starts when the connective opens
// the sentence: after the comma that closes the source, past a فإن, or
// right after a فإن that closes it without a comma (وحسب وسائل الإعلام
// الإسرائيلية فإن من المقرر أن).
func (d *doc) contentAfterSource(last int) (int, bool) {
	k := last + 1
	if k >= len(d.words) || d.hasSentenceEnd(d.words[last].End, d.words[k].Start) {
		return 0, false
	}
	if !d.hasAny(d.words[last].End, d.words[k].Start, "،,") {
		if !strings.HasPrefix(d.words[k].Norm, "ف") || !faInna[d.words[k].Norm] {
			return 0, false
		}
		return d.contentAfter(k)
	}
	if faInna[d.words[k].Norm] {
		return d.contentAfter(k)
	}
	return d.words[k].Start, true
}

var faInna = normSet("فإن", "فان", "إن", "ان", "فإنه", "فإنها")

// sentenceStart is the start of the first word of the sentence holding pos.
func (d *doc) sentenceStart(pos int) int {
	i := pos
	for i > 0 && !d.isSentenceEnd(i-1) {
		i--
	}
	return d.words[d.wordAt(i)].Start
}

// plainClause reports whether start..end can be attributed content: three
// words or more, with no quotation mark or cue word, which would make it
// another attribution.
func (d *doc) plainClause(start, end int, lx lexicon) bool {
	first, stop := d.wordAt(start), d.wordAt(end)
	if stop-first < 3 || d.hasAny(start, end, quoteMarks) {
		return false
	}
	for _, w := range d.words[first:stop] {
		if _, ok := lx.match(w.Norm); ok {
			return false
		}
	}
	return true
}

// withoutL strips the joined preposition ل from a normalized word
// (لمصادر → مصادر، للمتحدث → متحدث، لما → ما).
func withoutL(norm string) (string, bool) {
	if rest, ok := strings.CutPrefix(norm, "لل"); ok && len([]rune(rest)) > 1 {
		return rest, true
	}
	if rest, ok := strings.CutPrefix(norm, "ل"); ok && len([]rune(rest)) > 1 {
		return stripArticle(rest), true
	}
	return norm, false
}
