package components

import "context"

// reviewText is a layer's status changing or a reviewer's decision about
// gold; "" for another action.
func reviewText(ctx context.Context, action string, d eventDetail) string {
	switch action {
	case "layer.done":
		return ofLayer(ctx, d.Layer, Msg("marked gold done"), Msg("marked %s's layer done"))
	case "layer.reviewed":
		return ofLayer(ctx, d.Layer, Msg("marked gold reviewed"), Msg("marked %s's layer reviewed"))
	case "layer.reopen":
		return ofLayer(ctx, d.Layer, Msg("reopened gold"), Msg("reopened %s's layer"))
	case "suggestion.restore":
		return Tf(ctx, "restored %s", Tn(ctx, d.Count, "%d rejected suggestion", "%d rejected suggestions"))
	case "review.reject":
		return Tf(ctx, "rejected %s %d–%d for gold", labelIn(ctx, d.Label), d.Start, d.End)
	case "review.unreject":
		return Tf(ctx, "took back the rejection of %s %d–%d for gold", labelIn(ctx, d.Label), d.Start, d.End)
	case "review.replace":
		return Tf(ctx, "accepted %s %d–%d into gold in place of %s", labelIn(ctx, d.Label), d.Start, d.End, labelsIn(ctx, d.InsteadOf)) + broughtText(ctx, d)
	case "review.undo-replace":
		return Tf(ctx, "took back accepting %s %d–%d in place of %s, which gold holds again", labelIn(ctx, d.Label), d.Start, d.End, labelsIn(ctx, d.InsteadOf)) + takenOutText(ctx, d)
	case "review.accept-agreed", "review.undo-accept":
		s := Tf(ctx, "accepted %s the annotators agree on into gold", loggedSpansAndLinks(ctx, d))
		if action == "review.undo-accept" {
			s = Tf(ctx, "took back an accept into gold, removing %s", loggedSpansAndLinks(ctx, d))
		}
		if d.Batch != "" {
			s += T(ctx, ", this document's share of an accept across the project")
		}
		return s
	}
	return ""
}

// ofLayer is a sentence about a whole layer: gold's, or the one of the
// user it names, whose name fills ofUser.
func ofLayer(ctx context.Context, layer, ofGold, ofUser string) string {
	if layer == "gold" {
		return T(ctx, ofGold)
	}
	return Tf(ctx, ofUser, isolate(layer))
}

// labelsIn is labels as "GPE and ORG".
func labelsIn(ctx context.Context, labels []string) string {
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = labelIn(ctx, l)
	}
	return joinedWithAnd(ctx, names)
}

// withLinks is true for a replacement accepted with an annotator's
// links, or its undo.
func withLinks(d eventDetail) bool {
	return d.LinksOf != "" || loggedNumber(d.Spans) > 0 || loggedNumber(d.Links) > 0
}

// linksOwner is whose links an accept brought, "layla's links"; an
// accept logged before the log kept the name says "the annotator's
// links".
func linksOwner(ctx context.Context, d eventDetail) string {
	if d.LinksOf == "" {
		return T(ctx, "the annotator's links")
	}
	return Tf(ctx, "%s's links", isolate(d.LinksOf))
}

// broughtText is what a replacement's links brought into gold, as the
// page's notice says it (", with layla's links: 1 span and 1 link, in
// place of 1 link of gold's own"); "" for an accept without them.
func broughtText(ctx context.Context, d eventDetail) string {
	if !withLinks(d) {
		return ""
	}
	spans, links := max(loggedNumber(d.Spans), 0), max(loggedNumber(d.Links), 0)
	if spans == 0 && links == 0 {
		return Tf(ctx, ", with %s, which brought nothing more", linksOwner(ctx, d))
	}
	s := Tf(ctx, ", with %s: %s", linksOwner(ctx, d), changedSpansAndLinks(ctx, spans, links))
	if n := loggedNumber(d.LinksReplaced); n > 0 {
		s += Tf(ctx, ", in place of %s of gold's own", linksIn(ctx, n))
	}
	return s
}

// takenOutText is what the undo of a replacement with an annotator's
// links took out of gold beside the span (", taking out what layla's
// links brought: 1 span and 1 link"); "" when they brought nothing.
func takenOutText(ctx context.Context, d eventDetail) string {
	spans, links := max(loggedNumber(d.Spans), 0), max(loggedNumber(d.Links), 0)
	if spans == 0 && links == 0 {
		return ""
	}
	return Tf(ctx, ", taking out what %s brought: %s", linksOwner(ctx, d), changedSpansAndLinks(ctx, spans, links))
}
