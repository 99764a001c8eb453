-- Text search by the app's own words: search_body holds shared/ru/normalize.ts searchText (folded,
-- parted by single spaces), and search_words the same words each one lexeme as it stands, as
-- SQLite's index takes them (to_tsvector's parser would split some anew: hyphens, digits, e-mail
-- addresses). Kept as a column (PostgreSQL 11 has no generated columns: store/pg/events.ts writes
-- both), so that a search matching much of the register tests stored words instead of rebuilding
-- them row by row (ten times slower).
ALTER TABLE event_texts ADD COLUMN search_words tsvector NOT NULL DEFAULT ''::tsvector;
UPDATE event_texts SET search_words = array_to_tsvector(string_to_array(search_body, ' '));
DROP INDEX event_texts_search;
CREATE INDEX event_texts_words ON event_texts USING gin (search_words);
