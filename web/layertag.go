package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"hashiya/db"
)

// layerTag is the ETag of the spans API's answer for one layer: a hash of
// what the answer is made of, the layer's name, owner and version (every
// write to the layer changes its revision, db migration 014) and the
// project's labels and relation rules, which the answer carries too. The
// same tag is the same answer; any write, or a change to the label set,
// gives another. It is weak: a gzipped answer is the same answer.
func layerTag(name string, owner int64, v db.LayerVersion, p db.Project) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00%d\x00", name, owner, v.ID, v.Revision)
	if err := json.NewEncoder(h).Encode([]any{p.Labels, relationTypesJSON(p.RelationTypes)}); err != nil {
		return "", fmt.Errorf("tag the layer: %w", err)
	}
	return `W/"` + hex.EncodeToString(h.Sum(nil)[:16]) + `"`, nil
}

// tagMatches reports whether an If-None-Match header names tag: one of
// its comma-separated tags compared weakly (W/ set aside), or "*".
func tagMatches(ifNoneMatch, tag string) bool {
	for _, t := range strings.Split(ifNoneMatch, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == strings.TrimPrefix(tag, "W/") {
			return true
		}
	}
	return false
}
