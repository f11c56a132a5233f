package suggest

import "strings"

// contentPreps maps a cue's base form (normalized) to the prepositions
// that introduce its content (كشف عن، أشار إلى، شدد على): the preposition
// belongs to the verb, so what follows it is what was said. نقل عن is not
// here, because after نقل the preposition introduces the source.
var contentPreps = prepTable(map[string]string{
	"كشف": "عن", "كاشفا": "عن", "أعلن": "عن", "معلنا": "عن",
	"أشار": "إلى", "مشيرا": "إلى", "يشير": "إلى", "لفت": "إلى", "لافتا": "إلى",
	"نوه": "إلى", "منوها": "إلى",
	"شدد": "على", "مشددا": "على", "أكد": "على", "مؤكدا": "على", "يؤكد": "على",
	"حذر": "من", "محذرا": "من",
})

// prepTable normalizes contentPreps; إلى is also written الى and إلي.
func prepTable(m map[string]string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for verb, prep := range m {
		set := normSet(prep)
		if prep == "إلى" {
			set = normSet("إلى", "إلي")
		}
		out[normalize([]rune(verb))] = set
	}
	return out
}

// sourcePreps maps a cue to the preposition that introduces the original
// speaker: in نقلت الوكالة عن الوزير قوله إن the agency only relays.
var sourcePreps = map[string]string{"نقل": "عن"}

// objectCues take what was said as a direct object (أكد وجود خلية، نفى
// صحة الأنباء، أعلن مقتل جنديين); the other cues need a complementizer or
// a preposition.
var objectCues = normSet("أكد", "مؤكدا", "يؤكد", "أعلن", "معلنا", "نفى", "نافيا", "كشف", "كاشفا")

// contentNouns are verbal nouns that head the object of a speech verb in
// news (أكد ضرورة ..., أعلن البدء ...). They were chosen because they
// almost never head a speaker's name or title, so one of them after the
// verb or its subject starts the content rather than continuing the
// subject.
var contentNouns = normSet("وجود", "عدم", "ضرورة", "أهمية", "استمرار", "مواصلة", "رفض", "بدء",
	"استعداد", "التزام", "حرص", "عزم", "نية", "إمكانية", "احتمال", "تمسك", "سعي", "تعزيز",
	"إطلاق", "اعتقال", "مقتل", "مصرع", "إصابة", "فشل", "تورط", "انتهاء", "توقيع", "تأجيل",
	"إلغاء", "تشكيل", "إغلاق", "ارتفاع", "انخفاض", "تراجع", "وقوع", "سقوط", "إحباط",
	"تفكيك", "انسحاب", "موافقة", "استعادة", "تعليق", "إرسال", "وصول", "قيام", "تنفيذ", "صحة",
	"إصرار", "عثور", "خطورة", "تمديد", "شجب", "إدانة", "دخول", "حاجة", "رغبة", "تأييد", "دعم",
	"ترحيب", "فوز", "نجاح", "عودة", "حدوث")

// phraseNouns follow إلى or عن in fixed phrases (إلى جانب "besides", إلى
// حد "to an extent", عن طريق "by way of", عن كثب "closely"): there the
// preposition is not the verb's. After على a verbal noun is required
// instead (isContentPrep), which also rules out على هامش.
var phraseNouns = normSet("جانب", "حد", "طريق", "كثب")

// sayingNouns name the speech itself after its source (نقلت عنه قوله إن):
// like a complementizer they show that reported speech follows.
var sayingNouns = normSet("قوله", "قولها", "قولهم", "قولهما")

const quoteMarks = "“”„‟«»\"'’‘" // with the apostrophes of a doubled mark (' ')

// complementStart finds where the reported speech of cue c begins, looking
// at most fourteen words ahead within the clause: after a complementizer
// (قال إن، أشار إلى أن), after the cue's own preposition (كشف عن), or at a
// listed verbal noun that is the cue's object (أكد وجود). A preposition or
// object right after the verb wins at once; one further on must stand
// where the subject ends (objectSlot) and gives way to a later
// complementizer, because it may belong to the subject (كشف تقرير صادر عن
// الاتحاد أن ...). A complementizer followed by a quotation mark means the
// speech is the marked quotation, so there is no unmarked content.
func (d *doc) complementStart(c cue, lx lexicon) (int, bool) {
	first := d.wordAt(c.End)
	slot := d.objectSlot(c, lx)
	named := d.subjectAfter(c.End, len(d.rs), lx).End
	fallback, found := 0, false
	for k := first; k < len(d.words) && k < first+14; k++ {
		if d.endsWindow(c, k, named, lx) {
			break
		}
		w := d.words[k]
		if complementizers[w.Norm] && (k == first || !notComplementizer[d.words[k-1].Norm] &&
			!isBareContentNoun(d.words[k-1].Norm)) {
			return d.contentOrMark(k)
		}
		if d.isContentPrep(c.base, k) && k+1 < len(d.words) && complementizers[d.words[k+1].Norm] {
			return d.contentOrMark(k + 1) // أشار إلى أن، حذر الدول من أن
		}
		if found || (k != first && k != slot && !d.hasAny(d.words[k-1].End, w.Start, "،,")) {
			continue
		}
		start, ok := 0, false
		switch {
		case d.isContentPrep(c.base, k) && !d.announcesThing(c.base, k):
			start, ok = d.contentAfter(k)
		case objectCues[c.base] && isContentNoun(w.Norm):
			start, ok = w.Start, true
		}
		if ok && k == first {
			return start, true
		}
		fallback, found = start, ok
	}
	return fallback, found
}

// endsWindow reports whether the search for cue c's content stops before
// word k: at a sentence end, a quotation mark, a new clause or another cue.
// The marks of a quoted name inside the subject, which ends at named, do
// not stop it (أوردت وكالة " يونهاب " أن).
func (d *doc) endsWindow(c cue, k, named int, lx lexicon) bool {
	gapStart := c.End
	if k > 0 && d.words[k-1].End > c.End {
		gapStart = d.words[k-1].End
	}
	w := d.words[k]
	marked := d.hasAny(max(gapStart, named), w.Start, quoteMarks) // not the name's closing mark, before named
	if d.hasSentenceEnd(gapStart, w.Start) || marked || clauseWords[w.Norm] {
		return true
	}
	_, isCue := lx.match(w.Norm)
	return isCue
}

// objectSlot is the index of the word right after the subject of cue c,
// where its object or preposition stands when the subject is explicit
// (شدد الرئيس على ...), or -1 when the subject runs past six words and is
// more likely the object itself swallowed by the subject reading.
func (d *doc) objectSlot(c cue, lx lexicon) int {
	s := d.subjectAfter(c.End, len(d.rs), lx)
	if s.Start == s.End || s.TooLong || d.wordAt(s.End)-d.wordAt(s.Start) > 6 {
		return -1
	}
	slot := d.wordAt(s.End)
	for slot < len(d.words) && adverbs[d.words[slot].Norm] {
		slot++ // أكد جلالته مجددا شجبه
	}
	return slot
}

// contentAfter is the start of the word after word k, when words follow in
// the same sentence with no quotation mark or colon in between.
func (d *doc) contentAfter(k int) (int, bool) {
	if k+1 >= len(d.words) || d.hasAny(d.words[k].End, d.words[k+1].Start, quoteMarks+":") ||
		d.hasSentenceEnd(d.words[k].End, d.words[k+1].Start) {
		return 0, false
	}
	return d.words[k+1].Start, true
}

// contentOrMark is where the content after complementizer k starts: the
// next word, or the quotation mark before it (أن “العراق يتطلع” لحل ...),
// so that a clause holding marked words is mixed (clause drops one that
// is only the marked quotation).
func (d *doc) contentOrMark(k int) (int, bool) {
	if k+1 >= len(d.words) {
		return 0, false
	}
	gap, next := d.words[k].End, d.words[k+1].Start
	if d.hasSentenceEnd(gap, next) || d.hasAny(gap, next, ":") {
		return 0, false
	}
	for i := gap; i < next; i++ {
		if markFamily(d.rs[i]) != 0 {
			return i, true
		}
	}
	return next, true
}

// isContentPrep reports whether word k is the preposition of cue base
// that introduces its content and not the start of a fixed phrase. After
// على, the most polysemous (شدد الحصار على المدينة), a listed verbal noun
// or a complementizer must follow.
func (d *doc) isContentPrep(base string, k int) bool {
	w := d.words[k]
	if !contentPreps[base][w.Norm] || k+1 >= len(d.words) {
		return false
	}
	next := d.words[k+1].Norm
	if w.Norm == "على" {
		return isContentNoun(next) || complementizers[next]
	}
	return !phraseNouns[stripArticle(next)]
}

// isContentNoun reports whether a normalized word is a listed verbal noun,
// with or without the article or a possessive pronoun (رفضه، حرصها).
func isContentNoun(norm string) bool {
	n := stripArticle(norm)
	if contentNouns[n] {
		return true
	}
	for _, suffix := range []string{"هما", "هم", "ها", "ه"} {
		if stem, ok := strings.CutSuffix(n, suffix); ok && contentNouns[stem] {
			return true
		}
	}
	return false
}

// isBareContentNoun is isContentNoun without the article, leaving out
// those spelled like a past verb (رفض "refusal" or "refused"): ضرورة أن
// is one noun phrase, and after it أن is not the cue's complementizer.
func isBareContentNoun(norm string) bool {
	return norm == stripArticle(norm) && isContentNoun(norm) && !verbLike[norm]
}

// verbLike are listed verbal nouns whose bare form is also a past verb.
var verbLike = normSet("رفض", "حرص", "عزم", "فشل", "تمسك", "تراجع")
