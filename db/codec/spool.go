package codec

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// SpoolWriter writes documents, each with a few strings computed from it,
// as compact binary records, for a SpoolReader to give back as they were:
// an import reads a file once, checked, and stores what it read later
// without parsing JSON again or holding the documents in memory.
type SpoolWriter struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

// NewSpoolWriter writes records to w; Flush ends them.
func NewSpoolWriter(w io.Writer) *SpoolWriter {
	return &SpoolWriter{w: bufio.NewWriterSize(w, 256<<10)}
}

// Add writes d and extra.
func (s *SpoolWriter) Add(d Doc, extra ...string) error {
	s.uint(uint64(d.Line))
	for _, str := range []string{d.ExternalID, d.Layer, d.Status, d.Text} {
		s.string(str)
	}
	s.bytes(d.Meta)
	s.uint(uint64(len(extra)))
	for _, str := range extra {
		s.string(str)
	}
	s.uint(uint64(len(d.Spans)))
	for _, sp := range d.Spans {
		s.string(sp.Ref)
		s.uint(uint64(sp.Start))
		s.uint(uint64(sp.End))
		s.uint(uint64(sp.Line))
		s.string(sp.Label)
		s.bytes(sp.Attributes)
	}
	s.uint(uint64(len(d.Relations)))
	for _, r := range d.Relations {
		s.string(r.Type)
		s.string(r.From)
		s.string(r.To)
	}
	return s.err
}

// Flush writes what is buffered.
func (s *SpoolWriter) Flush() error {
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}

func (s *SpoolWriter) uint(n uint64) {
	if s.err == nil {
		_, s.err = s.w.Write(s.buf[:binary.PutUvarint(s.buf[:], n)])
	}
}

func (s *SpoolWriter) string(str string) {
	s.uint(uint64(len(str)))
	if s.err == nil {
		_, s.err = s.w.WriteString(str)
	}
}

// bytes writes b keeping nil apart from empty: its length plus one, 0
// for nil.
func (s *SpoolWriter) bytes(b []byte) {
	if b == nil {
		s.uint(0)
		return
	}
	s.uint(uint64(len(b)) + 1)
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

// SpoolReader reads back what a SpoolWriter wrote.
type SpoolReader struct {
	r   *bufio.Reader
	err error
}

// NewSpoolReader reads records from r.
func NewSpoolReader(r io.Reader) *SpoolReader {
	return &SpoolReader{r: bufio.NewReaderSize(r, 256<<10)}
}

// Next is the next document and its extra strings; io.EOF after the last.
func (s *SpoolReader) Next() (Doc, []string, error) {
	line, err := binary.ReadUvarint(s.r)
	if err != nil {
		return Doc{}, nil, err // io.EOF between records: the end
	}
	d := Doc{Line: int(line), ExternalID: s.string(), Layer: s.string(), Status: s.string(), Text: s.string(), Meta: s.bytes()}
	var extra []string
	for range s.count() {
		extra = append(extra, s.string())
	}
	for range s.count() {
		sp := Span{Ref: s.string(), Start: s.int(), End: s.int(), Line: s.int(), Label: s.string(), Attributes: s.bytes()}
		d.Spans = append(d.Spans, sp)
	}
	for range s.count() {
		d.Relations = append(d.Relations, Relation{Type: s.string(), From: s.string(), To: s.string()})
	}
	if s.err != nil {
		return Doc{}, nil, fmt.Errorf("codec: spool record of line %d: %w", line, s.err)
	}
	return d, extra, nil
}

func (s *SpoolReader) uint() uint64 {
	if s.err != nil {
		return 0
	}
	var n uint64
	n, s.err = binary.ReadUvarint(s.r)
	if errors.Is(s.err, io.EOF) {
		s.err = io.ErrUnexpectedEOF // inside a record
	}
	return n
}

func (s *SpoolReader) int() int { return int(s.uint()) }

// count is a number of items to come, refused when larger than what is
// left could hold, so a damaged spool fails instead of allocating.
func (s *SpoolReader) count() int {
	n := s.uint()
	if n > 1<<31 {
		s.err = fmt.Errorf("count %d out of range", n)
		return 0
	}
	return int(n)
}

func (s *SpoolReader) string() string {
	b := s.read(s.uint())
	return string(b)
}

func (s *SpoolReader) bytes() []byte {
	n := s.uint()
	if n == 0 {
		return nil
	}
	return s.read(n - 1)
}

func (s *SpoolReader) read(n uint64) []byte {
	if s.err != nil || n == 0 {
		return []byte{}
	}
	if n > 1<<31 {
		s.err = fmt.Errorf("length %d out of range", n)
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(s.r, b); err != nil {
		s.err = io.ErrUnexpectedEOF
	}
	return b
}
