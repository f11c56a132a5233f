package components

import (
	"os/exec"
	"strings"
	"testing"
)

// TestShellWord: the name a hint puts in a command comes back out of a
// shell as one word, unchanged.
func TestShellWord(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to check the quoting with")
	}
	for _, name := range []string{"news", "أخبار", "news-2024.v1", "مشروع الأخبار 2024 News", "Omar's notes", "a$b`c\"d\\e", "*", "-x"} {
		word := shellWord(name)
		out, err := exec.Command(sh, "-c", `set -- `+word+`; printf '%s|%s' "$#" "$1"`).Output()
		if err != nil {
			t.Fatalf("sh on %s: %v", word, err)
		}
		if got := string(out); got != "1|"+name {
			t.Errorf("shellWord(%q) = %s, which a shell reads as %q", name, word, got)
		}
		if strings.ContainsAny(name, " '$") && !strings.HasPrefix(word, "'") {
			t.Errorf("shellWord(%q) = %s is not quoted", name, word)
		}
	}
}
