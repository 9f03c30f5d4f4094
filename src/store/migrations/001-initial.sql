-- Schema 1. Frozen: a later schema is a new file that upgrades this one.
--
-- A plan is one row of `plans` (its single-valued settings as JSON) plus its records, one table
-- per kind. Every record table has the same shape: the record as JSON in `body`, with the
-- columns SQLite must see to keep the plan whole pulled out beside it: the owning plan, the
-- parent record (deleting a parent deletes its children), the order the person gave the list,
-- and a key that may appear once per plan (one score per rater and sub-facet, say).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE plans (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    settings   TEXT NOT NULL CHECK (json_valid(settings)),
    progress   TEXT NOT NULL CHECK (json_valid(progress))
) STRICT;

CREATE TABLE programs (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX programs_unique_key ON programs (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE stakeholders (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX stakeholders_unique_key ON stakeholders (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE priorities (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX priorities_unique_key ON priorities (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE core_values (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX core_values_unique_key ON core_values (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE vision_answers (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX vision_answers_unique_key ON vision_answers (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE vision_statements (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX vision_statements_unique_key ON vision_statements (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE goals (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX goals_unique_key ON goals (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE measures (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, parent_id) REFERENCES goals (plan_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX measures_unique_key ON measures (plan_id, unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX measures_parent ON measures (plan_id, parent_id);

CREATE TABLE check_ins (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, parent_id) REFERENCES measures (plan_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX check_ins_unique_key ON check_ins (plan_id, unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX check_ins_parent ON check_ins (plan_id, parent_id);

CREATE TABLE future_measures (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX future_measures_unique_key ON future_measures (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE requirements (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX requirements_unique_key ON requirements (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE requirement_metrics (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, parent_id) REFERENCES requirements (plan_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX requirement_metrics_unique_key ON requirement_metrics (plan_id, unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX requirement_metrics_parent ON requirement_metrics (plan_id, parent_id);

CREATE TABLE roles (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX roles_unique_key ON roles (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE committee_members (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX committee_members_unique_key ON committee_members (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE workflow_stages (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX workflow_stages_unique_key ON workflow_stages (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE proposal_items (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX proposal_items_unique_key ON proposal_items (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE raci_activities (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX raci_activities_unique_key ON raci_activities (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE raci_assignments (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, parent_id) REFERENCES raci_activities (plan_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX raci_assignments_unique_key ON raci_assignments (plan_id, unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX raci_assignments_parent ON raci_assignments (plan_id, parent_id);

CREATE TABLE badge_levels (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX badge_levels_unique_key ON badge_levels (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE pathways (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX pathways_unique_key ON pathways (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE metadata_fields (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX metadata_fields_unique_key ON metadata_fields (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE phases (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX phases_unique_key ON phases (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE milestones (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX milestones_unique_key ON milestones (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE communications (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX communications_unique_key ON communications (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE trainings (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX trainings_unique_key ON trainings (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE success_factors (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX success_factors_unique_key ON success_factors (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE assessments (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT CHECK (parent_id IS NULL),
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX assessments_unique_key ON assessments (plan_id, unique_key) WHERE unique_key IS NOT NULL;

CREATE TABLE raters (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, parent_id) REFERENCES assessments (plan_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX raters_unique_key ON raters (plan_id, unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX raters_parent ON raters (plan_id, parent_id);

CREATE TABLE ratings (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, parent_id) REFERENCES raters (plan_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX ratings_unique_key ON ratings (plan_id, unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX ratings_parent ON ratings (plan_id, parent_id);

CREATE TABLE agreements (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, parent_id) REFERENCES assessments (plan_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX agreements_unique_key ON agreements (plan_id, unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX agreements_parent ON agreements (plan_id, parent_id);

CREATE TABLE targets (
    plan_id    TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    unique_key TEXT,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, parent_id) REFERENCES assessments (plan_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX targets_unique_key ON targets (plan_id, unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX targets_parent ON targets (plan_id, parent_id);
