package suggest

import "strings"

// institutionChain reports whether the ل-word k goes on naming the body
// of an institution word among the two words before it, with a noun of
// its own after it (المدير التنفيذي لشركة الفجر للأوراق المالية، عضو
// اللجنة التنظيمية لدول مجلس التعاون): an addressee after a body (قالت
// الوزارة للصحفيين إن) has a complementizer or nothing after it.
func (d *doc) institutionChain(k int) bool {
	if k < 2 || k+1 >= len(d.words) || !d.onlySpace(d.words[k].End, d.words[k+1].Start) {
		return false
	}
	next := d.words[k+1].Norm
	if complementizers[next] || adjunctWords[next] || startsAdjunct(d, d.words[k+1]) || !strings.HasPrefix(next, "ال") && !strings.HasSuffix(next, "ية") {
		return false
	}
	for _, j := range []int{k - 1, k - 2} {
		rest, _ := withoutL(d.words[j].Norm)
		if titleInstitution(d.words[j].Norm) || titleInstitution(rest) {
			return true
		}
	}
	return false
}

// bareRelative reports whether word k, without the article, is followed
// by a preposition with a pronoun (وثيقة للأمم المتحدة حصلت عليها رويترز):
// a verb opening a relative clause without الذي, which an indefinite noun
// takes, and so the end of a subject.
func (d *doc) bareRelative(k int) bool {
	if k+1 >= len(d.words) || strings.HasPrefix(d.words[k].Norm, "ال") || !d.onlySpace(d.words[k].End, d.words[k+1].Start) {
		return false
	}
	return pronounPreps[d.words[k+1].Norm]
}

// governors are participles and verbal nouns that take their complement
// through a fixed preposition (مطلع على، مسؤول عن، معتمد في، الدفاع عن):
// in a speaker phrase that preposition belongs to the description, not
// to an adjunct of the verb (وأفاد مصدر مطلع على الملف أن، وأكد رئيس
// فريق الدفاع عن المتهم أن).
var governors = map[string]map[string]bool{
	"مطلع":  normSet("على"),
	"مسؤول": normSet("عن"),
	"دفاع":  normSet("عن"),
	"نائب":  normSet("عن"),
	"معتمد": normSet("في", "لدى"),
	"مختص":  normSet("في"),
	"متخصص": normSet("في"),
	"خبير":  normSet("في"),
	"باحث":  normSet("في"),
	"مشارك": normSet("في"),
	"ممثل":  normSet("عن"),
}

// governedPrep reports whether word k is the preposition that the word
// before it governs (مصدر مطلع على ...، المؤسسة المسؤولة عن ...), in any
// gender or number (مطلعة، مطلعون، المسؤولين).
func (d *doc) governedPrep(k int) bool {
	if k == 0 {
		return false
	}
	stem := stripArticle(d.words[k-1].Norm)
	for _, suffix := range []string{"ة", "ون", "ين", "ات"} {
		if rest, ok := strings.CutSuffix(stem, suffix); ok && len([]rune(rest)) > 2 {
			stem = rest
			break
		}
	}
	return governors[stem][d.words[k].Norm]
}

// maxTitleRun bounds the words a title's phrase may run on over to reach
// the name before the complementizer (nameAfterTitle).
const maxTitleRun = 8

// nameAfterTitle runs subject s, which an adjunct ended (للاستشارات، في
// المحكمة، لكأس العالم), on to the complementizer when the words up to it
// end with a name of at least two bare words (وقال رئيس مجموعة عطية
// للاستشارات بيجان خاجيبور إن): a title before the name is the speaker's,
// whatever its prepositions. No punctuation or cue may stand between,
// and the adjunct must not name an outlet spoken to (لوكالة فرانس برس) or
// an addressee the text writes without ل (لرويترز).
func (d *doc) nameAfterTitle(s subject, limit int, lx lexicon) subject {
	if s.Start >= s.End || s.TooLong {
		return s
	}
	j := d.wordAt(s.End)
	if j >= len(d.words) || !d.onlySpace(s.End, d.words[j].Start) || !d.titleAdjunct(j) {
		return s
	}
	for k := j + 1; k < len(d.words) && k-j <= maxTitleRun && d.words[k].End <= limit; k++ {
		if !d.onlySpace(d.words[k-1].End, d.words[k].Start) {
			return s
		}
		w := d.words[k].Norm
		if complementizers[w] {
			if k-j < 3 || !d.bareName(k-1) || !d.bareName(k-2) {
				return s
			}
			return subject{Start: s.Start, End: d.words[k-1].End}
		}
		if _, isCue := lx.match(w); isCue {
			return s
		}
	}
	return s
}

// titleAdjunct reports whether word j opens a title's prepositional
// phrase: في, or a joined ل that names no outlet and no addressee.
func (d *doc) titleAdjunct(j int) bool {
	w := d.words[j].Norm
	if w == "في" {
		return true
	}
	rest, ok := strings.CutPrefix(w, "ل")
	return ok && len([]rune(rest)) > 2 && !mediaNouns[stripArticle(strings.TrimPrefix(rest, "ل"))] && !mediaNouns[rest] &&
		!d.addressee(j) && !pronounPreps[w]
}

// bareName reports whether word k may be part of a personal name: no
// article, no joined ل or بال, no particle, no time word (في وقت سابق).
func (d *doc) bareName(k int) bool {
	w := d.words[k].Norm
	if strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "بال") || adjunctWords[w] ||
		timeNouns[stripArticle(w)] || occasionNouns[w] || notSubjects[w] || len([]rune(w)) < 2 {
		return false
	}
	for _, r := range w {
		if r < 'ء' || r > 'ي' {
			return false
		}
	}
	return true
}
