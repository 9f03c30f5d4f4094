//! Step 7, the maturity workshop, over `stepwise::api`: its writes are intents (see
//! `Backend::apply_intent`); here are its reads and the scoring forms' files. What a person
//! may see of an assessment always comes from the core's blind view.

use super::{ApiError, Backend, Exported};
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use stepwise::api::{self, ImportedForm, MaturityResults};
use stepwise::maturity::forms::FoundForm;
use stepwise::maturity::{AssessmentView, Comparison, FactorRow, HeatmapView, Viewer};

type Result<T> = std::result::Result<T, ApiError>;

impl Backend {
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

    pub fn assessment_view(
        &self,
        plan_id: &str,
        assessment_id: &str,
        viewer: &Viewer,
    ) -> Result<AssessmentView> {
        let ws = self.workspace()?;
        Ok(api::assessment_view(&ws, plan_id, assessment_id, viewer)?)
    }

    pub fn maturity_results(
        &self,
        plan_id: &str,
        assessment_id: &str,
        view: HeatmapView,
        phase_id: Option<&str>,
    ) -> Result<MaturityResults> {
        let ws = self.workspace()?;
        Ok(api::maturity_results(
            &ws,
            plan_id,
            assessment_id,
            view,
            phase_id,
        )?)
    }

    pub fn compare_assessments(&self, plan_id: &str, from: &str, to: &str) -> Result<Comparison> {
        Ok(api::compare_assessments(
            &*self.workspace()?,
            plan_id,
            from,
            to,
        )?)
    }

    pub fn success_factors(&self, plan_id: &str) -> Result<Vec<FactorRow>> {
        Ok(api::success_factors(&*self.workspace()?, plan_id)?)
    }

    /// Writes one scoring form per rater into `dir`, or into the exports folder.
    pub fn export_scoring_forms(
        &self,
        plan_id: &str,
        assessment_id: &str,
        dir: Option<PathBuf>,
    ) -> Result<Vec<Exported>> {
        let dir = match dir {
            Some(d) => self.save_folder(&d)?,
            None => self.exports_folder()?,
        };
        let written = api::write_scoring_forms(&*self.workspace()?, plan_id, assessment_id, &dir)?;
        tracing::info!(plan = %plan_id, forms = written.len(), dir = %dir.display(), "scoring forms exported");
        let mut exported = self.exported_files();
        exported.extend(written.iter().map(|(path, _)| path.clone()));
        Ok(written
            .into_iter()
            .map(|(path, bytes)| Exported {
                path: path.display().to_string(),
                bytes: u32::try_from(bytes).unwrap_or(u32::MAX),
                warning: None,
            })
            .collect())
    }

    /// The scoring forms in the exports folder.
    pub fn scoring_forms_found(&self) -> Result<Vec<FoundForm>> {
        let dir = match &self.export_dir {
            Some(dir) => dir.clone(),
            None => stepwise::paths::exports_dir()?,
        };
        Ok(api::scoring_forms_in(&dir))
    }

    /// Reads a filled form back (see `api::import_scoring_form`).
    pub fn import_scoring_form(
        &self,
        plan_id: &str,
        assessment_id: &str,
        path: &Path,
        now: DateTime<Utc>,
    ) -> Result<ImportedForm> {
        let path = self.open_path(path)?;
        let bytes = stepwise::files::read_input(&path, stepwise::files::Input::ScoringForm)?;
        let mut ws = self.workspace()?;
        let form = api::import_scoring_form(&mut ws, plan_id, assessment_id, &bytes, now)?;
        drop(ws);
        self.touched(plan_id);
        tracing::info!(plan = %plan_id, file = %path.display(), rater = %form.rater_name, "scoring form imported");
        Ok(form)
    }
}

#[cfg(test)]
#[path = "maturity_tests.rs"]
mod tests;
