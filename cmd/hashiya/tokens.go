package main

import (
	"context"
	"errors"
	"fmt"
)

func runToken(ctx context.Context, e env, args []string) (err error) {
	c := commands()["token"]
	f := newFlags(e, "token", c.usage, c.help)
	name := f.String("name", "cli", "a name to recognise the token by in the user's settings")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || pos[0] != "create" {
		f.Usage()
		return errors.New("want 'token create USER'")
	}
	s, err := f.openExisting(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	u, err := userByName(ctx, s, pos[1])
	if err != nil {
		return err
	}
	secret, t, err := s.CreateToken(ctx, u, *name)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "API token %d for %s (shown once; revoke it from the user's settings page):\n%s\n", t.ID, u.Name, secret)
	return nil
}
