package db

import (
	"context"
	"strings"
	"testing"
)

// TestNamesRefuseInvisibleCharacters: a user, project or token name
// holding a control character (a line break above all), a bidi control
// or mark, or bytes that are not UTF-8 is refused, naming the character,
// and nothing is stored.
func TestNamesRefuseInvisibleCharacters(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	names := []struct {
		name, says string
	}{
		{"line\nbreak", "control character U+000A at character 5"},
		{"nul\x00", "control character U+0000 at character 4"},
		{"bell\a", "control character U+0007 at character 5"},
		{"tab\tname", "control character U+0009 at character 4"},
		{"del\x7f", "control character U+007F at character 4"},
		{"c1\u0085x", "control character U+0085 at character 3"},
		{"أحمد\u202Eabc", "control character U+202E at character 5"},
		{"\u2067x", "control character U+2067 at character 1"},
		{"a\u200Eb", "control character U+200E at character 2"},
		{"رامي\u200F", "control character U+200F at character 5"},
		{"a\u061Cb", "control character U+061C at character 2"},
		{"bad\xffbyte", "not valid UTF-8"},
	}
	kinds := []struct {
		kind, table, prefix string
		create              func(name string) error
	}{
		{"user", "users", "user name", func(name string) error { _, err := f.s.CreateUser(ctx, name, "", false); return err }},
		{"project", "projects", "project name", func(name string) error { _, err := f.s.CreateProject(ctx, name, nil, f.user.ID); return err }},
		{"token", "api_tokens", "token name", func(name string) error { _, _, err := f.s.CreateToken(ctx, f.user, name); return err }},
	}
	for _, k := range kinds {
		for _, n := range names {
			t.Run(k.kind+" "+n.says, func(t *testing.T) {
				before := count(t, f.s, "SELECT count(*) FROM "+k.table)
				err := k.create(n.name)
				if field := validationField(t, err); field != "name" || !strings.Contains(err.Error(), k.prefix) || !strings.Contains(err.Error(), n.says) {
					t.Errorf("%s %q: error %v names %q, want name saying %q", k.kind, n.name, err, field, n.says)
				}
				if after := count(t, f.s, "SELECT count(*) FROM "+k.table); after != before {
					t.Errorf("%s: a refused name stored a row", k.kind)
				}
			})
		}
		// Arabic names, digits and punctuation are names.
		if err := k.create("نادية-2"); err != nil {
			t.Errorf("%s نادية-2 refused: %v", k.kind, err)
		}
	}
}
