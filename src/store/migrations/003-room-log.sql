-- Schema 3. Frozen: the workshop room's log — parked questions, decisions taken, actions —
-- one table per kind, the same shape as every record table of schema 1.

CREATE TABLE parked_items (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX parked_items_unique_key ON parked_items (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE decisions (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX decisions_unique_key ON decisions (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE actions (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX actions_unique_key ON actions (plan_id, unique_key) WHERE unique_key IS NOT NULL;
