package codec

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// A CoNLL, plain-text-lines or Label Studio file is read twice: once to
// learn what only its end decides (CoNLL's column count; whether the
// whole file is UTF-8, within its size limit, one JSON array), then again
// to hand over its documents one at a time. So no document is handed
// over from a file its first reading refuses, as none was when these
// files were read whole.

// rereadable is r as a reader that can be read again from start: r itself
// when it seeks (a file), else its content read whole, up to limit bytes
// when limit >= 0 (more than that is refused by the first reading anyway).
func rereadable(r io.Reader, name string, limit int64) (rs io.ReadSeeker, start int64, err error) {
	if s, ok := r.(io.ReadSeeker); ok {
		// A pipe is an *os.File too, but one that cannot seek.
		if start, err := s.Seek(0, io.SeekCurrent); err == nil {
			return s, start, nil
		}
	}
	if limit >= 0 {
		r = io.LimitReader(r, limit)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, 0, fmt.Errorf("codec: read %s: %w", name, err)
	}
	return bytes.NewReader(data), 0, nil
}

// rewind sets rs back to start for the second reading.
func rewind(rs io.ReadSeeker, start int64, name string) error {
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return fmt.Errorf("codec: read %s again: %w", name, err)
	}
	return nil
}

// textCheck passes a file's bytes on, counting them and finding the
// first byte that is not part of valid UTF-8 (as firstInvalidByte does
// on the whole file) and the line it is on. crEnds counts a CR alone as a
// line end, as plain-text import does; else only LF ends a line.
type textCheck struct {
	r      io.Reader
	crEnds bool
	n      int64 // bytes passed on
	lines  int   // line ends in them
	prevCR bool  // the last byte passed on was a CR
	carry  []byte
	bad    int64 // offset of the first invalid byte, -1 while none
	badB   byte
	badAt  int // its line
	// readErr is the first read error other than EOF: a decoder reading
	// through textCheck would report it as its own.
	readErr error
}

func newTextCheck(r io.Reader, crEnds bool) *textCheck {
	return &textCheck{r: r, crEnds: crEnds, bad: -1}
}

func (t *textCheck) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.scan(p[:n])
	if err == io.EOF && len(t.carry) > 0 && t.bad < 0 {
		// A rune cut short by the file's end: firstInvalidByte's RuneError of size 1.
		// The carried bytes hold no line end.
		t.bad, t.badB, t.badAt = t.n-int64(len(t.carry)), t.carry[0], 1+t.lines
	}
	if err != nil && err != io.EOF && t.readErr == nil {
		t.readErr = err
	}
	return n, err
}

// scan checks b, the next bytes of the file, and counts its line ends.
func (t *textCheck) scan(b []byte) {
	if t.bad < 0 {
		if at, c, ok := t.invalidIn(b); ok {
			t.bad, t.badB, t.badAt = t.n+int64(at), c, 1+t.lines
			if at > 0 {
				t.badAt += t.lineEnds(b[:at])
			}
		}
	}
	t.lines += t.lineEnds(b)
	if len(b) > 0 {
		t.prevCR = b[len(b)-1] == '\r'
	}
	t.n += int64(len(b))
}

// lineEnds counts the line ends of b, which follows the bytes passed on.
func (t *textCheck) lineEnds(b []byte) int {
	if !t.crEnds {
		return bytes.Count(b, []byte("\n"))
	}
	n := lineEnds(b)
	if t.prevCR && len(b) > 0 && b[0] == '\n' {
		n-- // the LF of a CRLF cut between two reads: the CR counted it
	}
	return n
}

// invalidIn finds the first invalid byte of b: its index in b (negative
// for one of the bytes carried from the read before) and its value. A
// rune b ends in the middle of is carried to the next read.
func (t *textCheck) invalidIn(b []byte) (int, byte, bool) {
	if len(t.carry) == 0 {
		// Most reads are valid up to a rune they cut in two.
		cut := len(b)
		for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
			if utf8.RuneStart(b[i]) {
				cut = i
				break
			}
		}
		if cut < len(b) && !utf8.FullRune(b[cut:]) && utf8.Valid(b[:cut]) {
			t.carry = append(t.carry, b[cut:]...)
			return 0, 0, false
		}
		if utf8.Valid(b) {
			return 0, 0, false
		}
	}
	buf := append(t.carry, b...)
	lead := len(t.carry)
	i := 0
	for i < len(buf) {
		if buf[i] < utf8.RuneSelf {
			i++
			continue
		}
		if !utf8.FullRune(buf[i:]) {
			break
		}
		r, size := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && size == 1 {
			t.carry = nil
			return i - lead, buf[i], true
		}
		i += size
	}
	t.carry = append([]byte(nil), buf[i:]...)
	return 0, 0, false
}

// lineTracker passes a file's bytes on to a decoder, keeping those from
// the last offset asked about, so the line of any later offset the
// decoder has read is known without holding the file: memory is what
// the decoder holds ahead, about one task.
type lineTracker struct {
	r      io.Reader
	window []byte // the bytes read from offset base on
	base   int64
	lines  int // LFs before base
}

func (t *lineTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.window = append(t.window, p[:n]...)
	return n, err
}

// lineAt is the 1-based line of offset off, which is at least the last
// offset asked about and at most the bytes read; the bytes before it are
// forgotten.
func (t *lineTracker) lineAt(off int64) int {
	k := min(max(int(off-t.base), 0), len(t.window))
	t.lines += bytes.Count(t.window[:k], []byte("\n"))
	t.window = append(t.window[:0], t.window[k:]...)
	t.base += int64(k)
	return 1 + t.lines
}

// skip is the offset of the first byte from off on that is not in set,
// among the bytes read; off ≥ the last offset asked about.
func (t *lineTracker) skip(off int64, set string) int64 {
	rest := t.window[min(max(int(off-t.base), 0), len(t.window)):]
	return off + int64(len(rest)-len(bytes.TrimLeft(rest, set)))
}
