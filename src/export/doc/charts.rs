//! The drawn figures as the model holds them: each keeps its data, and each backend draws it
//! its own way (the PDF on its pages, the Word file as a picture or a shaded table).

use super::{Doc, Keep};
use crate::export::pdf::theme::Rgb;
use crate::maturity::PhasedHeatmap;

#[derive(Debug, Clone)]
pub enum Chart<'a> {
    /// The heatmap of the whole climb, with its phases' colours.
    Heatmap(Box<PhasedHeatmap>, Vec<Rgb>),
    /// A badge pathway: its badges in order, then the credential they stack to.
    Chain(Vec<chain::Link>),
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
            Chart::Heatmap(h, _) => {
                if h.phases.is_empty() {
                    "Heatmap of the maturity model: each sub-facet's current stage.".to_string()
                } else {
                    format!(
                        "Heatmap of the maturity model: each sub-facet's current stage and its target for {}.",
                        h.phases.join(", ")
                    )
                }
            }
            Chart::Chain(links) => {
                let names: Vec<&str> = links.iter().map(|l| l.name.as_str()).collect();
                format!("Badge pathway: {}.", names.join(" → "))
            }
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
    use super::{Doc, Keep};
    pub use crate::export::pdf::charts::heatmap::{short_phase, Chart};

    pub fn keep(_w: &Doc, chart: &Chart) -> Keep {
        Keep::Heatmap(Box::new(chart.h.clone()), chart.colors.clone())
    }

    pub fn draw(w: &mut Doc, chart: &Chart) {
        w.chart(super::Chart::Heatmap(
            Box::new(chart.h.clone()),
            chart.colors.clone(),
        ));
    }
}

pub mod chain {
    use super::*;
    pub use crate::export::pdf::charts::chain::Link;

    pub fn keep(_w: &Doc, links: &[Link]) -> Keep {
        Keep::Chain(links.to_vec())
    }

    pub fn draw(w: &mut Doc, links: &[Link]) {
        w.chart(Chart::Chain(links.to_vec()));
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
    pub use crate::export::pdf::charts::timeline::{Bar, Mark, Roadmap, State};

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
