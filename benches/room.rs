//! The room under load: `cargo bench --bench room`. Fifty raters join over HTTP and each sends
//! twenty answers as fast as the server takes them, all at once, on a real SQLite file. For
//! every answer: the time until it is durable (the server answers after the commit) and until
//! the facilitator's view, read again as the app does when told a rater answered, reflects
//! it. Beside them, in the same run, the same answers written straight through the core with
//! no HTTP and no concurrency: the baseline. Then checks that nothing was lost.

mod support;

use chrono::Utc;
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};
use stepwise::api;
use stepwise::maturity::focus_view;
use stepwise::model::Score;
use stepwise::room::{self, JoinMode, PageDir, Room, RoomEvent, RoomOptions};
use stepwise::workspace::Workspace;
use stepwise::{Intent, Store};
use support::http::request;
use support::{ms, percentile};

const RATERS: usize = 50;
const ANSWERS: usize = 20;
const SF: &str = "analytics";

struct Setup {
    _dir: tempfile::TempDir,
    ws: Workspace,
    plan_id: String,
    assessment_id: String,
    raters: Vec<String>,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::new(Store::open(&dir.path().join("room.db")).unwrap());
    let now = Utc::now();
    let plan_id = api::create_plan(&mut ws, "Room load", now).unwrap();
    let run = |ws: &mut Workspace, intent: Intent| {
        api::apply_intent(ws, &plan_id, &intent, now)
            .unwrap()
            .created
    };
    let assessment_id = run(
        &mut ws,
        Intent::CreateAssessment {
            name: "Workshop".into(),
            assessed_on: "2027-03-01".into(),
        },
    )
    .unwrap();
    let raters = (0..RATERS)
        .map(|i| {
            run(
                &mut ws,
                Intent::AddRater {
                    assessment_id: assessment_id.clone(),
                    name: format!("Rater {i:02}"),
                    role: "Committee".into(),
                },
            )
            .unwrap()
        })
        .collect();
    run(
        &mut ws,
        Intent::OpenRound {
            assessment_id: assessment_id.clone(),
            subfacet_id: SF.into(),
        },
    );
    Setup {
        _dir: dir,
        ws,
        plan_id,
        assessment_id,
        raters,
    }
}

/// Answers cycle through the stages, so each differs from the one before.
fn stage(k: usize, rater: usize) -> u8 {
    ((k + rater) % 5 + 1) as u8
}

fn main() {
    // Baseline: the same answers through the core, one after another, no HTTP.
    let mut base = setup();
    let mut direct = Vec::with_capacity(RATERS * ANSWERS);
    for k in 0..ANSWERS {
        for (r, rater) in base.raters.clone().iter().enumerate() {
            let answer = room::RaterAnswer {
                subfacet_id: SF.into(),
                round: 1,
                score: Score::Stage(stage(k, r)),
            };
            let start = Instant::now();
            base.ws
                .apply_intent_outside_history(&base.plan_id, Utc::now(), |plan| {
                    room::answer_edits(plan, &base.assessment_id, rater, Some(SF), &answer)
                })
                .unwrap();
            direct.push(start.elapsed());
        }
    }
    direct.sort();

    // The room: fifty clients at once.
    let s = setup();
    let page = tempfile::tempdir().unwrap();
    std::fs::write(page.path().join("rate.html"), "<!doctype html>").unwrap();
    let ws = Arc::new(Mutex::new(s.ws));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (tell, told) = mpsc::channel::<(String, Instant)>();
    let tell = Mutex::new(tell);
    let notify: Arc<dyn Fn(RoomEvent) + Send + Sync> = Arc::new(move |event| {
        if let RoomEvent::Scored { rater_id, .. } = event {
            let _ = tell.lock().unwrap().send((rater_id, Instant::now()));
        }
    });
    let room = Room::open(
        runtime.handle(),
        ws.clone(),
        &s.plan_id,
        &RoomOptions {
            assessment_id: s.assessment_id.clone(),
            address: "127.0.0.1".into(),
            port: 0,
            join: JoinMode::PickName,
        },
        Box::new(PageDir(page.path().to_path_buf())),
        notify,
    )
    .unwrap();
    room.follow(Some(SF.into()));
    let info = room.info();
    let addr = format!("{}:{}", info.address, info.port);
    let base_path = format!("/{}/", info.code);

    // The facilitator's view: each time raters answered, read the plan again and build the
    // focus view, as the app's window does (it coalesces what arrived meanwhile).
    let (viewer_ws, viewer_plan, viewer_assessment) =
        (ws.clone(), s.plan_id.clone(), s.assessment_id.clone());
    let viewer = std::thread::spawn(move || {
        let mut notified: Vec<(String, Instant)> = Vec::new();
        let mut refreshes: Vec<(Instant, Instant)> = Vec::new();
        while let Ok(first) = told.recv() {
            notified.push(first);
            notified.extend(told.try_iter());
            let start = Instant::now();
            let mut w = viewer_ws.lock().unwrap();
            let plan = w.current(&viewer_plan).unwrap();
            std::hint::black_box(focus_view(plan, &viewer_assessment, SF).unwrap());
            drop(w);
            refreshes.push((start, Instant::now()));
        }
        (notified, refreshes)
    });

    let gate = Arc::new(Barrier::new(RATERS + 1));
    let clients: Vec<_> = s
        .raters
        .iter()
        .enumerate()
        .map(|(r, rater)| {
            let (addr, base_path, rater, gate) =
                (addr.clone(), base_path.clone(), rater.clone(), gate.clone());
            std::thread::spawn(move || {
                // Every phone of a real room has its own address; these share one, so the
                // joins (rate-limited by address) may be asked to wait a moment.
                let token = loop {
                    let joined = request(
                        &addr,
                        "POST",
                        &format!("{base_path}api/join"),
                        &[],
                        format!(r#"{{"rater_id":"{rater}"}}"#).as_bytes(),
                    )
                    .unwrap();
                    if joined.status == 429 {
                        std::thread::sleep(Duration::from_millis(200));
                        continue;
                    }
                    assert_eq!(joined.status, 200, "{}", joined.body);
                    break joined.json()["token"].as_str().unwrap().to_string();
                };
                let auth = format!("Bearer {token}");
                gate.wait();
                (0..ANSWERS)
                    .map(|k| {
                        let body = format!(
                            r#"{{"subfacet_id":"{SF}","round":1,"score":{{"stage":{}}}}}"#,
                            stage(k, r)
                        );
                        let sent = Instant::now();
                        let reply = request(
                            &addr,
                            "POST",
                            &format!("{base_path}api/answer"),
                            &[("Authorization", &auth)],
                            body.as_bytes(),
                        )
                        .unwrap();
                        assert_eq!(reply.status, 200, "{}", reply.body);
                        (sent, Instant::now())
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    gate.wait();
    let started = Instant::now();
    let timings: Vec<Vec<(Instant, Instant)>> =
        clients.into_iter().map(|c| c.join().unwrap()).collect();
    let wall = started.elapsed();
    runtime.block_on(room.close());
    drop(runtime);
    let (notified, refreshes) = viewer.join().unwrap();

    // Durable: the server answers after the commit.
    let mut durable: Vec<Duration> = timings
        .iter()
        .flatten()
        .map(|(sent, answered)| *answered - *sent)
        .collect();
    durable.sort();
    // Seen: the end of the first refresh of the view that began after the answer's commit.
    let mut seen = Vec::new();
    for (r, rater) in s.raters.iter().enumerate() {
        let commits: Vec<Instant> = notified
            .iter()
            .filter(|(id, _)| id == rater)
            .map(|(_, at)| *at)
            .collect();
        assert_eq!(commits.len(), ANSWERS, "every answer was told to the app");
        for (k, commit) in commits.iter().enumerate() {
            let shown = refreshes
                .iter()
                .find(|(start, _)| start >= commit)
                .map(|(_, end)| *end)
                .expect("a refresh after every answer");
            seen.push(shown - timings[r][k].0);
        }
    }
    seen.sort();

    // Nothing lost: every rater's stored answer is the last one they sent, one rating each.
    let mut w = ws.lock().unwrap();
    let plan = w.current(&s.plan_id).unwrap();
    for (r, rater) in s.raters.iter().enumerate() {
        let mine: Vec<_> = plan
            .ratings
            .iter()
            .filter(|x| &x.rater_id == rater && x.subfacet_id == SF)
            .collect();
        assert_eq!(mine.len(), 1, "one rating per rater and round");
        assert_eq!(mine[0].score, Score::Stage(stage(ANSWERS - 1, r)));
    }
    drop(w);

    let row = |name: &str, v: &[Duration]| {
        println!(
            "| {name} | {} | {} | {} |",
            ms(percentile(v, 0.5), 2),
            ms(percentile(v, 0.99), 2),
            ms(*v.last().unwrap(), 2)
        );
    };
    println!(
        "\n{RATERS} raters × {ANSWERS} answers over HTTP at once: {} answers in {:.2} s ({:.0} answers/s), {} view refreshes; nothing lost.\n",
        RATERS * ANSWERS,
        wall.as_secs_f64(),
        (RATERS * ANSWERS) as f64 / wall.as_secs_f64(),
        refreshes.len()
    );
    println!("| per answer | median | p99 | max |");
    println!("|---|---:|---:|---:|");
    row("baseline: written through the core, one at a time", &direct);
    row("sent → durable (HTTP answer after the commit)", &durable);
    row("sent → facilitator's view shows it", &seen);
    println!(
        "\nratio of medians: durable over HTTP under load / baseline = {:.1}×",
        percentile(&durable, 0.5).as_secs_f64() / percentile(&direct, 0.5).as_secs_f64()
    );
}
