-- The document list's text search compares folded text (package
-- textsearch: harakat and tatweel dropped, hamzated alefs bare, ة as ه, …).
-- Folding every text at each search would read and fold the whole corpus;
-- the folded id and text are kept here instead, written with the document
-- and deleted with it. The stored documents are untouched. A change to
-- the folding rules comes with a migration that folds these rows again.
CREATE TABLE document_search (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  text TEXT NOT NULL
) STRICT;

INSERT INTO document_search (document_id, external_id, text)
  SELECT id, text_fold(external_id), text_fold(text) FROM documents;
