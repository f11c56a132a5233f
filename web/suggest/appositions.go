package suggest

// A speaker's name is often followed by its title set off by a comma,
// which the annotators keep in the speaker (وقال سيمون هول ، المسؤول
// الدولي في " جامعة آستون " :، وقال سفير غانا ، رئيس المجلس نانا ايفا ،
// ان).

// appositionTitles head a title in apposition, article or not.
var appositionTitles = normSet("رئيس", "رئيسة", "مدير", "مديرة", "مسؤول", "مسؤولة", "مسئول", "متحدث", "متحدثة",
	"ناطق", "ناطقة", "سفير", "سفيرة", "وزير", "وزيرة", "نائب", "نائبة", "عضو", "أستاذ", "استاذ", "مستشار",
	"مستشارة", "مساعد", "مساعدة", "أمين", "امين", "مندوب", "مندوبة", "ممثل", "ممثلة", "مؤسس", "منسق", "منسقة")

// maxApposition is the most words a title in apposition runs to.
const maxApposition = 12

// appositionAfter reads the title in apposition that starts at word k,
// right after the comma that closes a subject: it runs to a colon or a
// comma, or to a complementizer, an adjunct or an occasion (في بيان) that
// ends a subject, over quoted names (في " جامعة آستون "), within
// maxApposition words of one sentence before limit. It returns the end of
// the title, or false when k heads none or nothing ends it.
func (d *doc) appositionAfter(k, limit int, lx lexicon) (end int, ok bool) {
	if !appositionTitles[stripArticle(d.words[k].Norm)] {
		return 0, false
	}
	end = d.words[k].End
	for j := k + 1; j < len(d.words) && j <= k+maxApposition; j++ {
		w := d.words[j]
		if d.hasSentenceEnd(end, w.Start) {
			return 0, false
		}
		if d.hasAny(end, w.Start, ":،,") || complementizers[w.Norm] || d.adjunctAfter(j, 1) ||
			w.Norm == "في" && j+1 < len(d.words) && speechOccasion(d.words[j+1].Norm) {
			end = d.closingMark(end, w.Start)
			return end, d.balancedMarks(d.words[k].Start, end)
		}
		if _, isCue := lx.match(w.Norm); isCue || w.End > limit {
			return 0, false
		}
		end = w.End
	}
	return 0, false
}

// closingMark extends end over a quotation mark that closes a quoted
// name before the punctuation at or before limit (في " جامعة آستون " :).
func (d *doc) closingMark(end, limit int) int {
	for i := end; i < limit; i++ {
		if isRune(d.rs[i], quoteMarks) {
			return i + 1
		}
		if d.rs[i] != ' ' {
			break
		}
	}
	return end
}

// balancedMarks reports whether start..end closes every quotation mark
// it opens: as many « and “ as » and ”, and straight marks in pairs.
func (d *doc) balancedMarks(start, end int) bool {
	open, straight := 0, 0
	for _, r := range d.rs[start:end] {
		switch r {
		case '«', '“':
			open++
		case '»', '”':
			open--
		case '"':
			straight++
		}
	}
	return open == 0 && straight%2 == 0
}
