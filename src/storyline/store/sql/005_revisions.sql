-- An article read again from the same place (its URL, or the file it is alone in) with other
-- text is a revision of it: the newest revision's records stand, so an edited story is not
-- counted twice, and the earlier text moves to article_revisions, so nothing read is lost.
-- `analysed_with` names the storyline version and model that produced an article's records,
-- so `storyline reanalyse` knows which ones an upgrade left stale (NULL: before this column).
ALTER TABLE articles ADD COLUMN place VARCHAR;
ALTER TABLE articles ADD COLUMN analysed_with VARCHAR;
-- (DuckDB cannot index a table with updates pending in the same transaction: index first.)
CREATE INDEX articles_place ON articles (place);
-- Stored file origins are relative to wherever the earlier ingest ran, so only URLs can be
-- carried over; a file place is recorded from the next time the file is read.
UPDATE articles SET place = url;
CREATE TABLE article_revisions (
    id            VARCHAR NOT NULL,   -- the earlier revision's article id
    place         VARCHAR NOT NULL,
    origin        VARCHAR NOT NULL,
    published     VARCHAR,
    text          VARCHAR NOT NULL,
    superseded_by VARCHAR NOT NULL,   -- the article id of the revision that replaced it
    superseded_at TIMESTAMP NOT NULL
);
