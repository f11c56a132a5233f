package components

import (
	"context"
	"testing"
)

// TestImportSummaryInArabic: an import's summary in Arabic says its
// documents came with their spans by a word that needs no agreement with
// one document or more (مع), where فيها spoke of several.
func TestImportSummaryInArabic(t *testing.T) {
	ar := WithLang(context.Background(), Arabic)
	for _, tc := range []struct {
		c    ImportCounts
		want string
	}{
		{ImportCounts{Documents: 1, Spans: 3}, "استُورد مستند واحد مع 3 مقاطع في الطبقة الذهبية"},
		{ImportCounts{Documents: 4, Spans: 1, Layer: "layla"}, "استُورد 4 مستندات مع مقطع واحد في طبقة \u2068layla\u2069"},
	} {
		if got := importSummaryIn(ar, tc.c); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.c, got, tc.want)
		}
	}
}
