package db

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestCreateUser(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if _, err := s.CreateUser(ctx, "amina", "", true); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		conflict bool // else a validation error on "name"
	}{
		{name: ""},
		{name: " amina"},
		{name: "amina "},
		{name: "two words"},
		{name: "a/b"},
		{name: "tab\there"},
		{name: strings.Repeat("ع", 65)},
		{name: "amina", conflict: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := count(t, s, "SELECT count(*) FROM users")
			_, err := s.CreateUser(ctx, tt.name, "", false)
			if tt.conflict {
				if !errors.Is(err, ErrConflict) {
					t.Errorf("CreateUser(%q) = %v, want ErrConflict", tt.name, err)
				}
			} else if f := validationField(t, err); f != "name" {
				t.Errorf("validation error names %q, want name", f)
			}
			if after := count(t, s, "SELECT count(*) FROM users"); after != before {
				t.Errorf("users went from %d to %d on a refused create", before, after)
			}
		})
	}
	long := strings.Repeat("ع", 64)
	u, err := s.CreateUser(ctx, long, "hash", false)
	if err != nil {
		t.Fatalf("64-letter Arabic name refused: %v", err)
	}
	got, err := s.UserByName(ctx, long)
	if err != nil || got != u || got.IsAdmin {
		t.Errorf("UserByName = %+v, %v; want %+v", got, err, u)
	}
	if n, _ := s.EventCount(ctx, "user.create"); n != 2 {
		t.Errorf("%d user.create events, want 2", n)
	}
	if _, err := s.User(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("User(9999) = %v, want ErrNotFound", err)
	}
}

func TestCreateProjectDefaults(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	u, err := s.CreateUser(ctx, "amina", "", true)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.CreateProject(ctx, "أخبار", nil, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := s.ProjectByName(ctx, "أخبار")
	if err != nil {
		t.Fatal(err)
	}
	if loaded.ID != p.ID {
		t.Errorf("ProjectByName id %d, want %d", loaded.ID, p.ID)
	}
	var names []string
	for _, l := range loaded.Labels {
		names = append(names, l.Name)
	}
	if want := []string{"PER", "ORG", "LOC", "GPE", "DATE", "QUOTE", "CUE"}; !reflect.DeepEqual(names, want) {
		t.Errorf("default labels %v, want %v", names, want)
	}
	if !reflect.DeepEqual(loaded.Labels, DefaultLabels()) {
		t.Errorf("stored labels %+v differ from DefaultLabels %+v", loaded.Labels, DefaultLabels())
	}
	want := []RelationType{
		{Name: "speaker", From: []string{"QUOTE"}, To: []string{"PER", "ORG"}},
		{Name: "cue", From: []string{"QUOTE"}, To: []string{"CUE"}},
		{Name: "segment", From: []string{"QUOTE"}, To: []string{"QUOTE"}},
		{Name: "refers_to", From: []string{"PER", "ORG"}, To: []string{"PER", "ORG"}},
	}
	if !reflect.DeepEqual(loaded.RelationTypes, want) {
		t.Errorf("relation types %+v, want %+v", loaded.RelationTypes, want)
	}
	if n, _ := s.EventCount(ctx, "project.create"); n != 1 {
		t.Errorf("%d project.create events, want 1", n)
	}

	custom := []Label{{Name: "شخص", Color: "#112233", Hotkey: "خ"}, {Name: "B", Color: "#aabbcc", Hotkey: ""}, {Name: "C", Color: "#AABBCC", Hotkey: ""}}
	if _, err := s.CreateProject(ctx, "custom", custom, u.ID); err != nil {
		t.Fatal(err)
	}
	c, err := s.ProjectByName(ctx, "custom")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Labels, custom) {
		t.Errorf("custom labels stored as %+v, want %+v in order", c.Labels, custom)
	}
}

func TestCreateProjectRefuses(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	u, err := s.CreateUser(ctx, "amina", "", true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateProject(ctx, "taken", nil, u.ID); err != nil {
		t.Fatal(err)
	}
	ok := Label{Name: "PER", Color: "#e5484d", Hotkey: "1"}
	tests := []struct {
		desc      string
		name      string
		labels    []Label
		wantField string // "" means ErrConflict
	}{
		{"empty name", "", nil, "name"},
		{"blank name", "   ", nil, "name"},
		{"leading space", " x", nil, "name"},
		{"name too long", strings.Repeat("x", 101), nil, "name"},
		{"taken name", "taken", nil, ""},
		{"label with space", "p", []Label{ok, {Name: "NO GOOD", Color: "#000000", Hotkey: ""}}, "labels[1].name"},
		{"empty label", "p", []Label{{Name: "", Color: "#000000", Hotkey: ""}}, "labels[0].name"},
		{"label colour", "p", []Label{{Name: "X", Color: "red", Hotkey: ""}}, "labels[0].color"},
		{"short colour", "p", []Label{{Name: "X", Color: "#fff", Hotkey: ""}}, "labels[0].color"},
		{"two-letter hotkey", "p", []Label{{Name: "X", Color: "#000000", Hotkey: "ab"}}, "labels[0].hotkey"},
		{"space hotkey", "p", []Label{{Name: "X", Color: "#000000", Hotkey: " "}}, "labels[0].hotkey"},
		{"label twice", "p", []Label{ok, ok}, "labels[1].name"},
		{"hotkey twice, any case", "p", []Label{{Name: "X", Color: "#000000", Hotkey: "x"}, {Name: "Y", Color: "#000000", Hotkey: "X"}}, "labels[1].hotkey"},
		{"more labels than a project may have", "p", manyLabels("L", MaxLabels+1), "labels"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			before := count(t, s, "SELECT count(*) FROM projects") + count(t, s, "SELECT count(*) FROM labels")
			_, err := s.CreateProject(ctx, tt.name, tt.labels, u.ID)
			if tt.wantField == "" {
				if !errors.Is(err, ErrConflict) {
					t.Errorf("CreateProject = %v, want ErrConflict", err)
				}
			} else if f := validationField(t, err); f != tt.wantField {
				t.Errorf("validation error %v names %q, want %q", err, f, tt.wantField)
			}
			after := count(t, s, "SELECT count(*) FROM projects") + count(t, s, "SELECT count(*) FROM labels")
			if after != before {
				t.Errorf("a refused project wrote rows (%d -> %d)", before, after)
			}
		})
	}
	if _, err := s.Project(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Project(9999) = %v, want ErrNotFound", err)
	}
}

// manyLabels is n valid labels named prefix0, prefix1, ...
func manyLabels(prefix string, n int) []Label {
	labels := make([]Label, n)
	for i := range labels {
		labels[i] = Label{Name: fmt.Sprintf("%s%d", prefix, i), Color: "#123456"}
	}
	return labels
}
