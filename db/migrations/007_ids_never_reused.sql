-- Span and relation ids are never reused. Without AUTOINCREMENT, SQLite
-- gives a new row the highest id plus one, so deleting the newest span and
-- creating another handed out its id again: an undo history, or a dataset
-- exported before, could then mistake one span for the other. The tables
-- are rebuilt with AUTOINCREMENT, keeping every id; relations are copied
-- first so dropping the old spans table cascades into nothing. Ids
-- already deleted are known from the event log, so none of them is handed
-- out again either.
CREATE TABLE spans_new (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  layer_id   INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
  start      INTEGER NOT NULL CHECK (start >= 0),
  "end"      INTEGER NOT NULL CHECK ("end" > start),
  label      TEXT NOT NULL,
  attributes TEXT NOT NULL DEFAULT '{}',
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
INSERT INTO spans_new (id, layer_id, start, "end", label, attributes, created_by, created_at, updated_at)
SELECT id, layer_id, start, "end", label, attributes, created_by, created_at, updated_at FROM spans;

CREATE TABLE relations_new (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  layer_id   INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
  type       TEXT NOT NULL,
  from_span  INTEGER NOT NULL REFERENCES spans_new(id) ON DELETE CASCADE,
  to_span    INTEGER NOT NULL REFERENCES spans_new(id) ON DELETE CASCADE,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
INSERT INTO relations_new (id, layer_id, type, from_span, to_span, created_by, created_at)
SELECT id, layer_id, type, from_span, to_span, created_by, created_at FROM relations;

DROP TABLE relations;
DROP TABLE spans;
ALTER TABLE spans_new RENAME TO spans;
ALTER TABLE relations_new RENAME TO relations;

CREATE INDEX spans_layer ON spans (layer_id, start, "end");
CREATE INDEX relations_layer ON relations (layer_id);
CREATE INDEX relations_from ON relations (from_span);
CREATE INDEX relations_to ON relations (to_span);

INSERT INTO sqlite_sequence (name, seq) SELECT 'spans', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'spans');
INSERT INTO sqlite_sequence (name, seq) SELECT 'relations', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'relations');
UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(json_extract(detail, '$.id')), 0) FROM events
  WHERE action IN ('span.create', 'span.delete'))) WHERE name = 'spans';
UPDATE sqlite_sequence SET seq = max(seq, (SELECT coalesce(max(json_extract(detail, '$.id')), 0) FROM events
  WHERE action IN ('relation.create', 'relation.delete'))) WHERE name = 'relations';
