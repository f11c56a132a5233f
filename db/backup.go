package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the whole database to dest with
// VACUUM INTO, from a read connection: annotators keep saving while it
// runs. dest must not exist yet, so a backup never overwrites anything.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("backup: %s already exists", dest)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("backup: %w", err)
	}
	// VACUUM INTO writes a new file, which query_only forbids on the read
	// pool, and the writer must stay free for saves: so it gets a
	// connection of its own. It only reads the source.
	conn, err := sql.Open(driverName, dsn(s.path, false))
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return fmt.Errorf("backup to %s: %w", dest, err)
	}
	return nil
}
