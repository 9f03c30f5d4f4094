//! One heatmap for the whole climb: where each sub-facet stands now and the stage every later
//! phase aims it at, side by side in the model's five stage columns. Leadership reads one
//! grid instead of one near-identical page per phase.

use super::aggregate::Results;
use crate::catalog::catalog;
use crate::model::{Phase, Plan, Score};

/// What one stage cell of a sub-facet holds: whether it is the current stage, and which of
/// the heatmap's phases (their indexes, in phase order) aim the sub-facet there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StageMarks {
    pub current: bool,
    pub phases: Vec<usize>,
}

impl StageMarks {
    pub fn is_empty(&self) -> bool {
        !self.current && self.phases.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhasedRow {
    pub subfacet_id: String,
    pub name: String,
    pub stages: [StageMarks; 5],
    /// Set when the sub-facet is not applicable, with the reason.
    pub not_applicable: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhasedFacet {
    pub name: String,
    pub rows: Vec<PhasedRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhasedHeatmap {
    /// The phases whose targets it shows, in order; `StageMarks::phases` index into it.
    pub phases: Vec<String>,
    pub facets: Vec<PhasedFacet>,
}

/// The heatmap of `results` with the targets of `phases` (in the order given).
pub fn phased_heatmap(plan: &Plan, results: &Results, phases: &[&Phase]) -> PhasedHeatmap {
    let facets = catalog()
        .facets
        .iter()
        .map(|facet| PhasedFacet {
            name: facet.name.clone(),
            rows: facet
                .subfacets
                .iter()
                .map(|sf| {
                    let current = results.subfacet(&sf.id).and_then(|r| r.current.clone());
                    let mut stages: [StageMarks; 5] = Default::default();
                    if let Some(s @ 1..=5) = current.as_ref().and_then(Score::stage) {
                        stages[usize::from(s) - 1].current = true;
                    }
                    for (i, phase) in phases.iter().enumerate() {
                        let target = plan.targets.iter().find(|t| {
                            t.assessment_id == results.assessment_id
                                && t.phase_id == phase.id
                                && t.subfacet_id == sf.id
                        });
                        if let Some(s @ 1..=5) = target.map(|t| t.stage) {
                            stages[usize::from(s) - 1].phases.push(i);
                        }
                    }
                    PhasedRow {
                        subfacet_id: sf.id.clone(),
                        name: sf.name.clone(),
                        stages,
                        not_applicable: match current {
                            Some(Score::NotApplicable(reason)) => Some(reason),
                            _ => None,
                        },
                    }
                })
                .collect(),
        })
        .collect();
    PhasedHeatmap {
        phases: phases.iter().map(|p| p.name.clone()).collect(),
        facets,
    }
}
