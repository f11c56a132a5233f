package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"

	"hashiya/db"
	"hashiya/db/codec"
)

// labelKeys are the keys of one label in a --labels file, in the order
// messages list them.
var labelKeys = []string{"name", "color", "hotkey", "description"}

// readLabels reads and checks a --labels file. It decodes strictly, key
// by key, because encoding/json would quietly drop a misspelt key
// ("colour") and match keys case-insensitively; every message starts with
// the file's name.
func readLabels(file string) ([]db.Label, error) {
	body, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, fileReason(err))
	}
	var items []json.RawMessage
	if err := json.Unmarshal(body, &items); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			line := 1 + bytes.Count(body[:min(syn.Offset, int64(len(body)))], []byte("\n"))
			return nil, fmt.Errorf("%s:%d: not valid JSON: %v", file, line, err)
		}
		return nil, fmt.Errorf(`%s: want a JSON array of labels such as [{"name": "PER", "color": "#e5484d", "hotkey": "1"}]`, file)
	}
	labels, err := decodeLabels(items)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(labels) == 0 {
		return nil, fmt.Errorf("%s: no labels: want at least one", file)
	}
	// The store checks again; checking here names the file.
	if err := db.ValidateLabels(labels); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return labels, nil
}

// decodeLabels decodes the elements of the array, each a {"name",
// "color", "hotkey"} object. Labels are counted from 1 in its messages.
func decodeLabels(items []json.RawMessage) ([]db.Label, error) {
	labels := make([]db.Label, len(items))
	for i, raw := range items {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
			return nil, fmt.Errorf("label %d: want an object with the keys name, color, hotkey, description", i+1)
		}
		if dup := codec.DuplicateKey(raw); dup != "" {
			return nil, fmt.Errorf("label %d: %s; give each key once", i+1, dup)
		}
		for _, key := range sortedKeys(fields) {
			if !slices.Contains(labelKeys, key) {
				return nil, fmt.Errorf("label %d: unknown key %q (want name, color, hotkey, description)", i+1, key)
			}
		}
		l := &labels[i]
		for j, dst := range []*string{&l.Name, &l.Color, &l.Hotkey, &l.Description} {
			key := labelKeys[j]
			if raw, ok := fields[key]; ok {
				if err := json.Unmarshal(raw, dst); err != nil {
					return nil, fmt.Errorf("label %d: %s must be a string, not %s", i+1, key, raw)
				}
			}
		}
	}
	return labels, nil
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
