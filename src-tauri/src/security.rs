//! The window may do only what the UI needs: the capability grants exactly the app's own
//! commands (file dialogs are opened by commands, so the webview cannot name a file), and the content security policy allows no
//! inline or remote code. These tests read the shipped configuration files.

use std::path::Path;

include!("../command_names.rs");

fn json(file: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn the_capability_grants_every_command_and_nothing_else() {
    let commands = command_names(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands"));
    assert!(
        commands.len() > 10,
        "the command modules were read: {commands:?}"
    );
    let mut expected: Vec<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // Listening for the app's own events (the room's `room-changed`); nothing of a plugin's.
    expected.extend([
        "core:event:allow-listen".into(),
        "core:event:allow-unlisten".into(),
    ]);
    let cap = json("capabilities/main.json");
    let mut granted: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("permissions are plain names").to_string())
        .collect();
    expected.sort();
    granted.sort();
    assert_eq!(
        granted, expected,
        "capabilities/main.json must grant each command in src/commands, listening for events, and nothing besides (no plugin's own dialog or file access)"
    );
}

#[test]
fn the_content_security_policy_allows_no_inline_eval_or_remote_content() {
    let conf = json("tauri.conf.json");
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("a CSP is set");
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        for banned in ["'unsafe-inline'", "'unsafe-eval'", "*", "https:", "http:"] {
            assert!(
                !value.split_whitespace().any(|v| v == banned),
                "{directive} allows {banned}"
            );
        }
        for source in value.split_whitespace() {
            assert!(
                source.starts_with('\'')
                    || source == "data:"
                    || source == "ipc:"
                    || source == "http://ipc.localhost",
                "{directive} loads from {source}: no remote content is allowed"
            );
        }
    }
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
}

/// The projector's window shows only what the core built for the room: it may fetch the
/// last such payload and listen for the next, and call nothing that reads a plan.
#[test]
fn the_audience_window_may_read_only_the_rooms_payload() {
    let cap = json("capabilities/audience.json");
    assert_eq!(cap["windows"], serde_json::json!(["audience"]));
    let granted: Vec<&str> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(
        granted,
        [
            "allow-audience-last",
            "core:event:allow-listen",
            "core:event:allow-unlisten"
        ]
    );
    let main = json("capabilities/main.json");
    assert!(
        !main["windows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "audience"),
        "the main window's grants never reach the audience window"
    );
}
