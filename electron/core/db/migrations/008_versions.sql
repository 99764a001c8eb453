-- No lost update: each event and agreement carries a version, 1 when created, one more with each change
-- the change log records of it (db/changelog.ts raises it with the row). A save names the version the
-- clerk saw; a stale one is refused. Existing records start at 1 plus the changes logged of them.

ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agreements ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

UPDATE events SET version = 1 + (
  SELECT count(*) FROM change_log c
  WHERE c.entity = 'event' AND c.entity_id = events.id AND c.action <> 'create' AND c.at >= events.created_at);
UPDATE agreements SET version = 1 + (
  SELECT count(*) FROM change_log c
  WHERE c.entity = 'agreement' AND c.entity_id = agreements.id AND c.action <> 'create' AND c.at >= agreements.created_at);
