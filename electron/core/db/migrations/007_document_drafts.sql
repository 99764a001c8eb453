-- Drafts of every document kind (the report, the plan, the справка, the agreements report, the letter):
-- the kind joins the draft's key. SQLite changes a table's key only by a rebuild; the drafts saved so far
-- are reports and are kept as such.

CREATE TABLE document_drafts (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL DEFAULT 'report' CHECK (kind IN ('report', 'plan', 'spravka', 'agreements', 'letter')),
  period      TEXT NOT NULL,
  partner_key TEXT NOT NULL DEFAULT '',
  options     TEXT NOT NULL,
  report      TEXT NOT NULL,
  saved_at    TEXT NOT NULL,
  UNIQUE (kind, period, partner_key)
) STRICT;

INSERT INTO document_drafts (id, kind, period, partner_key, options, report, saved_at)
  SELECT id, 'report', period, partner_key, options, report, saved_at FROM report_drafts;

DROP TABLE report_drafts;
ALTER TABLE document_drafts RENAME TO report_drafts;
