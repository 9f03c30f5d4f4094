//! The figures a plan reports, defined once: the maturity headline (which assessment, its
//! mean stage and how that mean is worded, the next phase and what it aims for), the measures
//! counted by status, and the steps counted as complete. The app (through `PlanState`), the
//! PDF, the XLSX and the CLI all read them from here, so no two of them can disagree.

mod maturity;
mod measures;

pub use crate::progress::steps_complete;
pub use maturity::{MaturityFigures, MaturityHeadline, PhaseAim, StageMean};
pub use measures::{measure_tally, StatusCount};

/// What every report says in place of the maturity headline before any assessment is revealed.
pub const NO_ASSESSMENT: &str = "No maturity assessment has been revealed yet.";

#[cfg(test)]
mod tests;
