//! Step 7, the maturity self-assessment engine: raters score the model's twenty sub-facets
//! blind, the facilitator reveals the scores and records the agreed stages, targets are set
//! per future phase, and the gaps between the two become goals of the plan.
//!
//! Every write is a pure function from the plan and what the person asked for to a list of
//! edits, which `Workspace::apply_intent` applies inside one write transaction (see
//! `crate::intent`); everything else is a pure function of the plan's data (no clock), so the
//! desktop app, the CLI and the tests see the same results.

mod aggregate;
mod answers;
mod assessments;
mod audience;
mod compare;
mod csv;
mod factors;
mod focus;
pub mod forms;
mod gaps;
mod heatmap;
mod lookup;
mod phased;
mod rounds;
mod targets;
mod text;
mod view;

pub use aggregate::{
    facet_results, Aggregate, FacetResult, Results, SubfacetResult, DISAGREEMENT_SPREAD,
};
pub use answers::{
    confidence_label, parse_confidence, parse_day, parse_optional_day, parse_stage, stage_choices,
    stage_label, StageAnswer, ABSTAINED_LABEL, CONFIDENCES, NOT_APPLICABLE_LABEL,
};
pub use assessments::{
    add_rater, agree, clear_score, create_assessment, rater_scores, remove_rater, rename_rater,
    reveal, score_edits, AgreedStage, ScoreEntry,
};
pub use audience::{
    audience_view, AudienceAgreed, AudienceRequest, AudienceReveal, AudienceRoom, AudienceStage,
    AudienceSubfacet, AudienceTimer, AudienceView,
};
pub use compare::{compare, Comparison, Movement};
pub use csv::parse_scores as parse_scores_csv;
pub use factors::{checklist, find_factor, set_factor, FactorRow};
pub use focus::{
    focus_queue, focus_view, FocusAnswer, FocusQueue, FocusView, PastRound, RoundState,
};
pub use gaps::{add_goal_from_gap, draft_goal, gaps, gaps_from, phase_deadline, Gap, Step};
pub use heatmap::{heatmap, heatmap_text, Cell, Heatmap, HeatmapFacet, HeatmapRow, HeatmapView};
pub use lookup::{
    find_assessment, find_phase, find_rater, find_subfacet, latest_revealed, ordered_phases,
    stage_name, target_phases,
};
pub use phased::{phased_heatmap, PhasedFacet, PhasedHeatmap, PhasedRow, StageMarks};
pub use rounds::{
    current_round, open_round, rating_revealed, results_round, reveal_round, round_revealed,
    rounds_of, subfacet_revealed,
};
pub use targets::{
    add_phase, clear_target, facet_target_means, phase_means, set_target, target_for,
    target_problems, PhaseMeans,
};
pub use text::{checklist_text, comparison_text, gaps_text, view_text};
pub use view::{assessment_view, results, AssessmentView, RaterProgress, Viewer};
