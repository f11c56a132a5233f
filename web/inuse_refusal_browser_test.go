package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"hashiya/db"
)

// TestBrowserInUseRefusalFocusesItsRow: a manager clears or renames a
// label that spans still carry, or a relation type that relations still
// use, and edits another row besides; the page that comes back marks that
// row's name input invalid, described by the refusal, and opens with the
// focus in it, every row as typed.
func TestBrowserInUseRefusalFocusesItsRow(t *testing.T) {
	s := newSite(t, seedDoc(t))
	doc := s.docs["seed"]
	ctx := context.Background()
	span := func(word, label string) db.Span {
		t.Helper()
		start, end := spanAt(t, doc.Text, word, 0)
		sp, err := s.store.CreateSpan(ctx, doc, s.user.ID, s.user.ID, db.SpanInput{Start: start, End: end, Label: label})
		if err != nil {
			t.Fatal(err)
		}
		return sp
	}
	quote, per := span("جهاز مكافحة الإرهاب", "QUOTE"), span("الإرهاب", "PER")
	if _, err := s.store.CreateRelation(ctx, doc, s.user.ID, s.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: per.ID}); err != nil {
		t.Fatal(err)
	}
	before, err := s.store.Project(ctx, s.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	for _, tc := range []struct {
		name, form        string
		input, typed      string // the row's name input and what is typed in it
		other, otherTyped string // another input edited in the same form
		says              string
	}{
		{"PER cleared", "labels-form", `input[aria-label="Name of label 1"]`, "",
			`input[aria-label="Hotkey of label 2"]`, "o", "Label PER is used by 1 span; it cannot be removed or renamed."},
		{"PER renamed", "labels-form", `input[aria-label="Name of label 1"]`, "PERSON",
			`input[aria-label="What label 3 covers"]`, "أماكن", "Label PER is used by 1 span; it cannot be removed or renamed."},
		{"speaker renamed", "relation-types-form", `input[aria-label="Name of relation type 1"]`, "said_by",
			`input[aria-label="Labels relation type 2 joins to"]`, "CUE DATE", "Relation type speaker is used by 1 relation (QUOTE -> PER); it cannot be removed or renamed."},
		{"speaker cleared", "relation-types-form", `input[aria-label="Name of relation type 1"]`, "",
			`input[aria-label="Labels relation type 2 joins from"]`, "QUOTE DATE", "Relation type speaker is used by 1 relation (QUOTE -> PER); it cannot be removed or renamed."},
	} {
		b.run(chromedp.Navigate(fmt.Sprintf("%s/projects/%d", s.url, s.proj.ID)), chromedp.WaitVisible(chromedp.ID(tc.form)))
		// chromedp's SetValue cannot clear an input: set both here.
		eval[bool](b, fmt.Sprintf(`(document.querySelector(%q).value = %q, document.querySelector(%q).value = %q, true)`, tc.input, tc.typed, tc.other, tc.otherTyped))
		b.run(chromedp.Click(`#`+tc.form+` button[type="submit"]`), chromedp.WaitVisible(`#form-error`))
		if says := eval[string](b, `document.getElementById('form-error').innerText.trim()`); says != tc.says {
			t.Errorf("%s: the refusal says %q, want %q", tc.name, says, tc.says)
		}
		marked := fmt.Sprintf(`(() => { const e = document.querySelector(%q);
			return document.activeElement === e && e.getAttribute('aria-invalid') === 'true'
				&& e.getAttribute('aria-describedby') === 'form-error'; })()`, tc.input)
		if _, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](marked, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			t.Errorf("%s: %s is not focused and marked: focus on %q", tc.name, tc.input, eval[string](b, `document.activeElement.getAttribute('aria-label') || document.activeElement.id`))
		}
		if others := eval[[]string](b, `[...document.querySelectorAll('[aria-invalid="true"]')].map((e) => e.getAttribute('aria-label'))`); len(others) != 1 {
			t.Errorf("%s: the inputs marked invalid are %q, want the one row's name", tc.name, others)
		}
		kept := eval[[]string](b, fmt.Sprintf(`[%q, %q].map((q) => document.querySelector(q).value)`, tc.input, tc.other))
		if strings.Join(kept, "|") != tc.typed+"|"+tc.otherTyped {
			t.Errorf("%s: the form came back holding %q, want %q and %q as typed", tc.name, kept, tc.typed, tc.otherTyped)
		}
	}
	b.viewShot("inuse-refusal-relation")
	if after, err := s.store.Project(ctx, s.proj.ID); err != nil || fmt.Sprint(after.Labels, after.RelationTypes) != fmt.Sprint(before.Labels, before.RelationTypes) {
		t.Errorf("the refused forms changed the project: %+v %+v (%v)", after.Labels, after.RelationTypes, err)
	}
}
