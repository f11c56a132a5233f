package offsets_test

import (
	"testing"

	"hashiya/offsets"
)

// TestUTF16Table agrees with FromUTF16 and ToUTF16 at every offset of
// every torture case.
func TestUTF16Table(t *testing.T) {
	for _, c := range loadCases(t) {
		table := offsets.NewUTF16Table(c.Text)
		n := offsets.Len(c.Text)
		for cp := 0; cp <= n; cp++ {
			want, err := offsets.ToUTF16(c.Text, cp)
			if err != nil || table.Units(cp) != want {
				t.Errorf("%s: code point %d is at UTF-16 %d in the table, %d (%v) by ToUTF16", c.Name, cp, table.Units(cp), want, err)
			}
		}
		for u := -1; u <= table.Len()+1; u++ {
			want, err := offsets.FromUTF16(c.Text, u)
			got, ok := table.CodePoint(u)
			if ok != (err == nil) || ok && got != want {
				t.Errorf("%s: UTF-16 %d is code point %d (%v) in the table, %d (%v) by FromUTF16", c.Name, u, got, ok, want, err)
			}
		}
	}
}
