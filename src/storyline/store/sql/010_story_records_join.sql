-- story_records named each story's merged events through a correlated subquery, run once per
-- story: listing 500 stories took seconds, and every page of `storyline serve` that names a
-- story paid it. The same records, computed by one join and one GROUP BY over all stories.
CREATE OR REPLACE VIEW story_records AS
WITH members AS (
    SELECT s.id AS story_id, unnest(from_json(s.event_ids, '["varchar"]')) AS member
    FROM stories AS s
),
merged AS (
    SELECT x.story_id, list_sort(list_distinct(list(coalesce(m.event_id, x.member)))) AS ids
    FROM members AS x LEFT JOIN event_members AS m ON m.member_id = x.member
    GROUP BY x.story_id
)
SELECT s.id, s.title, s.article_ids, to_json(coalesce(merged.ids, []::VARCHAR[]))::VARCHAR AS event_ids,
       s.start, s."end", s.entities
FROM stories AS s LEFT JOIN merged ON merged.story_id = s.id;
