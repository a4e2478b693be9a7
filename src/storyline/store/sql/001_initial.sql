-- The records of schema.md, one table each, plus the bookkeeping that makes ingest resumable.
CREATE TABLE inputs (
    raw_key     VARCHAR PRIMARY KEY,  -- RawDocument.content_key(): what was read, where
    origin      VARCHAR NOT NULL,
    article_id  VARCHAR,              -- null when the input was rejected
    status      VARCHAR NOT NULL,     -- new | duplicate | rejected
    seen_at     TIMESTAMP NOT NULL
);
CREATE TABLE articles (
    id             VARCHAR PRIMARY KEY,
    url            VARCHAR,
    source         VARCHAR,
    title          VARCHAR,
    published      VARCHAR,
    published_from VARCHAR,
    language       VARCHAR,
    text           VARCHAR NOT NULL,
    origin         VARCHAR NOT NULL,
    analysed       BOOLEAN NOT NULL,
    warnings       VARCHAR,           -- JSON list
    ingested_at    TIMESTAMP NOT NULL
);
CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,
    entity_id  VARCHAR,
    PRIMARY KEY (article_id, start, "end")
);
CREATE INDEX mentions_entity ON mentions (entity_id);
-- What one article says of an entity: its name, type and affiliation there.
CREATE TABLE article_entities (
    article_id  VARCHAR NOT NULL,
    entity_id   VARCHAR NOT NULL,
    key         VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    type        VARCHAR NOT NULL,
    affiliation VARCHAR,
    n_mentions  INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entities_key ON article_entities (key);
CREATE TABLE entity_roles (
    entity_id   VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,
    affiliation VARCHAR,
    article_id  VARCHAR NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX entity_roles_entity ON entity_roles (entity_id);
-- Merged across articles; rebuilt for the entities each batch touches.
CREATE TABLE entities (
    id          VARCHAR PRIMARY KEY,
    key         VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    type        VARCHAR NOT NULL,
    aliases     VARCHAR NOT NULL,     -- JSON list
    affiliation VARCHAR,
    n_mentions  INTEGER NOT NULL,
    n_articles  INTEGER NOT NULL
);
CREATE TABLE timexes (
    article_id VARCHAR NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,
    value      VARCHAR,
    mod        VARCHAR,
    date       VARCHAR,               -- JSON DateValue
    anchor     VARCHAR,
    PRIMARY KEY (article_id, start, "end")
);
CREATE TABLE events (
    id         VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,      -- the first report's article
    type       VARCHAR NOT NULL,
    mode       VARCHAR,
    status     VARCHAR NOT NULL,
    date       VARCHAR,               -- JSON DateValue
    place      VARCHAR,               -- JSON Place
    actors     VARCHAR NOT NULL,      -- JSON list of Actor
    topic      VARCHAR,
    reports    VARCHAR NOT NULL,      -- JSON list of EventReport
    n_sources  INTEGER NOT NULL,
    conflicts  VARCHAR NOT NULL       -- JSON list of conflict ids
);
CREATE INDEX events_article ON events (article_id);
CREATE TABLE quotes (
    id            VARCHAR PRIMARY KEY,
    article_id    VARCHAR NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    speaker       VARCHAR,            -- JSON Speaker
    speaker_id    VARCHAR,            -- speaker.entity_id, for filtering
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           VARCHAR,
    channel       VARCHAR,
    date          VARCHAR             -- JSON DateValue
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE TABLE conflicts (
    id       VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    field    VARCHAR NOT NULL,
    "values" VARCHAR NOT NULL         -- JSON list of {value, article_ids}
);
CREATE TABLE stories (
    id          VARCHAR PRIMARY KEY,
    title       VARCHAR NOT NULL,
    article_ids VARCHAR NOT NULL,     -- JSON list
    event_ids   VARCHAR NOT NULL,     -- JSON list
    start       VARCHAR,
    "end"       VARCHAR,
    entities    VARCHAR NOT NULL      -- JSON list
);
CREATE TABLE rejected (
    id     VARCHAR PRIMARY KEY,       -- hash of origin and reason: the same rejection is kept once
    origin VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    "at"   TIMESTAMP NOT NULL
);
