package codec

import (
	"encoding/json"
	"sort"
)

// The quotes format writes one line per quotation, for training quote
// attribution: its segments (a quotation interrupted by its cue is one
// quote of several QUOTE spans joined by "segment" relations), its type,
// its speaker (with the entity a pronoun or unnamed source refers to, by a
// "refers_to" relation) and its cue.

type quoteLine struct {
	DocID         string     `json:"doc_id"`
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

// quoteLines groups a document's QUOTE spans into quotations and attaches
// each one's speaker and cue.
func quoteLines(d ExportDoc, texts []string) []any {
	byID := map[int64]int{}
	for i, sp := range d.Spans {
		byID[sp.ID] = i
	}
	head := map[int64]int64{} // QUOTE span id -> id of its quotation's first segment
	var find func(int64) int64
	find = func(id int64) int64 {
		if h, ok := head[id]; ok && h != id {
			head[id] = find(h)
			return head[id]
		}
		return id
	}
	for _, r := range d.Relations {
		if r.Type == "segment" {
			a, b := find(r.From), find(r.To)
			if d.Spans[byID[b]].Start < d.Spans[byID[a]].Start {
				a, b = b, a
			}
			head[b] = a
		}
	}
	links := map[int64]map[string]int64{} // quotation head -> relation type -> target span
	for _, r := range d.Relations {
		if r.Type == "speaker" || r.Type == "cue" || r.Type == "refers_to" {
			from := r.From
			if d.Spans[byID[from]].Label == "QUOTE" {
				from = find(from)
			}
			if links[from] == nil {
				links[from] = map[string]int64{}
			}
			if _, seen := links[from][r.Type]; !seen {
				links[from][r.Type] = r.To
			}
		}
	}
	partOf := func(id int64) *quotePart {
		i := byID[id]
		sp := d.Spans[i]
		return &quotePart{ID: sp.ID, Start: sp.Start, End: sp.End, Text: texts[i], Label: sp.Label}
	}
	groups := map[int64][]quoteSegment{}
	var heads []int64
	for i, sp := range d.Spans {
		if sp.Label != "QUOTE" {
			continue
		}
		h := find(sp.ID)
		if _, ok := groups[h]; !ok {
			heads = append(heads, h)
		}
		groups[h] = append(groups[h], quoteSegment{Start: sp.Start, End: sp.End, Text: texts[i]})
	}
	sort.Slice(heads, func(i, j int) bool { return d.Spans[byID[heads[i]]].Start < d.Spans[byID[heads[j]]].Start })
	out := make([]any, 0, len(heads))
	for _, h := range heads {
		segs := groups[h]
		sort.Slice(segs, func(i, j int) bool { return segs[i].Start < segs[j].Start })
		line := quoteLine{DocID: d.ExternalID, Quote: quoteBody{Segments: segs, Type: quoteType(d.Spans[byID[h]].Attributes)}}
		if id, ok := links[h]["speaker"]; ok {
			line.Speaker, line.SpeakerInText = partOf(id), true
			if ref, ok := links[id]["refers_to"]; ok {
				line.Speaker.RefersTo = partOf(ref)
			}
		}
		if id, ok := links[h]["cue"]; ok {
			line.Cue = partOf(id)
		}
		out = append(out, line)
	}
	return out
}

// quoteType reads the "type" attribute of a quotation's first segment.
func quoteType(attrs json.RawMessage) *string {
	var a struct {
		Type *string `json:"type"`
	}
	if json.Unmarshal(attrs, &a) != nil {
		return nil
	}
	return a.Type
}
