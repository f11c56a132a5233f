package suggest

import "strings"

// workNouns name a work (a book, a poem, a song, a film, a programme) or
// its title: marked words right after one of them are the work's title,
// not someone's words (قصيدته " هوامش على دفتر النكسة "، أغنية " هل
// تعرف ... "، واسمه " انهيار الحواجز ... "). عنوان is left out: an
// article's headline (افتتاحية حملت عنوان " ... ") is its writer's words.
var workNouns = normSet("كتاب", "كتيب", "رواية", "قصيدة", "ديوان", "أغنية", "اغنية", "نشيد", "فيلم",
	"مسرحية", "مسلسل", "برنامج", "مقال", "مقالة", "أطروحة", "اطروحة", "ألبوم", "البوم", "ملحمة", "لوحة",
	"اسم", "يسمى", "تسمى", "المسمى", "المسماة", "سماه", "سماها")

// maxTitleWords is the longest work title read as a title: a song's or
// a book's may be a whole sentence (" هل تعرف ماذا يعني أن تفتقد نيو
// أورليانز ").
const maxTitleWords = 10

// titlesWork reports whether normalized word w, the word right before an
// opening mark, is a work noun, with or without و, a joined ب or ل, the
// article or a possessive pronoun (بكتاب، لروايته، قصيدتها، واسمه).
func titlesWork(w string) bool {
	w, _ = cutConj(w)
	if rest, ok := withoutL(w); ok {
		w = rest
	} else if rest, ok := strings.CutPrefix(w, "ب"); ok && len([]rune(rest)) > 2 {
		w = rest
	}
	if workNouns[w] {
		return true
	}
	n := stripArticle(w)
	for _, suffix := range []string{"هما", "هم", "ها", "ه"} {
		if stem, ok := strings.CutSuffix(n, suffix); ok && len([]rune(stem)) > 1 {
			n = stem
			break
		}
	}
	if stem, ok := strings.CutSuffix(n, "ت"); ok && !workNouns[n] {
		n = stem + "ة" // قصيدته: the ة of قصيدة is written ت before a pronoun
	}
	return workNouns[n]
}
