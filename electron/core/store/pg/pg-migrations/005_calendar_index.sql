-- The calendar's weeks read from one index. A month's thousand events lie on as many table pages,
-- scattered by when each was written, and each event's first sphere sat in event_spheres behind an
-- index probe of its own: together most of a month's time on the server.
--
-- Each event keeps its first sphere beside it (written with its links: store/pg/events.ts; moved by
-- a merge of references: store/pg/refs.ts; filled by a transfer: transfer/to-pg.ts).
ALTER TABLE events ADD COLUMN first_sphere_id bigint REFERENCES refs(id);
UPDATE events e SET first_sphere_id = s.sphere_id
  FROM (SELECT DISTINCT ON (event_id) event_id, sphere_id FROM event_spheres ORDER BY event_id, position) s
  WHERE s.event_id = e.id;

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
