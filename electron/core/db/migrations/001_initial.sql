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

-- The hot columns only: ranges, filters and sorting read these rows; long texts live in event_texts.
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
  format         TEXT CHECK (format IN ('in_person', 'remote', 'videoconference', 'hybrid')),
  organizer_id   INTEGER REFERENCES refs(id),
  status         TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled', 'postponed')),
  agreement_id   INTEGER REFERENCES agreements(id),
  batch_id       INTEGER REFERENCES import_batches(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  deleted_at     TEXT,
  -- Interval bucket for overlap queries (db/event-filter.ts): written by the app, checked here. Not a
  -- generated column: SQLite never reads those from an index, and the list indexes must cover it.
  span_class     INTEGER NOT NULL CHECK (span_class = CASE
                   WHEN julianday(end_date) - julianday(start_date) <= 30 THEN 0
                   WHEN julianday(end_date) - julianday(start_date) <= 91 THEN 1
                   WHEN julianday(end_date) - julianday(start_date) <= 365 THEN 2
                   ELSE 3 END),
  CHECK (end_date >= start_date)
) STRICT;
-- The list indexes cover every column a filter tests (deleted_at too: SQLite wants the predicate's
-- column for a covering partial index), so a filter reads no rows (db/event-filter.ts); the span
-- index also holds what a calendar shows, so a month reads nothing else.
CREATE INDEX events_start ON events(start_date, end_date, id, kind_id, status, format, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX events_span ON events(span_class, start_date, end_date, id, kind_id, status, format, deleted_at, date_precision, city_id, title)
  WHERE deleted_at IS NULL;
CREATE INDEX events_kind ON events(kind_id, start_date);
CREATE INDEX events_agreement ON events(agreement_id) WHERE agreement_id IS NOT NULL;
CREATE INDEX events_batch ON events(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX events_deleted ON events(deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX events_region ON events(region_id) WHERE region_id IS NOT NULL;
CREATE INDEX events_country ON events(country_id) WHERE country_id IS NOT NULL;
CREATE INDEX events_city ON events(city_id) WHERE city_id IS NOT NULL;
CREATE INDEX events_organizer ON events(organizer_id) WHERE organizer_id IS NOT NULL;

-- One row per event, written right after it.
CREATE TABLE event_texts (
  event_id     INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  venue        TEXT,
  participants TEXT,
  outcomes     TEXT,
  description  TEXT
) STRICT;

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

-- Full-text search over title, description, participants and outcomes as one folded text
-- (lower case, «ё» as «е», punctuation as spaces: shared/ru/normalize.ts searchText), so the plain
-- `ascii` tokenizer splits the words, several times faster than unicode61 on Russian text.
-- db/events.ts writes it beside each event in the same transaction; a trigger would run each insert
-- in a statement savepoint, at which FTS5 flushes its pending terms: ten times slower in batches.
-- detail=none: queries are conjunctions of word prefixes, which need no positions.
CREATE VIRTUAL TABLE events_fts USING fts5(body, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');

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
