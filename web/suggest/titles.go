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
