package db

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"hashiya/db/codec"
)

// badCharacter says which character of s text shown as it was typed may
// not hold, "" when there is none: a control character other than those
// in allow, or a bidi embedding, override or isolate control, which
// reorders the text around it wherever it is shown. With marks the
// implicit bidi marks (LRM, RLM, ALM) count too: a name is one line of a
// list, a menu or a log, and one holding an invisible mark looks like a
// name it is not. Notes, guidelines and names share it, so they all say
// the same thing the same way.
func badCharacter(s, allow string, marks bool) string {
	if !utf8.ValidString(s) {
		return "not valid UTF-8"
	}
	for i, r := range []rune(s) {
		if unicode.IsControl(r) && !strings.ContainsRune(allow, r) || codec.IsBidiControl(r) || marks && isBidiMark(r) {
			return fmt.Sprintf("control character U+%04X at character %d", r, i+1)
		}
	}
	return ""
}

// isBidiMark is true for the implicit bidi marks: LRM, RLM and ALM.
func isBidiMark(r rune) bool { return r == '\u200E' || r == '\u200F' || r == '\u061C' }

// badName says why s cannot be a name (of a user, a project, an API
// token), "" when it can: no control character at all, not even a tab or
// a line break, and no bidi control or mark.
func badName(s string) string { return badCharacter(s, "", true) }
