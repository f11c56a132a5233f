package components

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"hashiya/db"
)

// The words the activity log's sentences share: counts, layers, lists
// and quoted texts, each in the interface's language.

// layerPhrases name the layer a change went to, came from or was made
// in, at the end of a sentence: gold's, and a user's taking their name.
var layerPhrases = map[string][2]string{
	"to":   {Msg(" to gold"), Msg(" to %s's layer")},
	"from": {Msg(" from gold"), Msg(" from %s's layer")},
	"in":   {Msg(" in gold"), Msg(" in %s's layer")},
	"into": {Msg(" into gold"), Msg(" into %s's layer")},
}

// layerIn names a layer after prep (" to gold", " into layla's layer"),
// the owner isolated so an Arabic name keeps the words around it in
// their order; "" for an event that names none.
func layerIn(ctx context.Context, prep, layer string) string {
	if layer == "" {
		return ""
	}
	if layer == "gold" {
		return T(ctx, layerPhrases[prep][0])
	}
	return Tf(ctx, layerPhrases[prep][1], isolate(layer))
}

// layerPhrase and layerName are layerIn and a layer's name in English,
// as the command line's import summary says them.
func layerPhrase(prep, layer string) string {
	return layerIn(context.Background(), prep, layer)
}

func layerName(layer string) string {
	if layer == "gold" {
		return "gold"
	}
	return isolate(layer) + "'s layer"
}

// The things the log counts, in the forms of ctx's language: "1 span",
// "3 spans"; Arabic's six, "مقطعان" for two.
func spansIn(ctx context.Context, n int) string { return Tn(ctx, n, "%d span", "%d spans") }
func linksIn(ctx context.Context, n int) string { return Tn(ctx, n, "%d link", "%d links") }
func documentsIn(ctx context.Context, n int) string {
	return Tn(ctx, n, "%d document", "%d documents")
}

// withThousands writes the count n in s with its thousands apart
// ("1,814 spans"), as the page's notices count what an accept or an
// import did.
func withThousands(n int, s string) string {
	return strings.Replace(s, strconv.Itoa(n), thousands(n), 1)
}

// changedSpansAndLinks counts what a change put into gold or took out
// of it, leaving out a part that is zero: "3 spans", "1 link", "3 spans
// and 1 link"; "nothing" when both are.
func changedSpansAndLinks(ctx context.Context, spans, links int) string {
	s, l := withThousands(spans, spansIn(ctx, spans)), withThousands(links, linksIn(ctx, links))
	switch {
	case spans > 0 && links > 0:
		return Tf(ctx, "%s and %s", s, l)
	case spans > 0:
		return s
	case links > 0:
		return l
	}
	return T(ctx, "nothing")
}

// joinedWithAnd joins names with "and", "GPE and ORG"; Arabic joins
// them with its "و".
func joinedWithAnd(ctx context.Context, names []string) string {
	if len(names) == 0 {
		return ""
	}
	s := names[0]
	for _, n := range names[1:] {
		s = Tf(ctx, "%s and %s", s, n)
	}
	return s
}

// commas joins a list with the comma of ctx's language: ", ", or
// Arabic's "، ".
func commas(ctx context.Context, items []string) string {
	if LangOf(ctx) == Arabic {
		return strings.Join(items, "، ")
	}
	return strings.Join(items, ", ")
}

// labelIn is a label's name in a sentence: as it is in English, isolated
// in Arabic, where a Latin "PER" beside the span's offsets would
// otherwise pull them into its own left-to-right run.
func labelIn(ctx context.Context, label string) string {
	if LangOf(ctx) == Arabic {
		return isolate(label)
	}
	return label
}

// rawInt reads a logged count; -1 when it is not a whole number.
func rawInt(raw json.RawMessage) int {
	var n int
	if json.Unmarshal(raw, &n) != nil {
		return -1
	}
	return n
}

// loggedNumber is how many things an event logged, given as a count or
// as the list of them (their ids, or the things as they were); -1 when
// it is neither.
func loggedNumber(raw json.RawMessage) int {
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) == nil {
		return len(items)
	}
	return rawInt(raw)
}

// loggedDocuments says a logged count of documents in words ("1
// document"), or what was logged, as it was, when it is not a whole
// number.
func loggedDocuments(ctx context.Context, raw json.RawMessage) string {
	if n := rawInt(raw); n >= 0 {
		return documentsIn(ctx, n)
	}
	return Tf(ctx, "%s documents", raw)
}

// loggedSpansAndLinks says the spans and links an accept or its undo
// logged, leaving out a part that is zero as the page's notice does
// ("3 spans", not "3 spans and 0 links"); a count logged in another form
// is said as it was.
func loggedSpansAndLinks(ctx context.Context, d eventDetail) string {
	spans, links := loggedNumber(d.Spans), loggedNumber(d.Relations)
	if spans >= 0 && links >= 0 {
		return changedSpansAndLinks(ctx, spans, links)
	}
	s, l := Tf(ctx, "%s spans", d.Spans), Tf(ctx, "%s links", d.Relations)
	if spans >= 0 {
		s = spansIn(ctx, spans)
	}
	if links >= 0 {
		l = linksIn(ctx, links)
	}
	return Tf(ctx, "%s and %s", s, l)
}

// clipAt is the most of a text a summary quotes.
const clipAt = 80

// clip shortens s to clipAt code points, so one change cannot make a row
// of the log a page long.
func clip(s string) string {
	if rs := []rune(s); len(rs) > clipAt {
		return string(rs[:clipAt]) + "…"
	}
	return s
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// labelNames shows a logged label set as its names in order.
func labelNames(ctx context.Context, raw json.RawMessage) string {
	var labels []struct{ Name string }
	if json.Unmarshal(raw, &labels) != nil {
		return clip(string(raw))
	}
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = labelIn(ctx, l.Name)
	}
	return commas(ctx, names)
}

// relationRulesText is logged relation types as "speaker QUOTE → PER/ORG;
// ...", the arrow pointing the way the sentence runs.
func relationRulesText(ctx context.Context, raw json.RawMessage) string {
	var rules []db.RelationType
	if json.Unmarshal(raw, &rules) != nil {
		return clip(string(raw))
	}
	side := func(labels []string) string {
		if len(labels) == 0 && LangOf(ctx) == English {
			return "any"
		}
		if len(labels) == 0 {
			return T(ctx, "any label")
		}
		return labelIn(ctx, strings.Join(labels, "/"))
	}
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = Tf(ctx, "%s %s → %s", labelIn(ctx, r.Name), side(r.From), side(r.To))
	}
	if len(parts) == 0 {
		if LangOf(ctx) == English {
			return "none" // as the log has always said it, "none" and "any" being other pages' words in Arabic
		}
		return T(ctx, "no relation rules")
	}
	sep := "; "
	if LangOf(ctx) == Arabic {
		sep = "؛ "
	}
	return strings.Join(parts, sep)
}

// spanSummary is a span as "PER 13–17 “أحمد”".
func spanSummary(ctx context.Context, label string, start, end int, text string) string {
	return fmt.Sprintf("%s %d–%d %s", labelIn(ctx, label), start, end, quoted(ctx, text))
}

// quoted puts a text from the document or a user in quotation marks,
// “…” in English and «…» in Arabic, isolated (FSI … PDI) so its
// direction stays its own: Arabic followed by "(3 → 26 characters)"
// would otherwise pull the numbers into its right-to-left run and show
// "(characters 26 ← 3)".
func quoted(ctx context.Context, text string) string {
	if LangOf(ctx) == Arabic {
		return "«" + isolate(text) + "»"
	}
	return "“" + isolate(text) + "”"
}

// isolate wraps a name (a user, a document, a file) in FSI … PDI, so an
// Arabic one keeps the English words around it in their order.
func isolate(name string) string {
	return "\u2068" + name + "\u2069"
}

// listOf shows a JSON array of names as "a, b, c", each isolated.
func listOf(ctx context.Context, raw json.RawMessage) string {
	var names []string
	if json.Unmarshal(raw, &names) != nil {
		return string(raw)
	}
	for i, n := range names {
		names[i] = isolate(n)
	}
	return commas(ctx, names)
}
