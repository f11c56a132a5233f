package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// labelStudioLimit is how many times a JSON line's size limit a Label
// Studio export may have (256 MiB): it is one JSON array, whose first
// reading must reach its end before any task is handed over.
const labelStudioLimit = 4

// lsResult is one item of an annotation's "result", as Label Studio writes it.
type lsResult struct {
	n      int
	id     json.RawMessage
	typ    string
	fields map[string]json.RawMessage
}

// parseTask reads one task into a document, as parseLine reads a line;
// into is the layer the import fills.
func parseTask(raw json.RawMessage, unit, into string) (Doc, []string, string) {
	f, ok := fieldsValue(raw)
	if !ok {
		return Doc{}, nil, "is not a JSON object"
	}
	if esc := loneSurrogate(raw); esc != "" {
		return Doc{}, nil, fmt.Sprintf("holds the unpaired surrogate escape %s, which is not a Unicode character", esc)
	}
	if dup := DuplicateKey(raw); dup != "" {
		return Doc{}, nil, dup + " (JSON keeps only one of them; keep the one you mean)"
	}
	header, reason := taskHeader(f)
	if reason != "" {
		return Doc{}, nil, reason
	}
	p := &lineParser{byKey: map[spanKey]int{}, byRef: map[string]int{}, rels: map[Relation]bool{}}
	if !p.header(header) {
		return Doc{}, nil, p.reason()
	}
	results, chosen := p.chosenResults(f)
	if len(p.problems) == 0 {
		p.labelStudio(results, unit)
	}
	if p.doc.Status == "" {
		p.doc.Status = lsStatus(chosen, into)
	}
	if len(p.problems) > 0 {
		return Doc{}, nil, p.reason()
	}
	p.warnSpans()
	for _, fl := range textFlags(p.doc.Text) {
		p.warn("%s", textFlagReason(fl, false))
	}
	return p.doc, p.warnings, ""
}

// taskHeader finds a task's text, id and meta, in the shape the line
// parser's header reads. The text is "data.text", or data's only string
// field (a labelling config may name it otherwise); data's other fields go
// into meta under "data", beside the task's own "meta". A task Hashiya
// exported gives its document's id and meta back (data.external_id,
// data.meta), and says its layer (data.layer), which must be the one
// imported into.
func taskHeader(f map[string]json.RawMessage) (map[string]json.RawMessage, string) {
	data, ok := fieldsValue(f["data"])
	if !ok {
		return nil, `has no "data" object holding its text`
	}
	key := "text"
	if _, ok := stringValue(data[key]); !ok {
		var texts []string
		for k, v := range data {
			if _, ok := stringValue(v); ok {
				texts = append(texts, k)
			}
		}
		if len(texts) != 1 {
			slices.Sort(texts)
			return nil, fmt.Sprintf(`"data" has no string "text" and %d other string fields (%s); Hashiya reads data.text, or data's only string field`, len(texts), strings.Join(texts, ", "))
		}
		key = texts[0]
	}
	// Meta is built as text in the file's order of keys (a Go map would
	// sort them), so a task Hashiya exported comes back as it went out.
	var meta []field
	if m, ok := orderedFields(f["meta"]); ok {
		meta = m
	} else if !isNull(f["meta"]) {
		return nil, fmt.Sprintf(`"meta" must be a JSON object, got %s`, short(f["meta"]))
	}
	// A task Hashiya exported carries the document's id, meta, layer and
	// status in data.
	id := f["id"]
	if _, ok := stringValue(data["external_id"]); ok {
		id = data["external_id"]
	}
	if m, ok := orderedFields(data["meta"]); ok {
		for _, fl := range m {
			meta = setField(meta, fl)
		}
	}
	// A task Hashiya exported says its layer's status beside its layer:
	// that status is the layer's, as a native line's "status" is. Without
	// data.layer a "status" is the task's own data, kept in meta.
	_, hashiya := stringValue(data["layer"])
	ours := map[string]bool{key: true, "external_id": true, "meta": true, "layer": true, "status": hashiya}
	all, _ := orderedFields(f["data"]) // an object: fieldsValue read it
	var rest []field
	for _, fl := range all {
		if !ours[fl.key] {
			rest = append(rest, fl)
		}
	}
	if len(rest) > 0 {
		b, err := objectText(rest)
		if err != nil {
			return nil, fmt.Sprintf(`"data" cannot be kept in meta: %v`, err)
		}
		meta = setField(meta, field{key: "data", raw: json.RawMessage(`"data"`), value: b})
	}
	b, err := objectText(meta)
	if err != nil {
		return nil, fmt.Sprintf(`"meta" cannot be kept: %v`, err)
	}
	header := map[string]json.RawMessage{"text": data[key], "id": id, "meta": b}
	if hashiya {
		header["layer"] = data["layer"]
		// An empty status is none, as a missing one.
		if st := data["status"]; !isNull(st) && string(bytes.TrimSpace(st)) != `""` {
			header["status"] = st
		}
	}
	return header, ""
}

// chosenResults picks the annotation a task's document takes its spans
// from: the one marked ground truth, else the first not cancelled, and
// says so when there was a choice. None (nil) is a document without
// spans. A cancelled annotation is a task its annotator skipped: never
// chosen, and said when it is all there is.
func (p *lineParser) chosenResults(f map[string]json.RawMessage) ([]lsResult, map[string]json.RawMessage) {
	var kept []map[string]json.RawMessage
	cancelled := 0
	p.eachObject(f, "annotations", "annotation", func(_ int, a map[string]json.RawMessage) {
		if isTrue(a["was_cancelled"]) {
			cancelled++
		} else {
			kept = append(kept, a)
		}
	})
	if len(kept) == 0 {
		p.unannotated(f, cancelled)
		return nil, nil
	}
	chosen := kept[0]
	for _, a := range kept {
		if isTrue(a["ground_truth"]) {
			chosen = a
			break
		}
	}
	if len(kept) > 1 {
		id, _, _ := refValue(chosen["id"])
		p.warn("has %d annotations; imported annotation %s (the ground truth, else the first): import each annotator's work into their own layer from a per-annotator export", len(kept), id)
	}
	var out []lsResult
	p.eachObject(chosen, "result", "result", func(n int, m map[string]json.RawMessage) {
		typ, _ := stringValue(m["type"])
		out = append(out, lsResult{n: n, id: m["id"], typ: typ, fields: m})
	})
	return out, chosen
}

// labelStudio adds a task's labelled regions as spans, then its
// relations; other results (choices, text areas, ...) are left out, with
// a warning.
func (p *lineParser) labelStudio(results []lsResult, unit string) {
	var spans []rawSpan
	var ignored []string
	for _, r := range results {
		switch r.typ {
		case "labels":
			spans = append(spans, p.regionSpans(r)...)
		case "relation":
		default:
			ignored = append(ignored, fmt.Sprintf("%q", r.typ))
		}
	}
	p.countsUTF16 = unit == UnitUTF16 || p.spansFitUTF16Only(spans)
	if p.countsUTF16 && unit != UnitUTF16 {
		p.warn("its %d spans' offsets count UTF-16 units (JavaScript string indexes, as some Label Studio versions wrote them): each span's text is the text there only when read so, and so they were read", len(spans))
	}
	for n, rs := range spans {
		p.addSpan(n, rs)
	}
	for _, r := range results {
		if r.typ == "relation" {
			p.lsRelation(r)
		}
	}
	if len(ignored) > 0 {
		slices.Sort(ignored)
		p.warn("left out %d results of types %s: Hashiya imports labelled spans and their relations", len(ignored), strings.Join(slices.Compact(ignored), ", "))
	}
}

// regionSpans is a labelled region as spans, one per label; the first
// keeps the region's id, for relations. Their attributes are the region's
// value.attributes, where a Hashiya export writes them.
func (p *lineParser) regionSpans(r lsResult) []rawSpan {
	v, ok := fieldsValue(r.fields["value"])
	if !ok {
		p.fail(`result %d has no "value" object`, r.n)
		return nil
	}
	if _, xpath := stringValue(v["start"]); xpath {
		p.fail("result %d is a region of HTML (its start is an XPath); Hashiya reads plain-text tasks", r.n)
		return nil
	}
	labels, ok := arrayValue(v["labels"])
	if !ok || len(labels) == 0 {
		p.fail(`result %d has no "labels"`, r.n)
		return nil
	}
	if len(labels) > 1 {
		p.warn("result %d has %d labels: one span each; relations join the first", r.n, len(labels))
	}
	var out []rawSpan
	for i, label := range labels {
		rs := rawSpan{start: v["start"], end: v["end"], label: label, text: v["text"], attributes: v["attributes"], startKey: "value.start", endKey: "value.end"}
		if i == 0 {
			rs.ref = r.id
		}
		out = append(out, rs)
	}
	return out
}

// spansFitUTF16Only reports whether spans whose text does not match as
// code points all match as UTF-16 units: then that is the unit they count.
func (p *lineParser) spansFitUTF16Only(spans []rawSpan) bool {
	if len(spans) == 0 || p.utf16Table().Len() == p.idx.Len() {
		return false // without characters outside the BMP the two units agree
	}
	matches := func(rs rawSpan, utf16 bool) bool {
		start, errS := intValue(rs.start)
		end, errE := intValue(rs.end)
		text, ok := stringValue(rs.text)
		if errS != nil || errE != nil || !ok {
			return false
		}
		if utf16 {
			var err error
			if start, end, err = fromUTF16(p.utf16Table(), start, end); err != nil {
				return false
			}
		}
		got, err := p.idx.Slice(start, end)
		return err == nil && got == text
	}
	allCodePoints, allUTF16 := true, true
	for _, rs := range spans {
		allCodePoints = allCodePoints && matches(rs, false)
		allUTF16 = allUTF16 && matches(rs, true)
	}
	return !allCodePoints && allUTF16
}

// lsRelation adds a relation result: one relation per label, its type,
// from_id to to_id (the other way when its direction is "left").
func (p *lineParser) lsRelation(r lsResult) {
	labels, ok := arrayValue(r.fields["labels"])
	if !ok || len(labels) == 0 {
		p.fail("relation result %d (%s -> %s) has no label; a relation in Hashiya has a type (speaker, cue, ...): give it one in Label Studio",
			r.n, short(r.fields["from_id"]), short(r.fields["to_id"]))
		return
	}
	from, to, fromKey, toKey := r.fields["from_id"], r.fields["to_id"], "from_id", "to_id"
	if dir, _ := stringValue(r.fields["direction"]); dir == "left" {
		from, to, fromKey, toKey = to, from, toKey, fromKey
	}
	for _, label := range labels {
		p.addRelation(r.n, rawRelation{typ: label, from: from, to: to, fromKey: fromKey, toKey: toKey})
	}
}
