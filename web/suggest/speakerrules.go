package suggest

import "strings"

// Rules that shape a speaker phrase: where a title's prepositional phrase
// goes on (الأمين العام للأمم المتحدة), where an adjunct ends it (لمحطة
// ...، من جهته، مجددا), and when an attribution has no speaker at all (a
// text, an impersonal passive).

// mediaNouns head the outlet a speaker talks to (قال لصحيفة ...، لمحطة
// ...): after a cue's subject, ل with one of them starts an adjunct.
var mediaNouns = normSet("صحيفة", "قناة", "وكالة", "محطة", "تلفزيون", "إذاعة", "شبكة", "موقع",
	"مجلة", "جريدة", "راديو", "فضائية")

// textNouns head a text or a piece of evidence (تقرير، بيان، استطلاع،
// المعلومات، البيانات "the data", a draft's النص, a monument's النصب, a
// resolution's القرار):
// such a source is not a person or an organisation, so its attribution
// has no speaker.
var textNouns = normSet("تقرير", "تقارير", "بيان", "بلاغ", "دراسة", "استطلاع", "وثيقة", "رسالة",
	"معلومات", "بيانات", "إحصائيات", "إحصاءات", "احصائيات", "تحقيق", "تحقيقات", "نتائج", "أرقام", "مصادر تاريخية",
	"نص", "النص", "نصب", "قرار", "قرارات") // stripArticle keeps the article of a word this short

// adverbs stand between a cue's subject and its object (أكد جلالته مجددا
// شجبه): they end the subject.
var adverbs = normSet("مجددا", "مجدداً", "مرارا", "مراراً", "سابقا", "سابقاً", "مؤخرا", "مؤخراً",
	"بدوره", "بدورها", "بدورهم", "آنذاك", "حينها", "حينذاك", "يومها", "وقتها")

// weekdays are time adverbs on their own (ورفض بولتون الاحد، وقالت
// الحكومة اول امس الجمعة): they end a subject.
var weekdays = normSet("الأحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")

// timeModifiers follow a time noun to make a time adverb (الشهر الماضي،
// العام المقبل); أول before أمس does the same (أول أمس).
var timeModifiers = normSet("الماضي", "الماضية", "المقبل", "المقبلة", "القادم", "القادمة", "الجاري", "الحالي", "المنصرم")

// sideWords after من end a subject (قال الوزير من جهته إن).
var sideWords = normSet("جهته", "جهتها", "جهتهم", "جانبه", "جانبها", "جانبهم", "ناحيته", "ناحيتها")

// impersonalCues are passive or impersonal forms: with no subject after
// them (قيل إن، يعتقد أن، ومن المنتظر أن) the attribution has no speaker.
var impersonalCues = normSet("قيل", "يعتقد", "يتوقع", "ينتظر", "يرتقب", "يشاع", "أشيع", "يرجح",
	"المنتظر", "المرتقب", "المتوقع")

// impersonalNouns are the cue words of من المنتظر أن، من المرتقب أن.
var impersonalNouns = normSet("المنتظر", "المرتقب", "المتوقع")

// adjunctAfter reports whether word k ends a subject of n words that
// endsSubject would let go on: an adverb, من جهته, or ل joined to an
// outlet (لمحطة، لصحيفة).
func (d *doc) adjunctAfter(k, n int) bool {
	w := d.words[k].Norm
	if adverbs[w] || weekdays[w] || d.timeAdverb(k) || w == "من" && k+1 < len(d.words) && sideWords[d.words[k+1].Norm] {
		return true
	}
	rest, ok := withoutL(w)
	return n > 0 && (ok && mediaNouns[stripArticle(rest)] || d.addressee(k) || d.statementObject(k) || d.bareRelative(k))
}

// timeAdverb reports whether word k opens a two-word time adverb: a time
// noun with a modifier (أعلن الشهر الماضي) or أول أمس.
func (d *doc) timeAdverb(k int) bool {
	if k+1 >= len(d.words) {
		return false
	}
	w, next := d.words[k].Norm, d.words[k+1].Norm
	if w == "أول" || w == "اول" {
		return next == "أمس" || next == "امس"
	}
	return strings.HasPrefix(w, "ال") && timeNouns[stripArticle(w)] && timeModifiers[next]
}

// postedRoles are titles of someone posted to a place or a body, which
// they take through في or لدى (السفير الأميركي في الأمم المتحدة جون
// بولتون، مندوب سوريا لدى الجامعة، مسؤول في مطار دبي، المتحدث باسم
// المجلس في الصومال): after them, in a
// speaker phrase, the preposition goes on with the title even after a
// definite head, unless it names the occasion of the speech.
var postedRoles = normSet("سفير", "سفيرة", "مندوب", "مندوبة", "ممثل", "ممثلة", "مبعوث", "مبعوثة", "مراسل", "مراسلة",
	"متحدث", "متحدثة", "ناطق", "ناطقة",
	"مسؤول", "مسؤولة", "مسؤولون", "مسؤولين", "مسئول", "مسئولون", "مسئولين")

// titleGoesOn reports whether word k, a preposition that endsSubject stops
// at, continues the title of a subject starting at start instead: ل
// joined to an institution (الأمين العام للأمم المتحدة، المتحدث باسم
// الجهاز لوزارة) or to a portfolio (للشئون الافريقية), or في before an
// institution after an indefinite head or a name (مصدر آخر في حكومة
// كوريا، جعفر الموسوي رئيس الادعاء العام في المحكمة), or a preposition the word before it governs (مصدر مطلع على
// الملف: governedPrep). After a definite head, في is otherwise an adjunct
// (قال الوزير في البرلمان).
func (d *doc) titleGoesOn(k, n, start int) bool {
	if n == 0 {
		return false
	}
	w := d.words[k].Norm
	if rest, ok := withoutL(w); ok && strings.HasPrefix(w, "ل") {
		return titleInstitution(rest) || portfolioWords[rest] || d.institutionChain(k)
	}
	if d.governedPrep(k) {
		return true
	}
	if w != "في" && w != "لدى" || k+1 >= len(d.words) {
		return false
	}
	head := d.words[d.wordAt(start)].Norm
	if postedRoles[stripArticle(head)] {
		return !speechOccasion(d.words[k+1].Norm)
	}
	return w == "في" && !strings.HasPrefix(head, "ال") && titleInstitution(d.words[k+1].Norm)
}

// portfolioWords after ل name the affairs an office holds (مساعد وزير
// الخارجية للشئون الافريقية، المستشار للشؤون الأمنية): such a ل goes on
// with the title, it never names an addressee.
var portfolioWords = normSet("شؤون", "شئون")

// speechOccasion reports whether a normalized word, after في, names the
// occasion of the speech rather than a body one is posted to (قال المسؤول
// في تصريح، في بيان، في مؤتمر صحفي): that في starts an adjunct.
func speechOccasion(norm string) bool {
	n := stripArticle(norm)
	return textNouns[n] || occasionNouns[n]
}

var occasionNouns = normSet("تصريح", "تصريحات", "حديث", "مقابلة", "مؤتمر", "لقاء", "كلمة", "اتصال",
	"ختام", "أعقاب", "اعقاب", "وقت", "حين", "معرض", "رده", "ردها", "سياق", "إطار", "اطار")

// titleInstitution reports whether a normalized word, article or not,
// names an institution a title belongs to, not an outlet or a text.
func titleInstitution(norm string) bool {
	n := stripArticle(norm)
	return institutionWords[n] && !mediaNouns[n] && !textNouns[n]
}

// textHead reports whether subject s is headed by a text noun that does
// not name its owner.
func (d *doc) textHead(s subject) bool {
	if s.Start >= s.End {
		return false
	}
	k := d.wordAt(s.Start)
	head := d.words[k].Norm
	if rest, ok := cutConj(head); ok {
		head = rest
	}
	return textNouns[stripArticle(head)] && !d.ownedText(k, s.End)
}

// ownedText reports whether the text noun at word k is named with the
// body it speaks for, in the genitive or with ل, inside a subject ending
// at end (تقرير المنظمة الحقوقية، بيان للسلطات المحلية): the body is then
// the speaker, as it would be saying the same words itself.
func (d *doc) ownedText(k, end int) bool {
	if k+1 >= len(d.words) || d.words[k+1].End > end || strings.HasPrefix(d.words[k].Norm, "ال") {
		return false
	}
	next := d.words[k+1].Norm
	if rest, ok := withoutL(next); ok && strings.HasPrefix(next, "ل") {
		return titleInstitution(rest)
	}
	return strings.HasPrefix(next, "ال") && titleInstitution(next)
}

// namesText reports whether cue c names a text as the subject of
// quotation q (وأظهر التقرير أن ...).
func (b *builder) namesText(c cue, q quote) bool {
	return b.d.textHead(b.d.subjectAfter(c.End, b.limit(q, c), b.lx))
}

// impersonal reports whether cue c is an impersonal form (قيل، يعتقد،
// المنتظر), with or without و.
func (d *doc) impersonal(c cue) bool { return d.cueIn(c, impersonalCues) }

// cueIn reports whether cue c's word, with or without و, is one of set.
func (d *doc) cueIn(c cue, set map[string]bool) bool {
	k := d.wordAt(c.Start)
	if k >= len(d.words) || d.words[k].Start != c.Start {
		return false
	}
	w := d.words[k].Norm
	rest, _ := strings.CutPrefix(w, "و")
	return set[w] || set[rest]
}

// impersonalNounCue reports whether word i, an impersonal noun, stands in
// من المنتظر أن: after من and before a complementizer.
func (d *doc) impersonalNounCue(i int) bool {
	if i == 0 || i+1 >= len(d.words) {
		return false
	}
	prev := d.words[i-1].Norm
	return (prev == "من" || prev == "ومن") && complementizers[d.words[i+1].Norm]
}

// quotedNameAfter reads the name in quotation marks that follows a naming
// noun ending a subject of n words, before word k: an outlet or a company
// is written with its name quoted (اتهمت صحيفة " بابل " الإدارة، ذكرت شركة
// « أمريكان أكسبريس » السعودية أن). The subject then runs to the closing
// mark and over the relative adjectives after it (nisbaAfter), and ends
// there: what follows is the verb's object or complement.
func (d *doc) quotedNameAfter(k, n, limit int) (end int, ok bool) {
	if n == 0 || k == 0 || !namingNouns[stripArticle(d.words[k-1].Norm)] || !d.onlyMark(d.words[k-1].End, d.words[k].Start) {
		return 0, false
	}
	for j := k; j < len(d.words) && j < k+4 && d.words[j].End <= limit; j++ {
		gapEnd := len(d.rs)
		if j+1 < len(d.words) {
			gapEnd = d.words[j+1].Start
		}
		if d.onlySpace(d.words[j].End, gapEnd) {
			continue
		}
		close := d.words[j].End
		for close < gapEnd && !isRune(d.rs[close], quoteMarks) {
			close++
		}
		if close == gapEnd || !d.onlySpace(d.words[j].End, close) || close+1 > limit {
			return 0, false
		}
		return d.nisbaAfter(j+1, close+1, limit), true
	}
	return 0, false
}

// onlyMark reports whether the gap start..end holds one quotation mark
// and spaces.
func (d *doc) onlyMark(start, end int) bool {
	marks := 0
	for i := start; i < end; i++ {
		switch {
		case isRune(d.rs[i], quoteMarks):
			marks++
		case !isRune(d.rs[i], " \t"):
			return false
		}
	}
	return marks == 1
}

// nisbaAfter extends end, the end of a name, over the relative adjectives
// in ي or ية with the article that follow it from word k (الكورية
// الجنوبية، السعودية), and returns the new end.
func (d *doc) nisbaAfter(k, end, limit int) int {
	for ; k < len(d.words) && d.words[k].End <= limit && d.onlySpace(end, d.words[k].Start); k++ {
		w := d.words[k].Norm
		if !strings.HasPrefix(w, "ال") || !strings.HasSuffix(w, "ي") && !strings.HasSuffix(w, "ية") || relatives[w] {
			break // التي opens a relative clause, though it looks like a nisba
		}
		end = d.words[k].End
	}
	return end
}

// cuePrep reports whether word k is the preposition through which the cue
// ending at pos takes its content (contentPreps): حذر governs من, so in
// حذرت الوزيرة من غزو البلد the subject ends before من, which a name may
// otherwise hold (عبد الله بن محمد من الرياض). على spelt علي (اكد نجاد
// علي ضرورة) counts only right before the content (at limit or before a
// complementizer), as علي is also a name.
func (d *doc) cuePrep(pos, k, limit int, lx lexicon) bool {
	i := d.wordBefore(pos)
	if i < 0 || d.words[i].End != pos {
		return false
	}
	base, ok := lx.match(d.words[i].Norm)
	if !ok {
		return false
	}
	if w := d.words[k].Norm; w == "علي" && contentPreps[base]["على"] {
		return k+1 >= len(d.words) || d.words[k+1].Start >= limit || complementizers[d.words[k+1].Norm]
	}
	return contentPreps[base][d.words[k].Norm]
}

// nameHyphen reports whether the hyphen before word k, inside a subject
// of n words, joins the parts of a double name (ميشال اليو - ماري، نانا
// ايفا - ابنتنغ) rather than opening an aside (قال الوزير - في تصريح -
// إن): spaced alone between two words, before a bare word that is no
// particle, and with no dash after it to close an aside.
func (d *doc) nameHyphen(k, n int) bool {
	if n == 0 || string(d.rs[d.words[k-1].End:d.words[k].Start]) != " - " {
		return false
	}
	w := d.words[k].Norm
	if strings.HasPrefix(w, "ال") || adjunctWords[w] || relatives[w] || complementizers[w] || notSubjects[w] {
		return false
	}
	for j := k + 1; j < len(d.words) && j <= k+4; j++ {
		if d.hasAny(d.words[j-1].End, d.words[j].Start, "-–—") {
			return false
		}
	}
	return true
}
