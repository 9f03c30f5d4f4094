//! Version 7: a plan holds its badges (`badges`), the pathways that stack them into a
//! credential (`badge_pathways`) and how they are issued (`issuing_routes`); their tables come
//! from `007-badges.sql`, and a plan file written before gains the three lists, empty. The
//! committee's approval criteria and the published badge requirements, until now only named
//! in the workflow's inputs, become text in the plan's settings, empty until written.

use super::Doc;
use serde_json::Value;

pub fn rewrite(doc: Doc<'_>) {
    match doc {
        Doc::PlanFile(plan) => {
            for list in ["badges", "badge_pathways", "issuing_routes"] {
                plan.entry(list).or_insert_with(|| Value::Array(Vec::new()));
            }
        }
        Doc::Settings(Value::Object(s)) => {
            for field in ["approval_criteria", "badge_requirements"] {
                s.entry(field).or_insert_with(|| Value::from(""));
            }
        }
        _ => {}
    }
}
