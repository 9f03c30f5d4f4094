//! Version 9 (focus mode): a sub-facet can be scored in rounds, and a rater can answer
//! "don't know". Every rating given before was given once, so it belongs to round 1; the
//! rounds themselves (`scoring_rounds`) come from `009-scoring-rounds.sql`, and a plan file
//! written before gains the list, empty.

use super::Doc;
use serde_json::Value;

pub fn rewrite(doc: Doc<'_>) {
    match doc {
        Doc::PlanFile(plan) => {
            plan.entry("scoring_rounds")
                .or_insert_with(|| Value::Array(Vec::new()));
        }
        Doc::Record {
            list: "ratings",
            body: Value::Object(r),
        } => {
            r.entry("round").or_insert(Value::from(1));
        }
        _ => {}
    }
}
