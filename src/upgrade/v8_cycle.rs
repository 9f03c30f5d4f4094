//! Version 8: a plan knows its cycle ("2026–27") and, once rolled forward, the plan and cycle
//! it came from; it holds the reviews of its evaluation cycle (`reviews`, table from
//! `008-reviews.sql`); a milestone carried from an earlier cycle names that cycle; a rater's
//! rating can cite evidence. Nothing written before knew its cycle, came from another, was
//! carried over or cited evidence for a single rating, so each gains the empty value.

use super::Doc;
use serde_json::Value;

pub fn rewrite(doc: Doc<'_>) {
    match doc {
        Doc::PlanFile(plan) => {
            plan.entry("reviews")
                .or_insert_with(|| Value::Array(Vec::new()));
        }
        Doc::Settings(Value::Object(s)) => {
            s.entry("cycle").or_insert_with(|| Value::from(""));
            s.entry("rolled_from").or_insert(Value::Null);
        }
        Doc::Record {
            list: "milestones",
            body: Value::Object(m),
        } => {
            m.entry("cycle").or_insert(Value::Null);
        }
        Doc::Record {
            list: "ratings",
            body: Value::Object(r),
        } => {
            r.entry("evidence").or_insert_with(|| Value::from(""));
        }
        _ => {}
    }
}
