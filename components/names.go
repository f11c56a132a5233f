package components

import "context"

// NameIn is a name (a user's, a project's, a document's) as a sentence
// in ctx's language holds it. In a right-to-left interface it is set in
// first-strong isolates, so "PER" or "layla" neither takes the Arabic
// sentence's order nor scrambles it; English pages keep the name bare,
// as they always have.
func NameIn(ctx context.Context, name string) string {
	if LangOf(ctx).Dir() == "rtl" {
		return isolate(name)
	}
	return name
}
