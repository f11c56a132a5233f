package suggest

import "strings"

// A speaker who expresses a hope or a belief (أعرب داليما عن أمله في أن
// تعيد فرنسا النظر، واعرب خبراء عن اعتقادهم بان المحاكمة ستمتد) reports
// the clause after its complementizer, which the annotators take as
// indirect speech even without marks: أعرب, a cue only before marks
// otherwise, then opens unmarked content.

// expressingCues are the cues of expressing (أعرب عن).
var expressingCues = normSet("أعرب", "يعرب", "معربا")

// beliefNouns name a hope, a belief or a fear held about a proposition.
var beliefNouns = normSet("أمل", "امل", "اعتقاد", "ثقة", "قناعة", "تفاؤل", "خشية", "قلق", "أسف", "اسف")

// beliefReach is how many words after the cue عن may stand: the subject
// comes between (وأعرب المتحدث باسم الخارجية توم كايسي عن أمله).
const beliefReach = 10

// expressedBelief reports whether word i, a cue of expressing, is followed
// in its sentence by عن, a belief noun with its pronoun or article, and
// a complementizer, right after it or after في, with unmarked words after
// it.
func (d *doc) expressedBelief(i int) bool {
	for k := i + 1; k+2 < len(d.words) && k <= i+beliefReach; k++ {
		if d.hasSentenceEnd(d.words[k-1].End, d.words[k].Start) {
			return false
		}
		if d.words[k].Norm != "عن" || !isBeliefNoun(d.words[k+1].Norm) {
			continue
		}
		c := k + 2
		if (d.words[c].Norm == "في" || d.words[c].Norm == "فى") && c+1 < len(d.words) {
			c++
		}
		if !complementizers[d.words[c].Norm] || c+1 >= len(d.words) {
			return false
		}
		_, unmarked := d.contentAfter(c) // أعرب عن الأمل في أن " ... ": only the marked words
		return unmarked
	}
	return false
}

// isBeliefNoun reports whether a normalized word is a belief noun with
// the article or a possessive pronoun (الأمل، أمله، اعتقادهم).
func isBeliefNoun(norm string) bool {
	n := stripArticle(norm)
	if beliefNouns[n] {
		return true
	}
	for _, suffix := range []string{"هما", "هم", "ها", "ه"} {
		if stem, ok := strings.CutSuffix(n, suffix); ok && beliefNouns[stem] {
			return true
		}
	}
	return false
}
