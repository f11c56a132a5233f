package suggest

import (
	"strings"
	"unicode"
)

// word is one maximal run of word characters. Word boundaries are
// non-letters, so a clitic و or a suffix ت stays inside its word.
type word struct {
	Start, End int    // code points
	Norm       string // normalize()d form, for comparing with word lists
}

// doc is the text under analysis, split once into code points and words so
// every rule works in code point offsets.
type doc struct {
	rs    []rune
	words []word
	forms map[string]bool // every word's Norm, to tell a joined preposition from a name's first letter
}

func newDoc(text string) *doc {
	d := &doc{rs: []rune(text)}
	for i := 0; i < len(d.rs); {
		if !isWordRune(d.rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(d.rs) && (isWordRune(d.rs[j]) || d.innerDot(j)) {
			j++ // سي.أن.أن is one word, not the complementizer أن
		}
		if norm := normalize(d.rs[i:j]); norm != "" { // a lone tatweel is a dash: الملك ـ في بيان ـ
			d.words = append(d.words, word{Start: i, End: j, Norm: norm})
		}
		i = j
	}
	d.forms = make(map[string]bool, len(d.words))
	for _, w := range d.words {
		d.forms[w.Norm] = true
	}
	return d
}

// isWordRune is true for letters (tatweel included), combining marks
// (harakat, shadda, tanween: مبيناً keeps its ً) and digits.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// normalize folds the spelling variation of news text so one list entry
// matches them all: harakat and tatweel dropped (بيّن = بين, مبيناً =
// مبينا) and hamzated alefs made bare (أشار = اشار, إلى = الى), because
// Iraqi and Levantine outlets write the hamza inconsistently (the demo
// article has both الإرهاب and الارهاب). ى and ة are kept: folding ى into ي
// would make the preposition على equal to the name علي.
func normalize(rs []rune) string {
	var b strings.Builder
	for _, r := range rs {
		switch {
		case unicode.IsMark(r), r == 'ـ':
			continue
		case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
			b.WriteRune('ا')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// normSet builds a set of normalized words.
func normSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[normalize([]rune(w))] = true
	}
	return m
}

// complementizers introduce reported speech: قال إن، أضاف أنه، أكد بأن.
// Each takes the attached pronouns (أنه، إننا، بأنهم). لأن ("because") is
// not one: it gives a reason, not what was said.
var complementizers = withPronouns("أن", "إن", "بأن")

// becauseWords (لأن، لأنه) start a reason, never a subject or content.
var becauseWords = withPronouns("لأن")

// withPronouns is the set of words plus each with an attached pronoun.
func withPronouns(words ...string) map[string]bool {
	var all []string
	for _, w := range words {
		all = append(all, w)
		for _, p := range []string{"ه", "ها", "هم", "هما", "هن", "نا", "ني", "ك", "كم"} {
			all = append(all, w+p)
		}
	}
	return normSet(all...)
}

// notComplementizer lists words after which أن is not the "that" of
// reported speech but part of a conjunction: بعد أن (after), إلا أن
// (however), يجب أن (must).
var notComplementizer = normSet("بعد", "قبل", "منذ", "يجب", "يمكن", "ينبغي", "دون", "بدون", "حتى",
	"إلا", "غير", "كما", "رغم", "برغم", "بالرغم", "لابد", "من", "بد")

// clauseWords start a new clause: an attribution never runs across them.
var clauseWords = normSet("فيما", "بينما", "وفيما", "وبينما", "حيث", "كما", "وكما", "أما", "وأما")

// adjunctWords end a speaker noun phrase: a preposition (alone or with a
// pronoun: كشفت عنه) or time adverb starts an adjunct (قال الوزير في
// بيان، قال الوزير اليوم); إلي is إلى as
// some outlets spell it, and اثر and ابان are إثر and إبان as normalize
// leaves them (the ي-for-ى spelling of على is left out: it is
// also the name علي). Prepositions
// written joined to the next word (للقناة، لـ) are caught by
// startsAdjunct.
var adjunctWords = normSet("في", "عن", "على", "إلى", "الى", "إلي", "خلال", "لدى", "أمام", "عبر", "حول",
	"أثناء", "عند", "بعد", "قبل", "اثر", "ابان", "منذ", "اليوم", "أمس", "امس", "الليلة", "فيما", "بينما", "حيث", "يوم", "أيضا", "أيضاً", "كذلك",
	"فيه", "فيها", "عنه", "عنها", "عنهم", "له", "لها", "لهم", "منه", "منها", "إليه", "إليها",
	"عليه", "عليها", "به", "بها")

// pronounPreps are prepositions with a pronoun (أكد فيه، كشفت عنه القناة):
// right after a verb they refer back and the subject follows them.
var pronounPreps = normSet("فيه", "فيها", "عنه", "عنها", "عنهم", "له", "لها", "لهم", "لنا", "منه", "منها",
	"إليه", "إليها", "عليه", "عليها", "به", "بها")

// institutionWords head a noun phrase that names an organisation, not a
// person: جهاز مكافحة الإرهاب, وزارة الداخلية, المجلس; a statement
// (بيان، بلاغ، تقرير) speaks for its institution. A speaker phrase whose
// first word (without ال) is one of them is proposed as ORG.
var institutionWords = normSet("جهاز", "وزارة", "هيئة", "مجلس", "قيادة", "شركة", "منظمة", "حركة",
	"حزب", "جامعة", "مديرية", "دائرة", "مكتب", "لجنة", "حكومة", "رئاسة", "بعثة", "قوات", "جيش",
	"شرطة", "وكالة", "صحيفة", "قناة", "مؤسسة", "مركز", "مفوضية", "محكمة", "برلمان", "اتحاد",
	"خلية", "تحالف", "ائتلاف", "أمانة", "سفارة", "قنصلية", "بنك", "مصرف", "تنظيم", "جماعة",
	"أمم", "إدارة", "سلطة", "نقابة", "جبهة", "فصيل", "كتيبة", "لواء", "فرقة", "بلدية", "محافظة", "وفد",
	"بيان", "بلاغ", "تقرير", "وسائل", "نادي", "رابطة", "جمعية")

// namingNouns precede a quoted proper name: كتيبة “القعقاع”, عملية “...”.
var namingNouns = normSet("كتيبة", "لواء", "فرقة", "سرية", "فوج", "عملية", "حملة", "تنظيم", "حركة",
	"جماعة", "حزب", "تحالف", "ائتلاف", "قائمة", "كتلة", "قناة", "صحيفة", "مجلة", "وكالة", "برنامج",
	"كتاب", "فيلم", "مسلسل", "مؤتمر", "مبادرة", "مشروع", "شركة", "منظمة", "مهرجان", "جائزة",
	"خطة", "قانون", "اتفاق", "اتفاقية", "وثيقة", "ملف", "مسمى", "اسم", "شعار", "عنوان", "لقب",
	"جمعية", "رابطة", "مجموعة", "نادي", "دورية", "نشرة")

// startsAdjunct is true for a word written with a joined preposition ل
// and the article (للقناة، للصحفيين) or with لـ, or for ل standing alone
// where a spaced tatweel cuts it from its noun (قال ل ـ « الشرق الأوسط »):
// such a word starts an adjunct, never a speaker's name. A bare ل-word
// (لجنة) is not caught.
func startsAdjunct(d *doc, w word) bool {
	if strings.HasPrefix(w.Norm, "لل") || w.Norm == "ل" {
		return true
	}
	rs := d.rs[w.Start:w.End]
	return len(rs) > 1 && rs[0] == 'ل' && rs[1] == 'ـ'
}

// isSentenceEnd reports whether the code point at i ends a sentence. A
// full stop between digits (6.3) or letters (سي.أن.أن، إتش.إس.بي.سي, an
// abbreviation) does not: a sentence's full stop is followed by a space.
func (d *doc) isSentenceEnd(i int) bool {
	switch d.rs[i] {
	case '!', '?', '؟', '؛', ';', '…', '\n', '·': // some sites print the full stop as ·
		return true
	case '.':
		return !d.innerDot(i)
	}
	return false
}

// innerDot reports whether the full stop at i lies inside a number (6.3)
// or an abbreviation (سي.أن.أن، د. before a name): digits on both
// sides, or letters in runs of at most three on both sides. Web text also glues sentences
// (الإرهاب.وقال), so longer runs keep their full stop.
func (d *doc) innerDot(i int) bool {
	digit := func(j int) bool { return j >= 0 && j < len(d.rs) && unicode.IsDigit(d.rs[j]) }
	if d.rs[i] != '.' || digit(i-1) && digit(i+1) {
		return d.rs[i] == '.'
	}
	run := func(j, step int) int {
		n := 0
		for ; j >= 0 && j < len(d.rs) && isWordRune(d.rs[j]); j += step {
			n++
		}
		return n
	}
	l, r := run(i-1, -1), run(i+1, 1)
	if l == 1 && d.rs[i-1] == 'د' && i+1 < len(d.rs) && d.rs[i+1] == ' ' {
		return true // د. جيلبرتو: the title دكتور, cut short before a name
	}
	return l > 0 && r > 0 && l <= 3 && r <= 3
}

// hasSentenceEnd reports whether start..end holds a sentence end.
func (d *doc) hasSentenceEnd(start, end int) bool {
	for i := max(start, 0); i < end && i < len(d.rs); i++ {
		if d.isSentenceEnd(i) {
			return true
		}
	}
	return false
}

// hasAny reports whether start..end holds one of the runes in set.
func (d *doc) hasAny(start, end int, set string) bool {
	for i := max(start, 0); i < end && i < len(d.rs); i++ {
		if strings.ContainsRune(set, d.rs[i]) {
			return true
		}
	}
	return false
}

// wordAt returns the index of the first word starting at or after pos.
func (d *doc) wordAt(pos int) int {
	lo, hi := 0, len(d.words)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.words[mid].Start < pos {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// wordBefore returns the index of the last word ending at or before pos,
// or -1.
func (d *doc) wordBefore(pos int) int {
	i := d.wordAt(pos) - 1
	for i >= 0 && d.words[i].End > pos {
		i--
	}
	return i
}

// trim narrows start..end past white space and invisible format marks
// (U+200F RLM, U+200E LRM, which ANERCorp keeps on some tokens) at both
// ends.
func (d *doc) trim(start, end int) (int, int) {
	blank := func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }
	for start < end && blank(d.rs[start]) {
		start++
	}
	for end > start && blank(d.rs[end-1]) {
		end--
	}
	return start, end
}
