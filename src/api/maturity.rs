//! Step 7, the maturity workshop: what its screens and the `assess` commands read, and the
//! scoring forms. Its writes are `Intent`s, through `super::apply_intent`.

use crate::error::{Error, Result};
use crate::maturity::{
    self as m, forms::FilledForm, AssessmentView, Comparison, FactorRow, Gap, Heatmap, HeatmapView,
    PhaseMeans, Results, Viewer,
};
use crate::workspace::{PlanState, Workspace};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What the results screen shows for a revealed assessment.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct MaturityResults {
    pub results: Results,
    pub heatmap: Heatmap,
    /// The gaps of the chosen phase (every phase when none is chosen), largest first.
    pub gaps: Vec<Gap>,
    /// Every phase with targets in this assessment, in time order.
    pub phases: Vec<PhaseMeans>,
}

/// A filled scoring form that was read back.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ImportedForm {
    pub rater_name: String,
    pub answers: u32,
    pub state: PlanState,
}

/// What `viewer` may see of an assessment: before the reveal a rater sees only their own
/// scores and the facilitator only how far each rater has got.
pub fn assessment_view(
    ws: &Workspace,
    plan_id: &str,
    assessment: &str,
    viewer: &Viewer,
) -> Result<AssessmentView> {
    m::assessment_view(&ws.store().plan(plan_id)?, assessment, viewer)
}

/// The results of a revealed assessment: the aggregate, the heatmap in the chosen view, the
/// gaps of the chosen phase, and the facet means for the radar.
pub fn maturity_results(
    ws: &Workspace,
    plan_id: &str,
    assessment: &str,
    view: HeatmapView,
    phase: Option<&str>,
) -> Result<MaturityResults> {
    let plan = ws.store().plan(plan_id)?;
    let results = m::results(&plan, assessment)?;
    Ok(MaturityResults {
        heatmap: m::heatmap(&plan, assessment, view, phase)?,
        gaps: m::gaps(&plan, assessment, phase)?,
        phases: m::phase_means(&plan, &results),
        results,
    })
}

pub fn compare_assessments(
    ws: &Workspace,
    plan_id: &str,
    from: &str,
    to: &str,
) -> Result<Comparison> {
    m::compare(&ws.store().plan(plan_id)?, from, to)
}

pub fn success_factors(ws: &Workspace, plan_id: &str) -> Result<Vec<FactorRow>> {
    Ok(m::checklist(&ws.store().plan(plan_id)?))
}

/// Writes one scoring form per rater of the assessment into `dir` (created if need be), each
/// whole or not at all; answers each file written with its size in bytes.
pub fn write_scoring_forms(
    ws: &Workspace,
    plan_id: &str,
    assessment: &str,
    dir: &Path,
) -> Result<Vec<(PathBuf, usize)>> {
    let key = m::forms::FormKey::of(ws.store())?;
    let forms = m::forms::export_forms(&ws.store().plan(plan_id)?, assessment, &key)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    let mut written = Vec::with_capacity(forms.len());
    for (name, bytes) in forms {
        let path = dir.join(name);
        crate::files::write_atomic(&path, &bytes)?;
        written.push((path, bytes.len()));
    }
    Ok(written)
}

/// The scoring forms found in `dir`, by name.
pub fn scoring_forms_in(dir: &Path) -> Vec<m::forms::FoundForm> {
    m::forms::forms_in(dir)
}

/// Reads a filled form back as one undo step: the rater's answers on it replace theirs, or,
/// when any cell is refused, nothing is written and every refused cell is listed.
pub fn import_scoring_form(
    ws: &mut Workspace,
    plan_id: &str,
    assessment: &str,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<ImportedForm> {
    let key = m::forms::FormKey::of(ws.store())?;
    let mut read = None;
    ws.apply_intent(plan_id, now, |plan| {
        let (form, edits) = m::forms::import_form(plan, assessment, bytes, &key)?;
        read = Some(form);
        Ok(edits)
    })?;
    let form = read.expect("the form is read before its edits are applied");
    Ok(ImportedForm {
        rater_name: form.rater_name,
        answers: u32::try_from(form.entries.len()).unwrap_or(u32::MAX),
        state: ws.state(plan_id, now)?,
    })
}

/// Reads several filled forms back as one undo step, all or nothing; `files` pairs each
/// form's name (shown in problems) with its bytes.
pub fn import_scoring_forms(
    ws: &mut Workspace,
    plan_id: &str,
    assessment: &str,
    files: &[(String, Vec<u8>)],
    now: DateTime<Utc>,
) -> Result<Vec<FilledForm>> {
    let key = m::forms::FormKey::of(ws.store())?;
    let mut read = Vec::new();
    ws.apply_intent(plan_id, now, |plan| {
        let (forms, edits) = m::forms::import_forms(plan, assessment, files, &key)?;
        read = forms;
        Ok(edits)
    })?;
    Ok(read)
}

/// Records answers read from a CSV text (see `maturity::parse_scores_csv`) as one undo step;
/// returns how many.
pub fn import_scores_csv(
    ws: &mut Workspace,
    plan_id: &str,
    assessment: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<usize> {
    let edits = ws.apply_intent(plan_id, now, |plan| {
        m::score_edits(plan, &m::parse_scores_csv(plan, assessment, text)?)
    })?;
    Ok(edits.len())
}

/// Focus mode, the facilitator's side: one sub-facet, its round and who has scored it.
pub fn focus_view(
    ws: &Workspace,
    plan_id: &str,
    assessment: &str,
    subfacet: &str,
) -> Result<m::FocusView> {
    m::focus_view(&ws.store().plan(plan_id)?, assessment, subfacet)
}

pub fn focus_queue(
    ws: &Workspace,
    plan_id: &str,
    assessment: &str,
    queue: m::FocusQueue,
) -> Result<Vec<String>> {
    m::focus_queue(&ws.store().plan(plan_id)?, assessment, queue)
}

/// What the room may see of focus mode (see `maturity::audience_view`).
pub fn audience_view(
    ws: &Workspace,
    plan_id: &str,
    request: &m::AudienceRequest,
) -> Result<m::AudienceView> {
    m::audience_view(&ws.store().plan(plan_id)?, request)
}
