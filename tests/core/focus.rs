//! Focus mode against a real SQLite file: rounds of scoring per sub-facet, "don't know", and
//! the audience payload, which must carry nothing the room may not see.

use crate::maturity::Fixture;
use crate::now;
use stepwise::api;
use stepwise::maturity::{
    self as m, AgreedStage, AudienceRequest, AudienceTimer, FocusQueue, RoundState,
};
use stepwise::model::Score;
use stepwise::Intent;

const SF: &str = "analytics";

struct Room {
    f: Fixture,
    raters: Vec<String>,
}

impl Room {
    /// Three raters, with a round open on analytics.
    fn new() -> Room {
        let mut f = Fixture::new();
        let raters = ["Ada Quist", "Bram Veldt", "Cleo Marsh"]
            .map(|n| f.rater(n))
            .to_vec();
        let mut room = Room { f, raters };
        room.intent(Intent::OpenRound {
            assessment_id: room.f.assessment_id.clone(),
            subfacet_id: SF.into(),
        })
        .unwrap();
        room
    }

    fn intent(&mut self, intent: Intent) -> stepwise::Result<()> {
        api::apply_intent(&mut self.f.ws, &self.f.plan_id, &intent, now()).map(|_| ())
    }

    fn score_with_note(&mut self, who: usize, score: Score, note: &str) -> stepwise::Result<()> {
        self.intent(Intent::RecordScores {
            scores: vec![m::ScoreEntry {
                rater_id: self.raters[who].clone(),
                subfacet_id: SF.into(),
                score,
                confidence: None,
                note: note.into(),
                // Evidence is the rater's own, like the note: the room never sees it either.
                evidence: Some(format!("{note} (evidence)")),
            }],
        })
    }

    fn reveal(&mut self) {
        self.intent(Intent::RevealRound {
            assessment_id: self.f.assessment_id.clone(),
            subfacet_id: SF.into(),
        })
        .unwrap();
    }

    fn audience(&self, show_names: bool) -> String {
        let request = AudienceRequest {
            assessment_id: self.f.assessment_id.clone(),
            subfacet_id: Some(SF.into()),
            show_names,
            blank: false,
            timer: Some(AudienceTimer {
                left_ms: 90_000,
                running: true,
                up: false,
            }),
        };
        let view = m::audience_view(&self.f.plan(), &request).unwrap();
        serde_json::to_string(&view).unwrap()
    }
}

fn three_scored() -> Room {
    let mut room = Room::new();
    room.score_with_note(0, Score::Stage(1), "SECRET-NOTE-A")
        .unwrap();
    room.score_with_note(1, Score::Stage(4), "SECRET-NOTE-B")
        .unwrap();
    room.score_with_note(2, Score::Stage(2), "").unwrap();
    room
}

#[test]
fn before_the_reveal_the_room_sees_how_many_have_scored_and_nothing_else() {
    let room = three_scored();
    let json = room.audience(true);
    for secret in [
        "Ada",
        "Bram",
        "Cleo",
        "SECRET-NOTE",
        "\"stage\":",
        "\"dots\"",
        "median",
    ] {
        assert!(
            !json.contains(secret),
            "{secret} leaked before the reveal: {json}"
        );
    }
    assert!(json.contains("\"scoring\":true"), "{json}");
    assert!(
        json.contains("\"scored\":3") && json.contains("\"raters\":3"),
        "{json}"
    );
    assert!(json.contains("\"reveal\":null"), "{json}");
    assert!(
        json.contains("descriptor"),
        "the five stages are shown: {json}"
    );
}

#[test]
fn after_the_reveal_the_room_sees_anonymous_dots_and_names_only_when_switched_on() {
    let mut room = three_scored();
    room.reveal();
    let plain = room.audience(false);
    let view: serde_json::Value = serde_json::from_str(&plain).unwrap();
    let reveal = &view["subfacet"]["reveal"];
    assert_eq!(
        reveal["dots"],
        serde_json::json!([1, 1, 0, 1, 0]),
        "{plain}"
    );
    assert_eq!(reveal["spread"], 3);
    assert_eq!(reveal["median"], 2.0);
    assert!(reveal["names"].is_null());
    for secret in ["Ada", "Bram", "Cleo", "SECRET-NOTE"] {
        assert!(
            !plain.contains(secret),
            "{secret} shown with names off: {plain}"
        );
    }
    let named = room.audience(true);
    assert!(
        named.contains("Ada Quist") && named.contains("Bram Veldt"),
        "{named}"
    );
    assert!(
        !named.contains("SECRET-NOTE"),
        "notes never reach the room: {named}"
    );
    // The facilitator's side names the highest and the lowest scorer: who to ask.
    let focus = m::focus_view(&room.f.plan(), &room.f.assessment_id, SF).unwrap();
    assert_eq!(focus.state, RoundState::Revealed);
    assert_eq!(
        (focus.highest.clone(), focus.lowest.clone()),
        (
            vec!["Bram Veldt".to_string()],
            vec!["Ada Quist".to_string()]
        )
    );
}

#[test]
fn a_second_round_keeps_the_first_and_the_results_follow_the_latest_revealed_round() {
    let mut room = three_scored();
    let a = room.f.assessment_id.clone();
    let open_again = Intent::OpenRound {
        assessment_id: a.clone(),
        subfacet_id: SF.into(),
    };
    let err = room.intent(open_again.clone()).unwrap_err();
    assert!(err.to_string().contains("still open"), "{err}");
    room.reveal();
    let err = room.score_with_note(0, Score::Stage(3), "").unwrap_err();
    assert!(err.to_string().contains("open another round"), "{err}");
    room.intent(open_again).unwrap();
    room.score_with_note(0, Score::Stage(2), "").unwrap();
    room.score_with_note(1, Score::Stage(3), "").unwrap();
    room.score_with_note(2, Score::Abstained("Not seen the dashboard".into()), "")
        .unwrap();
    // Round 2 is not revealed: the results still stand on round 1, and the room sees 3 of 3.
    let plan = room.f.plan();
    let assessment = plan.assessments[0].clone();
    assert_eq!(m::results_round(&plan, &assessment, SF), 1);
    let view = m::focus_view(&plan, &a, SF).unwrap();
    assert_eq!(
        (view.round, view.state, view.scored),
        (2, RoundState::Scoring, 3)
    );
    assert!(
        view.answers.iter().all(|x| x.score.is_none()),
        "round 2 is still hidden"
    );
    room.reveal();
    let plan = room.f.plan();
    assert_eq!(plan.ratings.len(), 6, "round 1 stays in the record");
    let view = m::focus_view(&plan, &a, SF).unwrap();
    let agg = view.aggregate.clone().unwrap();
    assert_eq!((agg.count, agg.abstained, agg.median), (2, 1, Some(2.5)));
    assert_eq!(view.earlier.len(), 1);
    assert_eq!(view.earlier[0].aggregate.count, 3);
    let json = room.audience(false);
    assert!(
        json.contains("\"abstained\":1") && json.contains("\"round\":2"),
        "{json}"
    );
    // Agreed in one click on the round's reveal, without revealing the whole assessment.
    room.intent(Intent::AgreeStage {
        assessment_id: a.clone(),
        agreed: AgreedStage {
            subfacet_id: SF.into(),
            score: Score::Stage(2),
            rationale: "One report, built once.".into(),
            evidence: String::new(),
        },
    })
    .unwrap();
    let json = room.audience(false);
    assert!(json.contains("\"agreed\":{\"stage\":2"), "{json}");
    assert!(
        !json.contains("One report"),
        "the rationale stays with the facilitator: {json}"
    );
    let not_agreed = m::focus_queue(&room.f.plan(), &a, FocusQueue::NotAgreed).unwrap();
    assert!(!not_agreed.contains(&SF.to_string()));
    assert_eq!(not_agreed.len(), 19);
    // A third round puts the agreement back in question: the room does not see it meanwhile.
    room.intent(Intent::OpenRound {
        assessment_id: a.clone(),
        subfacet_id: SF.into(),
    })
    .unwrap();
    let json = room.audience(false);
    assert!(
        json.contains("\"agreed\":null") && json.contains("\"round\":3"),
        "{json}"
    );
}

#[test]
fn the_committee_cannot_agree_on_dont_know() {
    let mut room = three_scored();
    room.reveal();
    let err = room
        .intent(Intent::AgreeStage {
            assessment_id: room.f.assessment_id.clone(),
            agreed: AgreedStage {
                subfacet_id: SF.into(),
                score: Score::Abstained(String::new()),
                rationale: String::new(),
                evidence: String::new(),
            },
        })
        .unwrap_err();
    assert!(err.to_string().contains("don't know"), "{err}");
}

#[test]
fn the_plan_the_screens_hold_has_no_score_of_an_open_round() {
    let mut room = three_scored();
    let state = api::plan_state(&mut room.f.ws, &room.f.plan_id, now()).unwrap();
    assert!(
        state.plan.ratings.is_empty(),
        "blind scores stay out of the UI's plan"
    );
    room.reveal();
    let state = api::plan_state(&mut room.f.ws, &room.f.plan_id, now()).unwrap();
    assert_eq!(state.plan.ratings.len(), 3);
}

#[test]
fn while_a_rater_is_at_the_keyboard_the_room_sees_the_title_alone() {
    let room = three_scored();
    let request = AudienceRequest {
        assessment_id: room.f.assessment_id.clone(),
        subfacet_id: Some(SF.into()),
        show_names: true,
        blank: true,
        timer: None,
    };
    let view = m::audience_view(&room.f.plan(), &request).unwrap();
    assert!(view.blank && view.subfacet.is_none());
    assert_eq!(view.title, "Maturity");
}
