-- Schema 7. Frozen. The badge catalogue, the pathways that stack badges into a credential, and
-- the routes by which badges are issued, stored like every other kind of record (see
-- 001-initial.sql). The committee's approval criteria and published badge requirements live in
-- the plan's settings and need no table.

CREATE TABLE badges (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX badges_unique_key ON badges (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE badge_pathways (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX badge_pathways_unique_key ON badge_pathways (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE issuing_routes (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX issuing_routes_unique_key ON issuing_routes (plan_id, unique_key) WHERE unique_key IS NOT NULL;
