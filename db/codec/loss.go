package codec

import (
	"bytes"
	"fmt"
)

// formatLoss counts what an export's format has no place for, so the
// export can say so once at its end rather than drop it unseen: the
// relations of a doccano (sequence labelling) or CoNLL export, the span
// attributes (a quotation's type, speaker_in_text) of a doccano,
// doccano-rel or CoNLL export.
type formatLoss struct {
	relations, relationDocs   int
	attributes, attributeDocs int
}

// tally counts what format leaves out of d.
func (l *formatLoss) tally(format string, d ExportDoc) {
	if format != "doccano" && format != "doccano-rel" && format != "conll" {
		return
	}
	if format != "doccano-rel" && len(d.Relations) > 0 {
		l.relations += len(d.Relations)
		l.relationDocs++
	}
	n := 0
	for _, sp := range d.Spans {
		if a := bytes.TrimSpace(sp.Attributes); len(a) > 0 && !bytes.Equal(a, []byte("{}")) && !bytes.Equal(a, []byte("null")) {
			n++
		}
	}
	if n > 0 {
		l.attributes += n
		l.attributeDocs++
	}
}

// warnings says what was left out, naming the formats that keep it.
func (l *formatLoss) warnings(format string) []string {
	var out []string
	if l.relations > 0 {
		keep := "doccano-rel, jsonl and label-studio keep them"
		if format == "conll" {
			keep = "jsonl, doccano-rel and label-studio keep them"
		}
		out = append(out, fmt.Sprintf("%s holds no relations: %s of %s left out (%s)", format, count(l.relations, "relation"), count(l.relationDocs, "document"), keep))
	}
	if l.attributes > 0 {
		out = append(out, fmt.Sprintf("%s holds no span attributes: the attributes of %s of %s left out (such as a quotation's type and speaker_in_text; jsonl and label-studio keep them)", format, count(l.attributes, "span"), count(l.attributeDocs, "document")))
	}
	return out
}

// count says how many of thing there are, in the singular for one.
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
