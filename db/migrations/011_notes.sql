-- Notes on documents: a member's question for the reviewer or remark on a
-- passage. start and "end" anchor a note to a passage (code points, end
-- exclusive, as spans); both NULL for a note on the whole document.
-- author_role is the author's role in the project when they wrote it (an
-- admin's counts as manager): a note written as annotator stays hidden
-- from the other annotators even after its author is made reviewer, so
-- notes never show one annotator's decisions to another. Ids are never
-- reused, so an id in the event log always means the same note.
CREATE TABLE notes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  author_id   INTEGER NOT NULL REFERENCES users(id),
  author_role TEXT NOT NULL CHECK (author_role IN ('annotator', 'reviewer', 'manager')),
  body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  start       INTEGER CHECK (start >= 0),
  "end"       INTEGER CHECK ("end" > start),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  resolved_by INTEGER REFERENCES users(id),
  resolved_at TEXT,
  CHECK ((start IS NULL) = ("end" IS NULL)),
  CHECK ((resolved_by IS NULL) = (resolved_at IS NULL))
) STRICT;
CREATE INDEX notes_document ON notes (document_id, id);
