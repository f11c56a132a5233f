package offsets

// UTF16Table converts the offsets of one text between code points and
// UTF-16 units in constant time, for files that carry many spans counted
// in UTF-16 units (doccano's, JavaScript's); FromUTF16 and ToUTF16 walk
// the text for each offset.
type UTF16Table struct {
	units  []int // units[cp]: the UTF-16 offset of code point cp (cp = Len included)
	points []int // points[u]: the code point at UTF-16 offset u; -1 inside a surrogate pair
}

// NewUTF16Table builds the table of s.
func NewUTF16Table(s string) *UTF16Table {
	t := &UTF16Table{units: make([]int, 0, len(s)+1), points: make([]int, 0, len(s)+1)}
	u := 0
	for _, r := range s {
		t.units = append(t.units, u)
		t.points = append(t.points, len(t.units)-1)
		if utf16Len(r) == 2 {
			t.points = append(t.points, -1)
		}
		u += utf16Len(r)
	}
	t.units = append(t.units, u)
	t.points = append(t.points, len(t.units)-1)
	return t
}

// Units is the UTF-16 offset of code point cp, 0 <= cp <= the text's
// length in code points.
func (t *UTF16Table) Units(cp int) int { return t.units[cp] }

// Len is the text's length in UTF-16 units.
func (t *UTF16Table) Len() int { return len(t.points) - 1 }

// CodePoint is the code point at UTF-16 offset u; ok is false when u is
// outside the text or between the two halves of a surrogate pair.
func (t *UTF16Table) CodePoint(u int) (cp int, ok bool) {
	if u < 0 || u >= len(t.points) || t.points[u] < 0 {
		return 0, false
	}
	return t.points[u], true
}
