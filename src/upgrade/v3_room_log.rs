//! Version 3: the workshop room's log. Three new kinds of record — parked questions,
//! decisions taken, actions — each in its own table (`store/migrations/003-room-log.sql`).
//! Nothing stored changes; a plan file written before has none of the three lists, so they
//! are added empty.

use super::Doc;
use serde_json::Value;

pub fn rewrite(doc: Doc<'_>) {
    if let Doc::PlanFile(plan) = doc {
        for list in ["parked_items", "decisions", "actions"] {
            plan.entry(list).or_insert_with(|| Value::Array(vec![]));
        }
    }
}
