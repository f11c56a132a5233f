package codec

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// eachTextLine reads a plain-text file with one document on each line
// (sentences, posts), each made canonical as a plain-text document is and
// named FILE-LINE after its line; blank lines are skipped. A line ends
// at CRLF, LF or CR alone (old Mac editors), as Canonicalize ends them.
// The file is read twice (see rereadable): a file larger than limit, or
// holding invalid UTF-8 anywhere, is refused before any line is handed
// over, naming the line of its first bad byte.
func eachTextLine(r io.Reader, name string, limit int, fn func(Doc) error) (Report, error) {
	rs, start, err := rereadable(r, name, int64(limit)+1)
	if err != nil {
		return Report{}, err
	}
	if err := plainTextShape(rs, name, limit); err != nil {
		return Report{}, err
	}
	prefix := stem(name)
	if err := fileNameID(name, prefix+"-1"); err != nil {
		return Report{}, err
	}
	if err := rewind(rs, start, name); err != nil {
		return Report{}, err
	}
	sc := bufio.NewScanner(rs)
	sc.Buffer(make([]byte, 0, 64<<10), limit+1)
	sc.Split(scanTextLine)
	var (
		rep  Report
		bad  Errors
		docs int
	)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		text, flags := Canonicalize(line)
		if strings.TrimSpace(text) == "" {
			continue
		}
		if r, at, _ := forbiddenControl(text); at >= 0 {
			bad = append(bad, LineError{File: name, Line: n, Reason: controlReason(r, at)})
			continue
		}
		for _, f := range flags {
			rep.Warnings = append(rep.Warnings, LineError{File: name, Line: n, Reason: textFlagReason(f, true)})
		}
		docs++
		if err := fn(Doc{Line: n, ExternalID: fmt.Sprintf("%s-%d", prefix, n), Text: text, Meta: emptyObject()}); err != nil {
			return Report{}, err
		}
	}
	if err := sc.Err(); err != nil {
		return Report{}, fmt.Errorf("codec: read %s: %w", name, err)
	}
	if len(bad) > 0 {
		return rep, bad
	}
	if docs == 0 {
		return Report{}, Errors{{File: name, Line: 1, Reason: "file holds no text"}}
	}
	return rep, nil
}

// plainTextShape is the first reading of a plain-text file: the error
// refusing it as a whole, as readPlainText refuses it, nil when none does.
func plainTextShape(r io.Reader, name string, limit int) error {
	check := newTextCheck(io.LimitReader(r, int64(limit)+1), true)
	if _, err := io.Copy(io.Discard, check); err != nil {
		return fmt.Errorf("codec: read %s: %w", name, err)
	}
	if check.n > int64(limit) {
		return Errors{{File: name, Line: 1, Reason: fmt.Sprintf("file is larger than %d MiB", limit>>20)}}
	}
	if check.bad >= 0 {
		return Errors{{File: name, Line: check.badAt, Reason: notUTF8(check.badB, check.bad)}}
	}
	return nil
}

// scanTextLine is a bufio.SplitFunc for lines ended by CRLF, LF or CR.
// The last line is handed over even when empty, as strings.Split gives
// it; blank lines are skipped by the reader anyway.
func scanTextLine(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\n' {
			return i + 1, data[:i], nil
		}
		if i+1 < len(data) || atEOF {
			if i+1 < len(data) && data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
			return i + 1, data[:i], nil
		}
		return 0, nil, nil // a CR at the end of what is read: an LF may follow
	}
	if atEOF {
		return len(data), data, nil
	}
	return 0, nil, nil
}
