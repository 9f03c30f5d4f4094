//! Scaffolding, replaced by the xlsx exporter.
use crate::error::{Error, Result};
use crate::model::Plan;
use chrono::{DateTime, Utc};

pub fn render(_plan: &Plan, _now: DateTime<Utc>) -> Result<Vec<u8>> {
    Err(Error::Export {
        format: "xlsx",
        reason: "not built yet".into(),
    })
}
