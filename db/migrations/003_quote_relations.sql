-- Quotations: a quotation interrupted by its cue is several QUOTE spans
-- joined by "segment"; a pronoun or unnamed source that speaks is linked
-- onward to the entity it refers to by "refers_to".
INSERT INTO relation_types (project_id, name, from_labels, to_labels)
SELECT id, 'segment', '["QUOTE"]', '["QUOTE"]' FROM projects
WHERE NOT EXISTS (SELECT 1 FROM relation_types r WHERE r.project_id = projects.id AND r.name = 'segment');

INSERT INTO relation_types (project_id, name, from_labels, to_labels)
SELECT id, 'refers_to', '["PER","ORG"]', '["PER","ORG"]' FROM projects
WHERE NOT EXISTS (SELECT 1 FROM relation_types r WHERE r.project_id = projects.id AND r.name = 'refers_to');
