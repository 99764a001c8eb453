-- Change history: a «revert» action (a record brought back to an earlier version) and the change whose
-- version it brought back. SQLite cannot alter a CHECK constraint, so the table is built anew.

CREATE TABLE change_log_new (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_name  TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'merge', 'import', 'undo', 'revert')),
  entity     TEXT NOT NULL CHECK (entity IN ('event', 'agreement', 'ref', 'batch')),
  entity_id  INTEGER NOT NULL,
  before     TEXT,
  after      TEXT,
  batch_id   INTEGER REFERENCES import_batches(id),
  -- For a revert: the change after which the record looked as the revert made it look again.
  version_of INTEGER
) STRICT;
INSERT INTO change_log_new (id, at, user_name, action, entity, entity_id, before, after, batch_id)
  SELECT id, at, user_name, action, entity, entity_id, before, after, batch_id FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;
CREATE INDEX change_log_entity ON change_log(entity, entity_id);
-- An import's undo reads the updates of its batch.
CREATE INDEX change_log_batch ON change_log(batch_id) WHERE batch_id IS NOT NULL;
