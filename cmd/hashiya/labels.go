package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"hashiya/components"
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

// replaceLabels replaces a project's labels and relation rules with a
// labels file's (project labels PROJECT --set FILE), under the rules of
// the project page's upload, and prints each change; a file that
// changes nothing writes nothing. A refusal names the file.
func replaceLabels(ctx context.Context, e env, f *flags, project, file string) (err error) {
	set, err := readLabels(file)
	if err != nil {
		return err
	}
	s, p, err := f.openProject(ctx, project)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	by, err := s.FirstAdmin(ctx)
	if errors.Is(err, db.ErrNotFound) {
		return errors.New("the database has no admin to record the change as: add one with 'hashiya user add NAME --admin'")
	} else if err != nil {
		return err
	}
	refused := func(err error) error {
		var ve *db.ValidationError
		if errors.As(err, &ve) {
			return fmt.Errorf("%s: the label set of %s was not changed: %s", file, p.Name, ve.Reason)
		}
		return err
	}
	now, stored, err := s.CheckLabelSet(ctx, p.ID, by, set)
	if err != nil {
		return refused(err)
	}
	changes := components.CompareLabelSets(ctx, db.LabelSetOf(now), stored)
	if changes.None() {
		_, err = fmt.Fprintf(e.stdout, "no change: the label set of %s is already %s's\n", p.Name, file)
		return err
	}
	if err := s.ReplaceLabelSet(ctx, p.ID, by, set, filepath.Base(file)); err != nil {
		return refused(err)
	}
	for _, line := range changes.Lines() {
		fmt.Fprintln(e.stdout, line)
	}
	_, err = fmt.Fprintf(e.stdout, "replaced the label set of %s with %s's: %s, %s\n", p.Name, file,
		components.Plural(len(stored.Labels), "label"), components.Plural(len(stored.RelationTypes), "relation rule"))
	return err
}
