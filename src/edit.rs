//! One change a person makes to a plan. The desktop app and the CLI send these; the store
//! applies each as one transaction. Undo is the app sending the edit that puts things back.

use crate::model::{Entity, Id, Kind, PlanSettings};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    RenamePlan {
        name: String,
    },
    SetSettings {
        settings: PlanSettings,
    },
    /// Adds a record, or replaces the one with the same id.
    Put {
        entity: Entity,
    },
    /// Deletes a record, what belongs to it, and every pointer to them.
    Delete {
        kind: Kind,
        id: Id,
    },
    /// Moves a record to a position (0 is first) in its list.
    Move {
        kind: Kind,
        id: Id,
        position: u32,
    },
}
