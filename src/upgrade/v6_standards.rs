//! Version 6: a plan holds the skills frameworks and standards it aligns to (`frameworks`) and
//! its register of objections about rigour (`objections`). Their tables come from
//! `006-standards.sql`; a plan file written before has neither list, and gains both, empty.

use super::Doc;
use serde_json::Value;

pub fn rewrite(doc: Doc<'_>) {
    if let Doc::PlanFile(plan) = doc {
        for list in ["frameworks", "objections"] {
            plan.entry(list).or_insert_with(|| Value::Array(Vec::new()));
        }
    }
}
