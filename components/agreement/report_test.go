package agreement_test

import (
	"encoding/json"
	"testing"

	"hashiya/components/agreement"
)

// TestReportShape: an empty tally's lists are empty arrays and its
// undefined figures null, as scripts reading the API expect; a pair's
// figures are the tally's, orders kept.
func TestReportShape(t *testing.T) {
	got, err := json.Marshal(agreement.NewReport(7, &agreement.Tally{}))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"project":7,"documents":0,"overall":{"both":0,"only_a":0,"only_b":0,"f1":null,"extent_differs":0,"label_differs":0,"f1_forgiving_extent":null},"kappa":null,"pairs":[],"labels":[],"least_agreed":[],"gold_documents":0,"against_gold":[],` +
		`"quotations":{"overall":{"both":0,"only_a":0,"only_b":0,"f1":null,"extent_differs":0,"label_differs":0,"f1_forgiving_extent":null,"matched":0,"same_speaker":{"same":0,"of":0,"share":null},"same_cue":{"same":0,"of":0,"share":null},"same_type":{"same":0,"of":0,"share":null}},"pairs":[],"against_gold":[]},"confusion":[]}`
	if string(got) != want {
		t.Errorf("empty report:\n%s\nwant\n%s", got, want)
	}

	per := agreement.Span{Start: 0, End: 4, Label: "PER"}
	loc := agreement.Span{Start: 6, End: 9, Label: "LOC"}
	tally := &agreement.Tally{}
	tally.Add(1, "d1", []agreement.Layer{{Name: "layla", Spans: []agreement.Span{per, loc}}, {Name: "karim", Spans: []agreement.Span{per}}})
	r := agreement.NewReport(7, tally)
	// The pair is kept under its names in order: karim first.
	if len(r.Pairs) != 1 || r.Pairs[0].A != "karim" || r.Pairs[0].OnlyA != 0 || r.Pairs[0].OnlyB != 1 || r.Pairs[0].F1 == nil || *r.Pairs[0].F1 != 2.0/3 {
		t.Errorf("pairs: %+v", r.Pairs)
	}
	if len(r.Least) != 1 || r.Least[0].ExternalID != "d1" || r.Least[0].MeanF1 != 2.0/3 || len(r.Labels) != 2 {
		t.Errorf("documents %+v, labels %+v", r.Least, r.Labels)
	}
}

// TestReportConfusion: the table of labels confused, summed over every
// pair, each pair of labels once, none as null.
func TestReportConfusion(t *testing.T) {
	span := func(start int, label string) agreement.Span {
		return agreement.Span{Start: start, End: start + 3, Label: label}
	}
	tally := &agreement.Tally{}
	tally.Add(1, "d1", []agreement.Layer{
		{Name: "layla", Spans: []agreement.Span{span(0, "PER"), span(5, "ORG"), span(10, "DATE")}},
		{Name: "karim", Spans: []agreement.Span{span(0, "PER"), span(5, "LOC")}},
	})
	got, err := json.Marshal(agreement.NewReport(7, tally).Confusion)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"labels":["DATE",null],"spans":1},{"labels":["LOC","ORG"],"spans":1},{"labels":["PER","PER"],"spans":1}]`
	if string(got) != want {
		t.Errorf("confusion:\n%s\nwant\n%s", got, want)
	}
}
