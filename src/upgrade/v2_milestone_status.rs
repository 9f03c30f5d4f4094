//! Version 2: a milestone says whether it is planned, done or missed, and the day it was
//! done. Milestones written before had no status; they were all still ahead as far as anyone
//! recorded, so they become planned.

use super::Doc;
use serde_json::Value;

pub fn rewrite(doc: Doc<'_>) {
    if let Doc::Record {
        list: "milestones",
        body: Value::Object(m),
    } = doc
    {
        m.entry("status").or_insert_with(|| Value::from("planned"));
        m.entry("done_on").or_insert(Value::Null);
    }
}
