use super::*;
use std::net::TcpStream;
use stepwise::maturity::AudienceTimer;
use stepwise::room::{JoinMode, PageFile};

fn now() -> chrono::DateTime<chrono::Utc> {
    "2025-03-01T09:00:00Z".parse().unwrap()
}

struct NoPage;

impl PageFiles for NoPage {
    fn get(&self, _: &str) -> Option<PageFile> {
        None
    }
}

/// The demo plan in a new database, with its first assessment that has raters.
fn demo() -> (tempfile::TempDir, Backend, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let backend = Backend::start(Ok(dir.path().join("room.db")), now());
    let plan = backend.list_plans().unwrap()[0].id.clone();
    let state = backend.plan_state(&plan, now()).unwrap();
    let assessment = state.plan.raters[0].assessment_id.clone();
    (dir, backend, plan, assessment)
}

fn options(assessment: &str, address: &str) -> RoomOptions {
    RoomOptions {
        assessment_id: assessment.into(),
        address: address.into(),
        port: 0,
        join: JoinMode::PickName,
    }
}

fn request(assessment: &str, subfacet: Option<&str>) -> AudienceRequest {
    AudienceRequest {
        assessment_id: assessment.into(),
        subfacet_id: subfacet.map(Into::into),
        show_names: false,
        blank: false,
        timer: None,
    }
}

fn quiet() -> Arc<dyn Fn(RoomEvent) + Send + Sync> {
    Arc::new(|_| {})
}

fn open(port: u16) -> bool {
    TcpStream::connect(("127.0.0.1", port)).is_ok()
}

#[test]
fn a_room_shows_its_way_in_on_the_projector_follows_it_and_closes_its_port() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (_dir, backend, plan, assessment) = demo();
    let first = rt
        .block_on(backend.open_room(
            rt.handle(),
            &plan,
            &options(&assessment, "127.0.0.1"),
            Box::new(NoPage),
            quiet(),
        ))
        .unwrap();
    assert!(first.url.starts_with("http://127.0.0.1:"), "{}", first.url);
    assert!(open(first.port), "the room listens");

    let subfacet = stepwise::catalog::catalog()
        .subfacets()
        .next()
        .unwrap()
        .id
        .clone();
    let view = backend
        .audience_view(&plan, &request(&assessment, Some(&subfacet)))
        .unwrap();
    let room = view.room.expect("the projector shows the way in");
    assert_eq!(
        (room.url, room.code),
        (first.url.clone(), first.code.clone())
    );
    assert!(room.qr_svg.contains("<svg"));
    assert_eq!(
        backend.room_status().unwrap().following.as_deref(),
        Some(subfacet.as_str()),
        "the phones follow the projector"
    );
    backend
        .audience_view(&plan, &request(&assessment, None))
        .unwrap();
    assert_eq!(backend.room_status().unwrap().following, None);
    let other = backend.audience_view(&plan, &request("another", None));
    assert!(
        other.is_err() || other.unwrap().room.is_none(),
        "another assessment's view carries no room"
    );

    // A second room closes the first.
    let second = rt
        .block_on(backend.open_room(
            rt.handle(),
            &plan,
            &options(&assessment, "127.0.0.1"),
            Box::new(NoPage),
            quiet(),
        ))
        .unwrap();
    assert_ne!(first.code, second.code);
    assert!(!open(first.port), "the first room's port is closed");
    assert!(open(second.port));

    rt.block_on(backend.close_room());
    assert!(!open(second.port), "Close shuts the port");
    assert!(backend.room_status().is_none());
    assert!(backend.audience_again().unwrap().room.is_none());
    assert!(backend.remove_room_device("x").is_err());
}

#[test]
fn a_room_that_cannot_open_says_which_field_is_wrong() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (_dir, backend, plan, assessment) = demo();
    for address in ["not an address", "198.51.100.77"] {
        let err = rt
            .block_on(backend.open_room(
                rt.handle(),
                &plan,
                &options(&assessment, address),
                Box::new(NoPage),
                quiet(),
            ))
            .expect_err(address);
        assert_eq!(err.problems[0].path, "address", "{err:?}");
    }
    assert!(backend.room_status().is_none());
}

#[test]
fn the_projector_rebuilt_after_an_answer_counts_the_timer_from_now() {
    let (_dir, backend, plan, assessment) = demo();
    let mut sent = request(&assessment, None);
    sent.timer = Some(AudienceTimer {
        left_ms: 60_000,
        running: true,
        up: false,
    });
    backend.audience_view(&plan, &sent).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(30));
    let again = backend.audience_again().unwrap();
    let left = again.timer.unwrap().left_ms;
    assert!((50_000..60_000).contains(&left), "{left}");
}
