package suggest

// Rules that keep a word of the cue list from being proposed as a cue, or
// tell a cue word's preposition from the same word meaning "between".

// relatives open a relative clause (الوثيقة التي كشفت عنها الصحيفة): a cue
// right after one refers back to its noun, and is an attribution only
// when reported speech follows it (الكلمة التي أكد فيها الوزير أن ...).
var relatives = normSet("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي")

// verbNegations deny the speech (لم يوضح، لن يعلن): negated or refused
// speech is not an attribution.
var verbNegations = normSet("لم", "لن", "لا", "ولم", "ولن", "ولا")

// demonstratives after بين make it "between" (بين هذين المنتخبين).
var demonstratives = normSet("هذا", "هذه", "هذين", "هاتين", "ذلك", "تلك", "هؤلاء", "هذان", "هاتان")

// notCue reports whether word i, a cue word with base form base, is not a
// cue here: the writer's own first person (أعترف أن); after قيل (قيل وقال
// is "hearsay"); negated (لم يوضح، دون أن يكشف); or after a relative
// pronoun with no reported speech following.
func (d *doc) notCue(lx lexicon, base string, i int) bool {
	if (ambiguousCues[base] || marksOnlyCues[base]) && !d.hasComplement(lx, base, i) ||
		impersonalNouns[base] && !d.impersonalNounCue(i) {
		return true
	}
	if d.firstPerson(base, i) {
		return true
	}
	if i == 0 || !d.onlySpace(d.words[i-1].End, d.words[i].Start) {
		return false
	}
	prev := d.words[i-1].Norm
	switch {
	case prev == "قيل", verbNegations[prev]:
		return true
	case prev == "ان" && i > 1 && withoutWords[d.words[i-2].Norm]:
		return true
	case relatives[prev]:
		return !d.hasComplement(lx, base, i)
	}
	return false
}

// restates reports whether word i, the participle قائلا after the finite
// verb of cue prev in the same sentence (وأضاف الوزير قائلا، وصرح فيرجسون
// للصحيفة قائلا), only restates that verb: no complementizer or colon
// stands between them, so the verb's speech is what قائلا introduces.
func (d *doc) restates(prev cue, base string, i int, lx lexicon) bool {
	if base != normalize([]rune("قائلا")) || prev.base == "" || isParticiple(prev.base) ||
		d.hasSentenceEnd(prev.End, d.words[i].Start) || d.hasAny(prev.End, d.words[i].Start, ":") {
		return false
	}
	first := d.wordAt(prev.End)
	if i-first > 12 {
		return false
	}
	for k, w := range d.words[first:i] {
		if complementizers[w.Norm] || d.isContentPrep(prev.base, first+k) {
			return false // وحذر من تشكيل ...، قائلا: the verb has its own content
		}
		if _, ok := lx.match(w.Norm); ok {
			return false
		}
	}
	return true
}

// markBeforeEnd reports whether start..end, the gap between two words,
// holds a colon or a quotation mark before any sentence end: a mark after
// the full stop opens the next sentence's quotation, not this cue's.
func (d *doc) markBeforeEnd(start, end int) bool {
	for i := max(start, 0); i < end && i < len(d.rs); i++ {
		switch {
		case d.isSentenceEnd(i):
			return false
		case isRune(d.rs[i], ":"+quoteMarks):
			return true
		}
	}
	return false
}

// between reports whether word k, after the cue word بين at i, shows that
// بين means "between": a demonstrative right after it (بين هذين
// المنتخبين), or a second term joined by و before any complement (بين
// صبري وعنان). Only the bare form is ambiguous: بينت، بينوا are verbs.
func (d *doc) between(i, k int) bool {
	if w := d.words[i].Norm; w != "بين" && w != "وبين" && w != "فبين" {
		return false
	}
	norm := d.words[k].Norm
	if k == i+1 {
		return demonstratives[norm]
	}
	rest, ok := cutConj(norm)
	return ok && !complementizers[rest] && !complementizers[norm]
}

// waslBases are cue verbs whose past begins with a hamza-less alif
// (اعترف، اعتبر، اعتقد): the same letters after أ are the first person
// of the present (أعترف، أعتبر), the writer speaking for himself.
var waslBases = normSet("اعترف", "اعتبر", "اعتقد")

// firstPerson reports whether word i, of cue base base, is written as the
// first person of a waslBases verb: the writer's own view, which names no
// one else's speech.
func (d *doc) firstPerson(base string, i int) bool {
	if !waslBases[base] {
		return false
	}
	rs := d.rs[d.words[i].Start:d.words[i].End]
	if len(rs) > 1 && (rs[0] == 'و' || rs[0] == 'ف') && rs[1] == 'أ' {
		rs = rs[1:]
	}
	return len(rs) > 0 && rs[0] == 'أ'
}
