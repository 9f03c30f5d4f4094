//! Version 5: a plan holds the decisions it asks of leadership (`asks`) and its risk register
//! (`risks`). Their tables come from `005-asks-risks.sql`; a plan file written before has
//! neither list, and gains both, empty.

use super::Doc;
use serde_json::Value;

pub fn rewrite(doc: Doc<'_>) {
    if let Doc::PlanFile(plan) = doc {
        for list in ["asks", "risks"] {
            plan.entry(list).or_insert_with(|| Value::Array(Vec::new()));
        }
    }
}
