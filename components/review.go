package components

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/text/unicode/bidi"

	"hashiya/components/agreement"
	"hashiya/db"
)

// Review is a document's users' layers beside its gold layer, for a
// reviewer to compare them and accept spans into gold.
type Review struct {
	Project db.Project
	Doc     db.Document
	Layers  []db.OwnedLayer // users' layers, by name
	Gold    db.Layer
	Notice  string
	// NoticeAt is the anchor of the row the form that made Notice was
	// sent from: the notice stands in that row, where the page lands, not
	// at the top of a long table, when the page draws the row.
	NoticeAt string
	// ReviewedNext, after gold was marked reviewed, is the project's next
	// document ready for review (0: none, the notice says so and links
	// back to the project, since no other review opened).
	ReviewedNext int64
	// Reviewed: the notice is the one of gold just marked reviewed.
	Reviewed bool
	Error    string
	// CanReopen: the viewer manages the project, and may reopen a
	// reviewed gold layer.
	CanReopen bool
	// OnlyDisputed lists only the spans some annotator left out;
	// OnlyUndecided only those neither in gold nor rejected for it.
	OnlyDisputed, OnlyUndecided bool
	// Rejected are the spans a reviewer decided are not to be in gold.
	Rejected map[db.SpanKey]bool
	// WarnQuotes: marking gold reviewed was refused because quotations
	// in gold lack a speaker; the page says how many. WarnUndecided: it
	// was refused because spans are still undecided.
	WarnQuotes, WarnUndecided bool
	// Places, when not nil, narrows the table to the rows at these
	// places (start, end): the part of the page a decision made in place
	// changed, which the page's script puts in for the rows it had there.
	// The counts above the table still count every row.
	Places map[[2]int]bool
	// UndoAccept is the reviewer's last bulk accept, which the notice
	// after it offers to take back (Event 0: none).
	UndoAccept db.AgreedAccept
	// UndoReplace is the reviewer's last accept in place of gold's label,
	// when the notice is about it, which offers to take it back (Event 0:
	// none).
	UndoReplace db.LabelReplacement
	// From is the anchor of the row the page of rows shown starts at
	// (or the place it starts from, when that row is gone); "" for the
	// first page. Before is, for a page asked for as the rows before
	// one (the Previous link's), that row's anchor.
	From, Before string
	// Assignees are who works on the document (assigned, or holding a
	// layer), so an empty review says whom it waits for.
	Assignees []db.Assignee
}

// placed are the rows of listed at r.Places, or without it the rows of
// the page shown. A decision's answer is not paged: the script puts in
// those of its rows that belong on its page.
func (r Review) placed(listed []ReviewRow, pg rowPage) []ReviewRow {
	if r.Places == nil {
		return pg.Rows
	}
	var out []ReviewRow
	for _, row := range listed {
		if r.Places[[2]int{row.Start, row.End}] {
			out = append(out, row)
		}
	}
	return out
}

// placesAttr lists r.Places as the table body's data-places ("5-25
// 30-41"), so the script knows which of its rows the answer replaces;
// "" for a whole page.
func (r Review) placesAttr() string {
	if r.Places == nil {
		return ""
	}
	var parts []string
	for p := range r.Places {
		parts = append(parts, fmt.Sprintf("%d-%d", p[0], p[1]))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}

// shown are the rows the page lists, of rows, and how many are disputed
// and undecided. A filtered list keeps the labels of one place together:
// a row listed brings the other labels on its words, so a choice between
// labels is shown whole.
func (r Review) shown(rows []ReviewRow) (listed []ReviewRow, disputed, undecided int) {
	keep := map[[2]int]bool{}
	for _, row := range rows {
		if row.Disputed {
			disputed++
		}
		if row.Undecided() {
			undecided++
		}
		if (!r.OnlyDisputed || row.Disputed) && (!r.OnlyUndecided || row.Undecided()) {
			keep[row.place()] = true
		}
	}
	for _, row := range rows {
		if keep[row.place()] {
			listed = append(listed, row)
		}
	}
	return listed, disputed, undecided
}

// place is the row's start and end.
func (r ReviewRow) place() [2]int { return [2]int{r.Start, r.End} }

// labelGroup is where a row stands among the rows of its place (the same
// start and end, other labels) as a page draws them: Size is how many
// there are, given on the first (whose text and place stand for all), 0
// on the others; Labels is how many labels the place has, 1 for a row
// alone.
type labelGroup struct {
	Size, Labels int
	Last         bool
}

// labelGroups gives each of rows its labelGroup, by anchor. rows are in
// the table's order, so the labels of one place follow each other.
func labelGroups(rows []ReviewRow) map[string]labelGroup {
	out := make(map[string]labelGroup, len(rows))
	for i := 0; i < len(rows); {
		j := i + 1
		for j < len(rows) && rows[j].place() == rows[i].place() {
			j++
		}
		for k := i; k < j; k++ {
			g := labelGroup{Labels: j - i, Last: k == j-1}
			if k == i {
				g.Size = j - i
			}
			out[rows[k].Anchor()] = g
		}
		i = j
	}
	return out
}

// ReviewRow is one distinct span of the layers, or of gold alone.
type ReviewRow struct {
	agreement.Span
	Text      string
	Holders   []string // users whose layers hold it
	From      string   // a layer holding it, its owner, and its span there: what Accept copies
	FromOwner int64
	FromSpan  int64
	GoldSpan  int64 // gold's span, 0 when gold lacks it
	Rejected  bool  // gold lacks it, and a reviewer decided it is not to be there
	// GoldOther are the labels gold gives the same words when it lacks
	// this one: choosing one label there decides the others, and its
	// accept replaces them. GoldOtherLinks counts their links in gold,
	// which go with them.
	GoldOther      []string
	GoldOtherLinks int
	Disputed       bool // not every user's layer holds it
	Links          []HolderLinks
	// Before and After are a few words of the text around the span, so a
	// reviewer judges it without opening the document. Rows lists them
	// empty: only the rows a page draws get them (inContext).
	Before, After string
	// Dir is the direction of the span's line as the document shows it
	// ("rtl", "ltr", or "auto" for a line with no letter): taken from the
	// excerpt, a context that begins with a Latin word would turn an
	// Arabic line around. Filled in with Before and After.
	Dir string
}

// HolderLinks are the relations from a row's span in one layer: what
// "accept with links" brings into gold with it.
type HolderLinks struct {
	Layer string
	Span  int64
	Links []Link
	// InGold is true when gold holds the span, what its links reach
	// and the links themselves already: bringing them in adds nothing.
	InGold bool
}

// Link is one relation from a span: its type and the span it reaches.
type Link struct {
	Type, Label, Text string
}

// drawsRow is true when rows hold the row of anchor.
func drawsRow(rows []ReviewRow, anchor string) bool {
	for _, row := range rows {
		if row.Anchor() == anchor {
			return true
		}
	}
	return false
}

// Undecided counts the rows neither in gold nor rejected for it.
func (r Review) Undecided() int {
	_, _, n := r.shown(r.Rows())
	return n
}

// filter is the list the page shows, as review forms send it back
// (show): "disputed", "undecided" or "" for every span.
func (r Review) filter() string {
	switch {
	case r.OnlyDisputed:
		return "disputed"
	case r.OnlyUndecided:
		return "undecided"
	}
	return ""
}

// Undecided is true of a span neither in gold nor rejected for it: what
// a review has still to decide.
func (r ReviewRow) Undecided() bool { return r.GoldSpan == 0 && !r.Rejected && len(r.GoldOther) == 0 }

// Key names the row's span as rejections do.
func (r ReviewRow) Key() db.SpanKey { return db.SpanKey{Label: r.Label, Start: r.Start, End: r.End} }

// Anchor is the row's id in the page, where the page returns after a
// change to it.
func (r ReviewRow) Anchor() string {
	return fmt.Sprintf("c-%d-%d-%s", r.Start, r.End, url.PathEscape(r.Label))
}

// replacedAnchor is the anchor of the row of the label an accept in
// place of gold's put into gold.
func replacedAnchor(u db.LabelReplacement) string {
	return ReviewRow{Span: agreement.Span{Start: u.Start, End: u.End, Label: u.Label}}.Anchor()
}

func toAgreement(spans []db.Span) []agreement.Span {
	out := make([]agreement.Span, len(spans))
	for i, s := range spans {
		out[i] = keyOf(s)
	}
	return out
}

func (r Review) userLayers() []agreement.Layer {
	out := make([]agreement.Layer, len(r.Layers))
	for i, l := range r.Layers {
		out[i] = agreement.Layer{Name: l.Name, Spans: toAgreement(l.Spans)}
	}
	return out
}

// Rows lists every distinct span of the users' layers and of gold, in
// the order of the text.
func (r Review) Rows() []ReviewRow {
	type source struct {
		layer string
		owner int64
		span  db.Span
	}
	first := map[agreement.Span]source{}        // the first layer holding each span
	links := map[agreement.Span][]HolderLinks{} // each layer's relations from it
	goldHas := r.goldHolds()
	for _, l := range r.Layers {
		spans := map[int64]db.Span{}
		for _, s := range l.Spans {
			spans[s.ID] = s
			if k := keyOf(s); first[k].layer == "" {
				first[k] = source{l.Name, l.Owner, s}
			}
		}
		from := map[int64][]Link{}
		for _, rel := range l.Relations {
			to := spans[rel.To]
			from[rel.From] = append(from[rel.From], Link{Type: rel.Type, Label: to.Label, Text: to.Text})
		}
		for _, s := range l.Spans {
			if len(from[s.ID]) > 0 {
				h := HolderLinks{Layer: l.Name, Span: s.ID, Links: from[s.ID], InGold: goldHas(s.ID, spans, l.Relations)}
				links[keyOf(s)] = append(links[keyOf(s)], h)
			}
		}
	}
	gold := map[agreement.Span]db.Span{}
	goldLabels := map[[2]int][]string{} // by start and end
	goldLinks := map[int64]int{}        // by span id
	placeLinks := map[[2]int]int{}      // gold's links of each place's spans
	for _, rel := range r.Gold.Relations {
		goldLinks[rel.From]++
		goldLinks[rel.To]++
	}
	for _, s := range r.Gold.Spans {
		gold[keyOf(s)] = s
		goldLabels[[2]int{s.Start, s.End}] = append(goldLabels[[2]int{s.Start, s.End}], s.Label)
		placeLinks[[2]int{s.Start, s.End}] += goldLinks[s.ID]
	}
	// Gold joins the comparison as a nameless layer, so spans only gold
	// holds are listed too; it is never a holder.
	layers := append(r.userLayers(), agreement.Layer{Name: "", Spans: toAgreement(r.Gold.Spans)})
	var rows []ReviewRow
	for _, c := range agreement.Candidates(layers) {
		row := ReviewRow{Span: c.Span, Links: links[c.Span]}
		for _, h := range c.Holders {
			if h != "" {
				row.Holders = append(row.Holders, h)
			}
		}
		row.Disputed = len(row.Holders) < len(r.Layers)
		if src, ok := first[c.Span]; ok {
			row.From, row.FromOwner, row.FromSpan, row.Text = src.layer, src.owner, src.span.ID, src.span.Text
		}
		if g, ok := gold[c.Span]; ok {
			row.GoldSpan, row.Text = g.ID, g.Text
		} else {
			row.Rejected = r.Rejected[row.Key()]
			row.GoldOther = goldLabels[row.place()]
			row.GoldOtherLinks = placeLinks[row.place()]
		}
		rows = append(rows, row)
	}
	return rows
}

// goldLink is a relation by what it joins, as gold and a layer can
// share it: its type and its two spans' labels and offsets.
type goldLink struct {
	Type     string
	From, To agreement.Span
}

// goldHolds answers whether gold holds a layer's span, every span its
// links reach (their links too, as accepting with links copies them) and
// every one of those links, so that accepting it with its links would
// copy nothing.
func (r Review) goldHolds() func(id int64, spans map[int64]db.Span, rels []db.Relation) bool {
	inGold := map[agreement.Span]bool{}
	goldSpans := map[int64]db.Span{}
	for _, s := range r.Gold.Spans {
		inGold[keyOf(s)] = true
		goldSpans[s.ID] = s
	}
	goldLinks := map[goldLink]bool{}
	for _, rel := range r.Gold.Relations {
		goldLinks[goldLink{rel.Type, keyOf(goldSpans[rel.From]), keyOf(goldSpans[rel.To])}] = true
	}
	return func(id int64, spans map[int64]db.Span, rels []db.Relation) bool {
		seen := map[int64]bool{}
		var held func(id int64) bool
		held = func(id int64) bool {
			if seen[id] {
				return true
			}
			seen[id] = true
			if !inGold[keyOf(spans[id])] {
				return false
			}
			for _, rel := range rels {
				if rel.From != id {
					continue
				}
				if !goldLinks[goldLink{rel.Type, keyOf(spans[id]), keyOf(spans[rel.To])}] || !held(rel.To) {
					return false
				}
			}
			return true
		}
		return held(id)
	}
}

func keyOf(s db.Span) agreement.Span {
	return agreement.Span{Start: s.Start, End: s.End, Label: s.Label}
}

// Agreed are the rows every user's layer holds and gold lacks, but those
// rejected for gold: what "accept all agreed" copies.
func (r Review) Agreed() []ReviewRow { return agreed(r.Rows()) }

func agreed(rows []ReviewRow) []ReviewRow {
	var out []ReviewRow
	for _, row := range rows {
		if !row.Disputed && len(row.Holders) > 0 && row.Undecided() {
			out = append(out, row)
		}
	}
	return out
}

// agreedQuestion asks before the bulk accept of n spans: it changes
// gold in thousands of places at once.
func (r Review) agreedQuestion(ctx context.Context, n int) string {
	return Tf(ctx, "%s into gold, with the links they agree on? The notice after it offers to take the accept back.", r.agreedLabel(ctx, n))
}

// undoQuestion asks before a bulk accept is taken back.
func undoQuestion(ctx context.Context, a db.AgreedAccept) string {
	what := SpansAndLinksIn(ctx, len(a.Spans), len(a.Relations))
	if len(a.Spans)+len(a.Relations) == 1 {
		return Tf(ctx, "Take back this accept? The %s it put into gold leaves it; the rest of gold stays.", what)
	}
	return Tf(ctx, "Take back this accept? The %s it put into gold leave it; the rest of gold stays.", what)
}

// spansCount and linksCount are spansText and linksText in ctx's
// language: Arabic's forms of a count, the number in Western digits.
func spansCount(ctx context.Context, n int) string {
	if LangOf(ctx) == English {
		return spansText(n)
	}
	return Tn(ctx, n, "%d span", "%d spans")
}

func linksCount(ctx context.Context, n int) string {
	if LangOf(ctx) == English {
		return linksText(n)
	}
	return Tn(ctx, n, "%d link", "%d links")
}

// SpansAndLinksIn is SpansAndLinks in ctx's language: what a change put
// into gold or took out of it.
func SpansAndLinksIn(ctx context.Context, spans, links int) string {
	switch {
	case spans > 0 && links > 0:
		return Tf(ctx, "%s and %s", spansCount(ctx, spans), linksCount(ctx, links))
	case spans > 0:
		return spansCount(ctx, spans)
	case links > 0:
		return linksCount(ctx, links)
	}
	return T(ctx, "nothing")
}

// spansText and linksText count with thousands marked: "1,902 spans".
func spansText(n int) string { return countOf(n, "span") }
func linksText(n int) string { return countOf(n, "link") }

func countOf(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return thousands(n) + " " + thing + "s"
}

// agreedLabel names the bulk accept of n spans. Arabic names what is
// accepted first and counts it after, so its count is a plain one.
func (r Review) agreedLabel(ctx context.Context, n int) string {
	spans := fmt.Sprintf("the %s spans", thousands(n))
	switch {
	case n == 0:
		if len(r.Layers) == 1 {
			return Tf(ctx, "No span of %s's layer left to accept", r.Layers[0].Name)
		}
		return T(ctx, "No span every annotator marked is left to accept")
	case LangOf(ctx) != English:
		spans = spansCount(ctx, n)
	case n == 1:
		spans = "the 1 span"
	}
	switch len(r.Layers) {
	case 1:
		return Tf(ctx, "Accept %s of %s's layer", spans, r.Layers[0].Name)
	case 2:
		return Tf(ctx, "Accept %s both annotators marked", spans)
	}
	return Tf(ctx, "Accept %s all %d annotators marked", spans, len(r.Layers))
}

// contextRunes is about how much text the review shows on each side of
// a span.
const contextRunes = 30

// contextBefore is up to contextRunes code points of text before start,
// from a word's beginning and within its line, "…" first when cut.
func contextBefore(text []rune, start int) string {
	from := max(0, start-contextRunes)
	for i := start - 1; i >= from; i-- {
		if text[i] == '\n' {
			return string(text[i+1 : start])
		}
	}
	if from == 0 {
		return string(text[:start])
	}
	for from < start && text[from-1] != ' ' {
		from++
	}
	return "…" + string(text[from:start])
}

// lineDir is the direction the document view gives the line holding
// code point at: that of the line's first strong letter, as dir="auto"
// decides it.
func lineDir(text []rune, at int) string {
	start := at
	for start > 0 && text[start-1] != '\n' {
		start--
	}
	return firstStrongDir(text, start)
}

// firstStrongDir is the direction of the line starting at start: that of
// its first strong letter, "auto" without one.
func firstStrongDir(text []rune, start int) string {
	for _, r := range text[start:] {
		if r == '\n' {
			break
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return "ltr"
		case bidi.R, bidi.AL:
			return "rtl"
		}
	}
	return "auto"
}

// contextAfter is contextBefore's mirror after end.
func contextAfter(text []rune, end int) string {
	to := min(len(text), end+contextRunes)
	for i := end; i < to; i++ {
		if text[i] == '\n' {
			return string(text[end:i])
		}
	}
	if to == len(text) {
		return string(text[end:])
	}
	for to > end && text[to] != ' ' {
		to--
	}
	return string(text[end:to]) + "…"
}

// Pairs is the agreement of every two users' layers.
func (r Review) Pairs() []agreement.Pair { return agreement.Pairs(r.userLayers()) }

// GoldFinished reports whether gold is marked done or reviewed: the store
// refuses changes to it until a manager reopens it.
func (r Review) GoldFinished() bool { return db.Finished(r.Gold.Status) }

func f1Text(p agreement.Pair) string { return ratioText(p.F1()) }

// kappaText is the κ of pair a, b in a tally of words, "—" when there is
// none to take.
func kappaText(t *agreement.Tally, a, b string) string {
	k, ok := t.KappaOf(a, b)
	if !ok {
		return "—"
	}
	return ratioText(k.Value())
}

func f1OverlapText(p agreement.Pair) string { return ratioText(p.F1Overlap()) }

// ratioText shows a score to two places, a dash when it is undefined.
func ratioText(v float64, ok bool) string {
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%.2f", v)
}

// nearText says how the spans only one side marked differ.
func nearText(ctx context.Context, p agreement.Pair) string {
	if p.OnlyA+p.OnlyB == 0 {
		return T(ctx, "Every span was marked by both sides.")
	}
	return Tf(ctx, "Of the spans only one side marked, extent alone differs in %s and label alone in %s; %s had nothing like them on the other side. Forgiving extent, F1 is %s.",
		pairsCount(ctx, p.Boundary), pairsCount(ctx, p.Relabel), Tn(ctx, p.Missed(), "%d span", "%d spans"), f1OverlapText(p))
}

func pairsCount(ctx context.Context, n int) string { return Tn(ctx, n, "%d pair", "%d pairs") }

// countText shows how many answers were the same, of how many compared.
func countText(ctx context.Context, c agreement.Count) string {
	if c.Of == 0 {
		return "—"
	}
	return Tf(ctx, "%d of %d (%s)", c.Same, c.Of, ratioText(c.Share()))
}

// attributionText sums up the agreement on quotations and speakers. With
// no quotation of one side overlapping one of the other there are no
// speakers to compare, which it says rather than count none.
func attributionText(ctx context.Context, a agreement.Attribution) string {
	if a.Matched == 0 {
		return Tf(ctx, "Quotation F1 %s: %s marked alike by both sides, %s differing in extent only. No quotation of one side overlaps one of the other, so no speakers were compared.",
			f1Text(a.Quotes), Tn(ctx, a.Quotes.Both, "%d quotation", "%d quotations"), pairsCount(ctx, a.Quotes.Boundary))
	}
	speaker := T(ctx, "neither side named a speaker")
	if a.Speaker.Of > 0 {
		speaker = Tf(ctx, "both named the same speaker in %s", countText(ctx, a.Speaker))
	}
	return Tf(ctx, "Quotation F1 %s: %s marked alike by both sides, %s differing in extent only. Over the %s paired by overlap, %s.",
		f1Text(a.Quotes), Tn(ctx, a.Quotes.Both, "%d quotation", "%d quotations"), pairsCount(ctx, a.Quotes.Boundary), pairsCount(ctx, a.Matched), speaker)
}

func meanText(ctx context.Context, pairs []agreement.Pair) string {
	mean, n := agreement.Mean(pairs)
	if n == 0 {
		return T(ctx, "no pair has any span yet")
	}
	if n == 1 {
		return Tf(ctx, "%.2f over 1 pair", mean)
	}
	return Tf(ctx, "%.2f over %d pairs", mean, n)
}

// insteadText names an accept that replaces gold's labels on the row's
// words: "Accept LOC instead of GPE".
func insteadText(ctx context.Context, row ReviewRow) string {
	return Tf(ctx, "Accept %s instead of %s", row.Label, labelsText(ctx, row.GoldOther))
}

// insteadQuestion is asked before an accept whose replaced spans have
// links in gold, as Remove asks: the links go with them.
func insteadQuestion(ctx context.Context, row ReviewRow) string {
	others := labelsText(ctx, row.GoldOther)
	q := Tf(ctx, "Accept %s “%s” into gold instead of %s?", row.Label, row.Text, others)
	links := Tn(ctx, row.GoldOtherLinks, "%d link", "%d links")
	if row.GoldOtherLinks == 1 {
		return q + " " + Tf(ctx, "%s of %s in gold goes with it.", links, others)
	}
	return q + " " + Tf(ctx, "%s of %s in gold go with it.", links, others)
}

// labelsText names labels in a sentence: "GPE", "GPE and ORG".
func labelsText(ctx context.Context, labels []string) string {
	if len(labels) < 2 {
		return strings.Join(labels, "")
	}
	return Tf(ctx, "%s and %s", strings.Join(labels[:len(labels)-1], listComma(ctx)), labels[len(labels)-1])
}

// namesText lists user names, each isolated in an Arabic sentence.
func namesText(ctx context.Context, names []string) string {
	each := make([]string, len(names))
	for i, n := range names {
		each[i] = isolated(ctx, n)
	}
	return strings.Join(each, listComma(ctx))
}

// isolated is a name as an Arabic sentence holds it, between FSI and PDI,
// so a Latin name does not carry the commas and words beside it out of
// their order; as it is in English.
func isolated(ctx context.Context, name string) string {
	if LangOf(ctx) == Arabic {
		return "\u2068" + name + "\u2069"
	}
	return name
}

// listComma parts the words of a list in ctx's language: Arabic has a
// comma of its own.
func listComma(ctx context.Context) string {
	if LangOf(ctx) == Arabic {
		return "، "
	}
	return ", "
}

// groupText heads the labels of one place: they differ, and what gold
// does about it.
func groupText(ctx context.Context, rows []ReviewRow, row ReviewRow, n int) string {
	inGold := 0
	for _, o := range rows {
		if o.place() == row.place() && o.GoldSpan != 0 {
			inGold++
		}
	}
	switch {
	case inGold > 1:
		return Tf(ctx, "Labels differ: gold gives these words %d labels; remove all but one", inGold)
	case inGold == 1:
		return Tf(ctx, "Labels differ: %d labels, one in gold", n)
	}
	return Tf(ctx, "Labels differ: %d labels, choose one", n)
}

// withLinksText is what "With NAME's links" says (text), and where
// gold gives the row's words another label, what it replaces: "With
// layla's links, instead of GPE".
func withLinksText(ctx context.Context, text string, row ReviewRow) string {
	if len(row.GoldOther) == 0 {
		return text
	}
	return Tf(ctx, "%s, instead of %s", text, labelsText(ctx, row.GoldOther))
}
