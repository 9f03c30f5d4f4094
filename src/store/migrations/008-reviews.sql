-- Schema 8. Frozen. The reviews of the program's evaluation cycle, stored like every other
-- kind of record (see 001-initial.sql); their findings and changes live in the review's body.

CREATE TABLE reviews (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX reviews_unique_key ON reviews (plan_id, unique_key) WHERE unique_key IS NOT NULL;
