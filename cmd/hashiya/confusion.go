package main

import (
	"fmt"
	"io"
	"strings"

	"hashiya/components"
	"hashiya/components/agreement"
)

// mostConfusedShown is how many pairs of labels the text names as the
// most confused, as the page sets as many in bold.
const mostConfusedShown = 3

// writeConfusion prints the table of labels confused: summed over every
// pair (symmetric), or of one pair, the first's labels as rows; then the
// labels most often confused, in words.
func writeConfusion(w io.Writer, c agreement.Confusion) {
	if c.Symmetric() {
		fmt.Fprintln(w, "\nLabels confused, every pair summed (rows: one side, columns: the other, whichever said which)")
	} else {
		fmt.Fprintf(w, "\nLabels confused between %s and %s (rows: %s's labels, columns: %s's)\n", c.A, c.B, c.A, c.B)
	}
	fmt.Fprintln(w, "Spans with the same start and end; none: the other side marked nothing like them. Spans differing in extent only are left out.")
	labels := append(c.Labels(), agreement.None)
	head := []string{""}
	for _, y := range labels {
		head = append(head, labelOrNone(y))
	}
	fmt.Fprintln(w, strings.Join(head, "\t"))
	for _, x := range labels {
		row := []string{labelOrNone(x)}
		for _, y := range labels {
			if x == agreement.None && y == agreement.None {
				row = append(row, "—")
			} else {
				row = append(row, fmt.Sprint(c.Count(x, y)))
			}
		}
		fmt.Fprintln(w, strings.Join(row, "\t"))
	}
	most := c.MostConfused(mostConfusedShown)
	if len(most) == 0 {
		fmt.Fprintln(w, "No label was confused: spans on the same words were given the same label.")
		return
	}
	parts := make([]string, len(most))
	for i, m := range most {
		parts[i] = fmt.Sprintf("%s ↔ %s, %s", m.X, m.Y, components.Plural(m.Spans, "span"))
	}
	fmt.Fprintf(w, "Most confused: %s.\n", strings.Join(parts, "; "))
}

// labelOrNone names a row or column: a label, or none.
func labelOrNone(label string) string {
	if label == agreement.None {
		return "none"
	}
	return label
}
