package components

// SpansAndLinks counts what a change put into gold or took out of it,
// leaving out a part that is zero: "3 spans", "1 link", "3 spans and 1
// link"; "nothing" when both are.
func SpansAndLinks(spans, links int) string {
	switch {
	case spans > 0 && links > 0:
		return spansText(spans) + " and " + linksText(links)
	case spans > 0:
		return spansText(spans)
	case links > 0:
		return linksText(links)
	}
	return "nothing"
}

// leave is the verb of n things leaving gold: "leaves" for one.
func leave(n int) string {
	if n == 1 {
		return "leaves"
	}
	return "leave"
}
