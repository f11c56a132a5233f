package suggest

import (
	"bufio"
	"encoding/json"
	"os"
	"strconv"
	"testing"
)

// anerDoc is one document of the shared ANERCorp JSONL (doccano shape).
type anerDoc struct {
	ID    string  `json:"id"`
	Text  string  `json:"text"`
	Label [][]any `json:"label"`
}

// loadANERCorp reads the shared ANERCorp documents, with their entity
// spans as existing spans (PERS -> PER), or skips when the corpus is not
// beside the repository.
func loadANERCorp(tb testing.TB) []anerDoc {
	tb.Helper()
	f, err := os.Open("../../../shared/corpora/anercorp/anercorp.jsonl")
	if err != nil {
		tb.Skipf("ANERCorp not available: %v", err)
	}
	defer f.Close()
	var docs []anerDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var d anerDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func (d anerDoc) spans() []Span {
	var out []Span
	for i, l := range d.Label {
		label := l[2].(string)
		if label == "PERS" {
			label = "PER"
		}
		out = append(out, Span{ID: strconv.Itoa(i + 1), Start: int(l[0].(float64)), End: int(l[1].(float64)), Label: label})
	}
	return out
}

// TestSuggestCorpusInvariants runs the suggester over 200 real news
// documents (tokenised text, straight quotes, existing entity spans) and
// checks what must hold for any text: spans inside the text, each once,
// in order, proposals numbered s1.. without duplicating an existing span,
// relations between spans of the result with the right labels.
func TestSuggestCorpusInvariants(t *testing.T) {
	var quotes, speakers, toExisting int
	for _, d := range loadANERCorp(t) {
		existing := d.spans()
		have := map[spanKey]bool{}
		for _, e := range existing {
			have[spanKey{e.Start, e.End, e.Label}] = true
		}
		res := Suggest(d.Text, existing, Options{})
		n := len([]rune(d.Text))
		byID := map[string]Span{}
		next := 1
		for i, s := range res.Spans {
			switch {
			case s.Start < 0 || s.Start >= s.End || s.End > n:
				t.Fatalf("%s: span %+v outside the text", d.ID, s)
			case i > 0 && s.Start < res.Spans[i-1].Start:
				t.Fatalf("%s: span %d out of order", d.ID, i)
			case byID[s.ID].ID != "":
				t.Fatalf("%s: span id %s twice", d.ID, s.ID)
			case !s.Existing && have[spanKey{s.Start, s.End, s.Label}]:
				t.Fatalf("%s: proposed %+v duplicates an existing span", d.ID, s)
			case !s.Existing && s.ID != "s"+strconv.Itoa(next):
				t.Fatalf("%s: proposal %+v, want id s%d", d.ID, s, next)
			}
			if !s.Existing {
				next++
			}
			if s.Label == "QUOTE" && !s.Existing {
				quotes++
			}
			byID[s.ID] = s
		}
		for _, r := range res.Relations {
			from, to := byID[r.From], byID[r.To]
			ok := from.Label == "QUOTE" &&
				(r.Type == "speaker" && (to.Label == "PER" || to.Label == "ORG") || r.Type == "cue" && to.Label == "CUE")
			if !ok {
				t.Fatalf("%s: relation %+v from %+v to %+v", d.ID, r, from, to)
			}
			if r.Type == "speaker" {
				speakers++
				if to.Existing {
					toExisting++
				}
			}
		}
	}
	t.Logf("ANERCorp: %d quotations proposed, %d speaker links (%d to an existing entity)", quotes, speakers, toExisting)
}

func BenchmarkSuggestDemo(b *testing.B) {
	text, err := os.ReadFile("../../testdata/ctsi-intelligence-cell.txt")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Suggest(string(text), nil, Options{})
	}
}

func BenchmarkSuggestANERCorp(b *testing.B) {
	docs := loadANERCorp(b)
	for b.Loop() {
		for _, d := range docs {
			Suggest(d.Text, nil, Options{})
		}
	}
}
