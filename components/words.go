package components

import (
	"fmt"
	"strings"
	"unicode"
)

// Plural is n things, in words: "1 span", "3 spans".
func Plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// shellWord is name as one word of a POSIX shell command, to copy from a
// hint: as it is when it holds only letters, digits and _-.:, else in
// single quotes (a quote inside ends the quoting, is escaped, and the
// quoting starts again).
func shellWord(name string) string {
	plain := name != ""
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("_-.:", r) {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", `'\''`) + "'"
}
