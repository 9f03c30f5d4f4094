//! The room's server against a real SQLite file, over real HTTP on the loopback: raters join,
//! answer blind and change their minds; nothing of another rater's answer leaks before the
//! reveal, from any endpoint; and everything a room network could send that it should not is
//! refused.

#[path = "../../benches/support/http.rs"]
pub mod http;

use crate::maturity::Fixture;
use crate::now;
use http::{request, Reply};
use std::sync::{Arc, Mutex};
use stepwise::api;
use stepwise::maturity::{self as m};
use stepwise::model::Score;
use stepwise::room::{JoinMode, PageDir, Room, RoomEvent, RoomOptions};
use stepwise::workspace::Workspace;
use stepwise::Intent;

const SF: &str = "analytics";
/// Written by the facilitator in the app; no page may ever carry it.
const SECRET: &str = "NOTE-FOR-THE-FACILITATOR-ONLY";

struct Served {
    _db: crate::TempDb,
    _page: tempfile::TempDir,
    ws: Arc<Mutex<Workspace>>,
    plan_id: String,
    assessment_id: String,
    raters: Vec<(String, String)>,
    runtime: tokio::runtime::Runtime,
    room: Option<Room>,
    addr: String,
    base: String,
    events: Arc<Mutex<Vec<RoomEvent>>>,
}

impl Served {
    /// Three raters, a round open on analytics, and an earlier answer of Bram's on another
    /// sub-facet carrying a facilitator's note.
    fn open(join: JoinMode) -> Served {
        let mut f = Fixture::new();
        let raters: Vec<(String, String)> = ["Ada Quist", "Bram Veldt", "Cleo Marsh"]
            .iter()
            .map(|n| (f.rater(n), n.to_string()))
            .collect();
        let entry = m::ScoreEntry {
            rater_id: raters[1].0.clone(),
            subfacet_id: "integration".into(),
            score: Score::Stage(5),
            confidence: None,
            note: SECRET.into(),
            evidence: Some(SECRET.into()),
        };
        api::apply_intent(
            &mut f.ws,
            &f.plan_id,
            &Intent::RecordScores {
                scores: vec![entry],
            },
            now(),
        )
        .unwrap();
        api::apply_intent(
            &mut f.ws,
            &f.plan_id,
            &Intent::OpenRound {
                assessment_id: f.assessment_id.clone(),
                subfacet_id: SF.into(),
            },
            now(),
        )
        .unwrap();
        let Fixture {
            _db,
            ws,
            plan_id,
            assessment_id,
        } = f;
        let page = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(page.path().join("assets")).unwrap();
        std::fs::write(page.path().join("rate.html"), "<!doctype html><p>rate</p>").unwrap();
        std::fs::write(page.path().join("assets/rate-1.js"), "export {}").unwrap();
        std::fs::write(page.path().join("index.html"), "the main app").unwrap();
        let ws = Arc::new(Mutex::new(ws));
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let events = Arc::new(Mutex::new(Vec::new()));
        let seen = events.clone();
        let room = Room::open(
            runtime.handle(),
            ws.clone(),
            &plan_id,
            &RoomOptions {
                assessment_id: assessment_id.clone(),
                address: "127.0.0.1".into(),
                port: 0,
                join,
            },
            Box::new(PageDir(page.path().to_path_buf())),
            Arc::new(move |e| seen.lock().unwrap().push(e)),
        )
        .unwrap();
        room.follow(Some(SF.into()));
        let info = room.info();
        let addr = format!("{}:{}", info.address, info.port);
        let base = format!("/{}/", info.code);
        Served {
            _db,
            _page: page,
            ws,
            plan_id,
            assessment_id,
            raters,
            runtime,
            room: Some(room),
            addr,
            base,
            events,
        }
    }

    fn room(&self) -> &Room {
        self.room.as_ref().unwrap()
    }

    fn call(&self, method: &str, path: &str, token: Option<&str>, body: &str) -> Reply {
        let auth = token.map(|t| format!("Bearer {t}"));
        let mut headers: Vec<(&str, &str)> = vec![("User-Agent", "curl/8.0")];
        if let Some(a) = &auth {
            headers.push(("Authorization", a));
        }
        request(
            &self.addr,
            method,
            &format!("{}{path}", self.base),
            &headers,
            body.as_bytes(),
        )
        .unwrap()
    }

    fn join(&self, who: usize) -> String {
        let reply = self.call(
            "POST",
            "api/join",
            None,
            &format!(r#"{{"rater_id":"{}"}}"#, self.raters[who].0),
        );
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()["token"].as_str().unwrap().to_string()
    }

    fn answer(&self, token: &str, score: &str) -> Reply {
        self.call(
            "POST",
            "api/answer",
            Some(token),
            &format!(r#"{{"subfacet_id":"{SF}","round":1,"score":{score}}}"#),
        )
    }

    fn intent(&self, intent: Intent) {
        let mut ws = self.ws.lock().unwrap();
        api::apply_intent(&mut ws, &self.plan_id, &intent, now()).unwrap();
        drop(ws);
        self.room().touch();
    }

    fn stored(&self, who: usize) -> Option<Score> {
        let mut ws = self.ws.lock().unwrap();
        let plan = ws.current(&self.plan_id).unwrap();
        plan.ratings
            .iter()
            .find(|r| r.rater_id == self.raters[who].0 && r.subfacet_id == SF && r.round == 1)
            .map(|r| r.score.clone())
    }
}

/// What a rater's page may hold while the round is open: its own answer and counts, nothing
/// else of anyone's.
fn assert_blind(body: &str, own: Option<&serde_json::Value>) {
    assert!(!body.contains(SECRET), "a note leaked: {body}");
    let page: serde_json::Value = serde_json::from_str(body).unwrap();
    let focus = &page["focus"];
    assert_eq!(focus["state"], "scoring", "{body}");
    assert!(focus["reveal"].is_null(), "an aggregate leaked: {body}");
    assert_eq!(
        focus["mine"],
        own.cloned().unwrap_or(serde_json::Value::Null)
    );
    let keys: Vec<&str> = focus
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        keys,
        [
            "asks",
            "facet",
            "mine",
            "name",
            "raters",
            "reveal",
            "round",
            "scored",
            "stages",
            "state",
            "subfacet_id"
        ],
        "a new field on the rater's page must be checked here for what it shows"
    );
}

#[test]
fn raters_answer_blind_change_their_minds_and_see_the_reveal() {
    let s = Served::open(JoinMode::PickName);
    let welcome = s.call("GET", "api/room", None, "").json();
    assert_eq!(welcome["join"], "pick_name");
    assert_eq!(welcome["raters"].as_array().unwrap().len(), 3);
    let tokens: Vec<String> = (0..3).map(|i| s.join(i)).collect();
    assert!(tokens.iter().all(|t| t.len() == 32));
    // A second device cannot take a name in use.
    let taken = s.call(
        "POST",
        "api/join",
        None,
        &format!(r#"{{"rater_id":"{}"}}"#, s.raters[0].0),
    );
    assert_eq!(taken.status, 409, "{}", taken.body);

    let page = s.call("GET", "api/page", Some(&tokens[0]), "");
    assert_eq!(page.status, 200);
    assert_eq!(page.json()["rater"], "Ada Quist");
    assert_blind(&page.body, None);

    assert_eq!(s.answer(&tokens[0], r#"{"stage":4}"#).status, 200);
    assert_eq!(s.answer(&tokens[1], r#"{"stage":2}"#).status, 200);
    // Bram changes his mind; Cleo does not know.
    let changed = s.answer(&tokens[1], r#"{"stage":3}"#);
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.json()["focus"]["mine"]["stage"], 3);
    assert_eq!(s.answer(&tokens[2], r#"{"abstained":""}"#).status, 200);
    assert_eq!(s.stored(1), Some(Score::Stage(3)));
    assert_eq!(s.stored(2), Some(Score::Abstained(String::new())));

    // Every endpoint, with every token, while blind.
    let own = [
        serde_json::json!({"stage": 4}),
        serde_json::json!({"stage": 3}),
        serde_json::json!({"abstained": ""}),
    ];
    for (i, token) in tokens.iter().enumerate() {
        for path in ["api/page", "api/wait?after=0"] {
            let reply = s.call("GET", path, Some(token), "");
            assert_eq!(reply.status, 200, "{path}: {}", reply.body);
            assert_blind(&reply.body, Some(&own[i]));
            assert_eq!(reply.json()["focus"]["scored"], 3);
        }
        let welcome = s.call("GET", "api/room", Some(token), "");
        assert!(!welcome.body.contains("stage") && !welcome.body.contains(SECRET));
    }
    // The answers are the facilitator's to see, and not steps of their undo.
    {
        let mut ws = s.ws.lock().unwrap();
        let state = ws.state(&s.plan_id, now()).unwrap();
        let json = serde_json::to_value(&state).unwrap();
        assert_eq!(json["can_undo"], true, "the facilitator's own steps stay");
        let before = ws.current(&s.plan_id).unwrap().ratings.len();
        api::undo(&mut ws, &s.plan_id, now()).unwrap();
        assert_eq!(
            ws.current(&s.plan_id).unwrap().ratings.len(),
            before,
            "undo took back the facilitator's round, not a rater's answer"
        );
        api::redo(&mut ws, &s.plan_id, now()).unwrap();
    }
    assert!(s
        .events
        .lock()
        .unwrap()
        .iter()
        .any(|e| matches!(e, RoomEvent::Scored { .. })));

    s.intent(Intent::RevealRound {
        assessment_id: s.assessment_id.clone(),
        subfacet_id: SF.into(),
    });
    let revealed = s.call("GET", "api/page", Some(&tokens[0]), "").json();
    let reveal = &revealed["focus"]["reveal"];
    assert_eq!(revealed["focus"]["state"], "revealed");
    assert_eq!(reveal["dots"], serde_json::json!([0, 0, 1, 1, 0]));
    assert_eq!(reveal["abstained"], 1);
    assert!(reveal["names"].is_null(), "a phone never gets names");
    // The round is closed: no more changes.
    let late = s.answer(&tokens[0], r#"{"stage":1}"#);
    assert_eq!(late.status, 422, "{}", late.body);
    assert_eq!(
        late.json()["message"],
        "round 1 has been revealed; scores can no longer change",
        "a refusal is said in the reason alone"
    );
    assert_eq!(s.stored(0), Some(Score::Stage(4)));
}

#[test]
fn the_room_refuses_what_it_should_not_answer() {
    let s = Served::open(JoinMode::PickName);
    let ada = s.join(0);
    let bram = s.join(1);
    let status = |r: Reply| r.status;

    // No token, a wrong one, a malformed header.
    assert_eq!(status(s.call("GET", "api/page", None, "")), 401);
    assert_eq!(
        status(s.call("GET", "api/page", Some(&"0".repeat(32)), "")),
        401
    );
    let odd = request(
        &s.addr,
        "GET",
        &format!("{}api/page", s.base),
        &[("Authorization", &format!("Basic {ada}"))],
        b"",
    )
    .unwrap();
    assert_eq!(odd.status, 401);
    let refused = s.answer("nope", r#"{"stage":2}"#);
    assert_eq!(refused.status, 401);
    assert_eq!(refused.json()["code"], "not_in_room");

    // A token writes only its own rater's answers: a rater id in the body is refused.
    let forged = s.call(
        "POST",
        "api/answer",
        Some(&ada),
        &format!(
            r#"{{"subfacet_id":"{SF}","round":1,"score":{{"stage":5}},"rater_id":"{}"}}"#,
            s.raters[1].0
        ),
    );
    assert_eq!(forged.status, 422, "{}", forged.body);
    assert_eq!(s.stored(1), None);

    // The Host must be the served address: no DNS rebinding.
    for host in ["evil.example", "localhost", "127.0.0.1", "127.0.0.1:1"] {
        let r = request(
            &s.addr,
            "GET",
            &format!("{}api/page", s.base),
            &[("Host", host), ("Authorization", &format!("Bearer {ada}"))],
            b"",
        )
        .unwrap();
        assert_eq!(r.status, 421, "Host {host}");
        assert!(!r.body.contains("Ada"));
    }
    // Another site's page cannot call the room.
    let cross = request(
        &s.addr,
        "POST",
        &format!("{}api/answer", s.base),
        &[
            ("Origin", "http://evil.example"),
            ("Authorization", &format!("Bearer {ada}")),
        ],
        br#"{"subfacet_id":"analytics","round":1,"score":{"stage":1}}"#,
    )
    .unwrap();
    assert_eq!(cross.status, 403);
    assert!(cross.header("access-control-allow-origin").is_none());

    // Only the room's paths, under its code.
    for path in [
        "/",
        "/index.html",
        "/api/page",
        "/abcdef/",
        "/favicon.ico",
        &format!("{}index.html", s.base),
        &format!("{}assets/", s.base),
        &format!("{}assets/..%2Findex.html", s.base),
        &format!("{}assets/../index.html", s.base),
        &format!("{}../index.html", s.base),
        &format!("{}api/plan", s.base),
        &format!("{}api/ratings", s.base),
    ] {
        let r = request(&s.addr, "GET", path, &[], b"").unwrap();
        assert!(
            r.status == 404 || r.status == 400,
            "{path} answered {}",
            r.status
        );
        assert!(!r.body.contains("main app"), "{path}");
    }
    for method in ["PUT", "DELETE", "PATCH", "OPTIONS"] {
        let r = s.call(method, "api/answer", Some(&ada), "{}");
        assert!(r.status == 404 || r.status == 405, "{method}: {}", r.status);
    }
    let page = s.call("GET", "", None, "");
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("connect-src 'self'"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(s.call("GET", "assets/rate-1.js", None, "").status, 200);

    // Bodies are capped, and bad input names its field.
    let big = format!(
        r#"{{"subfacet_id":"{SF}","round":1,"score":{{"not_applicable":"{}"}}}}"#,
        "x".repeat(8 * 1024)
    );
    let r = s.call("POST", "api/answer", Some(&ada), &big);
    assert_eq!(r.status, 413, "{}", r.body);
    assert_eq!(r.json()["code"], "too_large");
    let r = s.answer(&ada, r#"{"stage":9}"#);
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["problems"][0]["path"], "score", "{}", r.body);
    let r = s.answer(&ada, r#"{"stage":"three"}"#);
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["problems"][0]["path"], "score.stage");
    let r = s.answer(&ada, r#"{"not_applicable":"   "}"#);
    assert_eq!(r.status, 422, "a reason is needed: {}", r.body);
    for control in ["\\u0007", "\\u001b[31m", "\\u202e", "\\u2066", "\\u0085"] {
        let r = s.answer(
            &ada,
            &format!(r#"{{"not_applicable":"we {control} do not"}}"#),
        );
        assert_eq!(r.status, 422, "{control}: {}", r.body);
        assert_eq!(r.json()["problems"][0]["path"], "score", "{control}");
    }
    let r = s.answer(&ada, r#"{"abstained":"line one\nline two"}"#);
    assert_eq!(r.status, 200, "a line break is plain text: {}", r.body);
    let r = s.call("POST", "api/answer", Some(&ada), "not json");
    assert_eq!(r.status, 422);
    let other = s.call(
        "POST",
        "api/answer",
        Some(&ada),
        r#"{"subfacet_id":"integration","round":1,"score":{"stage":2}}"#,
    );
    assert_eq!(other.status, 422);
    assert!(other.body.contains("moved on"), "{}", other.body);
    let stale = s.call(
        "POST",
        "api/answer",
        Some(&ada),
        &format!(r#"{{"subfacet_id":"{SF}","round":2,"score":{{"stage":2}}}}"#),
    );
    assert_eq!(stale.status, 422);
    assert_eq!(
        s.stored(0),
        Some(Score::Abstained("line one\nline two".into())),
        "nothing refused was written"
    );

    // A removed device is out, and its name is free again.
    let devices = s.room().status().devices;
    let bram_device = devices.iter().find(|d| d.rater == "Bram Veldt").unwrap();
    assert_eq!(bram_device.device, "curl");
    s.room().remove_device(&bram_device.id).unwrap();
    assert_eq!(s.call("GET", "api/page", Some(&bram), "").status, 401);
    s.join(1);

    // A flood from one device is slowed down, not served.
    let limited = (0..120)
        .map(|_| s.call("GET", "api/page", Some(&ada), "").status)
        .filter(|st| *st == 429)
        .count();
    assert!(limited > 0, "120 requests at once were all served");
}

#[test]
fn personal_codes_list_no_names_and_a_removed_code_stops_working() {
    let s = Served::open(JoinMode::PersonalCodes);
    let welcome = s.call("GET", "api/room", None, "").json();
    assert_eq!(welcome["join"], "personal_codes");
    assert!(welcome["raters"].as_array().unwrap().is_empty());
    let join = s.call(
        "POST",
        "api/join",
        None,
        &format!(r#"{{"rater_id":"{}"}}"#, s.raters[0].0),
    );
    assert_eq!(join.status, 403);
    let codes = s.room().personal_codes().unwrap();
    assert_eq!(codes.len(), 3);
    assert!(codes.iter().all(|c| c.qr_svg.contains("<svg")));
    let token = codes[0].url.split("#t=").nth(1).unwrap().to_string();
    assert_eq!(
        s.room().personal_codes().unwrap()[0].url,
        codes[0].url,
        "a code stays the same until its device is removed"
    );
    let page = s.call("GET", "api/page", Some(&token), "").json();
    assert_eq!(page["rater"], codes[0].rater);
    let device = s.room().status().devices[0].id.clone();
    s.room().remove_device(&device).unwrap();
    assert_eq!(s.call("GET", "api/page", Some(&token), "").status, 401);
    let fresh = s.room().personal_codes().unwrap();
    assert_ne!(
        fresh[0].url, codes[0].url,
        "a new code replaces the removed one"
    );
}

#[test]
fn closing_the_room_answers_waiting_pages_and_closes_the_port() {
    let mut s = Served::open(JoinMode::PickName);
    let token = s.join(0);
    let version = s.call("GET", "api/page", Some(&token), "").json()["version"]
        .as_u64()
        .unwrap();
    let (addr, path) = (
        s.addr.clone(),
        format!("{}api/wait?after={version}", s.base),
    );
    let auth = format!("Bearer {token}");
    let waiting = std::thread::spawn(move || {
        request(&addr, "GET", &path, &[("Authorization", &auth)], b"").unwrap()
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    let room = s.room.take().unwrap();
    let closing = s.runtime.spawn(async move { room.close().await });
    let answer = waiting.join().unwrap();
    assert_eq!(answer.status, 410, "{}", answer.body);
    assert!(answer.body.contains("closed the room"));
    s.runtime.block_on(closing).unwrap();
    assert!(
        std::net::TcpStream::connect(&s.addr).is_err(),
        "the port still accepts connections"
    );
}

#[test]
fn a_room_opens_only_where_it_can_and_names_what_is_wrong() {
    let s = Served::open(JoinMode::PickName);
    let open = |assessment: &str, address: &str| {
        Room::open(
            s.runtime.handle(),
            s.ws.clone(),
            &s.plan_id,
            &RoomOptions {
                assessment_id: assessment.into(),
                address: address.into(),
                port: 0,
                join: JoinMode::PickName,
            },
            Box::new(PageDir(std::path::PathBuf::from("/nonexistent"))),
            Arc::new(|_| {}),
        )
        .err()
        .expect("refused")
    };
    let e = open(&s.assessment_id, "wifi");
    assert_eq!(e.problems()[0].path, "address");
    let e = open(&s.assessment_id, "203.0.113.9");
    assert_eq!(e.problems()[0].path, "address", "{e}");
    assert!(open("no such assessment", "127.0.0.1")
        .to_string()
        .contains("not found"));
    let empty = {
        let mut ws = s.ws.lock().unwrap();
        m::create_assessment("Empty", "2027-03-02")
            .and_then(|edits| {
                api::apply_edits(&mut ws, &s.plan_id, &edits, now())?;
                Ok(edits)
            })
            .unwrap();
        ws.current(&s.plan_id)
            .unwrap()
            .assessments
            .iter()
            .find(|a| a.name == "Empty")
            .unwrap()
            .id
            .clone()
    };
    let e = open(&empty, "127.0.0.1");
    assert!(e.to_string().contains("no raters"), "{e}");
}
