-- A layer's revision changes with every write to it: a span or relation
-- made, changed or deleted, its status or anything else of the layer's
-- row. The spans API serves it as an ETag, so a page that asks for the
-- layer again is told "not modified" instead of being sent the same
-- megabyte. Triggers keep it, so no write path can forget it. Revisions
-- come from one counter for every layer, never from a layer's own count:
-- a layer deleted and made again under the same id starts on a revision
-- no layer had before. Layers made before this have revision 0, each
-- under its own id.
CREATE TABLE layer_revision (n INTEGER NOT NULL) STRICT;
INSERT INTO layer_revision (n) VALUES (0);
ALTER TABLE layers ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER layers_made_revised AFTER INSERT ON layers BEGIN
  UPDATE layer_revision SET n = n + 1;
  UPDATE layers SET revision = (SELECT n FROM layer_revision) WHERE id = NEW.id;
END;
-- Fires on a change to any other column; the revision's own update does
-- not fire it again (its revision differs).
CREATE TRIGGER layers_revised AFTER UPDATE ON layers WHEN NEW.revision IS OLD.revision BEGIN
  UPDATE layer_revision SET n = n + 1;
  UPDATE layers SET revision = (SELECT n FROM layer_revision) WHERE id = NEW.id;
END;

CREATE TRIGGER spans_made_revise AFTER INSERT ON spans BEGIN
  UPDATE layer_revision SET n = n + 1;
  UPDATE layers SET revision = (SELECT n FROM layer_revision) WHERE id = NEW.layer_id;
END;
CREATE TRIGGER spans_changed_revise AFTER UPDATE ON spans BEGIN
  UPDATE layer_revision SET n = n + 1;
  UPDATE layers SET revision = (SELECT n FROM layer_revision) WHERE id IN (OLD.layer_id, NEW.layer_id);
END;
CREATE TRIGGER spans_deleted_revise AFTER DELETE ON spans BEGIN
  UPDATE layer_revision SET n = n + 1;
  UPDATE layers SET revision = (SELECT n FROM layer_revision) WHERE id = OLD.layer_id;
END;

CREATE TRIGGER relations_made_revise AFTER INSERT ON relations BEGIN
  UPDATE layer_revision SET n = n + 1;
  UPDATE layers SET revision = (SELECT n FROM layer_revision) WHERE id = NEW.layer_id;
END;
CREATE TRIGGER relations_changed_revise AFTER UPDATE ON relations BEGIN
  UPDATE layer_revision SET n = n + 1;
  UPDATE layers SET revision = (SELECT n FROM layer_revision) WHERE id IN (OLD.layer_id, NEW.layer_id);
END;
CREATE TRIGGER relations_deleted_revise AFTER DELETE ON relations BEGIN
  UPDATE layer_revision SET n = n + 1;
  UPDATE layers SET revision = (SELECT n FROM layer_revision) WHERE id = OLD.layer_id;
END;
