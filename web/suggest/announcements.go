package suggest

import "strings"

// announceCues take what they make known through عن (أعلن عن، كشف عن).
// What follows is reported speech when it is an event, a state of affairs
// or a plan (أعلنت الجامعة عن بدء الدروس، كشفت الوزارة عن خطة جديدة);
// a number of things made known is no one's words (أعلن عن مشروعات
// عديدة، كشفت عن عدد من المراكز الجديدة).
var announceCues = normSet("أعلن", "معلنا", "كشف", "كاشفا")

// countNouns count the things after them (عدد من، مجموعة من).
var countNouns = normSet("عدد", "مجموعة", "سلسلة", "حزمة", "قائمة", "عشرات", "مئات", "آلاف", "الاف")

// announcesThing reports whether word k is عن after an announcing cue
// base and the word after it counts things or is a bare plural in ات
// not shaped like a verbal noun (مشروعات، منتجات; but تحركات، إصابات
// name events).
func (d *doc) announcesThing(base string, k int) bool {
	if !announceCues[base] || d.words[k].Norm != "عن" || k+1 >= len(d.words) {
		return false
	}
	next := d.words[k+1].Norm
	if countNouns[next] {
		return true
	}
	return !strings.HasPrefix(next, "ال") && strings.HasSuffix(next, "ات") && !verbalNounShaped(next)
}

// verbalNounShaped reports whether a normalized word, without the article
// or a possessive pronoun, is a listed verbal noun or has the shape of a
// derived one: تفعيل، تفاعل، تفعّل (ت and at least three more letters),
// إفعال، افتعال، انفعال، استفعال (ا and at least four more), or an
// abstract noun in ية (إمكانية).
func verbalNounShaped(norm string) bool {
	if isContentNoun(norm) {
		return true
	}
	n := stripArticle(norm)
	for _, suffix := range []string{"هما", "هم", "ها", "ه"} {
		if stem, ok := strings.CutSuffix(n, suffix); ok && len([]rune(stem)) > 3 {
			n = stem
			break
		}
	}
	size := len([]rune(n))
	return strings.HasPrefix(n, "ت") && size >= 4 || strings.HasPrefix(n, "ا") && size >= 5 || strings.HasSuffix(n, "ية")
}

// takesContentPrep reports whether subject s of cue c, explicit and
// delimited, is followed by c's own preposition (وأعلن الدكتور سعيد راتب
// عن مشروعات ...): even when nothing after it is proposed as speech, the
// one named speaks, and a later cue without subject (وأعلن أنه) is theirs.
func (d *doc) takesContentPrep(c cue, s subject) bool {
	if s.Start >= s.End || s.TooLong {
		return false
	}
	k := d.wordAt(s.End)
	return k < len(d.words) && d.onlySpace(s.End, d.words[k].Start) && contentPreps[c.base][d.words[k].Norm]
}
