package main

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"hashiya/db"
)

// TestUserPasswd: user passwd gives an existing user a new password,
// random and printed once or read from stdin; the old password stops
// working and every session of the account ends. An unknown user, a bad
// password or a missing database change nothing.
func TestUserPasswd(t *testing.T) {
	c := newCLI(t)
	c.run("old password 1\n", "user", "add", "boss", "--admin", "--password-stdin")
	c.run("old password 2\n", "user", "add", "layla", "--password-stdin")
	sessions := startSessions(t, c, "layla", "boss")

	out := c.ok("user", "passwd", "layla")
	m := regexp.MustCompile(`^user layla: password reset, logged out everywhere; new password \(shown once\): (\S{20,})\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("user passwd printed %q", out)
	}
	checkLogin(t, c, "layla", m[1], "old password 2")
	s := openCLIStore(t, c)
	if _, err := s.SessionUser(t.Context(), sessions["layla"], time.Now(), db.DefaultSessionPolicy); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("layla's session after user passwd: %v, want ErrNotFound", err)
	}
	if _, err := s.SessionUser(t.Context(), sessions["boss"], time.Now(), db.DefaultSessionPolicy); err != nil {
		t.Errorf("boss's session after layla's reset: %v", err)
	}
	if n, err := s.EventCount(t.Context(), "user.password_reset"); err != nil || n != 1 {
		t.Errorf("%d user.password_reset events (%v), want 1", n, err)
	}
	s.Close()

	// From stdin: nothing printed but that it is done, an admin included.
	if out, _, err := c.run("chosen by boss\n", "user", "passwd", "boss", "--password-stdin"); err != nil || out != "user boss: password reset, logged out everywhere\n" {
		t.Errorf("user passwd --password-stdin: %q, %v", out, err)
	}
	checkLogin(t, c, "boss", "chosen by boss", "old password 1")

	// A disabled user gets the password and stays disabled.
	c.ok("user", "disable", "layla")
	if out, _, err := c.run("back from leave\n", "user", "passwd", "layla", "--password-stdin"); err != nil || !strings.Contains(out, "layla stays disabled until 'hashiya user enable layla'") {
		t.Errorf("user passwd of a disabled user: %q, %v", out, err)
	}

	refused := []struct {
		name, stdin string
		args        []string
		says        string
	}{
		{"an unknown user", "", []string{"user", "passwd", "nobody"}, "hashiya: there is no user \"nobody\"\n"},
		{"a short password", "short\n", []string{"user", "passwd", "boss", "--password-stdin"}, "hashiya: the password must be 8 to 72 bytes long\n"},
		{"no password on stdin", "", []string{"user", "passwd", "boss", "--password-stdin"}, "hashiya: --password-stdin: no password on the first line of stdin\n"},
		{"--admin", "", []string{"user", "passwd", "layla", "--admin"}, "hashiya: --admin is for 'user add': a password reset keeps the account's role\n"},
		{"no database", "", []string{"user", "passwd", "boss", "--db", t.TempDir() + "/none.db"}, "hashiya: no database at "},
	}
	for _, tt := range refused {
		if got := c.fail(tt.stdin, tt.args...); !strings.HasPrefix(got, tt.says) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.says)
		}
	}
	checkLogin(t, c, "boss", "chosen by boss", "")
	s = openCLIStore(t, c)
	defer s.Close()
	if n, err := s.EventCount(t.Context(), "user.password_reset"); err != nil || n != 3 {
		t.Errorf("%d user.password_reset events (%v) after the refusals, want 3", n, err)
	}
}

func openCLIStore(t *testing.T, c *cli) *db.Store {
	t.Helper()
	s, err := db.Open(t.Context(), c.db)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// startSessions logs each user in, as the login page would.
func startSessions(t *testing.T, c *cli, names ...string) map[string]string {
	t.Helper()
	s := openCLIStore(t, c)
	defer s.Close()
	out := map[string]string{}
	for _, name := range names {
		u, err := s.UserByName(t.Context(), name)
		if err != nil {
			t.Fatal(err)
		}
		if out[name], err = s.CreateSession(t.Context(), u, time.Now(), db.DefaultSessionPolicy); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// checkLogin checks that name's stored password is password, and old
// ("" for none) no longer.
func checkLogin(t *testing.T, c *cli, name, password, old string) {
	t.Helper()
	s := openCLIStore(t, c)
	defer s.Close()
	_, hash, err := s.Credentials(t.Context(), name)
	if err != nil {
		t.Fatal(err)
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil {
		t.Errorf("%s's new password %q does not log in", name, password)
	}
	if old != "" && bcrypt.CompareHashAndPassword([]byte(hash), []byte(old)) == nil {
		t.Errorf("%s's old password %q still logs in", name, old)
	}
}

// TestImportAddLabelsKeysAndColours: labels import --add-labels adds get
// the next free hotkeys of the default set's scheme (8, 9, 0 after the
// seven defaults) and colours none of the project's labels has.
// (It stands here for want of a file of its own in this package.)
func TestImportAddLabelsKeysAndColours(t *testing.T) {
	c := newCLI(t)
	c.ok("project", "create", "p")
	file := filepath.Join(t.TempDir(), "new-labels.jsonl")
	line := `{"id":"d1","text":"زار أحمد الأمم المتحدة يوم الاثنين","spans":[{"start":4,"end":8,"label":"PERS"},{"start":9,"end":22,"label":"NORP"},{"start":27,"end":34,"label":"TIME"}]}` + "\n"
	if err := os.WriteFile(file, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := c.ok("import", "--project", "p", "--add-labels", file); !strings.Contains(out, "Added labels PERS, NORP, TIME; no relation rule joins PERS, NORP or TIME (") {
		t.Fatalf("import: %q", out)
	}
	s := openCLIStore(t, c)
	defer s.Close()
	p, err := s.ProjectByName(t.Context(), "p")
	if err != nil {
		t.Fatal(err)
	}
	colours := map[string]string{}
	for _, l := range p.Labels {
		if other, ok := colours[strings.ToLower(l.Color)]; ok {
			t.Errorf("%s and %s share the colour %s", other, l.Name, l.Color)
		}
		colours[strings.ToLower(l.Color)] = l.Name
	}
	var keys []string
	for _, l := range p.Labels[len(p.Labels)-3:] {
		keys = append(keys, l.Name+"="+l.Hotkey)
	}
	if got := strings.Join(keys, " "); got != "PERS=8 NORP=9 TIME=0" {
		t.Errorf("added labels' hotkeys: %s, want PERS=8 NORP=9 TIME=0", got)
	}
}
