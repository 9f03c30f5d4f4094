//! The room's handle, as the app keeps it while the room is open: opening it on an address,
//! what the facilitator sees of it, following the facilitator, and closing it. The routes are
//! in `routes`, the checks every request passes in `guard`.

use super::access::{Access, Limiter};
use super::page::{rater_page, RaterPage};
use super::routes::router;
use super::{qr, JoinMode, PageFiles, PersonalCode, RoomInfo, RoomOptions, RoomStatus};
use crate::error::{Error, Problem, Result};
use crate::workspace::Workspace;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::{oneshot, watch};

/// A page's requests are small; anything bigger is refused before it is read.
pub const BODY_LIMIT: usize = 4 * 1024;
/// How long a closing room goes on answering "closed" before its port shuts.
const CLOSING_GRACE: Duration = Duration::from_millis(500);

/// What the room tells the app that hosts it.
#[derive(Debug, Clone, PartialEq)]
pub enum RoomEvent {
    /// A rater answered from their device: the app's views of the plan should be read again.
    Scored { plan_id: String, rater_id: String },
    /// A device joined, left or was removed.
    Devices,
}

pub(super) type Notify = Arc<dyn Fn(RoomEvent) + Send + Sync>;

pub(super) struct Shared {
    pub(super) plan_id: String,
    pub(super) assessment_id: String,
    pub(super) join: JoinMode,
    pub(super) code: String,
    /// `address:port` as a browser sends it in the Host header.
    pub(super) host: String,
    pub(super) url: String,
    /// Drawn once: the facilitator's panel asks for the room's status every few seconds.
    pub(super) qr_svg: String,
    pub(super) workspace: Arc<Mutex<Workspace>>,
    pub(super) page: Box<dyn PageFiles>,
    pub(super) notify: Notify,
    pub(super) access: Mutex<Access>,
    pub(super) limiter: Mutex<Limiter>,
    pub(super) following: Mutex<Option<String>>,
    pub(super) version: AtomicU64,
    pub(super) changed: watch::Sender<u64>,
    pub(super) closed: AtomicBool,
}

impl Shared {
    pub(super) fn bump(&self) {
        let v = self.version.fetch_add(1, Ordering::SeqCst) + 1;
        self.changed.send_replace(v);
    }

    pub(super) fn access(&self) -> MutexGuard<'_, Access> {
        self.access.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(super) fn following(&self) -> Option<String> {
        self.following
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub(super) fn workspace(&self) -> MutexGuard<'_, Workspace> {
        // Every write is its own transaction, so a panic elsewhere cannot have left the store
        // half-written: a poisoned lock is safe to keep using.
        self.workspace.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(super) fn page_for(&self, rater_id: &str) -> Result<RaterPage> {
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
    stop: Mutex<Option<oneshot::Sender<()>>>,
    task: Mutex<Option<tokio::task::JoinHandle<()>>>,
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
            stop: Mutex::new(Some(stop)),
            task: Mutex::new(Some(task)),
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
    pub async fn close(&self) {
        // Told first, while the port still answers: a page between two requests (reading its
        // last answer) comes back within the grace and hears "closed", instead of finding the
        // port shut and taking the room for unreachable.
        self.shared.closed.store(true, Ordering::SeqCst);
        self.shared.bump();
        tokio::time::sleep(CLOSING_GRACE).await;
        if let Some(stop) = take(&self.stop) {
            let _ = stop.send(());
        }
        if let Some(task) = take(&self.task) {
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

fn take<T>(slot: &Mutex<Option<T>>) -> Option<T> {
    slot.lock().unwrap_or_else(|p| p.into_inner()).take()
}

impl Drop for Room {
    fn drop(&mut self) {
        if let Some(stop) = take(&self.stop) {
            let _ = stop.send(());
        }
        if let Some(task) = take(&self.task) {
            task.abort();
        }
    }
}

pub(super) fn tracing_error(message: &str) {
    eprintln!("stepwise room: {message}");
}

pub(super) fn invalid(path: &str, reason: impl Into<String>) -> Error {
    Error::Invalid {
        problems: vec![Problem {
            path: path.into(),
            reason: reason.into(),
        }],
    }
}
