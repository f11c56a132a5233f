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
	labelsFile := f.String("labels", "", "JSON file with the label set (create)")
	role := f.String("role", "", "annotator, reviewer or manager (add-member)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 3 && pos[0] == "add-member":
		return addMember(ctx, e, f, pos[1], pos[2], *role)
	case len(pos) != 2 || pos[0] != "create":
		f.Usage()
		return errors.New("project: want 'project create NAME' or 'project add-member PROJECT USER --role ROLE'")
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

func addMember(ctx context.Context, e env, f *flags, project, user, role string) (err error) {
	r, err := db.ParseRole(role)
	if err != nil {
		return fmt.Errorf("project add-member: --role: %w", err)
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	p, err := s.ProjectByName(ctx, project)
	if err != nil {
		return fmt.Errorf("project add-member: project %q: %w", project, err)
	}
	u, err := s.UserByName(ctx, user)
	if err != nil {
		return fmt.Errorf("project add-member: user %q: %w", user, err)
	}
	by, err := s.FirstAdmin(ctx)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	if err := s.SetMember(ctx, p.ID, by, u, r); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s is now %s in %s\n", u.Name, r, p.Name)
	return nil
}
