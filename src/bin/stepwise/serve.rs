//! `stepwise room serve`: the room's server without the desktop app, for a facilitator at a
//! terminal (and for the tests). Raters join at the printed address; the facilitator opens and
//! reveals rounds with `stepwise assess open-round` / `reveal-round` in another terminal, and
//! the phones follow the sub-facet whose round is open. Ctrl+C closes the room.

use clap::ValueEnum;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use stepwise::model::Plan;
use stepwise::room::{self, JoinMode, PageDir, Room, RoomEvent, RoomOptions};
use stepwise::workspace::Workspace;
use stepwise::{api, Error, Result, Store};

#[derive(clap::Args)]
pub struct ServeArgs {
    plan: String,
    /// The assessment the raters score, by name or id.
    #[arg(long)]
    assessment: String,
    /// This computer's address to serve on (default: its first local-network address).
    #[arg(long)]
    address: Option<String>,
    /// 0 picks a free port.
    #[arg(long, default_value_t = 0)]
    port: u16,
    #[arg(long, value_enum, default_value_t = JoinArg::PickName)]
    join: JoinArg,
    /// The built UI with the rater's page (`npm --prefix ui run build` writes ui/dist).
    #[arg(long, default_value = "ui/dist")]
    page_dir: PathBuf,
    /// Keep the phones on this sub-facet instead of following the open round.
    #[arg(long)]
    follow: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum JoinArg {
    PickName,
    PersonalCodes,
}

pub fn run(store: Store, args: ServeArgs) -> Result<()> {
    if !args.page_dir.join("rate.html").is_file() {
        return Err(Error::invalid(
            "page-dir",
            format!(
                "{} has no rate.html; build the UI first (npm --prefix ui run build)",
                args.page_dir.display()
            ),
        ));
    }
    let address = match args.address {
        Some(a) => a,
        None => room::interfaces()
            .first()
            .map_or_else(|| "127.0.0.1".to_string(), |i| i.address.clone()),
    };
    let workspace = Arc::new(Mutex::new(Workspace::new(store)));
    let plan_id = api::resolve_plan(
        &workspace.lock().unwrap_or_else(|p| p.into_inner()),
        &args.plan,
    )?;
    let options = RoomOptions {
        assessment_id: args.assessment,
        address,
        port: args.port,
        join: match args.join {
            JoinArg::PickName => JoinMode::PickName,
            JoinArg::PersonalCodes => JoinMode::PersonalCodes,
        },
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::io("cannot start the room's server", e))?;
    let notify: Arc<dyn Fn(RoomEvent) + Send + Sync> = Arc::new(|event| {
        if let RoomEvent::Scored { .. } = event {
            outln!("an answer arrived");
        }
    });
    let room = Room::open(
        runtime.handle(),
        workspace.clone(),
        &plan_id,
        &options,
        Box::new(PageDir(args.page_dir)),
        notify,
    )?;
    let info = room.info();
    // The first line is the address, for a script (or a test) to read.
    outln!("{}", info.url);
    outln!("room code {}", info.code);
    outln!("{}", terminal_qr(&info.url));
    for code in room.personal_codes()? {
        outln!("{}: {}", code.rater, code.url);
    }
    outln!("Ctrl+C closes the room.");
    runtime.block_on(async {
        let pinned = args.follow.is_some();
        room.follow(args.follow);
        let mut version = None;
        let mut tick = tokio::time::interval(Duration::from_millis(500));
        loop {
            tokio::select! {
                _ = stop_signal() => break,
                _ = tick.tick() => {
                    // Another process (`stepwise assess open-round`) changes the plan: follow
                    // its open round and let the pages read the plan again.
                    let mut ws = workspace.lock().unwrap_or_else(|p| p.into_inner());
                    let now = ws.store().data_version().ok();
                    if now != version {
                        version = now;
                        if !pinned {
                            if let Ok(plan) = ws.current(&plan_id) {
                                if let Some(open) = open_round(plan, room.assessment_id()) {
                                    room.follow(Some(open));
                                }
                            }
                        }
                        drop(ws);
                        room.touch();
                    }
                }
            }
        }
        room.close().await;
    });
    outln!("The room is closed.");
    Ok(())
}

/// The first sub-facet, in the model's order, whose latest round is open.
fn open_round(plan: &Plan, assessment_id: &str) -> Option<String> {
    stepwise::catalog::catalog()
        .subfacets()
        .map(|s| s.id.clone())
        .find(|id| {
            let mut rounds: Vec<_> = plan
                .scoring_rounds
                .iter()
                .filter(|r| r.assessment_id == assessment_id && &r.subfacet_id == id)
                .collect();
            rounds.sort_by_key(|r| r.number);
            rounds.last().is_some_and(|r| !r.revealed)
        })
}

async fn stop_signal() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(t) => t,
                Err(_) => return std::future::pending().await,
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// The address as a QR code a phone can scan off the terminal.
fn terminal_qr(url: &str) -> String {
    qrcode::QrCode::new(url)
        .map(|code| {
            code.render::<qrcode::render::unicode::Dense1x2>()
                .dark_color(qrcode::render::unicode::Dense1x2::Light)
                .light_color(qrcode::render::unicode::Dense1x2::Dark)
                .build()
        })
        .unwrap_or_default()
}
