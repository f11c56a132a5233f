package main

import (
	"context"
	"fmt"
	"os"

	"hashiya/db"
)

// stream imports one file as file does, with the same checks, messages
// and stored rows, but never holds the file's documents parsed: db's
// ImportFile checks each line as it is read and stores them from a
// spool once all have passed, so a file of 20,000 documents imports in
// the memory of a few.
func (im *importer) stream(ctx context.Context, opts db.ImportOptions) (db.ImportResult, error) {
	fh, err := os.Open(opts.File)
	if err != nil {
		return db.ImportResult{}, fmt.Errorf("%s: %w", opts.File, fileReason(err))
	}
	defer fh.Close()
	res, rep, err := im.s.ImportFile(ctx, opts, fh, db.FileImport{Format: im.format, Unit: im.unit, Layer: im.layer, By: im.recorder})
	for _, w := range rep.Warnings {
		fmt.Fprintf(im.warn, "%s (warning)\n", w.Error())
	}
	return res, err
}

// recorder is the user an import is recorded by: the first admin. A
// database without one gets "admin", as serve would make it (its password
// printed once); ImportFile asks only once a file has passed every
// check, so a failed import leaves the database as it was.
func (im *importer) recorder(ctx context.Context) (int64, error) {
	if im.admin.ID == 0 {
		admin, err := ensureAdmin(ctx, im.s, im.stdout)
		if err != nil {
			return 0, err
		}
		im.admin = admin
	}
	return im.admin.ID, nil
}
