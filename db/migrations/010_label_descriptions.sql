-- A label may say what it covers, in a line the annotation view shows on
-- its button ("PER: people named, not their titles"). Empty: none given.
ALTER TABLE labels ADD COLUMN description TEXT NOT NULL DEFAULT '';
