package codec

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// A file saved in another encoding than UTF-8 is refused for that, once,
// before anything its bytes would make of it: read as UTF-8, a UTF-16
// file is a NUL after every letter and a Latin-1 one a bad byte in every
// accented word, and each line's own complaint would bury the one cause.

// wideBOMs are the byte-order marks of the encodings a file saved as
// "Unicode" by Windows tools is in: UTF-32 before UTF-16, whose
// little-endian mark starts UTF-32's.
var wideBOMs = []struct {
	encoding string
	mark     []byte
}{
	{"UTF-32", []byte{0xFF, 0xFE, 0x00, 0x00}},
	{"UTF-32", []byte{0x00, 0x00, 0xFE, 0xFF}},
	{"UTF-16", []byte{0xFF, 0xFE}},
	{"UTF-16", []byte{0xFE, 0xFF}},
}

// wideBOM is the error refusing a file whose first bytes, head, are a
// UTF-16 or UTF-32 byte-order mark; nil for any other.
func wideBOM(name string, head []byte) error {
	for _, b := range wideBOMs {
		if bytes.HasPrefix(head, b.mark) {
			hex := strings.ToUpper(fmt.Sprintf("% x", b.mark))
			return Errors{{File: name, Line: 1, Reason: fmt.Sprintf("the file is %s (byte-order mark %s); save it as UTF-8", b.encoding, hex)}}
		}
	}
	return nil
}

// sniffBytes is how much of a file's start wideEncoding looks at.
const sniffBytes = 4 << 10

// wideEncoding is the error refusing a file whose first bytes, head (up
// to sniffBytes of them), are those of UTF-16 or UTF-32: by a byte-order
// mark (wideBOM), or without one, by the bytes such text has where UTF-8
// text has none (bomless); nil for any other.
func wideEncoding(name string, head []byte) error {
	if err := wideBOM(name, head); err != nil {
		return err
	}
	if enc := bomless(head[:min(len(head), sniffBytes)]); enc != "" {
		return Errors{{File: name, Line: 1, Reason: fmt.Sprintf("the file looks like %s without a byte-order mark; save it as UTF-8", enc)}}
	}
	return nil
}

// bomless names the encoding head looks written in when it is UTF-32 or
// UTF-16 without a byte-order mark ("UTF-16 little-endian"), else "".
// UTF-32 is told by every four bytes (eight at least) being a code point
// in one byte order, which no UTF-8 text is (its ASCII letters make
// numbers far past U+10FFFF). UTF-16 is told by the high byte of each
// pair being, in half the pairs at least, a byte below 0x20 other than
// tab, LF and CR: 0x00 for ASCII, 0x06 for Arabic, 0x05 for Hebrew, 0x04
// for Cyrillic; and the other bytes seldom (a quarter as often at most:
// Arabic's comma U+060C is 0x0C there). UTF-8 text holds no such byte (a
// control character), so a file with one or two is refused for each, as
// before, while UTF-16 of these scripts has one in nearly every pair.
func bomless(head []byte) string {
	for _, order := range []struct {
		name  string
		order binary.ByteOrder
	}{{"little-endian", binary.LittleEndian}, {"big-endian", binary.BigEndian}} {
		if quads := len(head) / 4; quads > 1 && allCodePoints(head[:quads*4], order.order) {
			return "UTF-32 " + order.name
		}
	}
	pairs := len(head) / 2
	var low [2]int // control bytes at even and at odd offsets
	for i, b := range head[:pairs*2] {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			low[i%2]++
		}
	}
	for high, name := range []string{"UTF-16 big-endian", "UTF-16 little-endian"} {
		if low[high] >= 2 && low[high]*2 >= pairs && low[1-high]*4 <= low[high] {
			return name
		}
	}
	return ""
}

// allCodePoints says whether b, a whole number of 4-byte units, is code
// points in order, none of them a surrogate.
func allCodePoints(b []byte, order binary.ByteOrder) bool {
	for i := 0; i < len(b); i += 4 {
		if r := order.Uint32(b[i:]); r > unicode.MaxRune || (r >= 0xD800 && r <= 0xDFFF) {
			return false
		}
	}
	return true
}

// refuseWideBOM reads the first bytes of r to refuse a UTF-16 or UTF-32
// file (see wideEncoding), and returns r as it was: sought back when it
// seeks, so a file can still be read twice without being held, else with
// the bytes read put back in front.
func refuseWideBOM(r io.Reader, name string) (io.Reader, error) {
	head := make([]byte, sniffBytes)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, fmt.Errorf("codec: read %s: %w", name, err)
	}
	head = head[:n]
	if err := wideEncoding(name, head); err != nil {
		return nil, err
	}
	if s, ok := r.(io.Seeker); ok {
		// A pipe is an *os.File too, but one that cannot seek.
		if _, err := s.Seek(-int64(n), io.SeekCurrent); err == nil {
			return r, nil
		}
	}
	return io.MultiReader(bytes.NewReader(head), r), nil
}

// notUTF8 is the reason refusing a file whose first byte that is not part
// of valid UTF-8 is b, at byte offset off of the file.
func notUTF8(b byte, off int64) string {
	return fmt.Sprintf("the file is not valid UTF-8 (byte 0x%02X at byte %d); save it as UTF-8", b, off)
}

// encodingFirst is err, the Errors of a file's bad lines, with enc, the
// one saying the file is not UTF-8, moved to the front of them: the
// errors after it may be its consequences.
func encodingFirst(err error, enc LineError) error {
	bad, ok := err.(Errors)
	if !ok {
		return err
	}
	out := Errors{enc}
	for _, e := range bad {
		if e != enc {
			out = append(out, e)
		}
	}
	return out
}
