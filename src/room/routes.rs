//! The room's few routes, all under its code, and what each answers.

use super::guard::{bearer, error_response, guard, parse, rater_of, refuse, respond, user_agent};
use super::page::{answer_edits, RaterAnswer};
use super::server::{invalid, RoomEvent, Shared, BODY_LIMIT};
use super::{JoinMode, JoinRequest, Joined, RaterChoice, RoomErrorCode, RoomWelcome};
use crate::error::{Error, Result};
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub(super) fn router(shared: Arc<Shared>) -> Router {
    let code = shared.code.clone();
    let at = |path: &str| format!("/{code}{path}");
    let bare = code.clone();
    Router::new()
        .route(
            &at(""),
            get(move || async move { Redirect::permanent(&format!("/{bare}/")) }),
        )
        .route(&at("/"), get(page_html))
        .route(&at("/assets/{file}"), get(asset))
        .route(&at("/api/room"), get(welcome))
        .route(&at("/api/join"), post(join))
        .route(&at("/api/leave"), post(leave))
        .route(&at("/api/page"), get(page))
        .route(&at("/api/wait"), get(wait))
        .route(&at("/api/answer"), post(answer))
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(shared.clone(), guard))
        .with_state(shared)
}

/// How long a page's "wait for a change" is held before it is answered anyway.
const WAIT: Duration = Duration::from_secs(25);
/// How long a woken page waits for more changes before it reads the plan.
const SETTLE: Duration = Duration::from_millis(150);

fn file(s: &Shared, path: &str) -> Response {
    match s.page.get(path) {
        Some(f) => (
            [(header::CONTENT_TYPE, HeaderValue::from_static(f.mime))],
            Body::from(f.bytes.into_owned()),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn page_html(State(s): State<Arc<Shared>>) -> Response {
    file(&s, "rate.html")
}

async fn asset(
    State(s): State<Arc<Shared>>,
    axum::extract::Path(name): axum::extract::Path<String>,
) -> Response {
    file(&s, &format!("assets/{name}"))
}

async fn welcome(State(s): State<Arc<Shared>>) -> Response {
    let result = blocking(s.clone(), move |s| {
        let mut ws = s.workspace();
        let plan = ws.current(&s.plan_id)?;
        let assessment = crate::maturity::find_assessment(plan, &s.assessment_id)?;
        let access = s.access();
        let raters = match s.join {
            JoinMode::PickName => plan
                .raters
                .iter()
                .filter(|r| r.assessment_id == assessment.id)
                .map(|r| RaterChoice {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    taken: access.taken(&r.id),
                })
                .collect(),
            JoinMode::PersonalCodes => vec![],
        };
        Ok(RoomWelcome {
            title: plan.name.clone(),
            assessment: assessment.name.clone(),
            join: s.join,
            raters,
        })
    })
    .await;
    respond(result)
}

async fn join(State(s): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    if s.join != JoinMode::PickName {
        return refuse(
            StatusCode::FORBIDDEN,
            RoomErrorCode::Forbidden,
            "this room is joined with personal codes: scan the code the facilitator gave you",
        );
    }
    let request: JoinRequest = match parse(&body) {
        Ok(r) => r,
        Err(r) => return r.into_response(),
    };
    let device = user_agent(&headers);
    let result = blocking(s.clone(), move |s| {
        let known = {
            let mut ws = s.workspace();
            let plan = ws.current(&s.plan_id)?;
            plan.raters
                .iter()
                .any(|r| r.id == request.rater_id && r.assessment_id == s.assessment_id)
        };
        if !known {
            return Err(invalid(
                "rater_id",
                "there is no such rater in this assessment",
            ));
        }
        let mut access = s.access();
        if access.taken(&request.rater_id) {
            return Ok(Err(refuse(
                StatusCode::CONFLICT,
                RoomErrorCode::Conflict,
                "someone is already scoring under this name on another device; ask the facilitator if that is not you",
            )));
        }
        let token = access.join(&request.rater_id, &device, Instant::now());
        Ok(Ok(token))
    })
    .await;
    match result {
        Ok(Ok(token)) => {
            (s.notify)(RoomEvent::Devices);
            Json(Joined { token }).into_response()
        }
        Ok(Err(refusal)) => refusal,
        Err(e) => error_response(e),
    }
}

async fn leave(State(s): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    if let Err(r) = rater_of(&s, &headers) {
        return r.into_response();
    }
    if let Some(token) = bearer(&headers) {
        s.access().leave(token);
    }
    (s.notify)(RoomEvent::Devices);
    StatusCode::NO_CONTENT.into_response()
}

async fn page(State(s): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let rater = match rater_of(&s, &headers) {
        Ok(r) => r,
        Err(r) => return r.into_response(),
    };
    respond(blocking(s, move |s| s.page_for(&rater)).await)
}

#[derive(serde::Deserialize)]
struct After {
    after: Option<u64>,
}

/// Answers when the page may have changed since version `after`, or after a while anyway, so
/// a phone learns within a moment that the facilitator moved on, without polling.
async fn wait(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(after): Query<After>,
) -> Response {
    if let Err(r) = rater_of(&s, &headers) {
        return r.into_response();
    }
    let after = after.after.unwrap_or(0);
    let mut changed = s.changed.subscribe();
    let woke = tokio::time::timeout(WAIT, changed.wait_for(|v| *v > after))
        .await
        .is_ok();
    if woke && !s.closed.load(Ordering::SeqCst) {
        // Answers arriving together wake every page once, not once per answer.
        tokio::time::sleep(SETTLE).await;
    }
    if s.closed.load(Ordering::SeqCst) {
        return refuse(
            StatusCode::GONE,
            RoomErrorCode::Closed,
            "the facilitator has closed the room",
        );
    }
    // The device may have been removed while it waited.
    let rater = match rater_of(&s, &headers) {
        Ok(r) => r,
        Err(r) => return r.into_response(),
    };
    respond(blocking(s, move |s| s.page_for(&rater)).await)
}

async fn answer(State(s): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    let rater = match rater_of(&s, &headers) {
        Ok(r) => r,
        Err(r) => return r.into_response(),
    };
    let answer: RaterAnswer = match parse(&body) {
        Ok(a) => a,
        Err(r) => return r.into_response(),
    };
    let result = blocking(s.clone(), move |s| {
        let focus = s.following();
        {
            let mut ws = s.workspace();
            ws.apply_intent_outside_history(&s.plan_id, chrono::Utc::now(), |plan| {
                answer_edits(plan, &s.assessment_id, &rater, focus.as_deref(), &answer)
            })?;
        }
        (s.notify)(RoomEvent::Scored {
            plan_id: s.plan_id.clone(),
            rater_id: rater.clone(),
        });
        // Every page's "n of N have answered" moves on.
        s.bump();
        s.page_for(&rater)
    })
    .await;
    respond(result)
}

/// Runs `f` off the async threads: it takes the workspace's lock and may write to disk.
async fn blocking<T: Send + 'static>(
    s: Arc<Shared>,
    f: impl FnOnce(&Shared) -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(move || f(&s))
        .await
        .unwrap_or_else(|e| {
            Err(Error::io(
                "a request to the room stopped unexpectedly",
                std::io::Error::other(e.to_string()),
            ))
        })
}
