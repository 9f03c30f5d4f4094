//! Step 5: the business requirements and institutional drivers the team chose (from the
//! catalog or its own), ranked, with the metrics it picked — each of which can become a
//! success measure on a goal.

use super::{Id, Kind};
use crate::catalog::catalog;
use crate::record::{clear_if, link, Checker, Link, Record, Unlinked};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementChoice {
    pub id: Id,
    /// The catalog requirement this is, or none for one the team wrote itself.
    pub catalog_id: Option<String>,
    pub name: String,
    pub description: String,
    /// 1 is the requirement that matters most; unranked ones come last.
    pub rank: Option<u32>,
}

impl Record for RequirementChoice {
    const KIND: Kind = Kind::Requirement;
    fn id(&self) -> &str {
        &self.id
    }
    fn unique_key(&self) -> Option<(String, &'static str)> {
        self.catalog_id
            .clone()
            .map(|c| (c, "this catalog requirement is already in the plan"))
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
        c.text("description", &self.description);
        if let Some(id) = &self.catalog_id {
            let known = catalog().requirement(id).is_some();
            c.known("catalog_id", id, known, "business requirement");
        }
        if self.rank == Some(0) {
            c.problem("rank", "ranks start at 1");
        }
    }
}

/// A metric the team picked for a requirement; `measure_id` is the success measure it became.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementMetric {
    pub id: Id,
    pub requirement_id: Id,
    pub name: String,
    pub measure_id: Option<Id>,
}

impl Record for RequirementMetric {
    const KIND: Kind = Kind::RequirementMetric;
    fn id(&self) -> &str {
        &self.id
    }
    fn parent_id(&self) -> Option<&str> {
        Some(&self.requirement_id)
    }
    fn links(&self) -> Vec<Link<'_>> {
        let mut l = vec![link(
            "requirement_id",
            Kind::Requirement,
            &self.requirement_id,
        )];
        l.extend(
            self.measure_id
                .iter()
                .map(|m| link("measure_id", Kind::Measure, m)),
        );
        l
    }
    fn unlink(&mut self, kind: Kind, id: &str) -> Unlinked {
        match kind {
            Kind::Measure => clear_if(&mut self.measure_id, id),
            _ => Unlinked::Unchanged,
        }
    }
    fn check(&self, c: &mut Checker) {
        c.name("name", &self.name);
    }
}
