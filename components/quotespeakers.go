package components

import (
	"context"
	"fmt"
	"strings"

	"github.com/rivo/uniseg"

	"hashiya/db"
)

// Who each layer says said each quotation, for Compare in the text: a
// QUOTE's chip there names its speaker in the words of the annotation
// view's chips (chips.js), and a quotation whose layers name different
// speakers is in dispute, even where every layer marked it alike.

// saidBy is who a layer says said a quotation, as a QUOTE's chip names
// it (chips.js): the entity a pronoun or unnamed source refers to, else
// the speaker's own text; no speaker confirmed not in the text; or none.
type saidBy struct {
	Name      string
	Pronoun   string // the speaker's own text when Name is what it refers to
	NotInText bool
	// Head is where the quotation's first segment stands: a joined
	// quotation is counted once, not once a segment.
	Head [2]int
	// answer is what layers are compared on: the speaker's extent (with
	// its referent's), "not in the text", or "" for no speaker. Each
	// layer has its own span ids, so extents are compared, not ids.
	answer string
}

// chipName is what a chip calls the speaker, isolated as chips.js
// writes it: the name's last words (chips.js's longest form, two words
// in 18 letters at most, or its next, one in 10), "not in text", or "?".
func (s saidBy) chipName(words, most int) string {
	switch {
	case s.Name != "":
		return isolate(shortName(s.Name, words, most))
	case s.NotInText:
		return isolate("not in text")
	}
	return isolate("?")
}

// words says who said it in a sentence's words, the name whole.
func (s saidBy) words(ctx context.Context) string {
	switch {
	case s.Pronoun != "":
		return Tf(ctx, "said by %s, that is %s", isolate(s.Pronoun), isolate(s.Name))
	case s.Name != "":
		return Tf(ctx, "said by %s", isolate(s.Name))
	case s.NotInText:
		return T(ctx, "speaker not in the text")
	}
	return T(ctx, "no speaker yet")
}

// layerSaid is who l says said each of its quotations, by the id of
// each QUOTE span: every segment of a joined quotation says the same.
func layerSaid(l db.Layer) map[int64]saidBy {
	out := map[int64]saidBy{}
	extent := func(i int) string { return fmt.Sprintf("%d-%d", l.Spans[i].Start, l.Spans[i].End) }
	for _, q := range db.Quotations(l) {
		var s saidBy
		switch {
		case q.Speaker >= 0:
			s.Name, s.answer = l.Spans[q.Speaker].Text, extent(q.Speaker)
			if q.Referent >= 0 {
				s.Pronoun = s.Name
				s.Name, s.answer = l.Spans[q.Referent].Text, s.answer+"→"+extent(q.Referent)
			}
		case q.NotInText:
			s.NotInText, s.answer = true, "not in the text"
		}
		head := l.Spans[q.Segments[0]]
		s.Head = [2]int{head.Start, head.End}
		for _, i := range q.Segments {
			out[l.Spans[i].ID] = s
		}
	}
	return out
}

// layerSays is what one layer says of a quotation's speaker.
type layerSays struct {
	Layer string
	Said  saidBy
}

// quoteSpeakers are, for each QUOTE span's start and end, what each
// layer holding a QUOTE there says of its speaker, gold first, then
// the users' layers by name. A quotation's speaker is disputed when
// they differ (speakerDisputed).
func (r Review) quoteSpeakers() map[[2]int][]layerSays {
	return placeSpeakers(Compare{Review: r}.layers())
}

// placeSpeakers is quoteSpeakers of layers, in their order.
func placeSpeakers(layers []compareLayer) map[[2]int][]layerSays {
	out := map[[2]int][]layerSays{}
	for _, l := range layers {
		for _, s := range l.spans {
			if said, ok := l.said[s.ID]; ok {
				place := [2]int{s.Start, s.End}
				out[place] = append(out[place], layerSays{l.name, said})
			}
		}
	}
	return out
}

// speakerDisputed reports whether the layers holding a quotation name
// different speakers for it (a speaker, none, or not in the text).
func speakerDisputed(says []layerSays) bool {
	for _, s := range says {
		if s.Said.answer != says[0].Said.answer {
			return true
		}
	}
	return false
}

// othersSaying are the layers holding a quotation (says, as
// quoteSpeakers gives them) that name another speaker than own: none
// when they all agree.
func othersSaying(says []layerSays, own saidBy) []layerSays {
	var out []layerSays
	for _, s := range says {
		if s.Said.answer != own.answer {
			out = append(out, s)
		}
	}
	return out
}

// saidGroup is one answer of others and the layers giving it, each
// name isolated.
type saidGroup struct {
	Layers string // "karim, layla"
	Said   saidBy
}

// grouped gathers others by their answer, in the order they come.
func grouped(others []layerSays) []saidGroup {
	var out []saidGroup
	at := map[string]int{}
	for _, o := range others {
		i, ok := at[o.Said.answer]
		if !ok {
			i, at[o.Said.answer] = len(out), len(out)
			out = append(out, saidGroup{Said: o.Said})
		} else {
			out[i].Layers += ", "
		}
		out[i].Layers += isolate(o.Layer)
	}
	return out
}

// chipOthers is what a QUOTE's chip adds after its speaker where
// layers say otherwise: "≠ gold: ?", "≠ karim, layla: صباح النعمان;
// omar: ?"; "" when none does.
func chipOthers(others []layerSays) string {
	if len(others) == 0 {
		return ""
	}
	var parts []string
	for _, g := range grouped(others) {
		// The others' names are shorter, to keep the chip within a
		// phone's line: each stands whole in its own layer's line.
		parts = append(parts, g.Layers+": "+g.Said.chipName(1, 10))
	}
	return " ≠ " + strings.Join(parts, "; ")
}

// othersWords says in words what the layers saying otherwise say, the
// names whole: "gold: no speaker yet; layla: said by صباح النعمان".
func othersWords(ctx context.Context, others []layerSays) string {
	var parts []string
	for _, g := range grouped(others) {
		parts = append(parts, g.Layers+": "+g.Said.words(ctx))
	}
	return strings.Join(parts, "; ")
}

// shortName is name's last words (a name ends an Arabic title: "الناطق
// باسم الجهاز صباح النعمان" is صباح النعمان), at most max letters, an
// ellipsis marking where it was cut, as chips.js cuts it. Letters are
// cut whole, never a letter from its marks.
func shortName(name string, words, most int) string {
	all := strings.Fields(name)
	kept := strings.Join(all[max(0, len(all)-words):], " ")
	var letters []string
	for g := uniseg.NewGraphemes(kept); g.Next(); {
		letters = append(letters, g.Str())
	}
	if len(letters) > most {
		kept = strings.TrimRight(strings.Join(letters[:most-1], ""), " ") + "…"
	}
	if len(all) > words {
		return "…" + kept
	}
	return kept
}
