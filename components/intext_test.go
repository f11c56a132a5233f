package components

import (
	"cmp"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"hashiya/components/agreement"
	"hashiya/db"
)

// TestInTextParagraphsAreCompares: the paragraphs and pages a review row
// links to are those Compare in the text draws, whatever the line
// breaks (LF, CR LF, CR, blank lines) and however long the lines.
func TestInTextParagraphsAreCompares(t *testing.T) {
	var b strings.Builder
	breaks := []string{"\n", "\r\n", "\r", "\n\n", "\r\n\r\n"}
	for i := range 60 {
		b.WriteString(strings.Repeat("نص 😀 ", 1+i*i*7%2900))
		b.WriteString(breaks[i%len(breaks)])
	}
	text := b.String()
	c := Compare{Review: Review{Doc: db.Document{Text: text}}}
	paras := c.Paragraphs()
	got := textParagraphs(text)
	if len(got) != len(paras) {
		t.Fatalf("%d paragraphs, Compare draws %d", len(got), len(paras))
	}
	sizes := make([]int, len(got))
	for i, p := range got {
		sizes[i] = p.End - p.Start
		if p.Start != paras[i].Start || p.End != paras[i].End {
			t.Errorf("paragraph %d is %d–%d, Compare's %d–%d", i+1, p.Start, p.End, paras[i].Start, paras[i].End)
		}
	}
	pages := pageNumbers(sizes)
	if pages[len(pages)-1] < 3 {
		t.Fatalf("the text takes %d pages; the test wants several", pages[len(pages)-1])
	}
	for i, n := range pages {
		c.Page = n
		pg := c.paged(paras)
		if first, last := pg.Paras[0].Number, pg.Paras[len(pg.Paras)-1].Number; i+1 < first || i+1 > last {
			t.Errorf("paragraph %d is put on page %d, which holds %d–%d", i+1, n, first, last)
		}
	}
}

// TestCompareQuoteSpeakers: a QUOTE's chip in Compare in the text names
// who its layer says said it, as the annotation view's chips do, and a
// quotation the layers mark alike is still in dispute when they name
// different speakers: compared by the speaker's place in the text (each
// layer has its own span ids), "not in the text" an answer of its own,
// a joined quotation's speaker the same over its segments wherever it
// is linked from. Its paragraph is drawn open and counts it, and its
// row's link to the page does not ask for every paragraph.
func TestCompareQuoteSpeakers(t *testing.T) {
	text := "وقال الناطق صباح النعمان إنه «سنلاحق الإرهاب» ثم «في كل مكان» وفق جهاز مكافحة الإرهاب.\nسطر لا خلاف فيه."
	at := func(sub string) [2]int {
		b := strings.Index(text, sub)
		if b < 0 {
			t.Fatalf("%q not in the text", sub)
		}
		start := utf8.RuneCountInString(text[:b])
		return [2]int{start, start + utf8.RuneCountInString(sub)}
	}
	// A layer's spans: ids from base (each layer its own), the two
	// quotations, the spokesman, the pronoun and the agency.
	type links struct {
		speaker   string // the text of the span linked as q1's speaker, "" for none
		from      string // "q1" or "q2": the segment the speaker is linked from
		refersTo  string // what the speaker refers to
		notInText bool   // q1 marked "speaker not in the text"
		joined    bool   // q1 and q2 joined into one quotation
	}
	layer := func(base int64, k links) db.Layer {
		var l db.Layer
		ids := map[string]int64{}
		for i, sp := range []struct{ key, words, label string }{
			{"q1", "«سنلاحق الإرهاب»", "QUOTE"}, {"q2", "«في كل مكان»", "QUOTE"}, {"صباح النعمان", "صباح النعمان", "PER"},
			{"إنه", "إنه", "PER"}, {"جهاز مكافحة الإرهاب", "جهاز مكافحة الإرهاب", "ORG"},
		} {
			p := at(sp.words)
			s := db.Span{ID: base + int64(i), Start: p[0], End: p[1], Label: sp.label, Text: sp.words}
			if sp.key == "q1" && k.notInText {
				s.Attributes = json.RawMessage(`{"speaker_in_text":false}`)
			}
			ids[sp.key] = s.ID
			l.Spans = append(l.Spans, s)
		}
		rel := func(typ, from, to string) {
			l.Relations = append(l.Relations, db.Relation{ID: base + int64(len(l.Relations)), Type: typ, From: ids[from], To: ids[to]})
		}
		if k.joined {
			rel("segment", "q1", "q2")
		}
		if k.speaker != "" {
			rel("speaker", cmp.Or(k.from, "q1"), k.speaker)
		}
		if k.refersTo != "" {
			rel("refers_to", k.speaker, k.refersTo)
		}
		return l
	}
	name := func(n string) string { return "\u2068" + n + "\u2069" }
	for _, tc := range []struct {
		name         string
		karim, layla links
		gold         *links
		// The chips over q1 and q2 in gold's, karim's and layla's lines.
		want     [][2]string
		disputed int    // quotations whose speaker is disputed
		title    string // karim's q1 title, when given
	}{{
		name:  "different speakers",
		karim: links{speaker: "صباح النعمان"}, layla: links{speaker: "جهاز مكافحة الإرهاب"},
		want: [][2]string{{}, {
			"QUOTE ← " + name("صباح النعمان") + " ≠ " + name("layla") + ": " + name("…الإرهاب"), "QUOTE ← " + name("?"),
		}, {
			"QUOTE ← " + name("…مكافحة الإرهاب") + " ≠ " + name("karim") + ": " + name("…النعمان"), "QUOTE ← " + name("?"),
		}},
		disputed: 1,
		title:    "QUOTE. QUOTE, said by " + name("صباح النعمان") + " (disputed: " + name("layla") + ": said by " + name("جهاز مكافحة الإرهاب") + "). Opens its row in the review.",
	}, {
		name:  "the same speaker",
		karim: links{speaker: "صباح النعمان"}, layla: links{speaker: "صباح النعمان"},
		want: [][2]string{{}, {"QUOTE ← " + name("صباح النعمان"), "QUOTE ← " + name("?")}, {"QUOTE ← " + name("صباح النعمان"), "QUOTE ← " + name("?")}},
	}, {
		name:  "one not in the text",
		karim: links{notInText: true}, layla: links{speaker: "صباح النعمان"},
		want: [][2]string{{}, {
			"QUOTE ← " + name("not in text") + " ≠ " + name("layla") + ": " + name("…النعمان"), "QUOTE ← " + name("?"),
		}, {
			"QUOTE ← " + name("صباح النعمان") + " ≠ " + name("karim") + ": " + name("not in text"), "QUOTE ← " + name("?"),
		}},
		disputed: 1,
	}, {
		name:  "both not in the text",
		karim: links{notInText: true}, layla: links{notInText: true},
		want: [][2]string{{}, {"QUOTE ← " + name("not in text"), "QUOTE ← " + name("?")}, {"QUOTE ← " + name("not in text"), "QUOTE ← " + name("?")}},
	}, {
		name:  "a joined quotation linked from either segment",
		karim: links{speaker: "صباح النعمان", joined: true}, layla: links{speaker: "صباح النعمان", from: "q2", joined: true},
		want: [][2]string{{}, {"QUOTE ← " + name("صباح النعمان"), "QUOTE ← " + name("صباح النعمان")}, {"QUOTE ← " + name("صباح النعمان"), "QUOTE ← " + name("صباح النعمان")}},
	}, {
		name:  "a joined quotation given different speakers, counted once",
		karim: links{speaker: "صباح النعمان", joined: true}, layla: links{speaker: "جهاز مكافحة الإرهاب", from: "q2", joined: true},
		want: [][2]string{{}, {
			"QUOTE ← " + name("صباح النعمان") + " ≠ " + name("layla") + ": " + name("…الإرهاب"),
			"QUOTE ← " + name("صباح النعمان") + " ≠ " + name("layla") + ": " + name("…الإرهاب"),
		}, {
			"QUOTE ← " + name("…مكافحة الإرهاب") + " ≠ " + name("karim") + ": " + name("…النعمان"),
			"QUOTE ← " + name("…مكافحة الإرهاب") + " ≠ " + name("karim") + ": " + name("…النعمان"),
		}},
		disputed: 1,
	}, {
		name:  "a pronoun pointed at different people",
		karim: links{speaker: "إنه", refersTo: "صباح النعمان"}, layla: links{speaker: "إنه", refersTo: "جهاز مكافحة الإرهاب"},
		want: [][2]string{{}, {
			"QUOTE ← " + name("صباح النعمان") + " ≠ " + name("layla") + ": " + name("…الإرهاب"), "QUOTE ← " + name("?"),
		}, {
			"QUOTE ← " + name("…مكافحة الإرهاب") + " ≠ " + name("karim") + ": " + name("…النعمان"), "QUOTE ← " + name("?"),
		}},
		disputed: 1,
		title:    "QUOTE. QUOTE, said by " + name("إنه") + ", that is " + name("صباح النعمان") + " (disputed: " + name("layla") + ": said by " + name("إنه") + ", that is " + name("جهاز مكافحة الإرهاب") + "). Opens its row in the review.",
	}, {
		name:  "gold holds the quotations without a speaker",
		karim: links{speaker: "صباح النعمان"}, layla: links{speaker: "صباح النعمان"}, gold: &links{},
		want: [][2]string{{
			"QUOTE ← " + name("?") + " ≠ " + name("karim") + ", " + name("layla") + ": " + name("…النعمان"), "QUOTE ← " + name("?"),
		}, {
			"QUOTE ← " + name("صباح النعمان") + " ≠ " + name("gold") + ": " + name("?"), "QUOTE ← " + name("?"),
		}, {
			"QUOTE ← " + name("صباح النعمان") + " ≠ " + name("gold") + ": " + name("?"), "QUOTE ← " + name("?"),
		}},
		disputed: 1,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			c := Compare{Review: Review{
				Doc:    db.Document{ID: 3, Text: text},
				Layers: []db.OwnedLayer{{Name: "karim", Layer: layer(100, tc.karim)}, {Name: "layla", Layer: layer(200, tc.layla)}},
			}}
			if tc.gold != nil {
				c.Gold = layer(300, *tc.gold)
			}
			paras := c.Paragraphs()
			chips := make([][2]string, len(paras[0].Lines))
			for i, l := range paras[0].Lines {
				for _, r := range l.Runs {
					for q, p := range []string{"«سنلاحق الإرهاب»", "«في كل مكان»"} {
						if r.Start == at(p)[0] {
							chips[i][q] = r.Chip
							if l.Name == "karim" && q == 0 && tc.title != "" && runTitle(context.Background(), r) != tc.title {
								t.Errorf("karim's quotation is titled %q, want %q", runTitle(context.Background(), r), tc.title)
							}
							if r.Disputed != strings.Contains(r.Chip, "≠") {
								t.Errorf("%s's %s is dashed: %v", l.Name, p, r.Disputed)
							}
						}
					}
				}
			}
			if !reflect.DeepEqual(chips, tc.want) {
				t.Errorf("the quotations' chips (gold, karim, layla):\n got %q\nwant %q", chips, tc.want)
			}
			if paras[0].Speakers != tc.disputed || paras[0].Disputed != 0 || paras[0].InDispute() != (tc.disputed > 0) {
				t.Errorf("the paragraph counts %d disputed speakers and %d disputed spans, want %d and 0", paras[0].Speakers, paras[0].Disputed, tc.disputed)
			}
			blocks := c.blocks(paras)
			if folded := len(blocks[0].Agreed) > 0; folded == (tc.disputed > 0) {
				t.Errorf("the paragraph is folded away: %v", folded)
			}
			q := at("«سنلاحق الإرهاب»")
			row := ReviewRow{Span: agreement.Span{Start: q[0], End: q[1], Label: "QUOTE"}}
			link := c.inTextLinks(c.Rows(), []ReviewRow{row})[row.Anchor()]
			if all := strings.Contains(link, "show=all"); all == (tc.disputed > 0) {
				t.Errorf("the quotation's row links to %s", link)
			}
		})
	}
}

// TestShortName cuts a speaker's name as chips.js does: its last two
// words, at most 18 letters, letters whole.
func TestShortName(t *testing.T) {
	for name, want := range map[string]string{
		"صباح النعمان":                    "صباح النعمان",
		"الناطق باسم الجهاز صباح النعمان": "…صباح النعمان",
		"عبدالرحمنِ بنُ عبدالعزيزِ":       "…بنُ عبدالعزيزِ",
		"عبدالرحمنِ عبدالعزيزِالسعوديُّ":  "عبدالرحمنِ عبدالعز…",
	} {
		if got := shortName(name, 2, 18); got != want {
			t.Errorf("shortName(%q) = %q, want %q", name, got, want)
		}
	}
}
