package db

import (
	"context"
	"strings"
	"testing"
)

func TestSetGuidelines(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	text := "علّم كل اقتباس \u201c...\u201d بـ QUOTE.\r\nThe speaker is the PER or ORG span.\r\n\tTabs stay."
	if err := f.s.SetGuidelines(ctx, f.proj.ID, f.user, text); err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(text, "\r\n", "\n")
	p, err := f.s.Project(ctx, f.proj.ID)
	if err != nil || p.Guidelines != want {
		t.Fatalf("guidelines %q (%v), want %q", p.Guidelines, err, want)
	}
	refused := []struct {
		name, text, says string
	}{
		{"invalid UTF-8", "ok \xff", "not valid UTF-8"},
		{"a control character", "bell \a here", "U+0007 at character 6"},
		{"a C1 control character", "next\u0085line", "U+0085 at character 5"},
		{"a bidi override", "rlo\u202eX", "U+202E at character 4"},
		{"a bidi isolate", "\u2067x\u2069", "U+2067 at character 1"},
		{"too long", strings.Repeat("ن", MaxGuidelines+1), "20001 characters; at most 20000 are allowed"},
	}
	for _, tt := range refused {
		err := f.s.SetGuidelines(ctx, f.proj.ID, f.user, tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), "guidelines") {
			t.Errorf("%s: error %v, want one naming guidelines and saying %q", tt.name, err, tt.says)
		}
		if p, _ := f.s.Project(ctx, f.proj.ID); p.Guidelines != want {
			t.Errorf("%s changed the guidelines to %q", tt.name, p.Guidelines)
		}
	}
	if err := f.s.SetGuidelines(ctx, 99999, f.user, "x"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("guidelines of a missing project: %v", err)
	}
	events, err := f.s.ProjectEvents(ctx, f.proj.ID, 0, 10, EventFilter{})
	if err != nil || len(events) == 0 || events[0].Action != "guidelines.set" {
		t.Errorf("latest event %+v (%v), want guidelines.set", events, err)
	}
}
