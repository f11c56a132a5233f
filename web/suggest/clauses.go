package suggest

import (
	"maps"
	"strings"
)

// Reported speech runs to the end of its clause. Besides punctuation and
// a new attribution (startsAttribution), these words open a clause that
// is the writer's, not the speaker's, even without a comma before them.

// transitionPhrases move the story on (في الوقت نفسه حصل ...): each is a
// sequence of normalized words, the first with or without و. Those of
// commaPhrases (، في حين يرتقب ...) do so after a comma only: without one
// they may be the speaker's (تدعم الزراعة في حين تهمل الصناعة); علما
// ("knowing that") is the writer's remark, as مع العلم is.
var (
	transitionPhrases = [][]string{
		{"في", "الوقت", "نفسه"}, {"في", "الوقت", "ذاته"}, {"في", "غضون", "ذلك"}, {"من", "جهة", "اخرى"},
		{"من", "ناحية", "اخرى"}, {"من", "جانب", "اخر"}, {"وذلك", "بينما"}, {"وذلك", "فيما"}, {"وذلك", "حيث"},
		{"في", "اشارة"}, {"مع", "العلم"},
	}
	commaPhrases = [][]string{{"في", "حين"}, {"في", "الوقت", "الذي"}, {"الى", "ذلك"}, {"علما"}}
)

// contrastWords with أن open a contrast (غير أن اللاعب طعن، إلا أن
// المرجح): the writer weighs the speech, he does not report it.
var contrastWords = normSet("غير", "إلا", "الا")

// butWords open a clause that, when it reports the speaker's own speech or
// silence (، لكنه لم يوضح، لكنه أشار إلى), is the writer's.
var butWords = normSet("لكن", "ولكن", "لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم")

// negations before a verb (لم يوضح، لن يعلن، لا يزال): those that deny a
// cue (verbNegations), and ما.
var negations = func() map[string]bool {
	m := maps.Clone(verbNegations)
	maps.Copy(m, normSet("ما"))
	return m
}()

// stanceParticiples are circumstantial participles of stance that are not
// cues of content (رافضا توقع أي نتيجة، مبديا استعداده): like a cue
// participle they open the next attribution of the sentence.
var stanceParticiples = normSet("رافضا", "رافضة", "مبديا", "مبدية", "منتقدا", "منتقدة", "مستبعدا",
	"مستبعدة", "مرحبا", "مرحبة", "مناشدا", "مناشدة", "ملمحا", "ملمحة", "مستدركا", "مستدركة",
	"معترفا", "معترفة", "متوعدا", "متوعدة", "مهددا", "مهددة", "رافضاً", "مبدياً", "معرباً")

// withoutWords (دون، بدون، من دون) followed by saying (دون أن يكشف، من
// دون الكشف عن) tell what the speaker left unsaid: the writer's remark.
var withoutWords = normSet("دون", "بدون")

// sayingNounsOf are verbal nouns of saying after دون (من دون الكشف عن).
var sayingNounsOf = normSet("الكشف", "الإشارة", "الإفصاح", "التطرق", "الإدلاء", "ذكر", "تحديد",
	"توضيح", "الخوض", "إعطاء", "تقديم")

// opensClause reports whether word k opens a clause that reported speech
// started before it does not run into.
func (d *doc) opensClause(k int, lx lexicon) bool {
	w := d.words[k].Norm
	comma := d.hasAny(d.words[k-1].End, d.words[k].Start, "،,")
	switch {
	case d.opensContrast(k), d.namesSourceAfter(k, lx), d.ownComplement(k, lx), d.joinsNewSpeech(k, lx), d.participleCue(k, lx):
		return true
	case d.startsPhrase(k, transitionPhrases), comma && d.startsPhrase(k, commaPhrases):
		return true
	case contrastWords[w] && k+1 < len(d.words) && complementizers[d.words[k+1].Norm]:
		return comma || !d.negatedBefore(k) // لا يمكن إلا أن is "cannot but"
	case butWords[w]:
		return d.speechFollows(k+1, lx)
	case stanceParticiples[w]:
		return true
	case withoutWords[w] || w == "من" && k+1 < len(d.words) && withoutWords[d.words[k+1].Norm]:
		if w == "من" {
			k++
		}
		return comma || d.saysNext(k+1, lx)
	}
	return d.relativeRemark(k)
}

// negatedBefore reports whether one of the three words before word k is a
// negation (لا يمكن إلا أن، ليس غير أن).
func (d *doc) negatedBefore(k int) bool {
	for j := max(k-3, 0); j < k; j++ {
		if negations[d.words[j].Norm] || d.words[j].Norm == "ليس" {
			return true
		}
	}
	return false
}

// startsPhrase reports whether one of phrases starts at word k, its first
// word with or without a conjunction و.
func (d *doc) startsPhrase(k int, phrases [][]string) bool {
	for _, p := range phrases {
		if k+len(p) > len(d.words) {
			continue
		}
		first := d.words[k].Norm
		if first != p[0] && first != "و"+p[0] {
			continue
		}
		match := true
		for j, want := range p[1:] {
			match = match && d.words[k+1+j].Norm == want && d.onlySpace(d.words[k+j].End, d.words[k+1+j].Start)
		}
		if match {
			return true
		}
	}
	return false
}

// speechFollows reports whether word k reports speech or its absence: a
// cue, a negation right before one (لكنه لم يوضح; a negation before
// another verb is the speaker's own, لكنه لم يطال المدينة), or a verb taking the verbal
// noun of saying (لكنه حرص على القول، لكنه اكتفى بالقول).
func (d *doc) speechFollows(k int, lx lexicon) bool {
	if k >= len(d.words) {
		return false
	}
	if negations[d.words[k].Norm] && k+1 < len(d.words) {
		_, says := lx.match(d.words[k+1].Norm)
		return says // لكنه لم يوضح; لكنه لم يطال المدينة goes on with the speech
	}
	for j := k + 1; j < len(d.words) && j <= k+2; j++ {
		if sayingVerbalNouns[d.words[j].Norm] {
			return true
		}
	}
	_, ok := lx.match(d.words[k].Norm)
	return ok
}

// sayingVerbalNouns are the verbal noun of قال as the object of another
// verb (حرص على القول، اكتفى بالقول).
var sayingVerbalNouns = normSet("القول", "بالقول")

// saysNext reports whether saying follows دون at word k: أن and a cue (دون
// أن يكشف) or a verbal noun of saying (دون الكشف).
func (d *doc) saysNext(k int, lx lexicon) bool {
	if k >= len(d.words) {
		return false
	}
	if sayingNounsOf[d.words[k].Norm] {
		return true
	}
	if d.words[k].Norm == "ان" && k+1 < len(d.words) {
		return lx.present(d.words[k+1].Norm)
	}
	return false
}

// present reports whether a normalized word is a cue or the present tense
// of a listed past cue (يكشف of كشف، يعلن of أعلن، توضح of أوضح).
func (lx lexicon) present(norm string) bool {
	if _, ok := lx.match(norm); ok {
		return true
	}
	rs := []rune(norm)
	if len(rs) < 4 || rs[0] != 'ي' && rs[0] != 'ت' {
		return false
	}
	_, bare := lx[string(rs[1:])]
	_, hamzated := lx["ا"+string(rs[1:])]
	return bare || hamzated
}

// relativeRemark reports whether word k opens the writer's remark on what
// was said: وهو الادعاء الذي ...، وهي الخطوة التي ....
func (d *doc) relativeRemark(k int) bool {
	w := d.words[k].Norm
	if (w != "وهو" && w != "وهي") || k+2 >= len(d.words) {
		return false
	}
	noun, rel := d.words[k+1].Norm, d.words[k+2].Norm
	return stripArticle(noun) != noun && (rel == "الذي" || rel == "التي")
}

// continuesSpeech reports whether the sentence that word k opens still
// depends on the cue before it: it opens with و and a complementizer
// (وأن إدارته تسعى ...), a second object of the same verb; وإن كان is
// "even if".
func (d *doc) continuesSpeech(k int) bool {
	if k >= len(d.words) {
		return false
	}
	rest, ok := strings.CutPrefix(d.words[k].Norm, "و")
	return ok && complementizers[rest] && !(k+1 < len(d.words) && kana[d.words[k+1].Norm])
}
