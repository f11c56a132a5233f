package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"hashiya/components"
	"hashiya/components/agreement"
	"hashiya/components/agreement/fromstore"
)

const agreementUsage = "agreement --project NAME [--format text|json] [--pair FIRST/SECOND]"

const agreementHelp = "Print how far a project's annotators agree, as the agreement page shows it: exact spans (same start, end and label) of every two users who worked on the same document, summed over the documents. " +
	"F1 is 2·both over the two sides' spans. Of the spans only one side marked, a pair of the same label that overlap differ in extent only and a pair on the same words in label only; \"F1 forgiving extent\" counts the first kind as agreeing. " +
	"κ is Cohen's kappa over words. Text lists the total, each pair (what only the first or only the second of the pair marked), each label, the labels confused, the quotations and their speakers (when any), each annotator against reviewed gold and the documents least agreed on first. " +
	"The table of labels confused counts spans with the same start and end, row label against column label (none: the other side marked nothing like them); it is summed over every pair, as the page shows it first, or with --pair FIRST/SECOND that pair's alone, the first's labels as rows; " +
	"--format json writes the very JSON GET /api/v1/projects/:p/agreement answers."

func runAgreement(ctx context.Context, e env, args []string) (err error) {
	c := commands()["agreement"]
	f := newFlags(e, "agreement", c.usage, c.help)
	project := f.String("project", "", "project name (required)")
	format := f.String("format", "text", "text (tables to read) or json (the API's answer)")
	pair := f.String("pair", "", "the table of labels confused of two users, named FIRST/SECOND (default: every pair summed); text only")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		f.Usage()
		return fmt.Errorf("agreement takes no arguments, only flags: unexpected %q", pos[0])
	}
	if *project == "" {
		f.Usage()
		return errors.New("agreement needs --project NAME")
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("--format: unknown format %q: want text or json", *format)
	}
	if *pair != "" && *format == "json" {
		return errors.New("--pair: the JSON holds the table summed over every pair only; leave --pair out, or use --format text")
	}
	s, p, err := f.openProject(ctx, *project)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	tally, err := fromstore.Tally(ctx, s, p.ID)
	if err != nil {
		return err
	}
	r := agreement.NewReport(p.ID, tally)
	if *format == "json" {
		if r.Documents == 0 {
			fmt.Fprintf(e.stderr, "%s: %s\n", p.Name, noPairsYet)
		}
		// Encode as the API does: one line, HTML characters escaped.
		return json.NewEncoder(e.stdout).Encode(r)
	}
	confusion := tally.ConfusionOverall()
	if *pair != "" {
		if confusion, err = confusionOf(tally, *pair); err != nil {
			return err
		}
	}
	return writeAgreement(e.stdout, p.Name, r, confusion)
}

// confusionOf is the table of labels confused of the pair named
// "first/second", as the page's ?pair= reads it.
func confusionOf(t *agreement.Tally, pair string) (agreement.Confusion, error) {
	a, b, _ := strings.Cut(pair, "/")
	c, ok := t.Confusion(a, b)
	if !ok || a == "" || b == "" {
		return c, fmt.Errorf("--pair: %q is not two users who worked on a document in common, named FIRST/SECOND", pair)
	}
	return c, nil
}

// noPairsYet is what a project without two annotators' layers on one
// document has to say: nothing to compare is no failure.
const noPairsYet = "no document has two annotators' layers yet: assign documents to two annotators or more, and agreement shows as they work"

// writeAgreement prints a report as tables to read at a terminal, with
// the table of labels confused c.
func writeAgreement(w io.Writer, project string, r agreement.Report, c agreement.Confusion) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if r.Documents == 0 {
		fmt.Fprintf(tw, "Project %s: %s.\n", project, noPairsYet)
	} else {
		writeSpanAgreement(tw, project, r, c)
	}
	writeAgainstGold(tw, r)
	return tw.Flush()
}

// writeSpanAgreement prints the total, each pair, each label and the
// documents least agreed on.
func writeSpanAgreement(w io.Writer, project string, r agreement.Report, c agreement.Confusion) {
	o := r.Overall
	fmt.Fprintf(w, "Project %s, over %s two annotators or more worked on: exact spans (same start, end and label).\n", project, components.Plural(r.Documents, "document"))
	fmt.Fprintf(w, "F1 %s: %s both sides marked, %d only one side did; of those, extent alone differs in %s and label alone in %s. F1 forgiving extent %s.\n",
		figure(o.F1), components.Plural(o.Both, "span"), o.OnlyA+o.OnlyB, components.Plural(o.Boundary, "pair"), components.Plural(o.Relabel, "pair"), figure(o.F1Overlap))
	if r.KappaMean != nil {
		n := 0
		for _, p := range r.Pairs {
			if p.Kappa != nil {
				n++
			}
		}
		fmt.Fprintf(w, "Word by word, Cohen's κ %s (mean over %s).\n", figure(r.KappaMean), components.Plural(n, "pair"))
	}
	fmt.Fprintln(w, "\nBy pair (only first: spans the first of the pair marked and the second did not)")
	fmt.Fprintln(w, "First\tSecond\tBoth\tOnly first\tOnly second\tF1\tExtent differs\tLabel differs\tF1 forgiving extent\tκ (words)")
	for _, p := range r.Pairs {
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%s\t%d\t%d\t%s\t%s\n", p.A, p.B, p.Both, p.OnlyA, p.OnlyB, figure(p.F1), p.Boundary, p.Relabel, figure(p.F1Overlap), figure(p.Kappa))
	}
	fmt.Fprintln(w, "\nBy label, every pair summed")
	fmt.Fprintln(w, "Label\tBoth\tOne side only\tF1\tExtent differs\tLabel differs\tF1 forgiving extent")
	for _, l := range r.Labels {
		fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%d\t%d\t%s\n", l.Label, l.Both, l.OnlyA+l.OnlyB, figure(l.F1), l.Boundary, l.Relabel, figure(l.F1Overlap))
	}
	writeConfusion(w, c)
	writeQuotations(w, r.Quotes.Pairs)
	fmt.Fprintln(w, "\nDocuments, least agreement first")
	fmt.Fprintln(w, "Document\tMean F1 of its pairs\tPairs")
	for _, d := range r.Least[:min(len(r.Least), leastShown)] {
		fmt.Fprintf(w, "%s\t%.2f\t%d\n", d.ExternalID, d.MeanF1, d.Pairs)
	}
	if n := len(r.Least) - leastShown; n > 0 {
		fmt.Fprintf(w, "and %s more; --format json lists them all\n", components.Plural(n, "document"))
	}
}

// leastShown is how many documents the text lists, least agreement
// first: those a reviewer turns to, not the whole project.
const leastShown = 20

// writeQuotations prints how every two users agree on quotations and
// who said them, when any document two users worked on holds one.
func writeQuotations(w io.Writer, pairs []agreement.AttributionReport) {
	if len(pairs) == 0 {
		return
	}
	fmt.Fprintln(w, "\nQuotations by exact extent; speaker, cue and type over the quotations paired by overlap")
	fmt.Fprintln(w, "First\tSecond\tBoth\tOnly first\tOnly second\tF1\tExtent differs\tPaired by overlap\tSame speaker\tSame cue\tSame type")
	for _, a := range pairs {
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%s\t%d\t%d\t%s\t%s\t%s\n", a.A, a.B, a.Both, a.OnlyA, a.OnlyB, figure(a.F1), a.Boundary,
			a.Matched, share(a.Speaker), share(a.Cue), share(a.Type))
	}
}

// share is how many answers were the same, of how many compared.
func share(s agreement.ShareReport) string {
	if s.Of == 0 {
		return "—"
	}
	return fmt.Sprintf("%d of %d (%s)", s.Same, s.Of, figure(s.Share))
}

// writeAgainstGold prints each annotator against reviewed gold, or says
// there is none yet.
func writeAgainstGold(w io.Writer, r agreement.Report) {
	if r.GoldDocs == 0 {
		fmt.Fprintln(w, "\nNo reviewed gold yet: once a document's gold is marked reviewed, each annotator's layer of it is scored against it.")
		return
	}
	fmt.Fprintf(w, "\nAgainst the reviewed gold of %s (precision: share of their spans gold holds; recall: share of gold's spans they marked)\n", components.Plural(r.GoldDocs, "document"))
	fmt.Fprintln(w, "Annotator\tDocuments\tBoth\tOnly theirs\tOnly gold\tPrecision\tRecall\tF1\tExtent differs\tLabel differs\tF1 forgiving extent")
	for _, g := range r.Gold {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%d\t%d\t%s\n", g.A, g.Documents, g.Both, g.OnlyA, g.OnlyB,
			figure(g.Precision), figure(g.Recall), figure(g.F1), g.Boundary, g.Relabel, figure(g.F1Overlap))
	}
}

// figure shows a score to two places, as the page does, and a dash when
// it is undefined.
func figure(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.2f", *v)
}
