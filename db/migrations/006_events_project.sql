-- A project's activity page reads its newest events first.
CREATE INDEX events_project ON events (project_id, id);
