//! The figures a plan reports, defined once: the maturity headline (which assessment, its
//! mean stage and how that mean is worded, the next phase and what it aims for), where each
//! measure stands (its status, by thresholds or by the line to its target, and whether it is
//! stale), the measures counted by status, the steps counted as complete, what the board is
//! asked and the risks, and the conclusion each report section opens with. The app (through
//! `PlanState`), the PDF, the XLSX and the CLI all read them from here, so no two of them can
//! disagree.

mod board;
mod firmness;
mod headlines;
mod maturity;
mod measures;
mod numbers;

pub use crate::progress::steps_complete;
pub use board::{
    ask_cost, asks_by_date, asks_total, attention, board_line, goals_that_matter, key_measures,
    measures_behind, money, next_90_days, risk_band, risk_counts, risks_ranked, Kpi, RiskBand,
    HORIZON_DAYS, RISK_HIGH, RISK_MEDIUM,
};
pub use firmness::{to_firm_up, Firmness};
pub use headlines::section_headline;
pub use maturity::{MaturityFigures, MaturityHeadline, PhaseAim, StageMean};
pub use measures::{
    by_thresholds, check_in_status, due_after, latest, measure_standing, measure_standings,
    measure_status, measure_tally, measures_needing_attention, status_at, MeasureStanding,
    StatusCount, GRACE_DAYS,
};
pub use numbers::{long_date, number, quantity, short_date};

/// What every report says in place of the maturity headline before any assessment is revealed.
pub const NO_ASSESSMENT: &str = "No maturity assessment has been revealed yet.";

#[cfg(test)]
mod tests;
