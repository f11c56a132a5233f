package suggest

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// outcome is a Result read back as text, so cases state what an annotator
// would see rather than offsets.
type outcome struct {
	Quotes   []string          // QUOTE texts, in order
	Types    []string          // their "type" attribute ("" for existing)
	Cues     []string          // CUE texts, in order
	Speaker  map[string]string // QUOTE text -> speaker text ("LABEL text")
	CueOf    map[string]string // QUOTE text -> cue text
	Proposed []string          // "LABEL text" of every proposed PER/ORG
}

func read(t *testing.T, text string, res Result) outcome {
	t.Helper()
	rs := []rune(text)
	byID := map[string]Span{}
	o := outcome{Speaker: map[string]string{}, CueOf: map[string]string{}}
	for _, s := range res.Spans {
		byID[s.ID] = s
		txt := string(rs[s.Start:s.End])
		switch s.Label {
		case "QUOTE":
			o.Quotes = append(o.Quotes, txt)
			typ, _ := s.Attributes["type"].(string)
			o.Types = append(o.Types, typ)
		case "CUE":
			o.Cues = append(o.Cues, txt)
		default:
			if !s.Existing {
				o.Proposed = append(o.Proposed, s.Label+" "+txt)
			}
		}
	}
	for _, r := range res.Relations {
		from, ok1 := byID[r.From]
		to, ok2 := byID[r.To]
		if !ok1 || !ok2 {
			t.Fatalf("relation %+v names a span not in the result", r)
		}
		q := string(rs[from.Start:from.End])
		switch r.Type {
		case "speaker":
			o.Speaker[q] = to.Label + " " + string(rs[to.Start:to.End])
		case "cue":
			o.CueOf[q] = string(rs[to.Start:to.End])
		}
	}
	return o
}

// at returns the code point span of the nth (from 1) occurrence of sub.
func at(t *testing.T, text, sub string, nth int) (int, int) {
	t.Helper()
	from := 0
	for ; nth > 0; nth-- {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q not found %d times", sub, nth)
		}
		from += i
		if nth > 1 {
			from += len(sub)
		}
	}
	start := len([]rune(text[:from]))
	return start, start + len([]rune(sub))
}

func TestSuggestQuotations(t *testing.T) {
	cases := []struct {
		name, text string
		quotes     []string
		cues       []string // nil: not checked
	}{
		{"names nested in a quotation are not quotations",
			"وأشار إلى “وجود تنسيق شهد تفكيك كتيبة “القعقاع” والتي جرت بالتعاون مع “آسايش” السليمانية”. وبين أن “الجهاز ينفذ الاستراتيجية”.",
			[]string{"وجود تنسيق شهد تفكيك كتيبة “القعقاع” والتي جرت بالتعاون مع “آسايش” السليمانية", "الجهاز ينفذ الاستراتيجية"},
			[]string{"وأشار", "وبين"}},
		{"a quotation inside a quotation is part of it",
			"وقال الشاهد إن “الرجل صاح “سنعود إلى بيوتنا قريبا جدا” ثم غادر المكان”.",
			[]string{"الرجل صاح “سنعود إلى بيوتنا قريبا جدا” ثم غادر المكان"}, nil},
		{"a nested name glued to its noun",
			"وقال إن “الجهاز فكك كتيبة“القعقاع”بالكامل في العملية”.",
			[]string{"الجهاز فكك كتيبة“القعقاع”بالكامل في العملية"}, nil},
		{"a quotation over two sentences",
			"وقال الوزير أحمد علي إن “الوضع مستقر. ونحن مستعدون لكل الاحتمالات”. وانتهى المؤتمر.",
			[]string{"الوضع مستقر. ونحن مستعدون لكل الاحتمالات"}, nil},
		{"reversed orientation ”…“",
			"قال المتحدث إن ”الوضع مستقر تماما“. وأضاف أن ”العمل مستمر“.",
			[]string{"الوضع مستقر تماما", "العمل مستمر"}, []string{"قال", "وأضاف"}},
		{"guillemets, both orientations",
			"وقال المتحدث إن «الجهاز مستمر في عملياته». وأضاف أن »العمل مستمر في كل مكان«.",
			[]string{"الجهاز مستمر في عملياته", "العمل مستمر في كل مكان"}, nil},
		{"straight quotes, the same character opening and closing",
			`وقالت الوزيرة سارة: "سنواصل العمل". وأضافت أن "الخطة جاهزة".`,
			[]string{"سنواصل العمل", "الخطة جاهزة"}, []string{"وقالت", "وأضافت"}},
		{"tokenised text with spaces around the marks",
			`وقال الوزير إن " الوضع مستقر " . وأضاف أن " العمل مستمر " .`,
			[]string{"الوضع مستقر", "العمل مستمر"}, nil},
		{"a short quoted name is not a quotation, a short answer is",
			"انضم إلى حزب “الدعوة” منذ سنوات. وقال الوزير: “لا”.",
			[]string{"لا"}, []string{"وقال"}},
		{"a quoted name after a naming noun",
			"نفذت القوات عملية “ثأر الشهداء في الأنبار” أمس.",
			nil, []string{}},
		{"a cue word inside a quotation is not a cue",
			"قال الوزير إن “المسؤول قال إن الوضع جيد ثم أضاف كلاما آخر”.",
			[]string{"المسؤول قال إن الوضع جيد ثم أضاف كلاما آخر"}, []string{"قال"}},
		{"an unclosed mark introduced as speech runs to the end of the sentence",
			"قال الوزير إن “الوضع مستقر. وانتهى المؤتمر بعد الظهر.",
			[]string{"الوضع مستقر"}, []string{"قال"}},
		{"an unclosed mark at the end of the text",
			"قال الوزير إن “الوضع مستقر",
			[]string{"الوضع مستقر"}, []string{"قال"}},
		{"an unclosed mark that nothing introduces pairs with nothing",
			"وصل الوفد إلى “المدينة القديمة بعد الظهر. وقال الوزير إن الطرق مفتوحة.",
			[]string{"الطرق مفتوحة"}, []string{"وقال"}},
		{"reported speech without marks",
			"وأكد الوزير أن الحكومة ستواصل دعم القطاع، فيما قال المتحدث إن الأسعار ستنخفض.",
			[]string{"الحكومة ستواصل دعم القطاع", "الأسعار ستنخفض"}, []string{"وأكد", "قال"}},
		{"no reported speech after a conjunction أن",
			"وقال الوزير بعد أن وصل المطار كلاما كثيرا.",
			nil, []string{"وقال"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := read(t, c.text, Suggest(c.text, nil, Options{}))
			if !slices.Equal(o.Quotes, c.quotes) {
				t.Errorf("quotes = %q\nwant     %q", o.Quotes, c.quotes)
			}
			if c.cues != nil && !slices.Equal(o.Cues, c.cues) {
				t.Errorf("cues = %q, want %q", o.Cues, c.cues)
			}
		})
	}
}

func TestSuggestCueForms(t *testing.T) {
	text := "فقال الرجل إن “نعم هذا صحيح”. وأضافت المديرة أن “العمل جار”. وقالوا إن “الطريق مغلق”، مبينةً أن “الجسر مقطوع”. " +
		"وتابعته القناة في مقال بين البلدين. وأكدت الشرطة أن المتهم هارب."
	o := read(t, text, Suggest(text, nil, Options{}))
	want := []string{"فقال", "وأضافت", "وقالوا", "مبينةً", "وأكدت"}
	if !slices.Equal(o.Cues, want) {
		t.Errorf("cues = %q, want %q (تابعته، مقال and the preposition بين are not cues)", o.Cues, want)
	}
	o = read(t, text, Suggest(text, nil, Options{CueVerbs: []string{"أكد"}}))
	if !slices.Equal(o.Cues, []string{"وأكدت"}) {
		t.Errorf("with CueVerbs [أكد]: cues = %q, want [وأكدت]", o.Cues)
	}
}

func TestSuggestSpeakers(t *testing.T) {
	const (
		q1 = "الجهاز مستمر في عملياته"
		q2 = "هناك متابعة من رئيس الوزراء"
		q3 = "وجود خلية مشتركة للتنسيق"
	)
	text := "وقال الناطق باسم الجهاز صباح النعمان، للقناة الرسمية تابعته (الاولى نيوز)، إن “" + q1 + "”. وأضاف، أن “" + q2 + "”. وأشار إلى “" + q3 + "”."
	o := read(t, text, Suggest(text, nil, Options{}))
	who := "PER الناطق باسم الجهاز صباح النعمان"
	for _, q := range []string{q1, q2, q3} {
		if o.Speaker[q] != who {
			t.Errorf("speaker of %q = %q, want %q", q, o.Speaker[q], who)
		}
	}
	if !slices.Equal(o.Proposed, []string{who}) {
		t.Errorf("proposed speakers = %q, want the one phrase once", o.Proposed)
	}
	if o.CueOf[q2] != "وأضاف" || o.CueOf[q3] != "وأشار" {
		t.Errorf("cues = %v", o.CueOf)
	}

	cases := []struct{ name, text, quote, speaker string }{
		{"an institution is an ORG", "وأعلنت وزارة الداخلية، أن “الطرق مفتوحة”.", "الطرق مفتوحة", "ORG وزارة الداخلية"},
		{"the phrase ends at a joined preposition", "وقال المتحدث باسم الجهاز صباح النعمان للقناة الرسمية، إن “المعركة مستمرة”.",
			"المعركة مستمرة", "PER المتحدث باسم الجهاز صباح النعمان"},
		{"a cue after the quotation", "“سنواصل العمل”، قال الوزير أحمد. ثم غادر.", "سنواصل العمل", "PER الوزير أحمد"},
		{"the subject of a verb before a participle cue", "وقال الوزير أحمد، إن “الأمر محسوم”. وأضاف المتحدث سامي قائلا “سنعلن التفاصيل غدا”.",
			"سنعلن التفاصيل غدا", "PER المتحدث سامي"},
		{"a quotation with no cue has no speaker", "ورفع المتظاهرون لافتة كتب عليها “ارحلوا جميعا من هنا الآن”.", "ارحلوا جميعا من هنا الآن", ""},
		{"a subject named by a cue without quotation", "وأعلن جهاز مكافحة الإرهاب، تعزيز قواته، فيما أشار إلى أن التعاون أسهم بالقبض على قيادات.",
			"التعاون أسهم بالقبض على قيادات", "ORG جهاز مكافحة الإرهاب"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := read(t, c.text, Suggest(c.text, nil, Options{}))
			if !slices.Contains(o.Quotes, c.quote) || o.Speaker[c.quote] != c.speaker {
				t.Errorf("quotes %q, speaker of %q = %q, want %q", o.Quotes, c.quote, o.Speaker[c.quote], c.speaker)
			}
		})
	}
}

func TestSuggestUsesExistingSpans(t *testing.T) {
	text := "وقال الناطق باسم الجهاز صباح النعمان، إن “الجهاز مستمر في عملياته”. وأضاف، أن “هناك متابعة مستمرة”."
	ps, pe := at(t, text, "صباح النعمان", 1)
	gs, ge := at(t, text, "الجهاز", 1)
	qs, qe := at(t, text, "“الجهاز مستمر في عملياته”", 1) // an annotator's QUOTE with its marks
	existing := []Span{
		{ID: "17", Start: ps, End: pe, Label: "PER"},
		{ID: "18", Start: gs, End: ge, Label: "ORG"},
		{ID: "5", Start: qs, End: qe, Label: "QUOTE"},
	}
	res := Suggest(text, existing, Options{})
	var speakers, cueRels []Relation
	for _, r := range res.Relations {
		if r.Type == "speaker" {
			speakers = append(speakers, r)
		} else {
			cueRels = append(cueRels, r)
		}
	}
	if len(speakers) != 2 || speakers[0] != (Relation{"speaker", "5", "17"}) || speakers[1].To != "17" {
		t.Errorf("speaker relations = %+v, want 5 -> 17 then the second quote -> 17", speakers)
	}
	if len(cueRels) != 2 {
		t.Errorf("cue relations = %+v, want one per quotation", cueRels)
	}
	for _, s := range res.Spans {
		if s.Label == "PER" || s.Label == "ORG" {
			if !s.Existing || s.ID != "17" {
				t.Errorf("span %+v: want only the existing PER 17", s)
			}
		}
		if s.Label == "QUOTE" && s.Start < qe && qs < s.End && !s.Existing {
			t.Errorf("proposed %+v over the existing QUOTE 5", s)
		}
	}
}

func TestSuggestExistingSpeakerBeforeCue(t *testing.T) {
	text := "وقال الوزير، إن “الوضع مستقر تماما”. ومضى الاعرجي يقول “هناك أزمة ثقة كبيرة”."
	s, e := at(t, text, "الاعرجي", 1)
	res := Suggest(text, []Span{{ID: "3", Start: s, End: e, Label: "PER"}}, Options{})
	o := read(t, text, res)
	if got := o.Speaker["هناك أزمة ثقة كبيرة"]; got != "PER الاعرجي" {
		t.Errorf("speaker = %q, want the existing PER right before يقول", got)
	}
}

func TestSuggestNeverDuplicatesExisting(t *testing.T) {
	text := "وقال الوزير أحمد علي، إن “الوضع مستقر تماما”."
	fresh := Suggest(text, nil, Options{})
	var existing []Span
	for i, s := range fresh.Spans {
		s.ID = string(rune('a' + i))
		existing = append(existing, s)
	}
	again := Suggest(text, existing, Options{})
	for _, s := range again.Spans {
		if !s.Existing {
			t.Errorf("proposed %+v although the layer holds it", s)
		}
	}
	if len(again.Relations) != len(fresh.Relations) {
		t.Errorf("relations = %+v, want %d over the existing spans", again.Relations, len(fresh.Relations))
	}
}

func TestSuggestOrderAndIDs(t *testing.T) {
	text := "وقال الوزير أحمد علي، إن “الوضع مستقر”. وأضاف، أن “العمل مستمر”. وأكدت الشرطة أن الطرق مفتوحة."
	res := Suggest(text, nil, Options{})
	for i, s := range res.Spans {
		if want := "s" + strconv.Itoa(i+1); s.ID != want {
			t.Errorf("span %d has ID %q, want %q", i, s.ID, want)
		}
		if i > 0 && s.Start < res.Spans[i-1].Start {
			t.Errorf("span %d starts before span %d", i, i-1)
		}
	}
	if !reflect.DeepEqual(res, Suggest(text, nil, Options{})) {
		t.Error("two runs differ")
	}
	b, err := json.Marshal(Suggest("", nil, Options{}))
	if err != nil || string(b) != `{"spans":[],"relations":[]}` {
		t.Errorf("empty text: %s, %v", b, err)
	}
}
