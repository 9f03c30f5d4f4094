-- Schema 6. Frozen. The skills frameworks and standards a program aligns to, and the register
-- of objections about its rigour, stored like every other kind of record (see 001-initial.sql).

CREATE TABLE frameworks (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX frameworks_unique_key ON frameworks (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE objections (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX objections_unique_key ON objections (plan_id, unique_key) WHERE unique_key IS NOT NULL;
