package suggest

// A body named in quotation marks inside a speaker's title (وقال أنسيلم
// جودينهو ، مدير عام " إنترناشيونال كونفرينسز آند إكزيبيشنز " المنظمة
// للمعرض : " كان ...) is a name, not a quotation: the speaker's own words
// follow the colon after it, in marks of their own.

// maxTitleTail is the most words between a name's closing mark and the
// colon that ends the speaker's title.
const maxTitleTail = 4

// namesBeforeColon reports whether a pair of up to six words, not
// introduced as speech, is followed within maxTitleTail words of the same
// clause, none of them a cue (" ... " وأضاف :), by a colon and an opening
// mark.
func (d *doc) namesBeforeColon(p markPair, n int, lx lexicon) bool {
	if n > 6 || d.introduced(d.markStart(p.Open), lx) {
		return false
	}
	i := p.Close + 1
	for k := d.wordAt(i); k < len(d.words) && k <= d.wordAt(i)+maxTitleTail; k++ {
		for ; i < d.words[k].Start; i++ {
			if d.rs[i] == ':' {
				return d.opensMarkAfter(i + 1)
			}
			if isRune(d.rs[i], clausePunct) || isRune(d.rs[i], quoteMarks) {
				return false
			}
		}
		if _, isCue := lx.match(d.words[k].Norm); isCue {
			return false
		}
		i = d.words[k].End
	}
	return false
}

// opensMarkAfter reports whether a quotation mark follows pos past spaces.
func (d *doc) opensMarkAfter(pos int) bool {
	for pos < len(d.rs) && d.rs[pos] == ' ' {
		pos++
	}
	return pos < len(d.rs) && isRune(d.rs[pos], quoteMarks)
}
