-- The data model of DESIGN.md. Offsets are Unicode code point indexes,
-- start inclusive, end exclusive. A layer whose owner_id is NULL is gold.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL DEFAULT '',
  is_admin      INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE projects (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  guidelines TEXT NOT NULL DEFAULT '',
  settings   TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE labels (
  id         INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  color      TEXT NOT NULL,
  hotkey     TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL,
  UNIQUE (project_id, name)
) STRICT;

-- from_labels and to_labels are JSON arrays of label names.
CREATE TABLE relation_types (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  from_labels TEXT NOT NULL DEFAULT '[]',
  to_labels   TEXT NOT NULL DEFAULT '[]',
  UNIQUE (project_id, name)
) STRICT;

CREATE TABLE memberships (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('annotator', 'reviewer', 'manager')),
  PRIMARY KEY (project_id, user_id)
) STRICT;

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  text        TEXT NOT NULL,
  meta        TEXT NOT NULL DEFAULT '{}',
  hash        TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (project_id, external_id)
) STRICT;

CREATE TABLE layers (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  owner_id    INTEGER REFERENCES users(id),
  status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done', 'reviewed')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE UNIQUE INDEX layers_owner ON layers (document_id, owner_id) WHERE owner_id IS NOT NULL;
CREATE UNIQUE INDEX layers_gold ON layers (document_id) WHERE owner_id IS NULL;

CREATE TABLE spans (
  id         INTEGER PRIMARY KEY,
  layer_id   INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
  start      INTEGER NOT NULL CHECK (start >= 0),
  "end"      INTEGER NOT NULL CHECK ("end" > start),
  label      TEXT NOT NULL,
  attributes TEXT NOT NULL DEFAULT '{}',
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX spans_layer ON spans (layer_id, start, "end");

CREATE TABLE relations (
  id         INTEGER PRIMARY KEY,
  layer_id   INTEGER NOT NULL REFERENCES layers(id) ON DELETE CASCADE,
  type       TEXT NOT NULL,
  from_span  INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
  to_span    INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX relations_layer ON relations (layer_id);
CREATE INDEX relations_from ON relations (from_span);
CREATE INDEX relations_to ON relations (to_span);

-- Every change, with who and when, so nothing is ever silently lost.
CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  user_id     INTEGER REFERENCES users(id),
  project_id  INTEGER,
  document_id INTEGER,
  action      TEXT NOT NULL,
  detail      TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX events_document ON events (document_id, id);
