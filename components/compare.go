package components

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/a-h/templ"

	"hashiya/components/agreement"
	"hashiya/components/segment"
	"hashiya/db"
)

// Compare shows a document's layers over its text, paragraph by
// paragraph, one line a layer, as INCEpTION's curation does: where the
// review lists each span once, this shows where the layers part.
type Compare struct {
	Review
	// All draws every paragraph open; without it the paragraphs where
	// everyone agrees are folded away, so the disagreements stand out.
	All bool
	// Page is the page of paragraphs shown, from 1 (ComparePageRunes).
	Page int
}

// ComparePageRunes is about how much text a page of Compare in the text
// draws, once per layer: a page ends before the paragraph that would
// take it past this many code points (but holds one at least). A book
// drawn whole, three layers of it, is megabytes a browser lays out for
// seconds; a page of this is a few hundred kilobytes.
const ComparePageRunes = 20_000

// CompareParagraph is one paragraph of the text drawn once per layer.
type CompareParagraph struct {
	Number int // among the paragraphs that hold text, from 1
	Start  int // its first code point
	End    int // the code point after its last, its line break not counted
	Lines  []CompareLine
	// Disputed counts the distinct spans on it that not every annotator
	// marked, in any of its lines; Speakers the quotations on it whose
	// layers name different speakers.
	Disputed, Speakers int
}

// InDispute reports whether the layers disagree on the paragraph: a
// span not every annotator marked, or a quotation's speaker.
func (p CompareParagraph) InDispute() bool { return p.Disputed+p.Speakers > 0 }

// CompareLine is a paragraph as one layer marks it.
type CompareLine struct {
	Name   string // the owner's name, or "gold"
	Status string
	Gold   bool
	Runs   []CompareRun
}

// CompareRun is a stretch of a line that the same spans of its layer
// cover.
type CompareRun struct {
	segment.Run
	// Row is the review row of the innermost span over the run, the one
	// whose colour is its background; "" for text no span covers.
	Row string
	// Disputed: a span over the run is one not every annotator marked
	// (SpanDisputed), or a quotation whose layers name different
	// speakers.
	Disputed, SpanDisputed bool
	// Chip names the spans starting at the run, outermost first, each
	// disputed one marked "≠", a QUOTE with who its layer says said it
	// ("QUOTE ← صباح النعمان") and, where the layers differ, what the
	// others say ("≠ gold: ?").
	Chip string
	// Quotes are the quotations over the run, outermost first: who the
	// line's layer says said each, and the layers saying otherwise.
	Quotes []runQuote
	// ChipSide is the edge of the run its text starts at, "left" or
	// "right" (its first strong letter's direction, else its
	// paragraph's): the chip stands over the span's first letters.
	ChipSide string
}

// runQuote is a quotation over a run: who the line's layer says said
// it, and what the layers saying otherwise say.
type runQuote struct {
	Said   saidBy
	Others []layerSays
}

// compareLayer is a layer with what its line is called.
type compareLayer struct {
	name, status string
	gold         bool
	spans        []db.Span
	said         map[int64]saidBy // who said each QUOTE span's quotation
}

// layers are gold first, then each user's layer, by name.
func (c Compare) layers() []compareLayer {
	out := []compareLayer{{name: "gold", status: c.Gold.Status, gold: true, spans: c.Gold.Spans, said: layerSaid(c.Gold)}}
	for _, l := range c.Layers {
		out = append(out, compareLayer{name: l.Name, status: l.Status, spans: l.Spans, said: layerSaid(l.Layer)})
	}
	return out
}

// compareMarks is what marks a line's runs: the spans not every
// annotator marked, and what each layer says of each quotation's
// speaker (quoteSpeakers).
type compareMarks struct {
	disputed map[agreement.Span]bool
	speakers map[[2]int][]layerSays
}

// Paragraphs cuts each layer's spans into the paragraphs of the text
// (segment.Cut: lines, so as the annotation view draws them), and pairs
// the layers' cuts paragraph by paragraph. Lines without text are left
// out. Each layer's cut is one pass over the text, so the whole is
// linear in the text's length times the number of layers.
func (c Compare) Paragraphs() []CompareParagraph {
	layers := c.layers()
	marks := compareMarks{disputed: map[agreement.Span]bool{}, speakers: placeSpeakers(layers)}
	for _, row := range c.Rows() {
		marks.disputed[row.Span] = row.Disputed
	}
	cuts := make([][]segment.Paragraph, len(layers))
	for i, l := range layers {
		spans := make([]segment.Span, len(l.spans))
		for j, s := range l.spans {
			spans[j] = segment.Span{ID: s.ID, Start: s.Start, End: s.End, Label: s.Label}
		}
		cuts[i] = segment.Cut(c.Doc.Text, spans)
	}
	text := []rune(c.Doc.Text)
	var out []CompareParagraph
	for p := range cuts[0] {
		if len(cuts[0][p].Runs) == 0 {
			continue
		}
		runs := cuts[0][p].Runs
		last := runs[len(runs)-1]
		para := CompareParagraph{Number: len(out) + 1, Start: cuts[0][p].Start, End: last.Start + utf8.RuneCountInString(last.Text)}
		dir := firstStrongDir(text, para.Start)
		seen, speakers := map[agreement.Span]bool{}, map[[2]int]bool{}
		for i, l := range layers {
			line := CompareLine{Name: l.name, Status: l.status, Gold: l.gold}
			for _, r := range cuts[i][p].Runs {
				cr := marks.run(r, l, seen, speakers)
				if cr.Chip != "" {
					cr.ChipSide = chipSide(r.Text, dir)
				}
				line.Runs = append(line.Runs, cr)
			}
			para.Lines = append(para.Lines, line)
		}
		para.Disputed, para.Speakers = len(seen), len(speakers)
		out = append(out, para)
	}
	return out
}

// run is r, a run of layer l's line, with its row, its disputed mark
// and its chip; seen gathers the disputed spans over it, speakers the
// quotations over it whose speaker is disputed, by their heads.
func (m compareMarks) run(r segment.Run, l compareLayer, seen map[agreement.Span]bool, speakers map[[2]int]bool) CompareRun {
	cr := CompareRun{Run: r}
	key := func(s segment.Span) agreement.Span { return agreement.Span{Start: s.Start, End: s.End, Label: s.Label} }
	if len(r.Spans) > 0 {
		cr.Row = ReviewRow{Span: key(r.Spans[len(r.Spans)-1])}.Anchor()
	}
	for _, s := range r.Spans {
		if m.disputed[key(s)] {
			cr.Disputed, cr.SpanDisputed = true, true
			seen[key(s)] = true
		}
		if said, ok := l.said[s.ID]; ok {
			q := runQuote{Said: said, Others: othersSaying(m.speakers[[2]int{s.Start, s.End}], said)}
			if len(q.Others) > 0 {
				cr.Disputed = true
				speakers[said.Head] = true
			}
			cr.Quotes = append(cr.Quotes, q)
		}
	}
	names := make([]string, len(r.Starts))
	for i, s := range r.Starts {
		names[i] = s.Label
		if m.disputed[key(s)] {
			names[i] = "≠ " + s.Label
		}
		if said, ok := l.said[s.ID]; ok {
			names[i] += " ← " + said.chipName(2, 18) + chipOthers(othersSaying(m.speakers[[2]int{s.Start, s.End}], said))
		}
	}
	cr.Chip = strings.Join(names, " · ")
	return cr
}

// chipSide is the edge text starts at in a paragraph of direction dir
// (as firstStrongDir gives it): a Latin name in an Arabic line starts at
// its left.
func chipSide(text, dir string) string {
	if d := firstStrongDir([]rune(text), 0); d != "auto" {
		dir = d
	}
	if dir == "rtl" {
		return "right"
	}
	return "left"
}

// anchorName names the run of paragraph p, line l, run r for CSS anchor
// positioning: its chip is drawn outside the text, over it.
func anchorName(p, l, r int) string { return fmt.Sprintf("--c%d-%d-%d", p, l, r) }

// compareBlock is what the page draws in turn: a paragraph with spans in
// dispute, or a run of paragraphs where everyone agrees, folded away.
type compareBlock struct {
	Para   CompareParagraph
	Agreed []CompareParagraph
}

// blocks are paras as the page draws them: each alone when c.All, else
// the paragraphs where everyone agrees gathered between the others.
func (c Compare) blocks(paras []CompareParagraph) []compareBlock {
	var out []compareBlock
	for _, p := range paras {
		switch {
		case c.All || p.InDispute():
			out = append(out, compareBlock{Para: p})
		case len(out) > 0 && len(out[len(out)-1].Agreed) > 0:
			out[len(out)-1].Agreed = append(out[len(out)-1].Agreed, p)
		default:
			out = append(out, compareBlock{Agreed: []CompareParagraph{p}})
		}
	}
	return out
}

// inDispute counts the paragraphs where the layers disagree.
func inDispute(paras []CompareParagraph) int {
	n := 0
	for _, p := range paras {
		if p.InDispute() {
			n++
		}
	}
	return n
}

// rowURL is the review page starting at the row of anchor, landing on it.
func (c Compare) rowURL(anchor string) templ.SafeURL {
	return templ.SafeURL(fmt.Sprintf("/documents/%d/review?from=%s#%s", c.Doc.ID, url.QueryEscape(anchor), anchor))
}

// compareURL is this view at page (from 1), every paragraph drawn (all)
// or not.
func (c Compare) compareURL(all bool, page int) templ.SafeURL {
	q := url.Values{}
	if all {
		q.Set("show", "all")
	}
	if page > 1 {
		q.Set("page", fmt.Sprint(page))
	}
	u := fmt.Sprintf("/documents/%d/review/compare", c.Doc.ID)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return templ.SafeURL(u)
}

func (c Compare) colors() map[string]string {
	m := map[string]string{}
	for _, l := range c.Project.Labels {
		m[l.Name] = l.Color
	}
	return m
}

// runTitle says what a run is, for the pointer: the labels over it,
// innermost first ("ORG in QUOTE"), whether one is disputed, and who
// said each quotation over it, the names whole ("QUOTE, said by صباح
// النعمان"), with what the layers saying otherwise say.
func runTitle(ctx context.Context, r CompareRun) string {
	var t string
	for i := len(r.Spans) - 1; i >= 0; i-- {
		if t == "" {
			t = r.Spans[i].Label
		} else {
			t = Tf(ctx, "%s in %s", t, r.Spans[i].Label)
		}
	}
	if r.SpanDisputed {
		t = Tf(ctx, "%s (disputed: not every annotator marked it)", t)
	}
	for _, q := range r.Quotes {
		t = Tf(ctx, "%s. QUOTE, %s", t, q.Said.words(ctx))
		if len(q.Others) > 0 {
			t = Tf(ctx, "%s (disputed: %s)", t, othersWords(ctx, q.Others))
		}
	}
	return Tf(ctx, "%s. Opens its row in the review.", t)
}

// compareSummary says how many paragraphs hold a disagreement.
func compareSummary(ctx context.Context, paras []CompareParagraph, users int) string {
	if len(paras) == 0 {
		return T(ctx, "The document has no text.")
	}
	if users == 0 {
		return T(ctx, "No annotator has a layer of this document yet: only gold is shown.")
	}
	all := Tn(ctx, len(paras), "%d paragraph", "%d paragraphs")
	n := inDispute(paras)
	if n == 0 {
		return Tf(ctx, "Everyone agrees in every paragraph (%s).", all)
	}
	return Tf(ctx, "Disagreements in %s of %s: spans not every annotator marked, or quotations whose layers name different speakers.", thousands(n), all)
}

// disputeCount says what the layers disagree on in a paragraph: "2
// disputed spans, 1 disputed speaker".
func disputeCount(ctx context.Context, p CompareParagraph) string {
	var parts []string
	if p.Disputed > 0 {
		parts = append(parts, Tn(ctx, p.Disputed, "%d disputed span", "%d disputed spans"))
	}
	if p.Speakers > 0 {
		parts = append(parts, Tn(ctx, p.Speakers, "%d disputed speaker", "%d disputed speakers"))
	}
	return strings.Join(parts, listComma(ctx))
}

// agreedSummary names a fold of n paragraphs where everyone agrees, the
// count's thousands marked.
func agreedSummary(ctx context.Context, n int) string {
	s := Tn(ctx, n, "1 paragraph where everyone agrees", "%d paragraphs where everyone agrees")
	return strings.Replace(s, strconv.Itoa(n), thousands(n), 1)
}

// chipText is a chip in ctx's language: its words for a speaker not in
// the text and for gold, as the annotation view's chips say them; labels
// and names stay as they are. The chip is cut before a page's language
// is known, its words isolated, so they are found whole. A chip has a
// phone's line at most, so gold goes by a short name there (Arabic's
// الذهبية, the gold one, for الطبقة الذهبية), the layer's line beside
// naming it in full.
func chipText(ctx context.Context, chip string) string {
	if LangOf(ctx) == English {
		return chip
	}
	return strings.NewReplacer(isolate("not in text"), isolate(T(ctx, "not in text")), isolate("gold"), isolate(T(ctx, "gold, as a chip names it"))).Replace(chip)
}

// pagesLabel names the pager at the top or the bottom of the page.
func pagesLabel(ctx context.Context, where string) string {
	if where == "top" {
		return T(ctx, "Pages of paragraphs (top)")
	}
	return T(ctx, "Pages of paragraphs (bottom)")
}

// lineName names a line by its layer: gold's in ctx's language, a
// user's as it is.
func lineName(ctx context.Context, l CompareLine) string {
	if l.Gold {
		return T(ctx, "gold")
	}
	return l.Name
}
