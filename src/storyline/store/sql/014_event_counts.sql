-- Events carry the numbers their reports give (how many were killed, injured, arrested or
-- protested; how long it lasted), as a JSON list of Count (extract/event_counts.py), so that
-- merging can record where outlets disagree on them (conflicts with field 'count'). Events
-- stored before have none (NULL, read as an empty list) until `storyline reanalyse`.
ALTER TABLE events ADD COLUMN counts VARCHAR;
ALTER TABLE merged_events ADD COLUMN counts VARCHAR;
