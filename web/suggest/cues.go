package suggest

import "strings"

// DefaultCueVerbs lists the base forms of the verbs and circumstantial
// participles that introduce speech in Arabic news. Clitic و/ف and the
// regular inflections are matched without listing them (see lexicon).
func DefaultCueVerbs() []string {
	return []string{
		"قال", "أضاف", "أشار", "بين", "بيّن", "أكد", "كشف", "أوضح", "ذكر", "صرح", "أعلن",
		"تابع", "شدد", "لفت", "نوه", "اعتبر", "رأى", "أفاد", "أردف", "حذر",
		"يقول", "تقول", "يضيف", "يوضح", "يؤكد", "يشير",
		"مبينا", "مبيناً", "مشيرا", "مشيراً", "مؤكدا", "مؤكداً", "موضحا", "موضحاً",
		"مضيفا", "مضيفاً", "قائلا", "قائلاً", "لافتا", "لافتاً", "معتبرا", "معتبراً",
		"مشددا", "مشدداً", "منوها", "منوهاً",
		"نفى", "ينفي", "نافيا", "نافياً", "نقل", "معلنا", "معلناً", "كاشفا", "كاشفاً", "محذرا", "محذراً",
		// opinion, forecast and belief (رأى أن، توقع أن، رجح فوز ...)
		"يرى", "يري", "يرون", "اعتقد", "يعتقد", "معتقدا", "توقع", "يتوقع", "متوقعا", "رجح", "يرجح", "مرجحا",
		"تكهن", "يتكهن", "أدرك", "يدرك", "يعتبر", "يخشى",
		// describing, repeating, closing, insisting, promising, reporting
		"وصف", "يصف", "واصفا", "كرر", "يكرر", "مكررا", "ختم", "مختتما", "أصر", "يصر", "مصرا",
		"تعهد", "يتعهد", "متعهدا", "أورد", "أظهر", "مذكرا", "تساءل", "متسائلا",
		// noticing, conceding, promising (لاحظ أن، أقر بأن، اعترف بأن، وعد « ... »)
		"لاحظ", "يلاحظ", "ملاحظا", "أقر", "يقر", "مقرا", "اعترف", "يعترف", "معترفا", "وعد", "واعدا",
		// impersonal passives, with no speaker (قيل إن، يعتقد أن، ينتظر أن)
		"قيل", "ينتظر", "يرتقب", "يشاع", "أشيع", "المنتظر", "المرتقب", "المتوقع",
		// calls and nominal complements: cues only before marked words
		"أعرب", "يعرب", "معربا", "اتهم", "متهما", "دعا", "دعت", "داعيا", "طالب", "مطالبا",
	}
}

// ambiguousCues are cue words that are more often something else: بين is
// also "between", تابع "follower", ذكر "mention", لفت "drawing", رأى
// "saw", نقل "transport", شدد "tighten", وصف "description", توقع
// "expectation", يعتبر "is considered", ختم "seal", أظهر "showed", أدرك "reached", تعهد
// "pledge", مذكرة "memorandum", لاحظ "observed", أقر "approved", اعترف
// "recognised", وعد "promise"; a belief or forecast verb (يعتقد، يرجح)
// and an impersonal passive (ينتظر "waits") attribute only a clause.
// They count as cues only when reported speech follows (see
// hasComplement).
var ambiguousCues = normSet("بين", "تابع", "ذكر", "لفت", "رأى", "يرى", "يري", "يرون", "نقل", "شدد",
	"اعتقد", "يعتقد", "معتقدا", "توقع", "يتوقع", "متوقعا", "رجح", "يرجح", "مرجحا", "تكهن", "يتكهن",
	"يعتبر", "يخشى", "أدرك", "يدرك", "وصف", "يصف", "واصفا", "كرر", "يكرر", "مكررا", "ختم", "مختتما", "أصر", "يصر",
	"مصرا", "تعهد", "يتعهد", "متعهدا", "أورد", "أظهر", "مذكرا", "قيل", "ينتظر", "يرتقب", "يشاع",
	"أشيع", "تساءل", "متسائلا", "لاحظ", "يلاحظ", "ملاحظا", "أقر", "يقر", "مقرا", "اعترف", "يعترف", "معترفا",
	"وعد", "واعدا")

// marksOnlyCues introduce a call or a nominal complement (أعرب عن، اتهم
// ب، دعا إلى، طالب ب), which is not annotated unless it holds marked
// words: they are cues only before a quotation mark, and never open
// unmarked content.
var marksOnlyCues = normSet("أعرب", "يعرب", "معربا", "اتهم", "متهما", "دعا", "دعت", "داعيا", "طالب", "مطالبا")

// lexicon maps every accepted written form of a cue, normalized, to its
// base form. Entries are single words: the text is matched word by word.
type lexicon map[string]string

func newLexicon(verbs []string) lexicon {
	lx := lexicon{}
	for _, v := range verbs {
		base := normalize([]rune(strings.TrimSpace(v)))
		if base == "" {
			continue
		}
		lx[base] = base
		for _, f := range inflections(base) {
			if _, ok := lx[f]; !ok && !connectives[f] {
				lx[f] = base // the dual of نقل is the connective نقلا
			}
		}
	}
	return lx
}

// inflections are the forms a reporter uses besides the base: a past verb
// takes the feminine ت (قالت، أضافت), the plural وا (قالوا) and the dual
// ا, تا (قالا، أكدتا); a present verb the feminine ت (يؤكد → تؤكد) and
// the plural ون (يقولون); an accusative participle (مبيناً، قائلا) has its
// feminine in ة (مبينةً، قائلة), but for لافتا, whose لافتة is mostly
// "banner" or "striking", and its plural and dual in ين (مشيرين، لافتين). A past verb ending in ى drops it (نفى → نفت،
// نفوا; رأى → رأت); other weak endings (ينفي) need their own entries.
// Object pronouns are not accepted: تابعته is "followed it".
func inflections(base string) []string {
	rs := []rune(base)
	last := rs[len(rs)-1]
	switch {
	case (rs[0] == 'م' || rs[1] == 'ا') && last == 'ا' && len(rs) > 3:
		stem := string(rs[:len(rs)-1])
		if base == "لافتا" {
			return []string{stem + "ين"}
		}
		return []string{stem + "ة", stem + "ين"}
	case last == 'ى' && len(rs) > 2:
		stem := string(rs[:len(rs)-1])
		if rs[0] == 'ي' {
			return []string{"ت" + string(rs[1:])}
		}
		return []string{stem + "ت", stem + "وا"}
	case rs[0] == 'ي' && len(rs) > 2:
		if strings.ContainsRune("اىيو", last) {
			return []string{"ت" + string(rs[1:])}
		}
		return []string{"ت" + string(rs[1:]), base + "ون"}
	case strings.ContainsRune("اىيو", last):
		return nil
	}
	return []string{base + "ت", base + "وا", base + "ا", base + "تا"}
}

// match returns the base form of a normalized word that is a cue, alone or
// with one conjunction clitic (وقال، فقال، وأضافت), and for a cue whose
// object is the person spoken of (objectCues: يصفه بأنه، واتهمهما)
// with an object pronoun.
func (lx lexicon) match(norm string) (string, bool) {
	for _, w := range []string{norm, strings.TrimPrefix(norm, "و"), strings.TrimPrefix(norm, "ف")} {
		if base, ok := lx[w]; ok {
			return base, true
		}
		for _, p := range objectPronouns {
			if stem, ok := strings.CutSuffix(w, p); ok && pronounCues[lx[stem]] {
				return lx[stem], true
			}
		}
	}
	return "", false
}

// pronounCues take the person described, accused or warned as an object
// pronoun (تصفه بأنه، اتهمهما بـ، حذرهم من أن); other cues with a pronoun
// are something else (تابعته "followed it").
var pronounCues = normSet("وصف", "يصف", "اتهم", "حذر")

// objectPronouns are the attached object pronouns, longest first.
var objectPronouns = []string{"هما", "هم", "هن", "ها", "ه", "كم", "ك", "نا", "ني"}

// cue is a cue word found in the text or an existing CUE span. A proposed
// CUE covers the whole word token, clitic included (وقال, not قال): that
// is what the annotation view's snap-to-words selects, so suggestions and
// hand annotations of the same cue agree.
type cue struct {
	Start, End int
	base       string // the lexicon's base form; "" for an existing CUE or a connective
	span       *Span  // set once the cue is registered with the builder
}

// findCues lists the cue words outside quotations, whole words only,
// leaving out those that notCue rules out.
func (d *doc) findCues(lx lexicon, blocked mask) []cue {
	var out []cue
	for i, w := range d.words {
		base, ok := lx.match(w.Norm)
		if !ok {
			base, ok = d.resumptiveCue(lx, i) // « ... » هذا ما قاله
		}
		if !ok || blocked.any(w.Start, w.End) || d.notCue(lx, base, i) {
			continue
		}
		if len(out) > 0 && d.restates(out[len(out)-1], base, i, lx) {
			continue // وأضاف قائلا: the finite verb is the cue
		}
		out = append(out, cue{Start: w.Start, End: w.End, base: base})
	}
	return out
}

// hasComplement reports whether reported speech follows word i, a cue
// with base form base, within eight words of the same clause: a
// complementizer (وبين أن), the cue's own preposition (لفت إلى), a noun
// naming the speech (نقلت عنه قوله), a colon or a quotation mark; for a
// marksOnlyCue, a colon or a quotation mark only, past its subject.
func (d *doc) hasComplement(lx lexicon, base string, i int) bool {
	if marksOnlyCues[base] {
		return d.marksAfterSubject(lx, i) || expressingCues[base] && d.expressedBelief(i)
	}
	for k := i + 1; k < len(d.words) && k <= i+8; k++ {
		gapStart, w := d.words[k-1].End, d.words[k]
		if d.markBeforeEnd(gapStart, w.Start) {
			return true
		}
		if d.hasSentenceEnd(gapStart, w.Start) || clauseWords[w.Norm] {
			return false
		}
		if base == "بين" && d.between(i, k) {
			return false
		}
		if complementizers[w.Norm] && !notComplementizer[d.words[k-1].Norm] || sayingNouns[w.Norm] || d.isContentPrep(base, k) {
			return true // not يجب أن
		}
		if _, ok := lx.match(w.Norm); ok {
			return false
		}
	}
	return false
}

// marksAfterSubject reports whether a quotation mark or a colon follows
// word i, a marksOnlyCue, within eight words of the same clause and past
// its subject: the marked words are then the call or nominal complement
// quoted (اتهمت الصحيفة الحكومة " بالتقصير "، أعرب الوزير عن الأمل في أن
// " ... "). The marks of a quoted name in the subject (اتهمت صحيفة " بابل
// ") do not count.
func (d *doc) marksAfterSubject(lx lexicon, i int) bool {
	named := d.subjectAfter(d.words[i].End, len(d.rs), lx).End
	for k := i + 1; k < len(d.words) && k <= i+8; k++ {
		gapStart, w := d.words[k-1].End, d.words[k]
		if d.markBeforeEnd(gapStart, w.Start) && w.Start >= named {
			return true
		}
		if d.hasSentenceEnd(gapStart, w.Start) || clauseWords[w.Norm] {
			return false
		}
		if _, ok := lx.match(w.Norm); ok {
			return false
		}
	}
	return false
}

// mask marks code points that lie inside a quotation, where a cue word is
// part of the quoted speech, not an attribution.
type mask []bool

func (m mask) set(start, end int) {
	for i := max(start, 0); i < end && i < len(m); i++ {
		m[i] = true
	}
}

func (m mask) any(start, end int) bool {
	for i := max(start, 0); i < end && i < len(m); i++ {
		if m[i] {
			return true
		}
	}
	return false
}
