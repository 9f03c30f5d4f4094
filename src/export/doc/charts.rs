//! The drawn figures as the model holds them: each keeps its data, and each backend draws it
//! its own way (the PDF on its pages, the Word file as a picture or a shaded table).

use super::{Doc, Keep};
use crate::maturity::Heatmap;

#[derive(Debug, Clone)]
pub enum Chart<'a> {
    /// The heatmap and the short name of the phase its target cells carry.
    Heatmap(Box<Heatmap>, String),
    /// Facets' current and target means, against the named phase.
    Radar(Vec<radar::Spoke>, String),
    Timeline(timeline::Roadmap),
    History(Vec<history::History<'a>>),
    Workflow(Vec<workflow::Stage>),
}

impl Chart<'_> {
    /// What the figure shows, for a reader who cannot see it (a picture's alt text).
    pub fn describe(&self) -> String {
        match self {
            Chart::Heatmap(_, phase) => format!(
                "Heatmap of the maturity model: each sub-facet's current stage and its stage for {phase}."
            ),
            Chart::Radar(spokes, phase) => {
                let parts: Vec<String> = spokes
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {} now, {} for {phase}",
                            s.name,
                            mean(s.current),
                            mean(s.target)
                        )
                    })
                    .collect();
                format!(
                    "Radar chart of the facets' mean stage (1 to 5): {}.",
                    parts.join("; ")
                )
            }
            Chart::Timeline(r) => {
                let phases: Vec<&str> = r.phases.iter().map(|p| p.label.as_str()).collect();
                format!(
                    "Timeline of the roadmap: {} phase{} ({}), {} goal due date{} and {} milestone{}.",
                    r.phases.len(),
                    plural(r.phases.len()),
                    phases.join(", "),
                    r.goals.len(),
                    plural(r.goals.len()),
                    r.milestones.len(),
                    plural(r.milestones.len())
                )
            }
            Chart::History(h) => {
                let names: Vec<&str> = h.iter().map(|h| h.measure.indicator.as_str()).collect();
                format!(
                    "Check-in history charts, one per measure: {}.",
                    names.join("; ")
                )
            }
            Chart::Workflow(stages) => {
                let names: Vec<&str> = stages.iter().map(|s| s.name.as_str()).collect();
                format!(
                    "Badge request workflow in {} stage{}: {}.",
                    stages.len(),
                    plural(stages.len()),
                    names.join(" → ")
                )
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn mean(v: Option<f64>) -> String {
    v.map_or_else(|| "not rated".into(), |m| format!("{m:.1}"))
}

pub mod heatmap {
    use super::*;

    pub fn keep(_w: &Doc, h: &Heatmap, phase: &str) -> Keep {
        Keep::Heatmap(Box::new(h.clone()), phase.to_string())
    }

    pub fn draw(w: &mut Doc, h: &Heatmap, phase: &str) {
        w.chart(Chart::Heatmap(Box::new(h.clone()), phase.to_string()));
    }
}

pub mod radar {
    use super::*;
    pub use crate::export::pdf::charts::radar::{height, Spoke};

    pub fn draw(w: &mut Doc, spokes: &[Spoke], phase: &str) {
        w.chart(Chart::Radar(spokes.to_vec(), phase.to_string()));
    }
}

pub mod timeline {
    use super::*;
    pub use crate::export::pdf::charts::timeline::{Bar, Mark, Roadmap};

    /// Adds the chart; false when nothing in the roadmap has a date to place.
    pub fn draw(w: &mut Doc, r: &Roadmap) -> bool {
        if !crate::export::pdf::charts::timeline::drawable(r) {
            return false;
        }
        w.chart(Chart::Timeline(r.clone()));
        true
    }
}

pub mod history {
    use super::*;
    pub use crate::export::pdf::charts::history::{height, History};

    pub fn draw<'a>(w: &mut Doc<'a>, charts: &[History<'a>]) {
        w.chart(Chart::History(charts.to_vec()));
    }
}

pub mod workflow {
    use super::*;
    pub use crate::export::pdf::charts::workflow::Stage;

    pub fn keep(_w: &Doc, stages: &[Stage]) -> Keep {
        Keep::Workflow(stages.to_vec())
    }

    pub fn draw(w: &mut Doc, stages: &[Stage]) {
        w.chart(Chart::Workflow(stages.to_vec()));
    }
}
