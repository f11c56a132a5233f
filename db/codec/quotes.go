package codec

import (
	"encoding/json"
	"sort"
)

// Quotation is one quotation of a layer: its QUOTE spans (a quotation
// interrupted by its cue is several, joined by "segment" relations), its
// type, its speaker (with the entity a pronoun or unnamed source refers
// to, by a "refers_to" relation) and its cue. Spans are indexes into the
// ExportDoc's Spans.
type Quotation struct {
	Segments []int // in text order; the first is the quotation's head
	Type     *string
	// NotInText: the annotator confirmed the speaker is not in the text
	// (the head's attribute "speaker_in_text": false).
	NotInText bool
	Speaker   int // -1 when none
	Referent  int // what the speaker refers to; -1 when none
	Cue       int // -1 when none
}

// Quotations groups a layer's QUOTE spans into quotations, in text order.
// A speaker or cue relation from any segment counts for the quotation.
func Quotations(d ExportDoc) []Quotation {
	byID := map[int64]int{}
	for i, sp := range d.Spans {
		byID[sp.ID] = i
	}
	head := map[int]int{} // QUOTE span -> its quotation's first segment
	var find func(int) int
	find = func(i int) int {
		if h, ok := head[i]; ok && h != i {
			head[i] = find(h)
			return head[i]
		}
		return i
	}
	for _, r := range d.Relations {
		a, okA := byID[r.From]
		b, okB := byID[r.To]
		if r.Type != "segment" || !okA || !okB {
			continue
		}
		a, b = find(a), find(b)
		if d.Spans[b].Start < d.Spans[a].Start {
			a, b = b, a
		}
		if a != b {
			head[b] = a
		}
	}
	links := map[int]map[string]int{} // span -> relation type -> target span
	for _, r := range d.Relations {
		from, okF := byID[r.From]
		to, okT := byID[r.To]
		if !okF || !okT || r.Type == "segment" {
			continue
		}
		if d.Spans[from].Label == "QUOTE" {
			from = find(from)
		}
		if links[from] == nil {
			links[from] = map[string]int{}
		}
		if _, seen := links[from][r.Type]; !seen {
			links[from][r.Type] = to
		}
	}
	return group(d, find, links)
}

func group(d ExportDoc, find func(int) int, links map[int]map[string]int) []Quotation {
	segs := map[int][]int{}
	var heads []int
	for i, sp := range d.Spans {
		if sp.Label != "QUOTE" {
			continue
		}
		h := find(i)
		if _, ok := segs[h]; !ok {
			heads = append(heads, h)
		}
		segs[h] = append(segs[h], i)
	}
	sort.Slice(heads, func(i, j int) bool { return d.Spans[heads[i]].Start < d.Spans[heads[j]].Start })
	target := func(from int, typ string) int {
		if to, ok := links[from][typ]; ok {
			return to
		}
		return -1
	}
	out := make([]Quotation, 0, len(heads))
	for _, h := range heads {
		s := segs[h]
		sort.Slice(s, func(i, j int) bool { return d.Spans[s[i]].Start < d.Spans[s[j]].Start })
		q := Quotation{Segments: s, Type: quoteType(d, s), NotInText: notInText(d.Spans[h].Attributes), Speaker: target(h, "speaker"), Cue: target(h, "cue"), Referent: -1}
		if q.Speaker >= 0 {
			q.Referent = target(q.Speaker, "refers_to")
		}
		out = append(out, q)
	}
	return out
}

// Unattributed reports whether a quotation still needs its speaker: none
// is linked and nobody confirmed it is not in the text.
func (q Quotation) Unattributed() bool { return q.Speaker < 0 && !q.NotInText }

// quoteType reads a quotation's "type" from its head, else from the
// first segment in the text that has one: a quotation joined after its
// later part was typed keeps that type, which the editor shows on the
// head only until someone sets it there.
func quoteType(d ExportDoc, segments []int) *string {
	for _, i := range segments {
		var a struct {
			Type *string `json:"type"`
		}
		if json.Unmarshal(d.Spans[i].Attributes, &a) == nil && a.Type != nil {
			return a.Type
		}
	}
	return nil
}

// notInText reads a quotation head's "speaker_in_text": false when an
// annotator confirmed its speaker is not in the text.
func notInText(attrs json.RawMessage) bool {
	var a struct {
		SpeakerInText *bool `json:"speaker_in_text"`
	}
	return json.Unmarshal(attrs, &a) == nil && a.SpeakerInText != nil && !*a.SpeakerInText
}

// The quotes export format: one line per quotation.

type quoteLine struct {
	DocID         string     `json:"doc_id"`
	Layer         string     `json:"layer,omitempty"`
	Quote         quoteBody  `json:"quote"`
	Speaker       *quotePart `json:"speaker"`
	SpeakerInText bool       `json:"speaker_in_text"`
	Cue           *quotePart `json:"cue"`
}

type quoteBody struct {
	Segments []quoteSegment `json:"segments"`
	Type     *string        `json:"type"`
}

type quoteSegment struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type quotePart struct {
	ID       int64      `json:"id"`
	Start    int        `json:"start"`
	End      int        `json:"end"`
	Text     string     `json:"text"`
	Label    string     `json:"label"`
	RefersTo *quotePart `json:"refers_to,omitempty"`
}

func quoteLines(d ExportDoc, texts []string, layer string) []any {
	part := func(i int) *quotePart {
		if i < 0 {
			return nil
		}
		sp := d.Spans[i]
		return &quotePart{ID: sp.ID, Start: sp.Start, End: sp.End, Text: texts[i], Label: sp.Label}
	}
	qs := Quotations(d)
	out := make([]any, 0, len(qs))
	for _, q := range qs {
		// The speaker is in the text unless someone confirmed it is not: a
		// quotation nobody has attributed yet still has its speaker there.
		line := quoteLine{DocID: d.ExternalID, Layer: layer, Quote: quoteBody{Type: q.Type}, Speaker: part(q.Speaker),
			SpeakerInText: q.Speaker >= 0 || !q.NotInText, Cue: part(q.Cue)}
		for _, i := range q.Segments {
			line.Quote.Segments = append(line.Quote.Segments, quoteSegment{Start: d.Spans[i].Start, End: d.Spans[i].End, Text: texts[i]})
		}
		if line.Speaker != nil {
			line.Speaker.RefersTo = part(q.Referent)
		}
		out = append(out, line)
	}
	return out
}
