-- Common names (011) whose count may have fallen: those named by articles taken out of the
-- store (a revision, a re-analysis) since stories were last grouped. The next grouping recounts
-- them with the names of the new segments, and only those: a name becomes uncommon only when an
-- article naming it goes, so recounting every common name on every batch would cost what the
-- store holds, not what the batch brings.
CREATE TABLE recount_names (
    entity_id VARCHAR PRIMARY KEY
);
