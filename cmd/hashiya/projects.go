package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"hashiya/db"
)

func runProject(ctx context.Context, e env, args []string) (err error) {
	c := commands()["project"]
	f := newFlags(e, "project", c.usage, c.help)
	labelsFile := f.String("labels", "", "JSON file with the label set")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "create" {
		f.Usage()
		return errors.New("project: want 'project create NAME'")
	}
	var labels []db.Label
	if *labelsFile != "" {
		body, err := os.ReadFile(*labelsFile)
		if err != nil {
			return fmt.Errorf("project: %w", err)
		}
		if err := json.Unmarshal(body, &labels); err != nil {
			return fmt.Errorf("project: %s: not a JSON array of labels: %w", *labelsFile, err)
		}
		if len(labels) == 0 {
			return fmt.Errorf("project: %s holds no labels", *labelsFile)
		}
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	by, err := s.FirstAdmin(ctx)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	p, err := s.CreateProject(ctx, pos[1], labels, by.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "project %s created (id %d) with %d labels\n", p.Name, p.ID, len(p.Labels))
	return nil
}
