//! What every request to the room passes first, and how the room says no.

use super::access::device_name;
use super::server::{tracing_error, Shared, BODY_LIMIT};
use super::{RoomError, RoomErrorCode};
use crate::error::{Error, Problem, Result};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

pub(super) fn refuse(
    status: StatusCode,
    code: RoomErrorCode,
    message: impl Into<String>,
) -> Response {
    refused(status, code, message).into_response()
}

/// A request turned down, before it became a response.
pub(super) struct Refused {
    status: StatusCode,
    error: RoomError,
}

pub(super) fn refused(
    status: StatusCode,
    code: RoomErrorCode,
    message: impl Into<String>,
) -> Refused {
    Refused {
        status,
        error: RoomError {
            code,
            message: message.into(),
            problems: vec![],
        },
    }
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        (self.status, Json(self.error)).into_response()
    }
}

impl From<Error> for RoomError {
    fn from(e: Error) -> Self {
        let problems = e.problems().to_vec();
        let code = match &e {
            Error::NotFound { .. } => RoomErrorCode::NotFound,
            Error::Invalid { .. } | Error::PlanFile { .. } => RoomErrorCode::InvalidInput,
            _ => RoomErrorCode::Conflict,
        };
        // Storage and I/O details are for the facilitator's log, not a rater's phone; a
        // refused answer is said as its reasons, which a rater can act on.
        let message = match code {
            RoomErrorCode::Conflict => "the answer could not be saved; try again".to_string(),
            RoomErrorCode::InvalidInput if !problems.is_empty() => problems
                .iter()
                .map(|p| p.reason.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            _ => e.to_string(),
        };
        RoomError {
            code,
            message,
            problems,
        }
    }
}

pub(super) fn error_response(e: Error) -> Response {
    let status = match &e {
        Error::NotFound { .. } => StatusCode::NOT_FOUND,
        Error::Invalid { .. } | Error::PlanFile { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::SERVICE_UNAVAILABLE,
    };
    if status == StatusCode::SERVICE_UNAVAILABLE {
        tracing_error(&format!("a rater's request failed: {e}"));
    }
    (status, Json(RoomError::from(e))).into_response()
}

/// Every request passes here first: the Host must be the served address (no DNS rebinding),
/// a cross-site Origin is refused, each device (or address, before it has a token) is
/// rate-limited, and every answer carries headers that keep the page to itself.
pub(super) async fn guard(State(s): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let host_ok = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| h.eq_ignore_ascii_case(&s.host));
    if !host_ok {
        return secure(refuse(
            StatusCode::MISDIRECTED_REQUEST,
            RoomErrorCode::WrongHost,
            format!("this room answers only at http://{}/", s.host),
        ));
    }
    if let Some(origin) = request.headers().get(header::ORIGIN) {
        if origin.to_str().ok() != Some(format!("http://{}", s.host).as_str()) {
            return secure(refuse(
                StatusCode::FORBIDDEN,
                RoomErrorCode::Forbidden,
                "requests from other sites are refused",
            ));
        }
    }
    if s.closed.load(Ordering::SeqCst) {
        return secure(refuse(
            StatusCode::GONE,
            RoomErrorCode::Closed,
            "the facilitator has closed the room",
        ));
    }
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default();
    let key = match bearer(request.headers()) {
        Some(token) if s.access().holder_known(token) => format!("token:{token}"),
        _ => format!("address:{peer}"),
    };
    let allowed = s
        .limiter
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .allow(&key, Instant::now());
    if !allowed {
        let mut r = refuse(
            StatusCode::TOO_MANY_REQUESTS,
            RoomErrorCode::TooMany,
            "too many requests from this device; wait a moment",
        );
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return secure(r);
    }
    if !matches!(*request.method(), Method::GET | Method::POST) {
        return secure(StatusCode::NOT_FOUND.into_response());
    }
    let mut response = next.run(request).await;
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        response = refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            RoomErrorCode::TooLarge,
            format!("a request to the room is at most {BODY_LIMIT} bytes"),
        );
    }
    secure(response)
}

pub(super) fn secure(mut response: Response) -> Response {
    let h = response.headers_mut();
    let set = |h: &mut HeaderMap, name: header::HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; \
         frame-ancestors 'none'",
    );
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::CACHE_CONTROL, "no-store");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    response
}

pub(super) fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

pub(super) fn user_agent(headers: &HeaderMap) -> String {
    device_name(
        headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    )
}

/// The rater a request's token belongs to, or the refusal to send.
pub(super) fn rater_of(s: &Shared, headers: &HeaderMap) -> std::result::Result<String, Refused> {
    let not_in_room = || {
        refused(
            StatusCode::UNAUTHORIZED,
            RoomErrorCode::NotInRoom,
            "this device is not in the room: join again, or ask the facilitator for your code",
        )
    };
    let token = bearer(headers).ok_or_else(not_in_room)?;
    s.access()
        .holder(token, &user_agent(headers), Instant::now())
        .ok_or_else(not_in_room)
}

pub(super) fn parse<T: serde::de::DeserializeOwned>(
    body: &[u8],
) -> std::result::Result<T, Refused> {
    let mut de = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        Refused {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            error: RoomError {
                code: RoomErrorCode::InvalidInput,
                message: format!("the request was not understood: {}", e.inner()),
                problems: vec![Problem {
                    path: if path == "." { String::new() } else { path },
                    reason: e.inner().to_string(),
                }],
            },
        }
    })
}

pub(super) fn respond<T: serde::Serialize>(result: Result<T>) -> Response {
    match result {
        Ok(value) => Json(value).into_response(),
        Err(e) => error_response(e),
    }
}
