-- The calendar's weeks read from one index. A month's thousand events lie on as many table pages,
-- scattered by when each was written, and each event's first sphere sat in event_spheres behind an
-- index probe of its own: together most of a month's time on the server.
--
-- Each event keeps its first sphere beside it (written with its links: store/pg/events.ts; moved by
-- a merge of references: store/pg/refs.ts; filled by a transfer: transfer/to-pg.ts).
-- Filled by rewriting the table (a change of the column's type computed from each row) rather than
-- by an UPDATE: that would leave every row's old version behind, the table and each index twice
-- their size until a VACUUM FULL, and every list read slower.
ALTER TABLE events ADD COLUMN first_sphere_id bigint REFERENCES refs(id);
CREATE FUNCTION reestr_first_sphere(event bigint) RETURNS bigint LANGUAGE sql STABLE
  AS 'SELECT sphere_id FROM event_spheres WHERE event_id = event ORDER BY position LIMIT 1';
ALTER TABLE events ALTER COLUMN first_sphere_id TYPE bigint USING reestr_first_sphere(id);
DROP FUNCTION reestr_first_sphere(bigint);

-- An index that holds, beside each event's period, every column the calendar shows, so a month is
-- read from the index alone. Its expression (the period as a half-open range) is the calendar's own:
-- the list's period filter, written as a closed range, keeps the plain period index, whose plans a
-- wide index of the same expression had turned (the page slowed threefold when they shared one).
-- PostgreSQL 11 has no INCLUDE for this kind of index: there the calendar reads the rows
-- (store/pg/events.ts asks whether the index exists).
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 120000 THEN
    CREATE INDEX events_calendar ON events USING gist (daterange(start_date, end_date + 1))
      INCLUDE (id, title, kind_id, start_date, end_date, date_precision, format, status, city_id, first_sphere_id, deleted_at);
  END IF;
END $$;
