package components

import (
	"context"
	"testing"

	"hashiya/db"
)

// TestConsistencyCountAgreesInArabic: the count of texts given more than
// one label has its verb agree with one, two or more texts in Arabic,
// and reads as before in English.
func TestConsistencyCountAgreesInArabic(t *testing.T) {
	en, ar := context.Background(), WithLang(context.Background(), Arabic)
	for _, tc := range []struct {
		ctx  context.Context
		n    int
		want string
	}{
		{en, 1, "1 text given more than one label."},
		{en, 3, "3 texts given more than one label."},
		{ar, 1, "نص واحد أُعطي أكثر من وسم."},
		{ar, 2, "نصان أُعطيا أكثر من وسم."},
		{ar, 3, "3 نصوص أُعطيت أكثر من وسم."},
		{ar, 12, "12 نصًّا أُعطيت أكثر من وسم."},
	} {
		if got := consistencyCount(tc.ctx, ConsistencyView{Conflicts: make([]db.Conflict, tc.n)}); got != tc.want {
			t.Errorf("%d texts: %q, want %q", tc.n, got, tc.want)
		}
	}
}
