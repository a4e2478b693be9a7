-- An acronym an article names alone ("the NRA said") joins the organisation that articles
-- calling it both by that acronym and by a name it spells mostly mean (resolve/entities.py).
-- `initials` files each article entity under its acronym (gazetteer.spelled): the acronym for
-- one the article names only so, the spelled letters for a name the article also calls by them.
-- `pending_initials` lists the acronyms whose spelled names a batch changed, checked at the end
-- of the run like pending_surnames (009).
ALTER TABLE article_entities ADD COLUMN initials VARCHAR;
CREATE INDEX article_entities_initials ON article_entities (initials);
-- Entities an article names by an acronym alone. Articles stored before did not join an acronym
-- to the name it spells within one article: storyline reanalyse files those names.
UPDATE article_entities SET initials = own_key
WHERE type <> 'PERSON' AND position(' ' IN own_key) = 0 AND regexp_full_match(name, '[A-Z]{2,8}');
CREATE TABLE pending_initials (
    initials VARCHAR PRIMARY KEY
);
