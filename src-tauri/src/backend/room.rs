//! The room's server as the app hosts it: at most one room, on the plan open in focus mode.
//! The facilitator's writes tell it to read the plan again (`touched`), the audience request
//! tells it which sub-facet the phones follow, and the audience view carries its way in.

use super::{ApiError, Backend};
use std::sync::{Arc, MutexGuard};
use std::time::Instant;
use stepwise::maturity::{AudienceRequest, AudienceRoom, AudienceView};
use stepwise::room::{PageFiles, PersonalCode, Room, RoomEvent, RoomInfo, RoomOptions, RoomStatus};

type Result<T> = std::result::Result<T, ApiError>;

/// The open room and its way in, drawn once (the QR code does not change while it is open).
pub struct Hosted {
    /// Shared with a close under way, so the panel keeps showing the room until its port shuts.
    room: Arc<Room>,
    info: RoomInfo,
}

/// The audience request last sent, to rebuild the projector's view when a phone answers.
#[derive(Clone)]
pub struct LastRequest {
    plan_id: String,
    request: AudienceRequest,
    at: Instant,
}

impl Backend {
    fn hosted(&self) -> MutexGuard<'_, Option<Hosted>> {
        self.room.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Opens the room on `runtime`, closing the one open before. `notify` hears of the phones'
    /// answers and devices.
    pub async fn open_room(
        &self,
        runtime: &tokio::runtime::Handle,
        plan_id: &str,
        options: &RoomOptions,
        page: Box<dyn PageFiles>,
        notify: Arc<dyn Fn(RoomEvent) + Send + Sync>,
    ) -> Result<RoomInfo> {
        self.close_room().await;
        let workspace = self.workspace_shared()?;
        let room = Room::open(runtime, workspace, plan_id, options, page, notify)?;
        if let Some(last) = self.last_request() {
            if last.plan_id == room.plan_id() && last.request.assessment_id == room.assessment_id()
            {
                room.follow(last.request.subfacet_id.clone());
            }
        }
        let info = room.info();
        tracing::info!(plan = %plan_id, url = %info.url, "room opened");
        *self.hosted() = Some(Hosted {
            room: Arc::new(room),
            info: info.clone(),
        });
        Ok(info)
    }

    /// Stops the room's server, if one is open; its port is closed when this returns.
    pub async fn close_room(&self) {
        let closing = self.hosted().as_ref().map(|h| h.room.clone());
        if let Some(room) = closing {
            room.close().await;
            let mut hosted = self.hosted();
            if hosted.as_ref().is_some_and(|h| Arc::ptr_eq(&h.room, &room)) {
                *hosted = None;
            }
            tracing::info!(plan = %room.plan_id(), "room closed");
        }
    }

    pub fn room_status(&self) -> Option<RoomStatus> {
        self.hosted().as_ref().map(|h| h.room.status())
    }

    pub fn room_personal_codes(&self) -> Result<Vec<PersonalCode>> {
        match self.hosted().as_ref() {
            Some(h) => Ok(h.room.personal_codes()?),
            None => Err(no_room()),
        }
    }

    pub fn remove_room_device(&self, device_id: &str) -> Result<()> {
        match self.hosted().as_ref() {
            Some(h) => Ok(h.room.remove_device(device_id)?),
            None => Err(no_room()),
        }
    }

    /// The facilitator changed `plan_id` (a round opened, revealed, undone): the phones on
    /// it read their page again.
    pub(super) fn touched(&self, plan_id: &str) {
        if let Some(h) = self.hosted().as_ref() {
            if h.room.plan_id() == plan_id {
                h.room.touch();
            }
        }
    }

    /// The room's way in, when the room is open on this plan's assessment; the phones follow
    /// the sub-facet the projector shows.
    pub(super) fn room_for_audience(
        &self,
        plan_id: &str,
        request: &AudienceRequest,
    ) -> Option<AudienceRoom> {
        let hosted = self.hosted();
        let h = hosted.as_ref()?;
        if h.room.plan_id() != plan_id || h.room.assessment_id() != request.assessment_id {
            return None;
        }
        h.room.follow(request.subfacet_id.clone());
        Some(AudienceRoom {
            url: h.info.url.clone(),
            code: h.info.code.clone(),
            qr_svg: h.info.qr_svg.clone(),
        })
    }

    pub(super) fn remember_request(&self, plan_id: &str, request: &AudienceRequest) {
        *self.last_request.lock().unwrap_or_else(|p| p.into_inner()) = Some(LastRequest {
            plan_id: plan_id.to_string(),
            request: request.clone(),
            at: Instant::now(),
        });
    }

    fn last_request(&self) -> Option<LastRequest> {
        self.last_request
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The projector's view built again from the last request, after a phone answered or the
    /// room opened or closed; `None` when nothing has been shown yet. A running timer is sent
    /// with the time it has left now, since the audience window counts from when it receives it.
    pub fn audience_again(&self) -> Option<AudienceView> {
        let last = self.last_request()?;
        let mut request = last.request.clone();
        if let Some(timer) = request.timer.as_mut().filter(|t| t.running) {
            let elapsed = u64::try_from(last.at.elapsed().as_millis()).unwrap_or(u64::MAX);
            timer.left_ms = timer.left_ms.saturating_sub(elapsed);
        }
        let view = self.audience_view(&last.plan_id, &request).ok()?;
        // Keep the request as first sent, so the next rebuild counts from the same moment.
        *self.last_request.lock().unwrap_or_else(|p| p.into_inner()) = Some(last);
        Some(view)
    }
}

fn no_room() -> ApiError {
    ApiError {
        code: stepwise::ErrorCode::NotFound,
        message: "the room is not open".into(),
        problems: vec![],
    }
}

#[cfg(test)]
#[path = "room_tests.rs"]
mod tests;
