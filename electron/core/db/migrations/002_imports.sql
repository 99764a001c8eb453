-- Imports of partner spreadsheets: what was read and how, and the mappings remembered per file layout.

ALTER TABLE import_batches ADD COLUMN sha256 TEXT;
ALTER TABLE import_batches ADD COLUMN options TEXT;
ALTER TABLE import_batches ADD COLUMN user_name TEXT;
CREATE INDEX import_batches_sha256 ON import_batches(sha256) WHERE sha256 IS NOT NULL;

-- A confirmed column mapping, offered again for a file whose header reads the same.
CREATE TABLE import_profiles (
  id         INTEGER PRIMARY KEY,
  header_key TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  mapping    TEXT NOT NULL,
  used_at    TEXT NOT NULL
) STRICT;
