-- Schema 9 (focus mode). Frozen. Rounds of scoring per sub-facet, stored like every other kind
-- of record (see 001-initial.sql). Every rating given before belongs to round 1, so its unique
-- key (rater, sub-facet) gains the round.

CREATE TABLE scoring_rounds (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, parent_id) REFERENCES assessments (plan_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX scoring_rounds_unique_key ON scoring_rounds (plan_id, unique_key) WHERE unique_key IS NOT NULL;

UPDATE ratings SET unique_key = unique_key || '|1' WHERE unique_key IS NOT NULL;
