-- A name romanised several ways is one person ("Muammar Qaddafi", "Moammar Gadhafi", "Muammar
-- Gaddafi": resolve/entities.py romanised_as), so the spellings must meet in one spelling block:
-- gazetteer.spelling_block now writes a word-initial "q" as "g" and "dh", "kh" as "d", "k" before
-- taking the consonants. The blocks of the words that have those letters are computed again (as
-- 016 did, with that step first), and both their old and new blocks are checked by the next run.
INSERT OR IGNORE INTO pending_blocks
    SELECT DISTINCT block FROM article_entities
    WHERE block IS NOT NULL AND regexp_matches(regexp_extract(own_key, '(\S+)$', 1), '^q|[dk]h');
UPDATE article_entities AS ae SET block = b.block FROM (
    SELECT own_key, left(w, 1) || array_to_string(
        list_filter(str_split(r, ''), lambda c, i: i = 1 OR c <> str_split(r, '')[i - 1]), '') AS block
    FROM (SELECT own_key, w, regexp_replace(substr(w, 2), '[aeiouy]', '', 'g') AS r
          FROM (SELECT DISTINCT own_key,
                       regexp_replace(regexp_replace(regexp_extract(own_key, '(\S+)$', 1), '^q', 'g'),
                                      '([dk])h', '\1', 'g') AS w
                FROM article_entities
                WHERE block IS NOT NULL AND regexp_matches(regexp_extract(own_key, '(\S+)$', 1), '^q|[dk]h')))
) AS b
WHERE ae.own_key = b.own_key;
INSERT OR IGNORE INTO pending_blocks
    SELECT DISTINCT block FROM article_entities
    WHERE block IS NOT NULL AND regexp_matches(regexp_extract(own_key, '(\S+)$', 1), '^q|[dk]h');
