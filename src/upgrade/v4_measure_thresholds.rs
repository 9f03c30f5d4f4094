//! Version 4: a measure may have thresholds (an "on track at" value and a red line) and says
//! which way is better; a check-in says how confident the team is in its figure. Measures
//! written before had no thresholds, so their status keeps following the straight line from
//! baseline to target as it did. Which way is better is read from that line: a target below
//! the baseline (fewer days to award) means lower is better. Nobody was asked how confident
//! they were, so earlier check-ins have no confidence.

use super::Doc;
use serde_json::Value;

pub fn rewrite(doc: Doc<'_>) {
    match doc {
        Doc::Record {
            list: "measures",
            body: Value::Object(m),
        } => {
            let lower = matches!(
                (m.get("baseline").and_then(Value::as_f64), m.get("target").and_then(Value::as_f64)),
                (Some(b), Some(t)) if t < b
            );
            m.entry("better")
                .or_insert_with(|| Value::from(if lower { "lower" } else { "higher" }));
            m.entry("on_track_at").or_insert(Value::Null);
            m.entry("red_line").or_insert(Value::Null);
        }
        Doc::Record {
            list: "check_ins",
            body: Value::Object(c),
        } => {
            c.entry("confidence").or_insert(Value::Null);
        }
        _ => {}
    }
}
