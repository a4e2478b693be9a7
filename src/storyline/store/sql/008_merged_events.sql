-- Reports of one real event in different articles are merged into one record (resolve/events.py).
-- `events` keeps each article's own events (what `storyline annotate` prints); `merged_events`
-- holds the records across articles, with the same columns, and `event_members` says which
-- article events each one merges. A merged event is named by its smallest member's id, so an
-- event reported once keeps the id of its report.
CREATE TABLE merged_events (
    id         VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,      -- the first report's article
    type       VARCHAR NOT NULL,
    mode       VARCHAR,
    status     VARCHAR NOT NULL,
    date       VARCHAR,               -- JSON DateValue
    place      VARCHAR,               -- JSON Place
    actors     VARCHAR NOT NULL,      -- JSON list of Actor
    topic      VARCHAR,
    reports    VARCHAR NOT NULL,      -- JSON list of EventReport, one per article event merged
    n_sources  INTEGER NOT NULL,
    conflicts  VARCHAR NOT NULL       -- JSON list of conflict ids
);
CREATE INDEX merged_events_article ON merged_events (article_id);
CREATE TABLE event_members (
    member_id  VARCHAR PRIMARY KEY,   -- an id of `events`
    event_id   VARCHAR NOT NULL,      -- the merged event it belongs to
    article_id VARCHAR NOT NULL       -- the member's article
);
CREATE INDEX event_members_event ON event_members (event_id);
CREATE INDEX event_members_article ON event_members (article_id);
-- The people and organisations each article event names as actors: candidates for merging are
-- found through this index, so merging a batch costs what the batch costs.
CREATE TABLE event_keys (
    entity_id  VARCHAR NOT NULL,
    event_id   VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
);
CREATE INDEX event_keys_entity ON event_keys (entity_id);
CREATE INDEX event_keys_article ON event_keys (article_id);
-- Article events not merged yet (new ones, and those of merged events a revision undid): the
-- next ingest or re-analysis merges them, so an interrupted run loses nothing.
CREATE TABLE pending_events (
    event_id   VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
);
CREATE INDEX pending_events_article ON pending_events (article_id);
-- Everything stored so far is merged by the next run (or `storyline events --rebuild`).
INSERT INTO event_keys
SELECT DISTINCT json_extract_string(actor, '$.entity_id'), id, article_id
FROM (SELECT id, article_id, unnest(from_json(actors, '["json"]')) AS actor FROM events)
WHERE json_extract_string(actor, '$.entity_id') IS NOT NULL;
INSERT INTO pending_events SELECT id, article_id FROM events;
-- Stories list article events; their records name the merged events those belong to.
CREATE VIEW story_records AS
SELECT s.id, s.title, s.article_ids,
       (SELECT to_json(coalesce(list_sort(list_distinct(list(coalesce(m.event_id, x.id)))), []::VARCHAR[]))
        FROM (SELECT unnest(from_json(s.event_ids, '["varchar"]')) AS id) AS x
        LEFT JOIN event_members AS m ON m.member_id = x.id)::VARCHAR AS event_ids,
       s.start, s."end", s.entities
FROM stories AS s;
