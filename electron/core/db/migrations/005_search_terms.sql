-- The words of the full-text index, in order: a search prefix is asked as the few words it stands for
-- (db/events.ts prefixTerms), as FTS5 reads a word's list straight but merges a prefix's anew each time.
CREATE VIRTUAL TABLE events_fts_terms USING fts5vocab(events_fts, row);
