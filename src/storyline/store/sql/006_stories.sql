-- Stories link segments of articles (paragraphs about one storyline; resolve/stories.py).
-- A segment with no row in story_segments is pending: the next ingest or re-analysis gives it
-- a story, so an interrupted run loses nothing.
CREATE TABLE segments (
    article_id VARCHAR NOT NULL,
    n          INTEGER NOT NULL,      -- its place among the article's segments
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    day        VARCHAR,               -- the article's publication day
    n_keys     INTEGER NOT NULL,      -- how many people and organisations it names
    event_ids  VARCHAR NOT NULL       -- JSON list of the events reported in it
);
CREATE INDEX segments_article ON segments (article_id);
CREATE TABLE segment_keys (
    entity_id  VARCHAR NOT NULL,      -- a person or organisation the segment names
    article_id VARCHAR NOT NULL,
    n          INTEGER NOT NULL,
    mentions   INTEGER NOT NULL       -- how often the segment names it
);
CREATE INDEX segment_keys_entity ON segment_keys (entity_id);
CREATE INDEX segment_keys_article ON segment_keys (article_id);
CREATE TABLE story_segments (
    story_id   VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    n          INTEGER NOT NULL
);
CREATE INDEX story_segments_story ON story_segments (story_id);
CREATE INDEX story_segments_article ON story_segments (article_id);
-- Segments come from analysis: every article stored before this version is analysed again by
-- the next `storyline reanalyse` (storyline status says so).
UPDATE articles SET analysed_with = NULL WHERE analysed;
