-- A misspelt name joins the spelling most articles use ("Lindsay Graham", "Mohamed Morsy"), and a
-- misspelt surname may be a letter apart from the one it misspells, so the full names a name is
-- weighed against are no longer those of its surname but those of its surname's spelling block
-- (gazetteer.spelling_block: the first letter, then the consonants with doubled ones written
-- once; "morsi" and "morsy" -> "mrs"). `block` is that of the last word of the key an article
-- names a person by (bare surnames too) or of any name of several words; `pending_blocks`
-- replaces `pending_surnames` (009), and every block is checked once by the next run.
ALTER TABLE article_entities ADD COLUMN block VARCHAR;
-- (the index before the update: DuckDB creates none over a transaction's outstanding updates)
CREATE INDEX article_entities_block ON article_entities (block);
UPDATE article_entities AS ae SET block = b.block FROM (
    SELECT own_key, left(w, 1) || array_to_string(
        list_filter(str_split(r, ''), lambda c, i: i = 1 OR c <> str_split(r, '')[i - 1]), '') AS block
    FROM (SELECT own_key, w, regexp_replace(substr(w, 2), '[aeiouy]', '', 'g') AS r
          FROM (SELECT DISTINCT own_key, regexp_extract(own_key, '(\S+)$', 1) AS w FROM article_entities))
) AS b
WHERE ae.own_key = b.own_key AND (ae.type = 'PERSON' OR position(' ' IN ae.own_key) > 0);
CREATE TABLE pending_blocks (
    block VARCHAR PRIMARY KEY
);
INSERT INTO pending_blocks SELECT DISTINCT block FROM article_entities WHERE block IS NOT NULL;
DROP TABLE pending_surnames;
