package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"hashiya/db"
)

// exportToFile writes the export to the file out names. A regular file
// (or a new one) is written beside and renamed over, so a failed export
// never leaves a half-written file under the name a pipeline reads; a
// symbolic link is followed and the file it names replaced, so the link
// stays a link. Anything else (a FIFO, a device such as /dev/stdout) is
// written to as it stands, streaming: renaming over it would put a
// regular file in its place and leave its reader waiting.
func exportToFile(ctx context.Context, s *db.Store, projectID int64, spec exportSpec, out string, warn io.Writer) error {
	target, info, err := resolveOut(out)
	if err != nil {
		return fmt.Errorf("--out %s: %w", out, fileReason(err))
	}
	if info != nil && !info.Mode().IsRegular() {
		fh, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("--out %s: %w", out, fileReason(err))
		}
		if err := exportTo(ctx, s, projectID, spec, fh, warn); err != nil {
			fh.Close()
			return err
		}
		if err := fh.Close(); err != nil {
			return fmt.Errorf("--out %s: %w", out, fileReason(err))
		}
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), ".hashiya-export-*")
	if err != nil {
		return fmt.Errorf("--out %s: %w", out, fileReason(err))
	}
	defer os.Remove(tmp.Name())
	if err := exportTo(ctx, s, projectID, spec, tmp, warn); err != nil {
		tmp.Close()
		return err
	}
	// CreateTemp makes the file private; an export is a dataset to share.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("--out %s: %w", out, fileReason(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("--out %s: %w", out, fileReason(err))
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("--out %s: %w", out, fileReason(err))
	}
	return nil
}

// resolveOut follows out through any symbolic links to the file they
// name, and returns its path and what it is: nil when it does not exist
// yet (a new file, or one a dangling link names).
func resolveOut(out string) (string, fs.FileInfo, error) {
	info, err := os.Stat(out)
	switch {
	case err == nil && !info.Mode().IsRegular():
		// Opened as named: /dev/stdout links to /proc/self/fd/1, whose
		// own link names no path when it is a pipe.
		return out, info, nil
	case err == nil:
		resolved, err := filepath.EvalSymlinks(out)
		return resolved, info, err
	case !errors.Is(err, fs.ErrNotExist):
		return "", nil, err
	}
	// A link to a file not made yet is followed by hand, as opening it
	// would follow it; EvalSymlinks refuses it.
	path := out
	for range 40 { // the kernel's own limit on links in a row
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil, nil
		}
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, info, err
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", nil, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", nil, errors.New("too many levels of symbolic links")
}
