//! Focus mode's reads, and the audience view's last payload: the audience window shows only
//! what the core built for the room, so the shell keeps that and nothing else for it.

use super::{ApiError, Backend};
use stepwise::api;
use stepwise::maturity::{AudienceRequest, AudienceView, FocusQueue, FocusView};

type Result<T> = std::result::Result<T, ApiError>;

impl Backend {
    pub fn focus_view(
        &self,
        plan_id: &str,
        assessment_id: &str,
        subfacet_id: &str,
    ) -> Result<FocusView> {
        Ok(api::focus_view(
            &*self.workspace()?,
            plan_id,
            assessment_id,
            subfacet_id,
        )?)
    }

    pub fn focus_queue(
        &self,
        plan_id: &str,
        assessment_id: &str,
        queue: FocusQueue,
    ) -> Result<Vec<String>> {
        Ok(api::focus_queue(
            &*self.workspace()?,
            plan_id,
            assessment_id,
            queue,
        )?)
    }

    /// Builds what the room may see and keeps it as the audience window's latest.
    pub fn audience_view(&self, plan_id: &str, request: &AudienceRequest) -> Result<AudienceView> {
        let mut view = api::audience_view(&*self.workspace()?, plan_id, request)?;
        view.room = self.room_for_audience(plan_id, request);
        self.remember_request(plan_id, request);
        *self.audience.lock().unwrap_or_else(|p| p.into_inner()) = Some(view.clone());
        Ok(view)
    }

    /// The payload last built for the room (the audience window's first paint).
    pub fn audience_last(&self) -> Option<AudienceView> {
        self.audience
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}
