-- A project's documents in id (import) order: the document list walks
-- them from a cursor and stops after one page, instead of reading and
-- sorting the whole project (an index ends with the rowid, so this one is
-- ordered by id within each project).
CREATE INDEX documents_project ON documents (project_id);
