package suggest

import "strings"

// attribution is the cue and source a rule found together with its
// quotation (the connective of accordingTo), so attribute need not search.
type attribution struct {
	cue cue
	src subject
}

// relayedSource is the original speaker of a relaying cue (نقلت الوكالة
// عن الوزير قوله إن): the phrase after its source preposition, when that
// preposition comes before limit in the same clause. With a pronoun
// (نقلت عنها سعادتها) the source is the one named before: decided is true
// and the subject empty, so the current speaker applies.
func (d *doc) relayedSource(c cue, limit int, lx lexicon) (s subject, decided bool) {
	prep, ok := sourcePreps[c.base]
	if !ok {
		return subject{}, false
	}
	first := d.wordAt(c.End)
	for k := first; k < len(d.words) && k < first+10 && d.words[k].End <= limit; k++ {
		w := d.words[k]
		if d.hasSentenceEnd(c.End, w.Start) {
			break
		}
		if w.Norm == prep {
			s := d.subjectAfter(w.End, limit, lx)
			return s, s.Start < s.End
		}
		if pronounPreps[w.Norm] && strings.HasPrefix(w.Norm, prep) {
			return subject{}, true
		}
	}
	return subject{}, false
}

// notSubjects are words that stand before a verb without being its
// subject: particles, relatives and discourse adverbs (كما قال، ثم أضاف،
// وهو ما أكد).
var notSubjects = normSet("ثم", "كما", "وكما", "لكن", "ولكن", "لكنه", "كذلك", "أيضا", "وهو", "وهي", "هو",
	"هي", "ما", "مما", "وما", "لم", "لن", "لا", "ولم", "قد", "وقد", "لقد", "إذ", "إذا", "اذا", "فقد",
	"بدوره", "بدورها", "جهته", "جهتها", "جانبه", "جانبها", "بينما", "أما", "اما", "وأما", "كان", "وكان",
	"كانت", "وكانت", "هذا", "هذه", "ذلك", "تلك", "الذي", "التي", "الذين", "يجب", "يمكن", "ينبغي",
	"إلا", "حتى", "لابد")

// preverbal lists what may stand between a subject and its verb: قد
// (الوزير قد أكد), a relative (الوزير الذي قال), "still" (المدير لايزال
// يعتقد).
var preverbal = normSet("قد", "لقد", "الذي", "التي", "الذين", "اللذين", "اللتين", "لايزال", "مازال", "لازال")

// subjectBefore reads a subject that stands before its cue (الوزير أحمد
// قال إن، وكان الوزير قد أكد أن): the words from the start of the clause
// (after punctuation, the text start or كان) to the cue, past قد or a
// relative. It must be one to six nominal words headed by the article,
// an institution or title noun, or an existing PER/ORG, unless أما sets
// it off as the topic, which any noun phrase may be (أما وزير الدولة
// فوصف); a participle's subject is its main verb's, so participles get
// none.
func (b *builder) subjectBefore(c cue) subject {
	d := b.d
	if c.base == "" || isParticiple(c.base) {
		return subject{}
	}
	end, k := c.Start, d.wordBefore(c.Start)
	afterTopicWord := k >= 0 && topicPreverbal[d.words[k].Norm] && d.onlySpace(d.words[k].End, end)
	if k >= 0 && (preverbal[d.words[k].Norm] || afterTopicWord) && d.onlySpace(d.words[k].End, end) {
		end, k = d.words[k].Start, k-1
	}
	start, n := end, 0
	for ; k >= 0 && d.onlySpace(d.words[k].End, start) && !opensSubject(d.words[k].Norm); k-- {
		if n++; n > maxTopicWords || !b.nominal(d.words[k]) {
			return subject{}
		}
		start = d.words[k].Start
	}
	opened := k < 0 || opensSubject(d.words[k].Norm) || d.hasAny(d.words[k].End, start, clausePunct+"()-–—"+quoteMarks)
	topic := k >= 0 && topicWords[d.words[k].Norm]
	if n > 6 && !topic && !d.titledAfterOpener(k, start) {
		return subject{} // only أما marks off a long phrase as the subject, or a title after غير أن
	}
	if afterTopicWord && !topic {
		return subject{} // فقد، فإنه follow a topic, not any noun
	}
	// After كان the noun before the verb is its subject whatever its
	// head, a bare name too (وكان أغاسي أعلن): كان + noun + perfect verb
	// is the pluperfect of news prose.
	afterKana := k >= 0 && kana[d.words[k].Norm] && d.onlySpace(d.words[k].End, start) && n <= 4
	// After لكن too the noun before the verb is its subject, whatever its
	// head (ولكن رابطة أصحاب المحطات قالت), unless it is a preposition or
	// a time word.
	afterBut := k >= 0 && lakin[d.words[k].Norm] && d.onlySpace(d.words[k].End, start) && !b.adverbial(d.words[d.wordAt(start)])
	if n == 0 || !opened || b.adverbial(d.words[d.wordAt(start)]) || !topic && !afterKana && !afterBut && !b.headsSubject(d.words[d.wordAt(start)]) {
		return subject{}
	}
	return subject{Start: start, End: d.words[d.wordBefore(end)].End, Topic: topic}
}

// maxTopicWords bounds a subject set off by أما, which may carry a long
// title (أما نائب محافظ خراسان للشؤون السياحية والاجتماعية السيد فريدون
// بامتد فإنه يقول); any other subject before its verb has at most six.
const maxTopicWords = 12

var kana = normSet("كان", "وكان", "كانت", "وكانت")

var lakin = normSet("لكن", "ولكن")

// adverbial reports whether w is a preposition or a time word, which no
// subject starts with.
func (b *builder) adverbial(w word) bool {
	norm := w.Norm
	if rest, ok := cutConj(norm); ok {
		norm = rest
	}
	return adjunctWords[norm] || timeNouns[stripArticle(norm)] || norm == "من" || norm == "مع" || notSubjects[norm]
}

// topicWords set a subject before its verb (أما الوزير فوصف ...).
var topicWords = normSet("أما", "وأما")

// opensSubject reports whether a word may stand right before a subject
// that precedes its verb: كان, أما, or a complementizer (غير أن المقداد
// أضاف، قال إن الوزير أكد).
func opensSubject(norm string) bool {
	return kana[norm] || topicWords[norm] || complementizers[norm] || lakin[norm]
}

// nominal reports whether w may be part of a pre-verbal subject: not a
// particle, complementizer, connective or cue. A preposition may be (the
// officials in the ministry said: المسؤولون في الوزارة قالوا); only the
// head may not be one (headsSubject).
func (b *builder) nominal(w word) bool {
	norm := w.Norm
	if rest, ok := strings.CutPrefix(norm, "و"); ok && notSubjects[rest] {
		return false // وكما، وقد
	}
	_, isCue := b.lx.match(norm)
	return !isCue && !notSubjects[norm] && !complementizers[norm] && !clauseWords[norm] &&
		!connectives[norm] && !becauseWords[norm]
}

// timeNouns head a time adverb, not a subject (الأسبوع الماضي قال).
var timeNouns = normSet("يوم", "أسبوع", "شهر", "عام", "سنة", "مساء", "ليلة", "فجر", "ظهر")

// headsSubject reports whether w can start a subject: a definite noun
// (الوزير، والجيش) that is not an adverb, a title or institution noun,
// or an existing PER/ORG.
func (b *builder) headsSubject(w word) bool {
	norm := w.Norm
	if sourceHeads[norm] || institutionWords[norm] {
		return true // وزير، وكالة: their و is a root letter, not the conjunction
	}
	if rest, ok := cutConj(norm); ok {
		norm = rest
	}
	if adjunctWords[norm] || timeNouns[stripArticle(norm)] {
		return false
	}
	if len([]rune(norm)) > 3 && strings.HasPrefix(norm, "ال") || sourceHeads[norm] || institutionWords[norm] {
		return true
	}
	for _, e := range b.existingIn(w.Start, w.End) {
		if e.Start == w.Start || e.Start == w.Start+1 {
			return true
		}
	}
	return false
}

// cutConj strips a conjunction و from a normalized word of more than three
// letters (والوزير → الوزير); a shorter one may be a root letter.
func cutConj(norm string) (string, bool) {
	rs := []rune(norm)
	if len(rs) > 3 && rs[0] == 'و' {
		return string(rs[1:]), true
	}
	return norm, false
}

// isParticiple reports whether a cue's base form is an accusative
// participle (مبينا، مشيرا، قائلا): no past or present verb of the list
// ends in ا.
func isParticiple(base string) bool {
	rs := []rune(base)
	return len(rs) > 3 && rs[len(rs)-1] == 'ا'
}

// titledAfterOpener reports whether the phrase starting at start, after
// word k, opens with a title (مدير، وزير، رئيس) right after a word that
// sets off a subject before its verb (غير أن، لكن، وكان): a title with
// its body, rank and name (غير أن مدير عام الدفاع المدني اللواء عوض
// وديعة الله قال) is the subject however long, up to maxTopicWords.
func (d *doc) titledAfterOpener(k, start int) bool {
	if k < 0 || !opensSubject(d.words[k].Norm) || topicWords[d.words[k].Norm] {
		return false
	}
	return sourceHeads[d.words[d.wordAt(start)].Norm]
}
