//! Scaffolding, replaced by the pdf exporter.
use crate::error::{Error, Result};
use crate::model::Plan;
use chrono::{DateTime, Utc};

pub fn render(_plan: &Plan, _now: DateTime<Utc>) -> Result<Vec<u8>> {
    Err(Error::Export {
        format: "pdf",
        reason: "not built yet".into(),
    })
}
