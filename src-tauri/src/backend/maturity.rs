//! Step 7, the maturity workshop, over `stepwise::maturity`: each write runs as one step of
//! the undo history and answers with the new plan state, so the journey's progress follows.
//! What a person may see of an assessment always comes from the core's blind view.

use super::{ApiError, Backend, Exported};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};
use stepwise::maturity::{
    self as m, AgreedStage, AssessmentView, Comparison, FactorRow, Gap, Heatmap, HeatmapView,
    Results, ScoreEntry, Viewer,
};
use stepwise::model::{Entity, FactorStatus, Kind, Plan, Rater};
use stepwise::workspace::PlanState;
use stepwise::Edit;
use ts_rs::TS;

type Result<T> = std::result::Result<T, ApiError>;

/// A record a command created, and the plan state after it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Created {
    pub id: String,
    pub state: PlanState,
}

/// One phase's targets seen per facet, for the radar: the mean target stage of each facet's
/// sub-facets that have a current stage (a sub-facet without a target stays where it is).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PhaseMeans {
    pub phase_id: String,
    pub phase_name: String,
    /// In the order of `Results::facets`.
    pub means: Vec<Option<f64>>,
}

/// What the results screen shows for a revealed assessment.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MaturityResults {
    pub results: Results,
    pub heatmap: Heatmap,
    /// The gaps of the chosen phase (every phase when none is chosen), largest first.
    pub gaps: Vec<Gap>,
    /// Every phase with targets in this assessment, in time order.
    pub phases: Vec<PhaseMeans>,
}

/// A scoring form found in the exports folder.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FoundForm {
    pub path: String,
    pub name: String,
}

/// A filled scoring form that was read back.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportedForm {
    pub rater_name: String,
    pub answers: u32,
    pub state: PlanState,
}

/// Reads a date as people type it, naming the field when it is not one.
fn date(field: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        stepwise::Error::invalid(
            field,
            format!("\"{}\" is not a date; write it as YYYY-MM-DD", text.trim()),
        )
        .into()
    })
}

fn optional_date(field: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => date(field, t).map(Some),
        None => Ok(None),
    }
}

fn find_rater<'a>(plan: &'a Plan, rater_id: &str) -> Result<&'a Rater> {
    plan.raters
        .iter()
        .find(|r| r.id == rater_id)
        .ok_or_else(|| stepwise::Error::not_found(format!("rater \"{rater_id}\"")).into())
}

impl Backend {
    fn plan(&self, plan_id: &str) -> Result<Plan> {
        Ok(self.workspace()?.store().plan(plan_id)?)
    }

    /// The folder default exports go to, created if needed.
    fn exports_folder(&self) -> Result<PathBuf> {
        let dir = match &self.export_dir {
            Some(dir) => dir.clone(),
            None => stepwise::paths::exports_dir()?,
        };
        std::fs::create_dir_all(&dir)
            .map_err(|e| stepwise::Error::io(format!("cannot create {}", dir.display()), e))?;
        Ok(dir)
    }

    /// What `viewer` may see of an assessment: before the reveal a rater sees only their own
    /// scores and the facilitator only how far each rater has got.
    pub fn assessment_view(
        &self,
        plan_id: &str,
        assessment_id: &str,
        viewer: &Viewer,
    ) -> Result<AssessmentView> {
        Ok(m::assessment_view(
            &self.plan(plan_id)?,
            assessment_id,
            viewer,
        )?)
    }

    pub fn create_assessment(
        &self,
        plan_id: &str,
        name: &str,
        assessed_on: &str,
        now: DateTime<Utc>,
    ) -> Result<Created> {
        let day = date("assessed_on", assessed_on)?;
        let (a, state) = self.workspace()?.change(plan_id, now, |s| {
            m::create_assessment(s, plan_id, name, day, now)
        })?;
        Ok(Created { id: a.id, state })
    }

    pub fn add_rater(
        &self,
        plan_id: &str,
        assessment_id: &str,
        name: &str,
        role: &str,
        now: DateTime<Utc>,
    ) -> Result<Created> {
        let (r, state) = self.workspace()?.change(plan_id, now, |s| {
            m::add_rater(s, plan_id, assessment_id, name, role, now)
        })?;
        Ok(Created { id: r.id, state })
    }

    pub fn rename_rater(
        &self,
        plan_id: &str,
        rater_id: &str,
        name: &str,
        role: &str,
        now: DateTime<Utc>,
    ) -> Result<PlanState> {
        let plan = self.plan(plan_id)?;
        let mut rater = find_rater(&plan, rater_id)?.clone();
        rater.name = name.trim().to_string();
        rater.role = role.trim().to_string();
        let edit = Edit::Put {
            entity: Entity::Rater(rater),
        };
        Ok(self.workspace()?.apply(plan_id, &[edit], now)?)
    }

    /// Removes a rater and, with them, every score they gave.
    pub fn remove_rater(
        &self,
        plan_id: &str,
        rater_id: &str,
        now: DateTime<Utc>,
    ) -> Result<PlanState> {
        let plan = self.plan(plan_id)?;
        let rater = find_rater(&plan, rater_id)?;
        let edit = Edit::Delete {
            kind: Kind::Rater,
            id: rater.id.clone(),
        };
        Ok(self.workspace()?.apply(plan_id, &[edit], now)?)
    }

    pub fn record_score(
        &self,
        plan_id: &str,
        entry: &ScoreEntry,
        now: DateTime<Utc>,
    ) -> Result<PlanState> {
        let (_, state) = self
            .workspace()?
            .change(plan_id, now, |s| m::record_score(s, plan_id, entry, now))?;
        Ok(state)
    }

    /// Takes back a rater's answer for a sub-facet (nothing happens if there is none).
    pub fn clear_score(
        &self,
        plan_id: &str,
        rater_id: &str,
        subfacet_id: &str,
        now: DateTime<Utc>,
    ) -> Result<PlanState> {
        let plan = self.plan(plan_id)?;
        let rater = find_rater(&plan, rater_id)?;
        let edits: Vec<Edit> = plan
            .ratings
            .iter()
            .filter(|r| r.rater_id == rater.id && r.subfacet_id == subfacet_id)
            .map(|r| Edit::Delete {
                kind: Kind::Rating,
                id: r.id.clone(),
            })
            .collect();
        Ok(self.workspace()?.apply(plan_id, &edits, now)?)
    }

    pub fn reveal(
        &self,
        plan_id: &str,
        assessment_id: &str,
        now: DateTime<Utc>,
    ) -> Result<PlanState> {
        let (_, state) = self
            .workspace()?
            .change(plan_id, now, |s| m::reveal(s, plan_id, assessment_id, now))?;
        Ok(state)
    }

    pub fn agree(
        &self,
        plan_id: &str,
        assessment_id: &str,
        agreed: &AgreedStage,
        now: DateTime<Utc>,
    ) -> Result<PlanState> {
        let (_, state) = self.workspace()?.change(plan_id, now, |s| {
            m::agree(s, plan_id, assessment_id, agreed, now)
        })?;
        Ok(state)
    }

    pub fn add_phase(
        &self,
        plan_id: &str,
        name: &str,
        starts_on: Option<&str>,
        ends_on: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Created> {
        let starts = optional_date("starts_on", starts_on)?;
        let ends = optional_date("ends_on", ends_on)?;
        let (p, state) = self.workspace()?.change(plan_id, now, |s| {
            m::add_phase(s, plan_id, name, starts, ends, now)
        })?;
        Ok(Created { id: p.id, state })
    }

    /// Sets a target; a refused one comes back as `invalid_input` saying which stage is allowed.
    pub fn set_target(
        &self,
        plan_id: &str,
        assessment_id: &str,
        phase_id: &str,
        subfacet_id: &str,
        stage: u8,
        now: DateTime<Utc>,
    ) -> Result<PlanState> {
        let (_, state) = self.workspace()?.change(plan_id, now, |s| {
            m::set_target(s, plan_id, assessment_id, phase_id, subfacet_id, stage, now)
        })?;
        Ok(state)
    }

    pub fn clear_target(
        &self,
        plan_id: &str,
        assessment_id: &str,
        phase_id: &str,
        subfacet_id: &str,
        now: DateTime<Utc>,
    ) -> Result<PlanState> {
        let (_, state) = self.workspace()?.change(plan_id, now, |s| {
            m::clear_target(s, plan_id, assessment_id, phase_id, subfacet_id, now)
        })?;
        Ok(state)
    }

    /// The results of a revealed assessment: the aggregate, the heatmap in the chosen view, the
    /// gaps of the chosen phase, and the facet means for the radar.
    pub fn maturity_results(
        &self,
        plan_id: &str,
        assessment_id: &str,
        view: HeatmapView,
        phase_id: Option<&str>,
    ) -> Result<MaturityResults> {
        let plan = self.plan(plan_id)?;
        let results = m::results(&plan, assessment_id)?;
        let heatmap = m::heatmap(&plan, assessment_id, view, phase_id)?;
        let gaps = m::gaps(&plan, assessment_id, phase_id)?;
        let phases = m::target_phases(&plan, &results.assessment_id)
            .into_iter()
            .map(|p| PhaseMeans {
                phase_id: p.id.clone(),
                phase_name: p.name.clone(),
                means: m::facet_target_means(&plan, &results, &p.id),
            })
            .collect();
        Ok(MaturityResults {
            results,
            heatmap,
            gaps,
            phases,
        })
    }

    /// Drafts a SMART goal from a gap and adds it to the plan's goals.
    pub fn draft_goal_from_gap(
        &self,
        plan_id: &str,
        assessment_id: &str,
        phase_id: &str,
        subfacet_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Created> {
        let (goal, state) = self.workspace()?.change(plan_id, now, |s| {
            m::add_goal_from_gap(s, plan_id, assessment_id, phase_id, subfacet_id, now)
        })?;
        Ok(Created { id: goal.id, state })
    }

    pub fn compare_assessments(
        &self,
        plan_id: &str,
        from_id: &str,
        to_id: &str,
    ) -> Result<Comparison> {
        Ok(m::compare(&self.plan(plan_id)?, from_id, to_id)?)
    }

    pub fn success_factors(&self, plan_id: &str) -> Result<Vec<FactorRow>> {
        Ok(m::checklist(&self.plan(plan_id)?))
    }

    pub fn set_success_factor(
        &self,
        plan_id: &str,
        factor_id: &str,
        status: FactorStatus,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<PlanState> {
        let (_, state) = self.workspace()?.change(plan_id, now, |s| {
            m::set_factor(s, plan_id, factor_id, status, note, now)
        })?;
        Ok(state)
    }

    /// Writes one scoring form per rater into `dir`, or into the exports folder.
    pub fn export_scoring_forms(
        &self,
        plan_id: &str,
        assessment_id: &str,
        dir: Option<PathBuf>,
    ) -> Result<Vec<Exported>> {
        let forms = m::forms::export_forms(&self.plan(plan_id)?, assessment_id)?;
        let dir = match dir {
            Some(d) => self.save_folder(&d)?,
            None => self.exports_folder()?,
        };
        let mut written = Vec::with_capacity(forms.len());
        for (name, bytes) in forms {
            let path = dir.join(name);
            stepwise::files::write_atomic(&path, &bytes)?;
            tracing::info!(plan = %plan_id, file = %path.display(), "scoring form exported");
            self.exported_files().insert(path.clone());
            written.push(Exported {
                path: path.display().to_string(),
                bytes: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
            });
        }
        Ok(written)
    }

    /// The scoring forms (`.xlsx` files) in the exports folder, by name, so a filled form
    /// saved there can be imported without a file dialog.
    pub fn scoring_forms_found(&self) -> Result<Vec<FoundForm>> {
        let dir = match &self.export_dir {
            Some(dir) => dir.clone(),
            None => stepwise::paths::exports_dir()?,
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            // No exports folder yet: nothing has been exported.
            return Ok(vec![]);
        };
        let mut found: Vec<FoundForm> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "xlsx"))
            .filter_map(|p| {
                let name = p.file_name()?.to_string_lossy().into_owned();
                name.starts_with("scoring-form-").then(|| FoundForm {
                    path: p.display().to_string(),
                    name,
                })
            })
            .collect();
        found.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(found)
    }

    /// Reads a filled form back: the rater's answers on it replace theirs, or, when any cell
    /// is refused, nothing is written and every refused cell is listed.
    pub fn import_scoring_form(
        &self,
        plan_id: &str,
        assessment_id: &str,
        path: &Path,
        now: DateTime<Utc>,
    ) -> Result<ImportedForm> {
        let path = self.open_path(path)?;
        let bytes = stepwise::files::read_input(&path, stepwise::files::Input::ScoringForm)?;
        let (form, state) = self.workspace()?.change(plan_id, now, |s| {
            m::forms::import_form(s, plan_id, assessment_id, &bytes, now)
        })?;
        tracing::info!(plan = %plan_id, file = %path.display(), rater = %form.rater_id, "scoring form imported");
        Ok(ImportedForm {
            rater_name: form.rater_name,
            answers: u32::try_from(form.entries.len()).unwrap_or(u32::MAX),
            state,
        })
    }
}

#[cfg(test)]
#[path = "maturity_tests.rs"]
mod tests;
