-- Which storyline version and model wrote the store, run by run: inputs already stored are
-- skipped on re-ingest, so after an upgrade this says which records came from which version.
CREATE TABLE runs (
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL,
    version    VARCHAR NOT NULL,
    model      VARCHAR NOT NULL,
    new        INTEGER NOT NULL,
    unchanged  INTEGER NOT NULL,
    rejected   INTEGER NOT NULL
);
