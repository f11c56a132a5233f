package codec

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"hashiya/offsets"
)

// rawSpan is one span as a file wrote it, before any check, with the key
// names of its offsets so messages use the file's own words.
type rawSpan struct {
	ref, start, end, label, text, attributes json.RawMessage
	startKey, endKey                         string
}

// rawRelation is one relation as a file wrote it.
type rawRelation struct {
	typ, from, to  json.RawMessage
	fromKey, toKey string
}

// native reads Hashiya's own shape: "spans" and "relations" whose from/to
// name span ids.
func (p *lineParser) native(f map[string]json.RawMessage) {
	p.eachObject(f, "spans", "span", func(n int, m map[string]json.RawMessage) {
		p.addSpan(n, rawSpan{ref: m["id"], start: m["start"], end: m["end"], label: m["label"],
			text: m["text"], attributes: m["attributes"], startKey: "start", endKey: "end"})
	})
	p.eachObject(f, "relations", "relation", func(n int, m map[string]json.RawMessage) {
		p.addRelation(n, rawRelation{typ: m["type"], from: m["from"], to: m["to"], fromKey: "from", toKey: "to"})
	})
}

// doccano reads doccano's sequence-labelling shape: "label" holds
// [start, end, "LABEL"] triples.
func (p *lineParser) doccano(f map[string]json.RawMessage) {
	items, ok := arrayValue(f["label"])
	if !ok {
		p.fail(`"label" must be an array of [start, end, "LABEL"], got %s`, short(f["label"]))
		return
	}
	for n, item := range items {
		triple, ok := arrayValue(item)
		if !ok || len(triple) != 3 {
			p.fail(`span %d must be [start, end, "LABEL"], got %s`, n, short(item))
			continue
		}
		p.addSpan(n, rawSpan{start: triple[0], end: triple[1], label: triple[2], startKey: "start", endKey: "end"})
	}
}

// doccanoRel reads doccano's relation shape: "entities" with ids and
// "relations" whose from_id/to_id name them.
func (p *lineParser) doccanoRel(f map[string]json.RawMessage) {
	p.eachObject(f, "entities", "entity", func(n int, m map[string]json.RawMessage) {
		p.addSpan(n, rawSpan{ref: m["id"], start: m["start_offset"], end: m["end_offset"], label: m["label"],
			startKey: "start_offset", endKey: "end_offset"})
	})
	p.eachObject(f, "relations", "relation", func(n int, m map[string]json.RawMessage) {
		p.addRelation(n, rawRelation{typ: m["type"], from: m["from_id"], to: m["to_id"], fromKey: "from_id", toKey: "to_id"})
	})
}

// eachObject calls fn for every object of the array f[key]; what names
// one element in messages.
func (p *lineParser) eachObject(f map[string]json.RawMessage, key, what string, fn func(int, map[string]json.RawMessage)) {
	items, ok := arrayValue(f[key])
	if !ok {
		p.fail("%q must be an array, got %s", key, short(f[key]))
		return
	}
	for n, item := range items {
		m, ok := fieldsValue(item)
		if !ok {
			p.fail("%s %d is not a JSON object: %s", what, n, short(item))
			continue
		}
		fn(n, m)
	}
}

// addSpan checks one span against the text and adds it to the document.
// An exact repeat (same start, end and label) is kept once with a
// warning: it carries no information, and doccano itself writes such
// files. Its id stays usable by relations, pointing at the kept span.
// One with other attributes is a bad line (see keepSpan).
func (p *lineParser) addSpan(n int, rs rawSpan) {
	label, ok := stringValue(rs.label)
	switch {
	case !ok:
		p.fail(`span %d has no string "label"`, n)
		return
	case strings.TrimSpace(label) == "":
		p.fail("span %d has an empty label", n)
		return
	}
	name := fmt.Sprintf("span %d (%s)", n, label)
	ref, _, err := refValue(rs.ref)
	if err != nil {
		p.fail(`%s "id" %v`, name, err)
		return
	}
	start, err := intValue(rs.start)
	if err != nil {
		p.fail("%s %q %v", name, rs.startKey, err)
		return
	}
	end, err := intValue(rs.end)
	if err != nil {
		p.fail("%s %q %v", name, rs.endKey, err)
		return
	}
	if p.countsUTF16 {
		s, e, err := fromUTF16(p.utf16Table(), start, end)
		if err != nil {
			p.fail("%s has offsets %d..%d: %v", name, start, end, err)
			return
		}
		start, end = s, e
	}
	got, err := p.idx.Slice(start, end)
	if err != nil {
		p.fail("%s has offsets %d..%d, want 0 <= start < end <= %d%s", name, start, end, p.idx.Len(), p.utf16Hint(start, end))
		return
	}
	if !isNull(rs.text) {
		claimed, ok := stringValue(rs.text)
		if !ok {
			p.fail(`%s "text" must be a string, got %s`, name, short(rs.text))
			return
		}
		if claimed != got {
			p.fail("%s says text %q but text[%d:%d] is %q", name, claimed, start, end, got)
			return
		}
		p.withText++
	}
	attrs, ok := objectValue(rs.attributes)
	if !ok {
		p.fail(`%s "attributes" must be a JSON object, got %s`, name, short(rs.attributes))
		return
	}
	p.keepSpan(n, Span{Ref: ref, Start: start, End: end, Label: label, Attributes: attrs})
}

// keepSpan adds a checked span unless its id is taken or it repeats one.
// A repeat whose attributes differ from the first's is refused: keeping
// either would drop the other's silently. When one of the two has none,
// the other's are kept.
func (p *lineParser) keepSpan(n int, sp Span) {
	if _, taken := p.byRef[sp.Ref]; taken && sp.Ref != "" {
		p.fail("duplicate span id %q", sp.Ref)
		return
	}
	key := spanKey{sp.Start, sp.End, sp.Label}
	i, repeat := p.byKey[key]
	if !repeat {
		i = len(p.doc.Spans)
		p.byKey[key] = i
		p.doc.Spans = append(p.doc.Spans, sp)
		p.spanNum = append(p.spanNum, n)
	} else {
		first := &p.doc.Spans[i]
		if !isEmptyObject(sp.Attributes) && !isEmptyObject(first.Attributes) && !sameJSON(first.Attributes, sp.Attributes) {
			p.fail("span %d (%s) at %d..%d repeats span %d but the attributes differ (span %d has %s, span %d %s): keep one of the two spans, with the attributes you mean",
				n, sp.Label, sp.Start, sp.End, p.spanNum[i], p.spanNum[i], short(first.Attributes), n, short(sp.Attributes))
			return
		}
		if isEmptyObject(first.Attributes) {
			first.Attributes = sp.Attributes
		}
		p.warn("span %d (%s) at %d..%d repeats an earlier span; kept once", n, sp.Label, sp.Start, sp.End)
		if first.Ref == "" {
			first.Ref = sp.Ref
		}
	}
	if sp.Ref != "" {
		p.byRef[sp.Ref] = i
	}
}

// isEmptyObject is true for "{}" (objectValue's compacted form) or nothing.
func isEmptyObject(raw json.RawMessage) bool { return len(raw) == 0 || string(raw) == "{}" }

// sameJSON reports whether two JSON values are equal as values: key order
// and spacing aside.
func sameJSON(a, b json.RawMessage) bool {
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}

// addRelation checks one relation's type and ends and adds it; an exact
// repeat is kept once with a warning, like spans.
func (p *lineParser) addRelation(n int, rr rawRelation) {
	typ, ok := stringValue(rr.typ)
	switch {
	case !ok:
		p.fail(`relation %d has no string "type"`, n)
		return
	case strings.TrimSpace(typ) == "":
		p.fail("relation %d has an empty type", n)
		return
	}
	from, okFrom := p.relationEnd(n, typ, rr.fromKey, rr.from)
	to, okTo := p.relationEnd(n, typ, rr.toKey, rr.to)
	if !okFrom || !okTo {
		return
	}
	rel := Relation{Type: typ, From: p.doc.Spans[from].Ref, To: p.doc.Spans[to].Ref}
	if p.rels[rel] {
		p.warn("relation %d (%s) %s -> %s repeats an earlier relation; kept once", n, typ, rel.From, rel.To)
		return
	}
	p.rels[rel] = true
	p.doc.Relations = append(p.doc.Relations, rel)
}

// relationEnd resolves one end of a relation to the index of its span.
func (p *lineParser) relationEnd(n int, typ, key string, raw json.RawMessage) (int, bool) {
	ref, present, err := refValue(raw)
	switch {
	case err != nil:
		p.fail("relation %d (%s) %q %v", n, typ, key, err)
		return 0, false
	case !present:
		p.fail("relation %d (%s) has no %q", n, typ, key)
		return 0, false
	}
	i, ok := p.byRef[ref]
	if !ok {
		p.fail("relation %d (%s) refers to unknown span %q", n, typ, ref)
		return 0, false
	}
	return i, true
}

// utf16Table is the table between the line's code points and UTF-16
// units, built once.
func (p *lineParser) utf16Table() *offsets.UTF16Table {
	if p.utf16 == nil {
		p.utf16 = offsets.NewUTF16Table(p.doc.Text)
	}
	return p.utf16
}

// guessesUnit reports whether the line is one whose unit Hashiya checks
// rather than knows: a doccano or native line read as code points (it
// names no unit) in a text where UTF-16 units count otherwise (one with
// characters outside the BMP).
func (p *lineParser) guessesUnit() bool {
	return (p.doccanoShape || p.nativeShape) && p.declared == "" && !p.countsUTF16 && outsideBMP(p.doc.Text)
}

// outsideBMP reports whether text holds a character outside the Basic
// Multilingual Plane, the only ones UTF-16 counts as two units: those
// UTF-8 writes in four bytes, which all begin with a byte of 0xF0 or more.
// It spares most lines building the table between the two units.
func outsideBMP(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= 0xF0 {
			return true
		}
	}
	return false
}

// howToSayUTF16 says how to have a line read in UTF-16 units: a doccano
// file by the import's option, as the way the import was asked for
// names it, a native line by naming its unit, which the option does not
// change.
func (p *lineParser) howToSayUTF16() string {
	if p.nativeShape {
		return `if the line counts UTF-16 units (as JavaScript does), say so with "offset_unit": "utf16" on it`
	}
	return "if the file comes from doccano, which counts UTF-16 units, import it counting UTF-16 units " + p.via.utf16Control()
}

// utf16Hint, for a span whose code point offsets do not fit the text,
// says when they would fit as UTF-16 units, doccano's own count.
func (p *lineParser) utf16Hint(start, end int) string {
	if !p.guessesUnit() {
		return ""
	}
	if _, _, err := fromUTF16(p.utf16Table(), start, end); err != nil {
		return ""
	}
	if p.nativeShape {
		return "; counted in UTF-16 units they fit: " + p.howToSayUTF16()
	}
	return "; counted in UTF-16 units, as doccano counts, they fit: import the file counting UTF-16 units " + p.via.utf16Control()
}

// warnIfUTF16 warns when a line read as code points looks like UTF-16
// offsets, doccano's own (looksUTF16): the spans fit either way, but only
// one reading puts them on the right letters. A native line whose every
// span carries its text, checked, is in code points for certain.
func (p *lineParser) warnIfUTF16() {
	if len(p.doc.Spans) == 0 || !p.guessesUnit() || p.nativeShape && p.withText >= len(p.doc.Spans) {
		return
	}
	if asUTF16, asCodePoints, yes := looksUTF16(p.doc.Text, p.utf16Table(), p.doc.Spans); yes {
		p.warn("%d of %d spans start and end on word edges when their offsets are read as UTF-16 units, %d as code points: %s",
			asUTF16, len(p.doc.Spans), asCodePoints, p.howToSayUTF16())
	}
}
