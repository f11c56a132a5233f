package codec

import (
	"bytes"
	"fmt"
	"io"
	"strings"
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

// refuseWideBOM reads the first bytes of r to refuse a UTF-16 or UTF-32
// file (see wideBOM), and returns r as it was: sought back when it seeks,
// so a file can still be read twice without being held, else with the
// bytes read put back in front.
func refuseWideBOM(r io.Reader, name string) (io.Reader, error) {
	head := make([]byte, 4)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, fmt.Errorf("codec: read %s: %w", name, err)
	}
	head = head[:n]
	if err := wideBOM(name, head); err != nil {
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
