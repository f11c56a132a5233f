package web

import (
	"fmt"
	"io"
	"os"
)

// spoolUpload copies an import's body to a temporary file and returns it
// rewound, so the importer reads the upload as it reads a file named on
// the command line: twice where a format needs it (CoNLL, text lines,
// Label Studio), never held in memory, whatever its size up to maxBody
// (past it, the body limit's 413 comes out of the copy). The caller
// removes the file with dropUpload once the import is over.
func spoolUpload(body io.Reader) (*os.File, error) {
	f, err := os.CreateTemp("", "hashiya-upload-*")
	if err != nil {
		return nil, fmt.Errorf("web: make the upload's temporary file: %w", err)
	}
	if _, err := io.Copy(f, body); err != nil {
		return f, fmt.Errorf("web: read the upload: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return f, fmt.Errorf("web: rewind the upload's temporary file: %w", err)
	}
	return f, nil
}

// dropUpload closes and removes an upload's temporary file, logging what
// fails: the answer is decided by then, and a file left behind is the
// administrator's to know of.
func (h *handler) dropUpload(f *os.File) {
	if err := f.Close(); err != nil {
		h.log.Error("close an upload's temporary file", "file", f.Name(), "err", err)
	}
	if err := os.Remove(f.Name()); err != nil {
		h.log.Error("remove an upload's temporary file", "file", f.Name(), "err", err)
	}
}
