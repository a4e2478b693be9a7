-- A bare surname ("Obama said") joins the person whom the articles naming someone in full with
-- that surname mostly mean (resolve/entities.py). So that joins do not depend on reading order:
-- each article entity keeps the key the article itself names it by (`own_key`; a join shows as
-- own_key <> key) and the surname of that key when it is a full name (`surname`, the blocking
-- key for weighing full names); `pending_surnames` lists the surnames whose full names a batch
-- changed, and the pipeline checks and redoes the joins of those at the end of the run.
ALTER TABLE article_entities ADD COLUMN own_key VARCHAR;
ALTER TABLE article_entities ADD COLUMN surname VARCHAR;
CREATE INDEX article_entities_own_key ON article_entities (own_key);
CREATE INDEX article_entities_surname ON article_entities (surname);
UPDATE article_entities SET own_key = key;
-- Joins made before this migration: a person the article names by one word only.
UPDATE article_entities AS ae SET own_key = regexp_extract(ae.key, '(\S+)$', 1)
WHERE ae.type = 'PERSON' AND position(' ' IN ae.key) > 0
  AND EXISTS (SELECT 1 FROM mentions AS m WHERE m.article_id = ae.article_id AND m.entity_id = ae.entity_id)
  AND NOT EXISTS (SELECT 1 FROM mentions AS m WHERE m.article_id = ae.article_id
                  AND m.entity_id = ae.entity_id AND position(' ' IN trim(m.text)) > 0);
UPDATE article_entities SET surname = regexp_extract(own_key, '(\S+)$', 1) WHERE position(' ' IN own_key) > 0;
CREATE TABLE pending_surnames (
    surname VARCHAR PRIMARY KEY
);
-- Every surname a stored article names someone by alone is checked once, by the next run.
INSERT INTO pending_surnames
SELECT DISTINCT own_key FROM article_entities WHERE type = 'PERSON' AND position(' ' IN own_key) = 0;
