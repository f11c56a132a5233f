-- Suggestions an annotator rejected, per layer, so they are not proposed
-- again on any machine. A suggestion is known by its label and offsets.
CREATE TABLE suggestion_rejections (
  layer_id   INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
  label      TEXT NOT NULL,
  start      INTEGER NOT NULL CHECK (start >= 0),
  "end"      INTEGER NOT NULL CHECK ("end" > start),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (layer_id, label, start, "end")
) STRICT;
