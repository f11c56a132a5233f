package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"hashiya/components/agreement"
)

// agreementDocs are the fixture's two documents; spans name their words.
var agreementDocs = map[string]string{
	"d1": "قال أحمد إن زيدا زار الرياض",
	"d2": "سافرت سارة إلى القاهرة",
}

// layerLine is one native JSONL line of doc holding a span over each of
// words (label, then the words it covers), offsets in code points.
func layerLine(t *testing.T, doc, status string, spans ...[2]string) string {
	t.Helper()
	text := agreementDocs[doc]
	var out []string
	for i, s := range spans {
		at := strings.Index(text, s[1])
		if at < 0 {
			t.Fatalf("%q is not in %s", s[1], doc)
		}
		start := utf8.RuneCountInString(text[:at])
		out = append(out, fmt.Sprintf(`{"id":%d,"start":%d,"end":%d,"label":%q}`, i+1, start, start+utf8.RuneCountInString(s[1]), s[0]))
	}
	return fmt.Sprintf(`{"id":%q,"text":%q,"status":%q,"spans":[%s]}`, doc, text, status, strings.Join(out, ","))
}

// agreementFixture makes project "news" in which karim and layla
// annotated d1 and d2, and gold of d1 is reviewed:
//
//	d1  karim: PER أحمد, GPE الرياض           layla: PER أحمد, PER زيدا, LOC الرياض
//	d2  karim: PER سارة, LOC "إلى القاهرة"      layla: PER سارة, LOC القاهرة
//	gold of d1: PER أحمد, PER زيدا, GPE الرياض
func agreementFixture(t *testing.T) *cli {
	c := newCLI(t)
	c.ok("project", "create", "news")
	for _, u := range []string{"karim", "layla"} {
		c.ok("user", "add", u)
		c.ok("project", "add-member", "news", u, "--role", "annotator")
	}
	layers := map[string][]string{
		"karim": {layerLine(t, "d1", "done", [2]string{"PER", "أحمد"}, [2]string{"GPE", "الرياض"}),
			layerLine(t, "d2", "done", [2]string{"PER", "سارة"}, [2]string{"LOC", "إلى القاهرة"})},
		"layla": {layerLine(t, "d1", "done", [2]string{"PER", "أحمد"}, [2]string{"PER", "زيدا"}, [2]string{"LOC", "الرياض"}),
			layerLine(t, "d2", "done", [2]string{"PER", "سارة"}, [2]string{"LOC", "القاهرة"})},
		"gold": {layerLine(t, "d1", "reviewed", [2]string{"PER", "أحمد"}, [2]string{"PER", "زيدا"}, [2]string{"GPE", "الرياض"})},
	}
	dir := t.TempDir()
	for _, who := range []string{"karim", "layla", "gold"} {
		file := filepath.Join(dir, who+".jsonl")
		if err := os.WriteFile(file, []byte(strings.Join(layers[who], "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c.ok("import", "--project", "news", "--layer", who, file)
	}
	return c
}

// TestAgreementText checks the figures by hand. Pair karim · layla
// (karim first, by name): both 2 (أحمد, سارة), only karim's 2 (GPE
// الرياض, LOC إلى القاهرة), only layla's 3 (زيدا, LOC الرياض,
// القاهرة); F1 = 2·2 / (4+2+3) = 0.44; one pair differs in extent
// (القاهرة), one in label (الرياض): forgiving extent 2·3/9 = 0.67.
// κ over 10 words: 7 agree, po = .7; karim none .5 PER .2 GPE .1 LOC
// .2, layla none .5 PER .3 LOC .2: pe = .25+.06+.04 = .35, κ = .35/.65
// = 0.54. Against d1's gold, karim has 2 of its 3 spans and nothing
// else; layla 2 of 3 and LOC where gold says GPE.
func TestAgreementText(t *testing.T) {
	c := agreementFixture(t)
	out := c.ok("agreement", "--project", "news")
	lines := strings.Split(out, "\n")
	rows := map[string]string{}
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 0 {
			rows[strings.Join(f, " ")] = l
		}
	}
	for _, want := range []string{
		"Project news, over 2 documents two annotators or more worked on: exact spans (same start, end and label).",
		"F1 0.44: 2 spans both sides marked, 5 only one side did; of those, extent alone differs in 1 pair and label alone in 1 pair. F1 forgiving extent 0.67.",
		"Word by word, Cohen's κ 0.54 (mean over 1 pair).",
		"First Second Both Only first Only second F1 Extent differs Label differs F1 forgiving extent κ (words)",
		"karim layla 2 2 3 0.44 1 1 0.67 0.54",
		"Label Both One side only F1 Extent differs Label differs F1 forgiving extent",
		"GPE 0 1 0.00 0 1 0.00",
		"LOC 0 3 0.00 1 1 0.67",
		"PER 2 1 0.80 0 0 0.80",
		"Document Mean F1 of its pairs Pairs",
		"d1 0.40 1",
		"d2 0.50 1",
		"Annotator Documents Both Only theirs Only gold Precision Recall F1 Extent differs Label differs F1 forgiving extent",
		"karim 1 2 0 1 1.00 0.67 0.80 0 0 0.80",
		"layla 1 2 1 1 0.67 0.67 0.67 0 1 0.67",
	} {
		if _, ok := rows[want]; !ok {
			t.Errorf("the text lacks the line %q:\n%s", want, out)
		}
	}
	// Least agreed first, and the table's columns line up.
	if strings.Index(out, "d1  ") > strings.Index(out, "d2  ") {
		t.Errorf("d1 (0.40) should come before d2 (0.50):\n%s", out)
	}
	head, row := rows["First Second Both Only first Only second F1 Extent differs Label differs F1 forgiving extent κ (words)"], rows["karim layla 2 2 3 0.44 1 1 0.67 0.54"]
	if strings.Index(head, "Only second") != strings.Index(row, "3 ") {
		t.Errorf("columns do not line up:\n%s\n%s", head, row)
	}
}

// TestAgreementJSONIsTheAPIs: --format json writes, byte for byte, what
// the API answers for the same project.
func TestAgreementJSONIsTheAPIs(t *testing.T) {
	c := agreementFixture(t)
	got := c.ok("--db", c.db, "agreement", "--format", "json", "--project", "news")
	rec := c.asAdmin(t, http.MethodGet, func(project int64) string {
		return fmt.Sprintf("/api/v1/projects/%d/agreement", project)
	}, nil)
	if rec.Code != http.StatusOK || rec.Body.String() != got {
		t.Fatalf("API %d:\n%s\nCLI:\n%s", rec.Code, rec.Body.String(), got)
	}
	var r struct {
		Documents int `json:"documents"`
		Pairs     []struct {
			A, B      string
			F1, Kappa float64
		} `json:"pairs"`
		GoldDocs int `json:"gold_documents"`
	}
	if err := json.Unmarshal([]byte(got), &r); err != nil {
		t.Fatal(err)
	}
	if r.Documents != 2 || r.GoldDocs != 1 || len(r.Pairs) != 1 || r.Pairs[0].A != "karim" || fmt.Sprintf("%.4f %.4f", r.Pairs[0].F1, r.Pairs[0].Kappa) != "0.4444 0.5385" {
		t.Errorf("figures: %+v", r)
	}
}

// TestAgreementErrors: what is wrong is named, on stderr with a non-zero
// exit; a project without two layers on one document is no failure.
func TestAgreementErrors(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "empty")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"agreement", "--project", "nope"}, `hashiya: project "nope" not found` + "\n"},
		{[]string{"agreement", "--project", "empty", "--format", "csv"}, `hashiya: --format: unknown format "csv": want text or json` + "\n"},
		{[]string{"agreement"}, "hashiya: agreement needs --project NAME\n"},
		{[]string{"agreement", "empty"}, `hashiya: agreement takes no arguments, only flags: unexpected "empty"` + "\n"},
		{[]string{"agreement", "--project", "empty", "--db", filepath.Join(t.TempDir(), "none.db")}, "no database at"},
		{[]string{"agreement", "--project", "empty", "--kappa"}, "flag provided but not defined: -kappa (run 'hashiya help agreement')"},
	} {
		got := c.fail("", tc.args...)
		if !strings.HasSuffix(got, tc.want) && !strings.Contains(got, tc.want) {
			t.Errorf("hashiya %s:\n%s\nwant %q", strings.Join(tc.args, " "), got, tc.want)
		}
	}
	for _, format := range []string{"text", "json"} {
		out, errOut, err := c.run("", "agreement", "--project", "empty", "--format", format)
		said := out + errOut
		if err != nil || !strings.Contains(said, "no document has two annotators' layers yet") {
			t.Errorf("%s agreement of an empty project: %v\n%s", format, err, said)
		}
		if format == "json" && !strings.HasPrefix(out, `{"project":1,"documents":0,`) {
			t.Errorf("json of an empty project: %q", out)
		}
	}
	for _, args := range [][]string{{"help", "agreement"}, {"agreement", "--help"}} {
		if out := c.ok(args...); !strings.Contains(out, "usage: hashiya agreement --project NAME [--format text|json]") || !strings.Contains(out, "--format") {
			t.Errorf("hashiya %s: %q", strings.Join(args, " "), out)
		}
	}
	if out := c.ok("help"); !strings.Contains(out, "hashiya agreement --project NAME") {
		t.Errorf("help lists no agreement:\n%s", out)
	}
}

// TestAgreementTextQuotationsAndLongLists: quotations get their own
// table, and a project of many documents lists the least agreed only,
// saying how many more the JSON holds.
func TestAgreementTextQuotationsAndLongLists(t *testing.T) {
	half := 0.5
	r := agreement.Report{Documents: 25, Pairs: []agreement.PairReport{}, Labels: []agreement.PairReport{}}
	r.Quotes.Pairs = []agreement.AttributionReport{{PairReport: agreement.PairReport{A: "karim", B: "layla", Both: 1, OnlyA: 1, OnlyB: 1, F1: &half, Boundary: 1},
		Matched: 2, Speaker: agreement.ShareReport{Same: 1, Of: 2, Share: &half}}}
	for i := range 25 {
		r.Least = append(r.Least, agreement.DocReport{ID: int64(i + 1), ExternalID: fmt.Sprintf("doc-%02d", i+1), MeanF1: float64(i) / 25, Pairs: 1})
	}
	var b strings.Builder
	if err := writeAgreement(&b, "news", r, agreement.Confusion{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"\nFirst  Second  Both  Only first  Only second  F1    Extent differs  Paired by overlap  Same speaker   Same cue  Same type\nkarim  layla   1     1           1            0.50  1               2                  1 of 2 (0.50)  —         —\n",
		"doc-20    0.76",
		"and 5 documents more; --format json lists them all\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "doc-21") {
		t.Errorf("the text lists more than 20 documents:\n%s", out)
	}
}

// TestAgreementTextConfusion: the text holds the table of labels
// confused, summed over every pair by default, as the page shows it
// first, and of one pair with --pair, the first's labels as rows. By
// hand: karim labelled الرياض GPE where layla said LOC, layla alone
// marked زيدا (PER), both said PER twice; القاهرة differs in extent
// only and is left out.
func TestAgreementTextConfusion(t *testing.T) {
	c := agreementFixture(t)
	table := func(out, title string) string {
		t.Helper()
		at := strings.Index(out, title)
		if at < 0 {
			t.Fatalf("no table %q in:\n%s", title, out)
		}
		var rows []string
		for _, l := range strings.Split(out[at:], "\n")[2:7] {
			rows = append(rows, strings.Join(strings.Fields(l), " "))
		}
		return strings.Join(rows, "\n")
	}
	out := c.ok("agreement", "--project", "news")
	want := "GPE LOC PER none\nGPE 0 1 0 0\nLOC 1 0 0 0\nPER 0 0 2 1\nnone 0 0 1 —"
	if got := table(out, "Labels confused, every pair summed"); got != want {
		t.Errorf("the summed table reads\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(out, "\nMost confused: GPE ↔ LOC, 1 span.\n") {
		t.Errorf("the text names no most confused labels:\n%s", out)
	}
	out = c.ok("agreement", "--project", "news", "--pair", "layla/karim")
	want = "GPE LOC PER none\nGPE 0 0 0 0\nLOC 1 0 0 0\nPER 0 0 2 1\nnone 0 0 0 —"
	if got := table(out, "Labels confused between layla and karim (rows: layla's labels, columns: karim's)"); got != want {
		t.Errorf("layla/karim's table reads\n%s\nwant\n%s", got, want)
	}
	for _, tc := range []struct{ args, want string }{
		{"--pair karim/samir", `hashiya: --pair: "karim/samir" is not two users who worked on a document in common, named FIRST/SECOND` + "\n"},
		{"--pair karim", `hashiya: --pair: "karim" is not two users`},
		{"--pair karim/layla --format json", "hashiya: --pair: the JSON holds the table summed over every pair only"},
	} {
		args := append([]string{"agreement", "--project", "news"}, strings.Fields(tc.args)...)
		if got := c.fail("", args...); !strings.Contains(got, tc.want) {
			t.Errorf("agreement %s:\n%s\nwant %q", tc.args, got, tc.want)
		}
	}
	if out := c.ok("help", "agreement"); !strings.Contains(out, "[--pair FIRST/SECOND]") || !strings.Contains(out, "labels confused") {
		t.Errorf("help agreement says nothing of the table of labels confused:\n%s", out)
	}
}
