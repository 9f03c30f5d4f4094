//! Two assessments side by side, sub-facet by sub-facet: what moved and by how much. Both
//! must be revealed, since the comparison shows their current stages.

use super::lookup::find_assessment;
use super::view::results;
use crate::catalog::catalog;
use crate::error::Result;
use crate::model::{Plan, Score};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Movement {
    pub subfacet_id: String,
    pub subfacet_name: String,
    pub facet_id: String,
    /// The current score in the earlier assessment (`None`: not scored there).
    pub from: Option<Score>,
    pub to: Option<Score>,
    /// Stages gained (negative: lost); `None` unless both sides have a stage.
    pub change: Option<i8>,
}

impl Movement {
    /// True when the sub-facet is not where it was: a stage changed, or it became (or stopped
    /// being) applicable or scored.
    pub fn moved(&self) -> bool {
        match self.change {
            Some(c) => c != 0,
            None => self.from.as_ref().map(Score::stage) != self.to.as_ref().map(Score::stage),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Comparison {
    pub from_id: String,
    pub from_name: String,
    pub to_id: String,
    pub to_name: String,
    /// Every sub-facet, in model order.
    pub movements: Vec<Movement>,
}

impl Comparison {
    pub fn moved(&self) -> impl Iterator<Item = &Movement> {
        self.movements.iter().filter(|m| m.moved())
    }
}

pub fn compare(plan: &Plan, from_id: &str, to_id: &str) -> Result<Comparison> {
    let from = find_assessment(plan, from_id)?;
    let to = find_assessment(plan, to_id)?;
    let before = results(plan, &from.id)?;
    let after = results(plan, &to.id)?;
    let movements = catalog()
        .subfacets()
        .map(|sf| {
            let was = before.subfacet(&sf.id).and_then(|r| r.current.clone());
            let is = after.subfacet(&sf.id).and_then(|r| r.current.clone());
            let change = match (
                was.as_ref().and_then(Score::stage),
                is.as_ref().and_then(Score::stage),
            ) {
                (Some(a), Some(b)) => Some(b as i8 - a as i8),
                _ => None,
            };
            Movement {
                subfacet_id: sf.id.clone(),
                subfacet_name: sf.name.clone(),
                facet_id: sf.facet_id.clone(),
                from: was,
                to: is,
                change,
            }
        })
        .collect();
    Ok(Comparison {
        from_id: from.id.clone(),
        from_name: from.name.clone(),
        to_id: to.id.clone(),
        to_name: to.name.clone(),
        movements,
    })
}
