//! The heatmap in the model's own layout: facets and sub-facets down, the five stages across,
//! a cell marked where the sub-facet is now, where a phase aims it, or both (the model's
//! "Current", "Phase 2" and "Current & Phase 2 (no changes between phases)").

use super::aggregate::Results;
use super::lookup::{find_phase, stage_name};
use super::view::results;
use crate::catalog::catalog;
use crate::error::{Error, Result};
use crate::model::{Plan, Score};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// Which stages the heatmap marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeatmapView {
    Current,
    Target,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    Empty,
    Current,
    Target,
    /// The target equals the current stage: the sub-facet stays where it is.
    CurrentAndTarget,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct HeatmapRow {
    pub subfacet_id: String,
    pub name: String,
    /// Stages 1–5, left to right.
    pub cells: [Cell; 5],
    /// Set when the sub-facet is not applicable, with the reason.
    pub not_applicable: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct HeatmapFacet {
    pub facet_id: String,
    pub name: String,
    pub rows: Vec<HeatmapRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Heatmap {
    pub view: HeatmapView,
    pub assessment_name: String,
    pub phase_name: Option<String>,
    pub facets: Vec<HeatmapFacet>,
}

impl Heatmap {
    pub fn row(&self, subfacet_id: &str) -> Option<&HeatmapRow> {
        self.facets
            .iter()
            .flat_map(|f| &f.rows)
            .find(|r| r.subfacet_id == subfacet_id)
    }
}

/// The heatmap of a revealed assessment. The target and both views need a phase.
pub fn heatmap(
    plan: &Plan,
    assessment_id: &str,
    view: HeatmapView,
    phase_id: Option<&str>,
) -> Result<Heatmap> {
    let results = results(plan, assessment_id)?;
    let phase = match (view, phase_id) {
        (_, Some(p)) => Some(find_phase(plan, p)?),
        (HeatmapView::Current, None) => None,
        (_, None) => {
            return Err(Error::invalid(
                "phase",
                "name the phase whose targets the heatmap shows",
            ))
        }
    };
    let assessment_name = plan
        .assessments
        .iter()
        .find(|a| a.id == results.assessment_id)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    Ok(heatmap_from(
        plan,
        &results,
        assessment_name,
        view,
        phase.map(|p| (p.id.as_str(), p.name.as_str())),
    ))
}

fn heatmap_from(
    plan: &Plan,
    results: &Results,
    assessment_name: String,
    view: HeatmapView,
    phase: Option<(&str, &str)>,
) -> Heatmap {
    let facets = catalog()
        .facets
        .iter()
        .map(|facet| HeatmapFacet {
            facet_id: facet.id.clone(),
            name: facet.name.clone(),
            rows: facet
                .subfacets
                .iter()
                .map(|sf| {
                    let current = results.subfacet(&sf.id).and_then(|r| r.current.clone());
                    let target = phase.and_then(|(pid, _)| {
                        plan.targets
                            .iter()
                            .find(|t| {
                                t.assessment_id == results.assessment_id
                                    && t.phase_id == pid
                                    && t.subfacet_id == sf.id
                            })
                            .map(|t| t.stage)
                    });
                    let now = current.as_ref().and_then(Score::stage);
                    let mut cells = [Cell::Empty; 5];
                    let mut mark = |stage: Option<u8>, cell: Cell| {
                        if let Some(s @ 1..=5) = stage {
                            let slot = &mut cells[usize::from(s) - 1];
                            *slot = if *slot == Cell::Empty || *slot == cell {
                                cell
                            } else {
                                Cell::CurrentAndTarget
                            };
                        }
                    };
                    if view != HeatmapView::Target {
                        mark(now, Cell::Current);
                    }
                    if view != HeatmapView::Current {
                        mark(target, Cell::Target);
                    }
                    HeatmapRow {
                        subfacet_id: sf.id.clone(),
                        name: sf.name.clone(),
                        cells,
                        not_applicable: match current {
                            Some(Score::NotApplicable(reason)) => Some(reason),
                            _ => None,
                        },
                    }
                })
                .collect(),
        })
        .collect();
    Heatmap {
        view,
        assessment_name,
        phase_name: phase.map(|(_, name)| name.to_string()),
        facets,
    }
}

const NAME_WIDTH: usize = 42;
const CELL_WIDTH: usize = 18;

// Cells stay short words so a long phase name never gets cut; the legend names the phase.
fn cell_text(cell: Cell) -> &'static str {
    match cell {
        Cell::Empty => "·",
        Cell::Current => "[current]",
        Cell::Target => "[target]",
        Cell::CurrentAndTarget => "[both]",
    }
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        let cut: String = s.chars().take(width.saturating_sub(2)).collect();
        format!("{cut}… ")
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// The heatmap as text for a terminal, with a legend.
pub fn heatmap_text(h: &Heatmap) -> String {
    let phase = h.phase_name.clone().unwrap_or_else(|| "target".into());
    let mut out = String::new();
    let title = match (h.view, &h.phase_name) {
        (HeatmapView::Current, _) => format!("{} — current stage", h.assessment_name),
        (HeatmapView::Target, Some(p)) => format!("{} — targets for {p}", h.assessment_name),
        (_, p) => format!(
            "{} — current and {}",
            h.assessment_name,
            p.as_deref().unwrap_or("target")
        ),
    };
    let _ = writeln!(out, "{title}\n");
    let mut header = pad("", NAME_WIDTH);
    for stage in 1..=5 {
        header.push_str(&pad(&format!("{stage} {}", stage_name(stage)), CELL_WIDTH));
    }
    let _ = writeln!(out, "{}", header.trim_end());
    for facet in &h.facets {
        let _ = writeln!(out, "{}", facet.name.to_uppercase());
        for row in &facet.rows {
            let mut line = pad(&format!("  {}", row.name), NAME_WIDTH);
            match &row.not_applicable {
                Some(reason) => line.push_str(&format!("n/a — {reason}")),
                None => {
                    for cell in row.cells {
                        line.push_str(&pad(cell_text(cell), CELL_WIDTH));
                    }
                }
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    let legend = match h.view {
        HeatmapView::Current => "[current] current stage".to_string(),
        HeatmapView::Target => format!("[target] target for {phase}"),
        HeatmapView::Both => format!(
            "[current] current stage   [target] target for {phase}   [both] current stage, kept as the {phase} target"
        ),
    };
    let _ = writeln!(out, "\n{legend}");
    out
}
