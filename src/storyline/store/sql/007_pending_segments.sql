-- The segments waiting for a story, kept as a table of their own so that finding them costs in
-- proportion to a batch, not to the store (006 found them by comparing every segment with
-- story_segments after each batch).
CREATE TABLE pending_segments (
    article_id VARCHAR NOT NULL,
    n          INTEGER NOT NULL
);
CREATE INDEX pending_segments_article ON pending_segments (article_id);
INSERT INTO pending_segments
SELECT s.article_id, s.n FROM segments AS s ANTI JOIN story_segments AS t ON s.article_id = t.article_id AND s.n = t.n;
