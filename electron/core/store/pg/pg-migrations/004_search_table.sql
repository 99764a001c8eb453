-- Searches, period filters and the calendar that PostgreSQL answers about as fast as SQLite does.
--
-- The search words leave event_texts for a table of their own. A word that matches half the
-- register (a short prefix) is counted from the index's row addresses, and each of them then reads
-- its table row: in event_texts, the texts beside the words, the planner chose to read the whole
-- wide table instead (a quarter of a gigabyte for 100,000 events, every description unpacked); here
-- a row is an id and its words, about a kilobyte, and the index's rows are read.
-- Triggers write the words from search_body, whoever writes the texts (the app, a transfer).
CREATE TABLE event_words (
  event_id bigint PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  words    tsvector NOT NULL
);

INSERT INTO event_words (event_id, words)
  SELECT event_id, array_to_tsvector(string_to_array(search_body, ' ')) FROM event_texts;
CREATE INDEX event_words_words ON event_words USING gin (words);
DROP INDEX event_texts_words;
ALTER TABLE event_texts DROP COLUMN search_words;

CREATE FUNCTION event_words_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_words (event_id, words)
    SELECT event_id, array_to_tsvector(string_to_array(search_body, ' ')) FROM written
  ON CONFLICT (event_id) DO UPDATE SET words = excluded.words;
  RETURN NULL;
END $$;
-- One trigger per event: PostgreSQL gives a transition table to single-event triggers only.
CREATE TRIGGER event_texts_inserted AFTER INSERT ON event_texts
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE PROCEDURE event_words_written();
CREATE TRIGGER event_texts_updated AFTER UPDATE ON event_texts
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE PROCEDURE event_words_written();

-- The period index over every row, deleted or not: PostgreSQL estimates how many events a period
-- holds from the statistics of an index's expression only when the index is not partial, and a
-- plan built on its default guess (1 % of the register, whatever the period) walked a year's events
-- one by one against a sphere's thousands. The trash is small; its rows are left at the table.
CREATE INDEX events_span_all ON events USING gist (daterange(start_date, end_date, '[]'));
DROP INDEX events_span;
ALTER INDEX events_span_all RENAME TO events_span;

-- An event's first sphere (the calendar's colour) and its spheres in order, read from the index alone.
CREATE INDEX event_spheres_order ON event_spheres (event_id, position) INCLUDE (sphere_id);

ANALYZE events;
ANALYZE event_words;
ANALYZE event_spheres;
