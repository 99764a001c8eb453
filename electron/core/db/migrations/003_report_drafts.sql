-- Report drafts the clerk edited, one per period and partner, kept until discarded.

CREATE TABLE report_drafts (
  id          INTEGER PRIMARY KEY,
  period      TEXT NOT NULL,
  partner_key TEXT NOT NULL DEFAULT '',
  options     TEXT NOT NULL,
  report      TEXT NOT NULL,
  saved_at    TEXT NOT NULL,
  UNIQUE (period, partner_key)
) STRICT;
