package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"hashiya/db"
)

// readLabels reads and checks a --labels file (db.ParseLabelSet); every
// message starts with the file's name.
func readLabels(file string) (db.LabelSet, error) {
	body, err := os.ReadFile(file)
	if err != nil {
		return db.LabelSet{}, fmt.Errorf("%s: %w", file, fileReason(err))
	}
	set, err := db.ParseLabelSet(body)
	if err != nil {
		return set, db.InFile(file, err)
	}
	return set, nil
}

// printLabels writes a project's label set as a --labels file holds it,
// so the output given to 'project create --labels' makes a project with
// the same labels and relation rules.
func printLabels(ctx context.Context, e env, f *flags, project string) (err error) {
	s, p, err := f.openProject(ctx, project)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	out, err := json.MarshalIndent(db.LabelSetOf(p), "", "  ")
	if err != nil {
		return fmt.Errorf("encode the labels of %s: %w", p.Name, err)
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", out)
	return err
}
