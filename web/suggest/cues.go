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
	}
}

// ambiguousCues are cue words that are more often something else: بين is
// also "between", تابع "follower", ذكر "mention", لفت "drawing", رأى
// "saw", نقل "transport". They count as cues only when reported speech
// follows (see hasComplement).
var ambiguousCues = normSet("بين", "تابع", "ذكر", "لفت", "رأى", "نقل")

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
			if _, ok := lx[f]; !ok {
				lx[f] = base
			}
		}
	}
	return lx
}

// inflections are the forms a reporter uses besides the base: a past verb
// takes the feminine ت (قالت، أضافت) and the plural وا (قالوا); an
// accusative participle (مبيناً) has its feminine in ة (مبينةً). A past
// verb ending in ى drops it (نفى → نفت، نفوا; رأى → رأت); other weak
// endings (ينفي) are present forms and need their own entries. Object
// pronouns are not accepted: تابعته is "followed it".
func inflections(base string) []string {
	rs := []rune(base)
	last := rs[len(rs)-1]
	switch {
	case rs[0] == 'م' && last == 'ا' && len(rs) > 3:
		return []string{string(rs[:len(rs)-1]) + "ة"}
	case last == 'ى' && len(rs) > 2:
		stem := string(rs[:len(rs)-1])
		return []string{stem + "ت", stem + "وا"}
	case strings.ContainsRune("اىيو", last):
		return nil
	}
	return []string{base + "ت", base + "وا"}
}

// match returns the base form of a normalized word that is a cue, alone or
// with one conjunction clitic (وقال، فقال، وأضافت).
func (lx lexicon) match(norm string) (string, bool) {
	if base, ok := lx[norm]; ok {
		return base, true
	}
	for _, clitic := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(norm, clitic); ok {
			if base, ok := lx[rest]; ok {
				return base, true
			}
		}
	}
	return "", false
}

// cue is a cue word found in the text or an existing CUE span. A proposed
// CUE covers the whole word token, clitic included (وقال, not قال): that
// is what the annotation view's snap-to-words selects, so suggestions and
// hand annotations of the same cue agree.
type cue struct {
	Start, End int
	base       string // the lexicon's base form; "" for an existing CUE or a connective
	span       *Span  // set once the cue is registered with the builder
}

// findCues lists the cue words outside quotations, whole words only.
func (d *doc) findCues(lx lexicon, blocked mask) []cue {
	var out []cue
	for i, w := range d.words {
		base, ok := lx.match(w.Norm)
		if !ok || blocked.any(w.Start, w.End) || (i > 0 && d.words[i-1].Norm == "قيل") {
			continue // قيل وقال is "hearsay", not an attribution
		}
		if ambiguousCues[base] && !d.hasComplement(lx, base, i) {
			continue
		}
		out = append(out, cue{Start: w.Start, End: w.End, base: base})
	}
	return out
}

// hasComplement reports whether reported speech follows word i, a cue
// with base form base, within eight words of the same clause: a
// complementizer (وبين أن), the cue's own preposition (لفت إلى), a noun
// naming the speech (نقلت عنه قوله), a colon or a quotation mark.
func (d *doc) hasComplement(lx lexicon, base string, i int) bool {
	for k := i + 1; k < len(d.words) && k <= i+8; k++ {
		gapStart, w := d.words[k-1].End, d.words[k]
		if d.hasAny(gapStart, w.Start, ":“”„‟«»\"") {
			return true
		}
		if d.hasSentenceEnd(gapStart, w.Start) || clauseWords[w.Norm] {
			return false
		}
		if complementizers[w.Norm] || sayingNouns[w.Norm] || d.isContentPrep(base, k) {
			return true
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
