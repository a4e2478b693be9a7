-- Running totals per entity, so merging an entity after a batch reads a few rows per entity
-- instead of every mention of it (Kosovo may have millions): the cost of a batch stays in
-- proportion to the batch. Back-filled from what is already stored.
CREATE TABLE entity_forms (
    entity_id VARCHAR NOT NULL,
    text      VARCHAR NOT NULL,
    n         BIGINT NOT NULL,       -- mentions with this surface form
    PRIMARY KEY (entity_id, text)
);
CREATE TABLE entity_stats (
    entity_id VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,      -- type (mentions), affiliation (articles), articles, key
    value     VARCHAR NOT NULL,
    n         BIGINT NOT NULL,
    PRIMARY KEY (entity_id, kind, value)
);
INSERT INTO entity_forms
    SELECT entity_id, text, count(*) FROM mentions WHERE entity_id IS NOT NULL GROUP BY ALL;
INSERT INTO entity_stats
    SELECT entity_id, 'type', type, sum(n_mentions) FROM article_entities GROUP BY ALL;
INSERT INTO entity_stats
    SELECT entity_id, 'affiliation', affiliation, count(*) FROM article_entities
    WHERE affiliation IS NOT NULL GROUP BY ALL;
INSERT INTO entity_stats
    SELECT entity_id, 'articles', '', count(*) FROM article_entities GROUP BY ALL;
INSERT INTO entity_stats
    SELECT entity_id, 'key', min(key), 1 FROM article_entities GROUP BY entity_id;
