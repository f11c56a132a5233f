package suggest

import "strings"

// A reported clause ends where the writer reports a second speech act
// with و and a finite verb of saying, comma or not: قال إن القنابل ما
// زالت تشكل خطرا ووصف استخدامها بأنه " ... "، أكدت قطر أنه لا يمكنها
// تأييد النص وقال ممثلها ... إنه " ... ". startsAttribution looks only
// eight words ahead for the new verb's complement, and leaves out the
// cues that are also nouns (وصف "description"); a verb with its
// conjunction, its subject and a complementizer after it is a clause of
// its own however long the subject, and وصف with بأن is the verb.

// newSpeechReach is how many words a joined verb of saying may stand
// before its complementizer: a subject with a title and a name and an
// adjunct (ممثل قطر جمال ناصر البدر شارحا امتناعه عن التصويت امام المجلس).
const newSpeechReach = 14

// joinsNewSpeech reports whether word k, after another word of the same
// sentence, is a past verb of saying with its conjunction و whose own
// complementizer follows within newSpeechReach words.
func (d *doc) joinsNewSpeech(k int, lx lexicon) bool {
	w := d.words[k].Norm
	rest, ok := strings.CutPrefix(w, "و")
	if !ok || k == 0 {
		return false
	}
	base, ok := lx[rest]
	if !ok || base != rest || isParticiple(base) || pastCue(base) == false {
		return false
	}
	for j := k + 1; j < len(d.words) && j <= k+newSpeechReach; j++ {
		if d.hasSentenceEnd(d.words[j-1].End, d.words[j].Start) || clauseWords[d.words[j].Norm] {
			return false
		}
		if complementizers[d.words[j].Norm] {
			return !notComplementizer[d.words[j-1].Norm]
		}
		if _, cue := lx.match(d.words[j].Norm); cue {
			return false
		}
	}
	return false
}

// participleCue reports whether word k is the participle of a verb of
// saying that is no noun (مؤكدا، مشيرا، موضحا): with or without a comma
// before it, it opens the speaker's next attribution in the sentence (أشار
// إلى أنه يدعم الطلب مؤكدا الحاجة إلى التحرك), whatever its complement.
func (d *doc) participleCue(k int, lx lexicon) bool {
	base, ok := lx.match(d.words[k].Norm)
	return ok && base == d.words[k].Norm && isParticiple(base) && !ambiguousCues[base]
}

// pastCue reports whether a listed cue is a past-tense verb: not a
// present (يقول، تقول) nor a verbal noun (إعلان).
func pastCue(base string) bool {
	rs := []rune(base)
	return len(rs) >= 3 && rs[0] != 'ي' && rs[0] != 'ت' && !strings.HasPrefix(base, "إ") && !strings.HasPrefix(base, "ال")
}
