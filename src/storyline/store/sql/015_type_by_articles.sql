-- An entity's type across articles is the one most articles give it (store/duckdb.py
-- entity_type), no longer the one of most mentions: an article's own vote already gives all its
-- mentions one type, so one article that names someone 28 times as an organisation outvoted
-- seven that called her a person. Back-filled from what is stored; the types are chosen again.
INSERT INTO entity_stats
    SELECT entity_id, 'type_articles', type, count(*) FROM article_entities GROUP BY ALL;
UPDATE entities AS e SET type = w.type,
    surname = CASE WHEN w.type = 'PERSON' AND position(' ' IN e.key) > 0
                   THEN regexp_extract(e.key, '(\S+)$', 1) END
FROM (SELECT a.entity_id, a.value AS type,
             row_number() OVER (PARTITION BY a.entity_id
                                ORDER BY a.n DESC, coalesce(m.n, 0) DESC, a.value = 'PERSON' DESC, a.value DESC) AS rank
      FROM entity_stats AS a
      LEFT JOIN entity_stats AS m ON m.entity_id = a.entity_id AND m.kind = 'type' AND m.value = a.value
      WHERE a.kind = 'type_articles') AS w
WHERE w.entity_id = e.id AND w.rank = 1;
