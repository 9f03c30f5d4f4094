//! The HTTP side of the room (axum on tokio): the routes under the room code, the guard every
//! request passes first, and the handle the app keeps while the room is open.

use super::access::{device_name, Access, Limiter};
use super::page::{answer_intent, rater_page, RaterAnswer, RaterPage};
use super::{
    qr, JoinMode, JoinRequest, Joined, PageFiles, PersonalCode, RaterChoice, RoomError,
    RoomErrorCode, RoomInfo, RoomOptions, RoomStatus, RoomWelcome,
};
use crate::error::{Error, Problem, Result};
use crate::workspace::Workspace;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::{oneshot, watch};

/// A page's requests are small; anything bigger is refused before it is read.
pub const BODY_LIMIT: usize = 4 * 1024;
/// How long a page's "wait for a change" is held before it is answered anyway.
const WAIT: Duration = Duration::from_secs(25);
/// How long a woken page waits for more changes before it reads the plan.
const SETTLE: Duration = Duration::from_millis(150);

/// What the room tells the app that hosts it.
#[derive(Debug, Clone, PartialEq)]
pub enum RoomEvent {
    /// A rater answered from their device: the app's views of the plan should be read again.
    Scored { plan_id: String, rater_id: String },
    /// A device joined, left or was removed.
    Devices,
}

type Notify = Arc<dyn Fn(RoomEvent) + Send + Sync>;

struct Shared {
    plan_id: String,
    assessment_id: String,
    join: JoinMode,
    code: String,
    /// `address:port` as a browser sends it in the Host header.
    host: String,
    url: String,
    /// Drawn once: the facilitator's panel asks for the room's status every few seconds.
    qr_svg: String,
    workspace: Arc<Mutex<Workspace>>,
    page: Box<dyn PageFiles>,
    notify: Notify,
    access: Mutex<Access>,
    limiter: Mutex<Limiter>,
    following: Mutex<Option<String>>,
    version: AtomicU64,
    changed: watch::Sender<u64>,
    closed: AtomicBool,
}

impl Shared {
    fn bump(&self) {
        let v = self.version.fetch_add(1, Ordering::SeqCst) + 1;
        self.changed.send_replace(v);
    }

    fn access(&self) -> MutexGuard<'_, Access> {
        self.access.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn following(&self) -> Option<String> {
        self.following
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn workspace(&self) -> MutexGuard<'_, Workspace> {
        // Every write is its own transaction, so a panic elsewhere cannot have left the store
        // half-written: a poisoned lock is safe to keep using.
        self.workspace.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn page_for(&self, rater_id: &str) -> Result<RaterPage> {
        let focus = self.following();
        let version = self.version.load(Ordering::SeqCst);
        let mut ws = self.workspace();
        let plan = ws.current(&self.plan_id)?;
        rater_page(
            plan,
            &self.assessment_id,
            rater_id,
            focus.as_deref(),
            version,
        )
    }
}

/// The open room. Dropping it stops the server too, so the room cannot outlive the app.
pub struct Room {
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Room {
    /// Opens the room on `options.address` and a free port (or the one asked for), on the
    /// runtime `runtime`. Refused, naming the field, when the assessment is not in the plan,
    /// has no raters, or the address is not this computer's.
    pub fn open(
        runtime: &tokio::runtime::Handle,
        workspace: Arc<Mutex<Workspace>>,
        plan_id: &str,
        options: &RoomOptions,
        page: Box<dyn PageFiles>,
        notify: Arc<dyn Fn(RoomEvent) + Send + Sync>,
    ) -> Result<Room> {
        let (assessment_id, rater_ids) = {
            let mut ws = workspace.lock().unwrap_or_else(|p| p.into_inner());
            let plan = ws.current(plan_id)?;
            let assessment = crate::maturity::find_assessment(plan, &options.assessment_id)?;
            let raters: Vec<String> = plan
                .raters
                .iter()
                .filter(|r| r.assessment_id == assessment.id)
                .map(|r| r.id.clone())
                .collect();
            (assessment.id.clone(), raters)
        };
        if rater_ids.is_empty() {
            return Err(invalid(
                "assessment_id",
                "this assessment has no raters yet; add the committee first",
            ));
        }
        let ip: IpAddr = options.address.trim().parse().map_err(|_| {
            invalid(
                "address",
                format!("\"{}\" is not an IP address", options.address),
            )
        })?;
        let listener = std::net::TcpListener::bind(SocketAddr::new(ip, options.port))
            .map_err(|e| invalid("address", format!("the room cannot be opened on {ip}: {e}")))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| Error::io("cannot prepare the room's port", e))?;
        let bound = listener
            .local_addr()
            .map_err(|e| Error::io("cannot read the room's port", e))?;
        let host = match bound {
            SocketAddr::V4(a) => format!("{}:{}", a.ip(), a.port()),
            SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
        };
        let code = super::access::new_code();
        let url = format!("http://{host}/{code}/");
        let qr_svg = qr::svg(&url)?;
        let (changed, _) = watch::channel(0);
        let mut access = Access::default();
        let now = Instant::now();
        if options.join == JoinMode::PersonalCodes {
            for id in &rater_ids {
                access.personal(id, now);
            }
        }
        let shared = Arc::new(Shared {
            plan_id: plan_id.to_string(),
            assessment_id,
            join: options.join,
            code: code.clone(),
            host,
            url,
            qr_svg,
            workspace,
            page,
            notify,
            access: Mutex::new(access),
            limiter: Mutex::new(Limiter::default()),
            following: Mutex::new(None),
            version: AtomicU64::new(0),
            changed,
            closed: AtomicBool::new(false),
        });
        let app = router(shared.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        let task = runtime.spawn({
            let shared = shared.clone();
            async move {
                let listener = match tokio::net::TcpListener::from_std(listener) {
                    Ok(l) => l,
                    Err(e) => {
                        tracing_error(&format!("the room's port could not be used: {e}"));
                        return;
                    }
                };
                let serve = axum::serve(
                    listener,
                    app.into_make_service_with_connect_info::<SocketAddr>(),
                )
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                    shared.closed.store(true, Ordering::SeqCst);
                    shared.bump();
                });
                if let Err(e) = serve.await {
                    tracing_error(&format!("the room stopped: {e}"));
                }
            }
        });
        Ok(Room {
            shared,
            stop: Some(stop),
            task: Some(task),
        })
    }

    pub fn info(&self) -> RoomInfo {
        let s = &self.shared;
        let (address, port) = s
            .host
            .rsplit_once(':')
            .map(|(a, p)| {
                (
                    a.trim_matches(['[', ']']).to_string(),
                    p.parse().unwrap_or(0),
                )
            })
            .unwrap_or_default();
        RoomInfo {
            plan_id: s.plan_id.clone(),
            assessment_id: s.assessment_id.clone(),
            url: s.url.clone(),
            code: s.code.clone(),
            address,
            port,
            join: s.join,
            qr_svg: s.qr_svg.clone(),
        }
    }

    pub fn plan_id(&self) -> &str {
        &self.shared.plan_id
    }

    pub fn assessment_id(&self) -> &str {
        &self.shared.assessment_id
    }

    pub fn status(&self) -> RoomStatus {
        let s = &self.shared;
        let devices = {
            let mut ws = s.workspace();
            let names: Vec<(String, String)> = ws
                .current(&s.plan_id)
                .map(|p| {
                    p.raters
                        .iter()
                        .map(|r| (r.id.clone(), r.name.clone()))
                        .collect()
                })
                .unwrap_or_default();
            s.access().devices(Instant::now(), |id| {
                names
                    .iter()
                    .find(|(rid, _)| rid == id)
                    .map_or_else(|| "a removed rater".into(), |(_, n)| n.clone())
            })
        };
        RoomStatus {
            info: self.info(),
            devices,
            following: s.following(),
        }
    }

    /// Each rater's personal code (only when raters join with personal codes). A code stays
    /// the same until its device is removed.
    pub fn personal_codes(&self) -> Result<Vec<PersonalCode>> {
        let s = &self.shared;
        if s.join != JoinMode::PersonalCodes {
            return Ok(vec![]);
        }
        let raters: Vec<(String, String)> = {
            let mut ws = s.workspace();
            let plan = ws.current(&s.plan_id)?;
            plan.raters
                .iter()
                .filter(|r| r.assessment_id == s.assessment_id)
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect()
        };
        let mut access = s.access();
        let now = Instant::now();
        raters
            .into_iter()
            .map(|(id, name)| {
                let token = match access.unused_of(&id) {
                    Some(t) => t.to_string(),
                    None if access.taken(&id) => String::new(),
                    None => access.personal(&id, now),
                };
                let url = if token.is_empty() {
                    String::new()
                } else {
                    format!("{}#t={token}", s.url)
                };
                let qr_svg = if url.is_empty() {
                    String::new()
                } else {
                    qr::svg(&url)?
                };
                Ok(PersonalCode {
                    rater_id: id,
                    rater: name,
                    url,
                    qr_svg,
                })
            })
            .collect()
    }

    /// The phones follow the facilitator to this sub-facet.
    pub fn follow(&self, subfacet_id: Option<String>) {
        let mut following = self
            .shared
            .following
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if *following != subfacet_id {
            *following = subfacet_id;
            drop(following);
            self.shared.bump();
        }
    }

    /// The plan changed outside the room (a round opened or revealed): pages read it again.
    pub fn touch(&self) {
        self.shared.bump();
    }

    /// Revokes a device's token; its page goes back to joining.
    pub fn remove_device(&self, device_id: &str) -> Result<()> {
        let removed = self.shared.access().remove(device_id);
        match removed {
            Some(_) => {
                self.shared.bump();
                (self.shared.notify)(RoomEvent::Devices);
                Ok(())
            }
            None => Err(Error::not_found(format!("device {device_id}"))),
        }
    }

    /// Stops the server and waits until its port is closed. Pages waiting for a change are
    /// told the room has closed.
    pub async fn close(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            // Pages holding a wait are answered "closed" at once; a connection that does not
            // finish in time is dropped with the task.
            if tokio::time::timeout(Duration::from_secs(3), &mut Box::pin(task))
                .await
                .is_err()
            {
                tracing_error("the room took too long to close; its connections were dropped");
            }
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

fn tracing_error(message: &str) {
    eprintln!("stepwise room: {message}");
}

fn invalid(path: &str, reason: impl Into<String>) -> Error {
    Error::Invalid {
        problems: vec![Problem {
            path: path.into(),
            reason: reason.into(),
        }],
    }
}

fn router(shared: Arc<Shared>) -> Router {
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

fn refuse(status: StatusCode, code: RoomErrorCode, message: impl Into<String>) -> Response {
    refused(status, code, message).into_response()
}

/// A request turned down, before it became a response.
struct Refused {
    status: StatusCode,
    error: RoomError,
}

fn refused(status: StatusCode, code: RoomErrorCode, message: impl Into<String>) -> Refused {
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

fn error_response(e: Error) -> Response {
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
async fn guard(State(s): State<Arc<Shared>>, request: Request, next: Next) -> Response {
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

fn secure(mut response: Response) -> Response {
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

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

fn user_agent(headers: &HeaderMap) -> String {
    device_name(
        headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    )
}

/// The rater a request's token belongs to, or the refusal to send.
fn rater_of(s: &Shared, headers: &HeaderMap) -> std::result::Result<String, Refused> {
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
                answer_intent(plan, &s.assessment_id, &rater, focus.as_deref(), &answer)?
                    .edits(plan)
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

fn parse<T: serde::de::DeserializeOwned>(body: &[u8]) -> std::result::Result<T, Refused> {
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

fn respond<T: serde::Serialize>(result: Result<T>) -> Response {
    match result {
        Ok(value) => Json(value).into_response(),
        Err(e) => error_response(e),
    }
}
