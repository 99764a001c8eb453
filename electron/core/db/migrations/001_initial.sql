-- The register: reference lists, events, agreements, import batches, change log, settings.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE import_batches (
  id         INTEGER PRIMARY KEY,
  file_name  TEXT NOT NULL,
  sheet      TEXT,
  created_at TEXT NOT NULL,
  undone_at  TEXT,
  summary    TEXT
) STRICT;

-- One table for every reference list: rename, merge and hide work the same on all of them.
CREATE TABLE refs (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('kind', 'sphere', 'department', 'city', 'country', 'region', 'organisation')),
  parent_id    INTEGER REFERENCES refs(id),
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_key     TEXT NOT NULL,
  gender       TEXT CHECK (gender IN ('m', 'f', 'n', 'pl')),
  genitive     TEXT,
  instrumental TEXT,
  locative     TEXT,
  hidden       INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  batch_id     INTEGER REFERENCES import_batches(id),
  UNIQUE (kind, name_key)
) STRICT;
CREATE INDEX refs_parent ON refs(parent_id);

CREATE TABLE agreements (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('agreement', 'contract', 'memorandum', 'plan', 'protocol', 'other')),
  number            TEXT,
  title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
  signed_on         TEXT,
  valid_from        TEXT,
  valid_until       TEXT,
  auto_prolongation INTEGER NOT NULL DEFAULT 0 CHECK (auto_prolongation IN (0, 1)),
  status            TEXT NOT NULL CHECK (status IN ('draft', 'active', 'expired', 'terminated')),
  department_id     INTEGER REFERENCES refs(id),
  notes             TEXT,
  batch_id          INTEGER REFERENCES import_batches(id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT
) STRICT;
CREATE INDEX agreements_valid_until ON agreements(valid_until) WHERE deleted_at IS NULL;

CREATE TABLE agreement_parties (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  partner_id   INTEGER NOT NULL REFERENCES refs(id),
  position     INTEGER NOT NULL,
  PRIMARY KEY (agreement_id, partner_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX agreement_parties_partner ON agreement_parties(partner_id);

CREATE TABLE agreement_spheres (
  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  sphere_id    INTEGER NOT NULL REFERENCES refs(id),
  position     INTEGER NOT NULL,
  PRIMARY KEY (agreement_id, sphere_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX agreement_spheres_sphere ON agreement_spheres(sphere_id);

CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  kind_id        INTEGER REFERENCES refs(id),
  start_date     TEXT NOT NULL,
  end_date       TEXT NOT NULL,
  date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'quarter', 'year')),
  city_id        INTEGER REFERENCES refs(id),
  region_id      INTEGER REFERENCES refs(id),
  country_id     INTEGER REFERENCES refs(id),
  venue          TEXT,
  format         TEXT CHECK (format IN ('in_person', 'remote', 'videoconference', 'hybrid')),
  participants   TEXT,
  organizer_id   INTEGER REFERENCES refs(id),
  outcomes       TEXT,
  description    TEXT,
  status         TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled', 'postponed')),
  agreement_id   INTEGER REFERENCES agreements(id),
  batch_id       INTEGER REFERENCES import_batches(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT,
  CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX events_start ON events(start_date, end_date) WHERE deleted_at IS NULL;
CREATE INDEX events_kind ON events(kind_id, start_date);
CREATE INDEX events_agreement ON events(agreement_id) WHERE agreement_id IS NOT NULL;
CREATE INDEX events_batch ON events(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX events_deleted ON events(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX events_region ON events(region_id);
CREATE INDEX events_country ON events(country_id);
CREATE INDEX events_city ON events(city_id);
CREATE INDEX events_organizer ON events(organizer_id);

CREATE TABLE event_spheres (
  event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  sphere_id INTEGER NOT NULL REFERENCES refs(id),
  position  INTEGER NOT NULL,
  PRIMARY KEY (event_id, sphere_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_spheres_sphere ON event_spheres(sphere_id, event_id);

CREATE TABLE event_partners (
  event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  partner_id INTEGER NOT NULL REFERENCES refs(id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (event_id, partner_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_partners_partner ON event_partners(partner_id, event_id);

-- Overlap queries on date ranges (calendar, periods) in day numbers since 1970-01-01;
-- a B-tree on start_date alone cannot bound the scan from below.
CREATE VIRTUAL TABLE event_spans USING rtree_i32(id, lo, hi);

CREATE TRIGGER event_spans_insert AFTER INSERT ON events BEGIN
  INSERT INTO event_spans (id, lo, hi)
  VALUES (new.id, CAST(julianday(new.start_date) - 2440587.5 AS INTEGER), CAST(julianday(new.end_date) - 2440587.5 AS INTEGER));
END;
CREATE TRIGGER event_spans_update AFTER UPDATE OF start_date, end_date ON events BEGIN
  UPDATE event_spans
  SET lo = CAST(julianday(new.start_date) - 2440587.5 AS INTEGER), hi = CAST(julianday(new.end_date) - 2440587.5 AS INTEGER)
  WHERE id = new.id;
END;
CREATE TRIGGER event_spans_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_spans WHERE id = old.id;
END;

-- Full-text search; «ё» is folded to «е» on both sides (unicode61 keeps them apart).
CREATE VIRTUAL TABLE events_fts USING fts5(
  title, description, participants, outcomes,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_fts (rowid, title, description, participants, outcomes) VALUES (
    new.id,
    replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(coalesce(new.description, ''), 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(coalesce(new.participants, ''), 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(coalesce(new.outcomes, ''), 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF title, description, participants, outcomes ON events BEGIN
  DELETE FROM events_fts WHERE rowid = old.id;
  INSERT INTO events_fts (rowid, title, description, participants, outcomes) VALUES (
    new.id,
    replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(coalesce(new.description, ''), 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(coalesce(new.participants, ''), 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(coalesce(new.outcomes, ''), 'ё', 'е'), 'Ё', 'Е'));
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_fts WHERE rowid = old.id;
END;

CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'merge', 'import', 'undo')),
  entity    TEXT NOT NULL CHECK (entity IN ('event', 'agreement', 'ref', 'batch')),
  entity_id INTEGER NOT NULL,
  before    TEXT,
  after     TEXT,
  batch_id  INTEGER REFERENCES import_batches(id)
) STRICT;
CREATE INDEX change_log_entity ON change_log(entity, entity_id);
