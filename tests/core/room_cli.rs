//! `stepwise room serve`: the room's server run from a terminal, against a real SQLite file.

use crate::room::http::request;

/// `stepwise room serve`: the same room from a terminal, following the round another command
/// opens, and closed by a signal.
#[cfg(unix)]
#[test]
fn the_room_serves_from_a_terminal_and_follows_the_round_another_command_opens() {
    use std::io::BufRead;
    let db = crate::TempDb::new();
    let cli = |args: &[&str]| {
        let out = crate::stepwise(&db.path, args);
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let plan = cli(&["create", "Room"]).1;
    cli(&[
        "assess",
        "create",
        &plan,
        "Baseline",
        "--date",
        "2027-03-01",
    ]);
    cli(&["assess", "rater", &plan, "Baseline", "Ada"]);
    let page = tempfile::tempdir().unwrap();
    std::fs::write(page.path().join("rate.html"), "<!doctype html>").unwrap();
    let page_dir = page.path().to_str().unwrap();

    let (ok, _, err) = cli(&[
        "room",
        "serve",
        &plan,
        "--assessment",
        "Baseline",
        "--page-dir",
        "/nonexistent",
    ]);
    assert!(
        !ok && err.contains("page-dir") && err.contains("build the UI"),
        "{err}"
    );
    let (ok, _, err) = cli(&[
        "room",
        "serve",
        &plan,
        "--assessment",
        "Baseline",
        "--address",
        "wifi",
        "--page-dir",
        page_dir,
    ]);
    assert!(!ok && err.contains("address"), "{err}");

    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_stepwise"))
        .arg("--db")
        .arg(&db.path)
        .args([
            "room",
            "serve",
            &plan,
            "--assessment",
            "Baseline",
            "--address",
            "127.0.0.1",
            "--page-dir",
            page_dir,
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(server.stdout.take().unwrap());
    let mut url = String::new();
    out.read_line(&mut url).unwrap();
    let url = url.trim().to_string();
    let rest = url.strip_prefix("http://").unwrap();
    let (addr, path) = rest.split_once('/').unwrap();
    let base = format!("/{path}");
    let welcome = request(addr, "GET", &format!("{base}api/room"), &[], b"").unwrap();
    let ada = welcome.json()["raters"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let joined = request(
        addr,
        "POST",
        &format!("{base}api/join"),
        &[],
        format!(r#"{{"rater_id":"{ada}"}}"#).as_bytes(),
    )
    .unwrap();
    let auth = format!("Bearer {}", joined.json()["token"].as_str().unwrap());
    let page_now = || {
        request(
            addr,
            "GET",
            &format!("{base}api/page"),
            &[("Authorization", &auth)],
            b"",
        )
        .unwrap()
        .json()
    };
    assert!(page_now()["focus"].is_null(), "no round is open yet");

    assert!(cli(&["assess", "open-round", &plan, "Baseline", "analytics"]).0);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while page_now()["focus"]["subfacet_id"] != "analytics" {
        assert!(
            std::time::Instant::now() < deadline,
            "the phones never followed the open round"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let answered = request(
        addr,
        "POST",
        &format!("{base}api/answer"),
        &[("Authorization", &auth)],
        br#"{"subfacet_id":"analytics","round":1,"score":{"stage":3}}"#,
    )
    .unwrap();
    assert_eq!(answered.status, 200, "{}", answered.body);
    let exported: serde_json::Value =
        serde_json::from_str(&cli(&["export", &plan, "--out", "-"]).1).unwrap();
    assert_eq!(exported["plan"]["ratings"][0]["score"]["stage"], 3);

    // SAFETY: signalling our own child process by its id.
    unsafe { libc::kill(server.id() as i32, libc::SIGTERM) };
    let status = server.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let mut said = String::new();
    std::io::Read::read_to_string(&mut out, &mut said).unwrap();
    assert!(said.contains("The room is closed"), "{said}");
    assert!(std::net::TcpStream::connect(addr).is_err());
}
