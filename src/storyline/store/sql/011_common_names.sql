-- The people and organisations too common to tell stories apart (resolve/stories.py,
-- COMMON_ARTICLES): those named in more articles than that when stories were last grouped. Kept
-- so that the next grouping finds the names that changed side, and regroups only the stories
-- that name them. Stories grouped before this version linked through every name: `storyline
-- stories --rebuild` groups them again.
CREATE TABLE common_names (
    entity_id VARCHAR PRIMARY KEY
);
