-- Text search by the app's own words: search_body holds shared/ru/normalize.ts searchText (folded,
-- parted by single spaces), and each of its words is one lexeme as it stands, as SQLite's index takes
-- them; to_tsvector's parser would split some of them anew (hyphens, digits, e-mail addresses).
-- store/pg/event-filter.ts writes the same expression in its queries.
DROP INDEX event_texts_search;
CREATE INDEX event_texts_words ON event_texts USING gin (array_to_tsvector(string_to_array(search_body, ' ')));
