package codec

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// GoldLayer is the layer an import goes to unless it names a user.
const GoldLayer = "gold"

// claims decides, document by document, whether a file's documents may
// go where the import puts them: each id one the export can write back
// and used once in the file, each document of the layer imported into.
type claims struct {
	into    string         // the layer the import goes to: gold or a user name
	via     Via            // where the import was asked for, for the control a refusal names
	firstOn map[string]int // document id -> line it first appeared on
	named   map[string]bool
	others  []foreignLine
}

// foreignLine is a document of another layer than the one imported into;
// its reason is worded once the whole file is read (see layerErrors).
type foreignLine struct {
	line            int
	at, layer, drop string // at: what in the line it is ("task 3: "); drop: what to remove to import it here
}

func newClaims(into string, via Via) *claims {
	if into == "" {
		into = GoldLayer
	}
	return &claims{into: into, via: via, firstOn: map[string]int{}, named: map[string]bool{}}
}

// foreign records the layer a document names (none: "") and reports
// whether it is another than the one imported into, so the document must
// be left out. An annotator's layer silently landing in gold, or gold in
// an annotator's layer, would change what the data means.
func (c *claims) foreign(layer string, line int, at, drop string) bool {
	if layer == "" {
		return false
	}
	c.named[layer] = true
	if layer == c.into {
		return false
	}
	c.others = append(c.others, foreignLine{line: line, at: at, layer: layer, drop: drop})
	return true
}

// LayerStatuses are the statuses a layer has, in the order work goes.
var LayerStatuses = []string{"new", "in_progress", "done", "reviewed"}

// statusProblem says why a document's layer cannot take status in the
// layer imported into, "" when it can. The app marks an annotator's layer
// done and finishes gold by review, never the other way round: a gold
// layer "done" or an annotator's "reviewed" would be a state no screen
// shows or undoes.
func (c *claims) statusProblem(status string) string {
	switch {
	case status == "done" && c.into == GoldLayer:
		return `"status" "done" is an annotator's: the gold layer is new, in_progress or reviewed (a review finishes it); give one of those`
	case status == "reviewed" && c.into != GoldLayer:
		return fmt.Sprintf(`"status" "reviewed" is the gold layer's: %s's layer is new, in_progress or done; give one of those`, c.into)
	}
	return ""
}

// admit says why doc, read on line, cannot go into the layer: its status
// (statusProblem) or its id (claimID, which gives it its line and id).
func (c *claims) admit(doc *Doc, prefix string, line int) string {
	if reason := c.statusProblem(doc.Status); reason != "" {
		return reason
	}
	return c.claimID(doc, prefix, line)
}

// claimID gives doc its line and id (FILE_STEM-LINE if the line has
// none), and says why the id cannot be taken: one the export could not
// write back as given, or one an earlier line took.
func (c *claims) claimID(doc *Doc, prefix string, line int) string {
	doc.Line = line
	if doc.ExternalID == "" {
		doc.ExternalID = fmt.Sprintf("%s-%d", prefix, line)
	}
	return c.claim(doc.ExternalID, line)
}

// claim takes id for the document starting on line, or says why not.
func (c *claims) claim(id string, line int) string {
	if problem := idProblem(id); problem != "" {
		return fmt.Sprintf("document id %q %s", id, problem)
	}
	if first, ok := c.firstOn[id]; ok {
		return fmt.Sprintf("duplicate document id %q (first on line %d)", id, first)
	}
	c.firstOn[id] = line
	return ""
}

// layerErrors words the refusal of every document of another layer. A
// file naming several layers is an export of --layer all, one line per
// document and layer: it does not import back in one go, since an import
// fills one layer.
func (c *claims) layerErrors(file string) Errors {
	layers := make([]string, 0, len(c.named))
	for l := range c.named {
		layers = append(layers, l)
	}
	slices.Sort(layers)
	var bad Errors
	for _, f := range c.others {
		reason := fmt.Sprintf("%sthis line is layer %q's, and this import goes to %s", f.at, f.layer, c.into)
		if len(layers) > 1 {
			reason += fmt.Sprintf(": the file holds the lines of %d layers (%s), one line per document and layer as an export of --layer all writes them, "+
				"and an import fills one layer: import each layer's lines on their own, %s", len(layers), strings.Join(layers, ", "), c.via.layerControl("NAME"))
		} else {
			reason += fmt.Sprintf(": import it %s, or %s to import it into %s", c.via.layerControl(f.layer), f.drop, c.into)
		}
		bad = append(bad, LineError{File: file, Line: f.line, Reason: reason})
	}
	return bad
}

// idProblem says why a document id cannot be kept, "" when it can. An
// id must come back out of every export as it went in: a line break
// breaks CoNLL's "# id =" line (and so the whole export), white space at
// an end is lost there, a blank id names nothing, and bytes that are not
// UTF-8 come out of a JSON export as U+FFFD.
func idProblem(id string) string {
	first, _ := utf8.DecodeRuneInString(id)
	last, _ := utf8.DecodeLastRuneInString(id)
	switch {
	case id == "":
		return "is empty"
	case !utf8.ValidString(id):
		// Only a file name can give one (JSON and CoNLL lines are
		// checked first); the exports would write it with U+FFFD.
		return "is not valid UTF-8"
	case strings.TrimFunc(id, isInvisible) == "":
		return "is blank: it holds only white space or invisible marks"
	case strings.ContainsFunc(id, endsLine):
		return "holds a line break"
	case strings.ContainsFunc(id, unicode.IsControl):
		r := id[strings.IndexFunc(id, unicode.IsControl):]
		c, _ := utf8.DecodeRuneInString(r)
		return fmt.Sprintf("holds the control character U+%04X", c)
	case unicode.IsSpace(first) || unicode.IsSpace(last):
		return "has white space at its start or end"
	}
	return ""
}

// isInvisible is white space or an invisible format mark (RLM, ZWJ, ...).
func isInvisible(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }

// endsLine is true for any character that ends a line: LF, CR, VT, FF,
// NEL and the Unicode line and paragraph separators.
func endsLine(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}
