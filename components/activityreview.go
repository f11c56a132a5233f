package components

import (
	"fmt"
	"strings"
)

// reviewText is a layer's status changing or a reviewer's decision about
// gold; "" for another action.
func reviewText(action string, d eventDetail) string {
	switch action {
	case "layer.done":
		return "marked " + layerName(d.Layer) + " done"
	case "layer.reviewed":
		return "marked " + layerName(d.Layer) + " reviewed"
	case "layer.reopen":
		return "reopened " + layerName(d.Layer)
	case "suggestion.restore":
		return "restored " + Plural(d.Count, "rejected suggestion")
	case "review.reject":
		return fmt.Sprintf("rejected %s %d–%d for gold", d.Label, d.Start, d.End)
	case "review.unreject":
		return fmt.Sprintf("took back the rejection of %s %d–%d for gold", d.Label, d.Start, d.End)
	case "review.replace":
		return fmt.Sprintf("accepted %s %d–%d into gold in place of %s", d.Label, d.Start, d.End, strings.Join(d.InsteadOf, " and ")) + broughtText(d)
	case "review.undo-replace":
		return fmt.Sprintf("took back accepting %s %d–%d in place of %s, which gold holds again", d.Label, d.Start, d.End, strings.Join(d.InsteadOf, " and ")) + takenOutText(d)
	case "review.accept-agreed", "review.undo-accept":
		s := "accepted " + loggedSpansAndLinks(d) + " the annotators agree on into gold"
		if action == "review.undo-accept" {
			s = "took back an accept into gold, removing " + loggedSpansAndLinks(d)
		}
		if d.Batch != "" {
			s += ", this document's share of an accept across the project"
		}
		return s
	}
	return ""
}

// withLinks is true for a replacement accepted with an annotator's
// links, or its undo.
func withLinks(d eventDetail) bool {
	return d.LinksOf != "" || loggedNumber(d.Spans) > 0 || loggedNumber(d.Links) > 0
}

// linksOwner is whose links an accept brought, "layla's"; an accept
// logged before the log kept the name says "the annotator's".
func linksOwner(d eventDetail) string {
	if d.LinksOf == "" {
		return "the annotator's"
	}
	return isolate(d.LinksOf) + "'s"
}

// broughtText is what a replacement's links brought into gold, as the
// page's notice says it (", with layla's links: 1 span and 1 link, in
// place of 1 link of gold's own"); "" for an accept without them.
func broughtText(d eventDetail) string {
	if !withLinks(d) {
		return ""
	}
	spans, links := max(loggedNumber(d.Spans), 0), max(loggedNumber(d.Links), 0)
	if spans == 0 && links == 0 {
		return ", with " + linksOwner(d) + " links, which brought nothing more"
	}
	s := ", with " + linksOwner(d) + " links: " + SpansAndLinks(spans, links)
	if n := loggedNumber(d.LinksReplaced); n > 0 {
		s += ", in place of " + Plural(n, "link") + " of gold's own"
	}
	return s
}

// takenOutText is what the undo of a replacement with an annotator's
// links took out of gold beside the span (", taking out what layla's
// links brought: 1 span and 1 link"); "" when they brought nothing.
func takenOutText(d eventDetail) string {
	spans, links := max(loggedNumber(d.Spans), 0), max(loggedNumber(d.Links), 0)
	if spans == 0 && links == 0 {
		return ""
	}
	return ", taking out what " + linksOwner(d) + " links brought: " + SpansAndLinks(spans, links)
}
