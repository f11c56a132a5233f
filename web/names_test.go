package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestFormsRefuseInvisibleNames: the browser's forms that name a user, a
// project or an API token refuse a name holding a line break, another
// control character or a bidi control or mark, saying which character,
// and create nothing.
func TestFormsRefuseInvisibleNames(t *testing.T) {
	env := newAPIEnv(t)
	admin := &formUser{env: env, user: env.user, session: env.session}
	tests := []struct {
		name, path string
		fields     url.Values
		says       string
	}{
		{"a user name with a line break", "/admin/users", url.Values{"name": {"rami\nroot"}, "password": {"a long password"}},
			"control character U+000A at character 5"},
		{"a user name with an override", "/admin/users", url.Values{"name": {"رامي\u202Exe.txt"}, "password": {"a long password"}},
			"control character U+202E at character 5"},
		{"a project name with RLM", "/projects", url.Values{"name": {"أخبار\u200F"}},
			"control character U+200F at character 6"},
		{"a project name with NUL", "/projects", url.Values{"name": {"a\x00b"}},
			"control character U+0000 at character 2"},
		{"a token name with ALM", "/settings/tokens", url.Values{"name": {"ci\u061Cjob"}},
			"control character U+061C at character 3"},
		{"a token name with a tab", "/settings/tokens", url.Values{"name": {"ci\tjob"}},
			"control character U+0009 at character 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := admin.post(tt.path, tt.fields)
			if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), tt.says) {
				t.Errorf("status %d, body lacks %q", rec.Code, tt.says)
			}
			name := tt.fields.Get("name")
			if _, err := env.store.UserByName(t.Context(), name); err == nil {
				t.Errorf("user %q was created", name)
			}
			if _, err := env.store.ProjectByName(t.Context(), name); err == nil {
				t.Errorf("project %q was created", name)
			}
			tokens, err := env.store.Tokens(t.Context(), env.user)
			if err != nil || len(tokens) != 0 {
				t.Errorf("tokens %+v (%v), want none", tokens, err)
			}
		})
	}
}
