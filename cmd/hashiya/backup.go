package main

import (
	"context"
	"errors"
	"fmt"
)

func runBackup(ctx context.Context, e env, args []string) (err error) {
	c := commands()["backup"]
	f := newFlags(e, "backup", c.usage, c.help)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		f.Usage()
		return errors.New("want 'backup DEST.db'")
	}
	s, err := f.openExisting(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	if err := s.Backup(ctx, pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backed up %s to %s\n", *f.dbPath, pos[0])
	return nil
}
