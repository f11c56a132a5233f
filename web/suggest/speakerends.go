package suggest

import "strings"

// More words that end a speaker's noun phrase after its cue, read off the
// seventh dev set's speakers that ran on into the sentence.

// mannerWords are accusatives telling how or why the subject spoke, never
// part of its name or title: وقال ممثل قطر سالم شارحا امتناعه إن، قالت
// الناطقة باسم الوزارة ردا على سؤال إن، وأضاف متمنيا للأدب أن. The stance
// participles (رافضا، مبديا) do the same.
var mannerWords = normSet("ردا", "رداً", "تعليقا", "تعليقاً", "شارحا", "شارحاً", "شارحة", "متمنيا",
	"متمنياً", "متمنية", "معربا", "معربة", "مبررا", "مبررة", "معللا", "معللة")

// mannerPhrases are ب with a noun of feeling or of voice, telling how the
// subject spoke (وأضاف الإمام بحزن شديد وبلغة عربية سليمة أنه): never part
// of a name or title.
var mannerPhrases = normSet("بحزن", "بأسف", "بأسى", "بمرارة", "بغضب", "بصراحة", "بوضوح", "بلهجة",
	"بلغة", "بصوت", "بثقة", "بفخر", "بحماس", "بحسرة", "بهدوء")

// endsSpeakerPhrase reports whether word w, the nth of a subject phrase,
// ends it: a word or phrase of manner, or, first, a bare verbal noun of the form
// استفعال (ووصف استخدام إسرائيل للقنابل بأنه) or the veil of an idiom of
// revealing (كشفا النقاب عن): the object of a cue whose subject is left
// out, never a speaker.
func endsSpeakerPhrase(norm string, n int) bool {
	if mannerWords[norm] || mannerPhrases[norm] || stanceParticiples[norm] {
		return true
	}
	return n == 0 && (isBareIstifal(norm) || veilNouns[norm])
}

// veilNouns are the objects of the idioms of revealing (كشف النقاب عن،
// أزاح الستار عن، أماط اللثام عن): right after the cue they are its
// object, and its subject is left out.
var veilNouns = normSet("النقاب", "الستار", "الستارة", "اللثام")

// isBareIstifal reports whether a word without the article has the shape
// of a verbal noun استفعال: است, three root letters with ا before the
// last (استخدام، استمرار، استهداف), with or without a pronoun
// (استخدامها).
func isBareIstifal(norm string) bool {
	rest, ok := strings.CutPrefix(norm, "است")
	if !ok {
		return false
	}
	for _, p := range append([]string{""}, objectPronouns...) {
		if rs := []rune(strings.TrimSuffix(rest, p)); len(rs) == 4 && rs[2] == 'ا' {
			return true
		}
	}
	return false
}
