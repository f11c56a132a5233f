package components

import "testing"

// TestSpansAndLinks: a zero part is left out, thousands are marked.
func TestSpansAndLinks(t *testing.T) {
	for _, c := range []struct {
		spans, links int
		want         string
	}{
		{3, 0, "3 spans"},
		{1, 0, "1 span"},
		{0, 1, "1 link"},
		{0, 2, "2 links"},
		{2, 1, "2 spans and 1 link"},
		{1902, 12, "1,902 spans and 12 links"},
		{0, 0, "nothing"},
	} {
		if got := SpansAndLinks(c.spans, c.links); got != c.want {
			t.Errorf("SpansAndLinks(%d, %d) = %q, want %q", c.spans, c.links, got, c.want)
		}
	}
}
