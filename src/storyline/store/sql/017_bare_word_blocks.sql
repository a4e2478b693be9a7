-- A one-word name the tagger typed as an organisation, a building or an event ("Trump" ORG,
-- "Bannon" FAC) joins like a bare surname when most articles that name the word alone type it a
-- person (resolve/entities.py reads_as_person). Whether they do changes as articles come in, so
-- every one-word key now has its spelling block (016 gave one to people's names and to names of
-- several words only), and the blocks of one-word names typed otherwise are checked once by the
-- next run.
UPDATE article_entities AS ae SET block = b.block FROM (
    SELECT own_key, left(w, 1) || array_to_string(
        list_filter(str_split(r, ''), lambda c, i: i = 1 OR c <> str_split(r, '')[i - 1]), '') AS block
    FROM (SELECT own_key, w, regexp_replace(substr(w, 2), '[aeiouy]', '', 'g') AS r
          FROM (SELECT DISTINCT own_key, regexp_extract(own_key, '(\S+)$', 1) AS w FROM article_entities
                WHERE block IS NULL))
) AS b
WHERE ae.own_key = b.own_key AND ae.block IS NULL;
INSERT OR IGNORE INTO pending_blocks
    SELECT DISTINCT block FROM article_entities WHERE type <> 'PERSON' AND position(' ' IN own_key) = 0;
