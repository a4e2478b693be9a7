-- Blocking key for cross-article resolution: a bare surname in a new article is looked up
-- here instead of scanning every entity (the cost stays in proportion to the new articles).
ALTER TABLE entities ADD COLUMN surname VARCHAR;
CREATE INDEX entities_surname ON entities (surname);
