package codec

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// Split cuts a dataset into parts (train, dev, test) by document: each
// document's part follows from its id and the seed alone, so it never
// changes when documents are added or removed, when layers change, or
// between formats; every layer of a document lands in the same part.
type Split struct {
	Names []string  // the parts: train and test, or train, dev and test
	cumul []float64 // the share of documents up to and including each part
	seed  string
}

// DefaultSplit is the split a part is taken from when none is given.
const DefaultSplit = "80/10/10"

// ParseSplit reads shares such as "80/10/10" (train/dev/test) or "90/10"
// (train/test), whole percentages that add up to 100.
func ParseSplit(shares, seed string) (Split, error) {
	fields := strings.Split(shares, "/")
	names := map[int][]string{2: {"train", "test"}, 3: {"train", "dev", "test"}}[len(fields)]
	if names == nil {
		return Split{}, fmt.Errorf("split %q: want train/test or train/dev/test percentages, such as 80/10/10", shares)
	}
	s := Split{Names: names, seed: seed}
	total := 0
	for i, f := range fields {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return Split{}, fmt.Errorf("split %q: the %s share %q is not a whole percentage", shares, names[i], f)
		}
		total += n
		s.cumul = append(s.cumul, float64(total)/100)
	}
	if total != 100 {
		return Split{}, fmt.Errorf("split %q: the shares add up to %d, not 100", shares, total)
	}
	return s, nil
}

// PartOf is the part a document falls in: a hash of the seed and its id
// read as a fraction in [0, 1), against the cumulative shares.
func (s Split) PartOf(externalID string) string {
	sum := sha256.Sum256([]byte(s.seed + "\x00" + externalID))
	x := float64(binary.BigEndian.Uint64(sum[:8])>>11) / (1 << 53)
	for i, c := range s.cumul {
		if x < c {
			return s.Names[i]
		}
	}
	return s.Names[len(s.Names)-1]
}

// Only passes on to fn the documents of one part.
func (s Split) Only(part string, fn func(ExportDoc) error) (func(ExportDoc) error, error) {
	known := false
	for _, n := range s.Names {
		known = known || n == part
	}
	if !known {
		return nil, fmt.Errorf("part %q: want one of %s", part, strings.Join(s.Names, ", "))
	}
	return func(d ExportDoc) error {
		if s.PartOf(d.ExternalID) != part {
			return nil
		}
		return fn(d)
	}, nil
}

// PartFilter is Split.Only for a request that names a part, its shares
// (DefaultSplit when ""), and a seed; fn unwrapped when it names no part.
// A split without a part is an error: it would export everything.
func PartFilter(shares, part, seed string, fn func(ExportDoc) error) (func(ExportDoc) error, error) {
	if part == "" {
		if shares != "" || seed != "" {
			return nil, fmt.Errorf("part: a split needs the part to write, such as part train of %s", DefaultSplit)
		}
		return fn, nil
	}
	if shares == "" {
		shares = DefaultSplit
	}
	s, err := ParseSplit(shares, seed)
	if err != nil {
		return nil, err
	}
	return s.Only(part, fn)
}
