package codec

import (
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// The flags Canonicalize and the JSON importer report, in this order.
const (
	flagBidi         = "bidi controls"
	flagPresentation = "presentation forms"
	flagReplacement  = "U+FFFD"
)

// Canonicalize makes plain text canonical before anyone annotates it: CRLF
// and lone CR -> LF, NFC, Arabic presentation forms (U+FB50-U+FDFF,
// U+FE70-U+FEFF, except U+FEFF BOM which is removed at the start of the
// text) mapped to their letters (NFKC of just those characters), bidi
// embedding/override/isolate controls (U+202A-U+202E, U+2066-U+2069)
// removed; diacritics, tatweel, ZWJ/ZWNJ, LRM/RLM/ALM kept. Flags lists
// what it found: "bidi controls", "presentation forms", "U+FFFD".
//
// NFKC is applied to presentation forms alone, never to the whole text,
// because full NFKC would also fold things annotators mean to keep
// (superscripts, full-width digits, ligatures of other scripts). Bidi
// controls go because they reorder what the reader sees without being
// part of the words; the implicit marks (LRM/RLM/ALM) stay because they
// are how Arabic text legitimately fixes the side of neutral characters.
//
// s should be valid UTF-8; each invalid byte reads as U+FFFD.
func Canonicalize(s string) (text string, flags []string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	flags = textFlags(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case IsBidiControl(r):
		case isPresentationForm(r):
			b.WriteString(norm.NFKC.String(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	// NFC last: removing a control or mapping a form may leave a letter
	// next to a mark it composes with. Every U+FEFF the text then starts
	// with goes, not just one BOM: one left there (a second BOM, or one
	// after a removed control) would go when the text is made canonical
	// again, and canonical text must stay as it is.
	return strings.TrimLeft(norm.NFC.String(b.String()), "\uFEFF"), flags
}

// textFlags lists the suspicious characters a text holds, for the import
// report. JSON imports are stored as given, so for them it only reports.
func textFlags(s string) []string {
	var bidi, forms, fffd bool
	for _, r := range s {
		switch {
		case IsBidiControl(r):
			bidi = true
		case isPresentationForm(r):
			forms = true
		case r == '\uFFFD':
			fffd = true
		}
	}
	var flags []string
	if bidi {
		flags = append(flags, flagBidi)
	}
	if forms {
		flags = append(flags, flagPresentation)
	}
	if fffd {
		flags = append(flags, flagReplacement)
	}
	return flags
}

// IsBidiControl is true for the embedding, override and isolate controls
// (LRE RLE PDF LRO RLO, LRI RLI FSI PDI), not for the implicit marks.
func IsBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// isPresentationForm is true in the Arabic Presentation Forms-A and -B
// blocks. U+FEFF sits at the end of block B but is the byte order mark /
// zero width no-break space, not a letter form, so it is left out.
func isPresentationForm(r rune) bool {
	return (r >= '\uFB50' && r <= '\uFDFF') || (r >= '\uFE70' && r <= '\uFEFE')
}

// forbiddenControl finds the first character a document's text may not
// hold: a C0 control other than tab, line feed and carriage return, DEL,
// or a C1 control (U+0080-U+009F). Browsers drop U+0000 from the page, so
// offsets counted there would shift past it, and SQLite's length() stops
// at it; U+0085 (next line) ends a line for Python's str.splitlines(), so
// an exported line holding it would read as two; the others have no
// place in running text and are invisible where they would be annotated.
// It returns the character, its code point offset and its byte offset;
// the offsets are -1 when there is none.
func forbiddenControl(s string) (r rune, at, byteOff int) {
	at = 0
	for i, c := range s {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F {
			return c, at, i
		}
		at++
	}
	return 0, -1, -1
}

// controlReason words forbiddenControl's finding for a bad line.
func controlReason(r rune, at int) string {
	return fmt.Sprintf("text holds the control character U+%04X at code point %d: a text may hold tab, line feed and carriage return, no other control character; remove it", r, at)
}
