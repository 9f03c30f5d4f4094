//! The maturity workshop through the backend, as the screens drive it: no Tauri, a real
//! SQLite file, real XLSX forms.

use super::*;
use chrono::NaiveDate;
use stepwise::maturity::{AgreedStage, Cell, HeatmapView, ScoreEntry, Viewer};
use stepwise::model::{FactorStatus, Plan, Score};
use stepwise::workspace::PlanState;
use stepwise::{ErrorCode, Intent};

/// A record an intent created, and the plan state after it.
#[derive(Debug)]
struct Created {
    id: String,
    state: PlanState,
}

/// The workshop's writes as the screens send them: each one intent through
/// `Backend::apply_intent`, the one write path.
trait Writes {
    fn act(&self, plan: &str, intent: Intent) -> Result<PlanState>;
    fn create(&self, plan: &str, intent: Intent) -> Result<Created>;
    /// The plan as stored, blind scores included (the UI's copy has none).
    fn plan(&self, plan: &str) -> Result<Plan>;

    fn create_assessment(
        &self,
        plan: &str,
        name: &str,
        on: &str,
        _: DateTime<Utc>,
    ) -> Result<Created> {
        let intent = Intent::CreateAssessment {
            name: name.into(),
            assessed_on: on.into(),
        };
        self.create(plan, intent)
    }
    fn add_rater(
        &self,
        plan: &str,
        a: &str,
        name: &str,
        role: &str,
        _: DateTime<Utc>,
    ) -> Result<Created> {
        let intent = Intent::AddRater {
            assessment_id: a.into(),
            name: name.into(),
            role: role.into(),
        };
        self.create(plan, intent)
    }
    fn rename_rater(
        &self,
        plan: &str,
        id: &str,
        name: &str,
        role: &str,
        _: DateTime<Utc>,
    ) -> Result<PlanState> {
        let intent = Intent::RenameRater {
            rater_id: id.into(),
            name: name.into(),
            role: role.into(),
        };
        self.act(plan, intent)
    }
    fn remove_rater(&self, plan: &str, id: &str, _: DateTime<Utc>) -> Result<PlanState> {
        self.act(
            plan,
            Intent::RemoveRater {
                rater_id: id.into(),
            },
        )
    }
    fn record_score(&self, plan: &str, entry: &ScoreEntry, _: DateTime<Utc>) -> Result<PlanState> {
        self.act(
            plan,
            Intent::RecordScores {
                scores: vec![entry.clone()],
            },
        )
    }
    fn clear_score(
        &self,
        plan: &str,
        rater: &str,
        sf: &str,
        _: DateTime<Utc>,
    ) -> Result<PlanState> {
        self.act(
            plan,
            Intent::ClearScore {
                rater_id: rater.into(),
                subfacet_id: sf.into(),
            },
        )
    }
    fn reveal(&self, plan: &str, a: &str, _: DateTime<Utc>) -> Result<PlanState> {
        self.act(
            plan,
            Intent::RevealAssessment {
                assessment_id: a.into(),
            },
        )
    }
    fn agree(
        &self,
        plan: &str,
        a: &str,
        agreed: &AgreedStage,
        _: DateTime<Utc>,
    ) -> Result<PlanState> {
        self.act(
            plan,
            Intent::AgreeStage {
                assessment_id: a.into(),
                agreed: agreed.clone(),
            },
        )
    }
    fn add_phase(
        &self,
        plan: &str,
        name: &str,
        starts: Option<&str>,
        ends: Option<&str>,
        _: DateTime<Utc>,
    ) -> Result<Created> {
        let intent = Intent::AddPhase {
            name: name.into(),
            starts_on: starts.map(Into::into),
            ends_on: ends.map(Into::into),
        };
        self.create(plan, intent)
    }
    fn set_target(
        &self,
        plan: &str,
        a: &str,
        phase: &str,
        sf: &str,
        stage: u8,
        _: DateTime<Utc>,
    ) -> Result<PlanState> {
        let intent = Intent::SetTarget {
            assessment_id: a.into(),
            phase_id: phase.into(),
            subfacet_id: sf.into(),
            stage,
        };
        self.act(plan, intent)
    }
    fn draft_goal_from_gap(
        &self,
        plan: &str,
        a: &str,
        phase: &str,
        sf: &str,
        _: DateTime<Utc>,
    ) -> Result<Created> {
        let intent = Intent::DraftGoalFromGap {
            assessment_id: a.into(),
            phase_id: phase.into(),
            subfacet_id: sf.into(),
        };
        self.create(plan, intent)
    }
    fn set_success_factor(
        &self,
        plan: &str,
        factor: &str,
        status: FactorStatus,
        note: &str,
        _: DateTime<Utc>,
    ) -> Result<PlanState> {
        let intent = Intent::SetSuccessFactor {
            factor_id: factor.into(),
            status,
            note: note.into(),
        };
        self.act(plan, intent)
    }
}

impl Writes for Backend {
    fn act(&self, plan: &str, intent: Intent) -> Result<PlanState> {
        Ok(self.apply_intent(plan, &intent, now())?.state)
    }
    fn create(&self, plan: &str, intent: Intent) -> Result<Created> {
        let applied = self.apply_intent(plan, &intent, now())?;
        Ok(Created {
            id: applied.created.expect("the intent creates a record"),
            state: applied.state,
        })
    }
    fn plan(&self, plan: &str) -> Result<Plan> {
        Ok(stepwise::api::plan(&*self.workspace()?, plan)?)
    }
}

fn now() -> DateTime<Utc> {
    "2026-03-01T09:00:00Z".parse().unwrap()
}

const POLICY: &str = "purpose-business-model";
const AUDIENCE: &str = "target-audience";

struct Workshop {
    _dir: tempfile::TempDir,
    backend: Backend,
    plan: String,
    assessment: String,
    ada: String,
    ben: String,
}

fn score(backend: &Backend, plan: &str, rater: &str, subfacet: &str, stage: u8) -> PlanState {
    let entry = ScoreEntry {
        rater_id: rater.into(),
        subfacet_id: subfacet.into(),
        score: Score::Stage(stage),
        confidence: None,
        note: String::new(),
        evidence: None,
    };
    backend
        .record_score(plan, &entry, now())
        .expect("a stage 1–5 is recorded")
}

/// A new plan with an assessment and two raters: Ada and Ben.
fn workshop() -> Workshop {
    let dir = tempfile::tempdir().unwrap();
    let backend = Backend::start(Ok(dir.path().join("plans.db")), now())
        .with_export_dir(dir.path().join("out"));
    let plan = backend.create_plan("Workshop", now()).unwrap();
    let created = backend
        .create_assessment(&plan, "Baseline — March 2026", "2026-03-01", now())
        .unwrap();
    assert_eq!(
        created.state.plan.assessments.len(),
        1,
        "the state has the new assessment"
    );
    let assessment = created.id;
    let ada = backend
        .add_rater(&plan, &assessment, "Ada", "Registrar", now())
        .unwrap()
        .id;
    let ben = backend
        .add_rater(&plan, &assessment, "Ben", "Faculty", now())
        .unwrap()
        .id;
    Workshop {
        _dir: dir,
        backend,
        plan,
        assessment,
        ada,
        ben,
    }
}

#[test]
fn blind_scoring_reveal_disagreement_agreement_targets_and_a_goal_from_the_largest_gap() {
    let w = workshop();
    let (b, plan, a) = (&w.backend, w.plan.as_str(), w.assessment.as_str());
    score(b, plan, &w.ada, POLICY, 1);
    score(b, plan, &w.ada, AUDIENCE, 3);
    score(b, plan, &w.ben, POLICY, 4);
    let state = score(b, plan, &w.ben, AUDIENCE, 3);
    assert!(state.can_undo, "each score is a step of the history");

    let bens = b
        .assessment_view(plan, a, &Viewer::Rater(w.ben.clone()))
        .unwrap();
    assert_eq!(bens.ratings.len(), 2, "Ben sees his own two scores");
    assert!(
        bens.ratings.iter().all(|r| r.rater_id == w.ben),
        "Ben's view must hold none of Ada's scores: {:?}",
        bens.ratings
    );
    assert!(bens.results.is_none(), "no results before the reveal");
    let facilitator = b.assessment_view(plan, a, &Viewer::Facilitator).unwrap();
    assert!(
        facilitator.ratings.is_empty(),
        "the facilitator sees no score before the reveal"
    );
    assert_eq!(
        facilitator
            .raters
            .iter()
            .map(|r| r.scored)
            .collect::<Vec<_>>(),
        [2, 2],
        "only how far each rater has got"
    );
    let early = b
        .set_target(plan, a, "no-phase-yet", POLICY, 3, now())
        .expect_err("nothing can be targeted before the reveal");
    assert_eq!(early.code, ErrorCode::InvalidInput);

    b.reveal(plan, a, now()).unwrap();
    let revealed = b.assessment_view(plan, a, &Viewer::Facilitator).unwrap();
    assert_eq!(
        revealed.ratings.len(),
        4,
        "after the reveal everyone sees every score"
    );
    let results = revealed.results.expect("results after the reveal");
    let policy = results.subfacet(POLICY).unwrap();
    assert_eq!(policy.aggregate.spread, 3);
    assert!(policy.aggregate.disagreement, "1 and 4 are flagged");
    assert!(!results.subfacet(AUDIENCE).unwrap().aggregate.disagreement);

    let agreed = AgreedStage {
        subfacet_id: POLICY.into(),
        score: Score::Stage(2),
        rationale: "  Two pilots run by hand  ".into(),
        evidence: "Pilot reports".into(),
    };
    let state = b.agree(plan, a, &agreed, now()).unwrap();
    let stored = &state.plan.agreements[0];
    assert_eq!(
        (stored.score.clone(), stored.rationale.as_str()),
        (Score::Stage(2), "Two pilots run by hand"),
        "the agreed stage and its trimmed rationale are stored"
    );

    let phase = b
        .add_phase(
            plan,
            "Phase 2",
            Some("2026-09-01"),
            Some("2027-06-30"),
            now(),
        )
        .unwrap()
        .id;
    let refused = b
        .set_target(plan, a, &phase, AUDIENCE, 2, now())
        .expect_err("a target below the current stage is refused");
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    let reason = &refused.problems[0].reason;
    assert!(
        reason.contains("at least stage 3"),
        "the refusal says which stage is allowed: {reason}"
    );
    b.set_target(plan, a, &phase, AUDIENCE, 4, now()).unwrap();
    let state = b.set_target(plan, a, &phase, POLICY, 5, now()).unwrap();
    assert_eq!(state.plan.targets.len(), 2);

    let r = b
        .maturity_results(plan, a, HeatmapView::Both, Some(&phase))
        .unwrap();
    assert_eq!(r.gaps.len(), 2);
    assert_eq!(
        (r.gaps[0].subfacet_id.as_str(), r.gaps[0].gap),
        (POLICY, 3),
        "the largest gap comes first"
    );
    assert_eq!(
        r.gaps[0].steps[0].stage, 3,
        "the next stage is the first step"
    );
    let row = r.heatmap.row(POLICY).unwrap();
    assert_eq!(row.cells[1], Cell::Current);
    assert_eq!(row.cells[4], Cell::Target);
    assert_eq!(r.phases.len(), 1, "one phase has targets");
    let purpose = r
        .results
        .facets
        .iter()
        .position(|f| f.facet_id == "purpose")
        .unwrap();
    assert_eq!(r.results.facets[purpose].mean, Some(2.0));
    assert_eq!(
        r.phases[0].means[purpose],
        Some(5.0),
        "the radar's target for the facet is its sub-facet's target"
    );

    let goals_before = state.plan.goals.len();
    let drafted = b
        .draft_goal_from_gap(plan, a, &phase, POLICY, now())
        .unwrap();
    assert_eq!(drafted.state.plan.goals.len(), goals_before + 1);
    let goal = drafted
        .state
        .plan
        .goals
        .iter()
        .find(|g| g.id == drafted.id)
        .expect("the new goal is among the plan's goals");
    assert!(goal.title.starts_with("Bring "), "{}", goal.title);
    assert_eq!(
        goal.due,
        NaiveDate::from_ymd_opt(2027, 6, 30),
        "due when the phase ends"
    );
    let no_gap = b
        .draft_goal_from_gap(plan, a, &phase, "cohort-size", now())
        .expect_err("a sub-facet with no target has no gap");
    assert_eq!(no_gap.code, ErrorCode::InvalidInput);
}

#[test]
fn bad_dates_and_unknown_raters_are_refused_by_name() {
    let w = workshop();
    let bad = w
        .backend
        .create_assessment(&w.plan, "Spring", "01/03/2026", now())
        .expect_err("not a date");
    assert_eq!(bad.code, ErrorCode::InvalidInput);
    assert_eq!(bad.problems[0].path, "assessed_on");
    let bad = w
        .backend
        .add_phase(&w.plan, "Phase 2", Some("soon"), None, now())
        .expect_err("not a date");
    assert_eq!(bad.problems[0].path, "starts_on");
    let gone = w
        .backend
        .rename_rater(&w.plan, "nobody", "X", "", now())
        .expect_err("no such rater");
    assert_eq!(gone.code, ErrorCode::NotFound);
    let blank = w
        .backend
        .rename_rater(&w.plan, &w.ada, "  ", "", now())
        .expect_err("a rater needs a name");
    assert_eq!(blank.code, ErrorCode::InvalidInput);
    let na = ScoreEntry {
        rater_id: w.ada.clone(),
        subfacet_id: POLICY.into(),
        score: Score::NotApplicable(" ".into()),
        confidence: None,
        note: String::new(),
        evidence: None,
    };
    let refused = w
        .backend
        .record_score(&w.plan, &na, now())
        .expect_err("not applicable needs a reason");
    assert!(
        refused.problems[0].reason.contains("reason"),
        "{:?}",
        refused.problems
    );
}

#[test]
fn raters_are_renamed_and_removed_with_their_scores_and_a_score_can_be_taken_back() {
    let w = workshop();
    let (b, plan) = (&w.backend, w.plan.as_str());
    score(b, plan, &w.ada, POLICY, 2);
    score(b, plan, &w.ada, AUDIENCE, 2);
    b.clear_score(plan, &w.ada, POLICY, now()).unwrap();
    // Blind scores stay out of the UI's plan, so the store is where to look.
    assert_eq!(
        b.plan(plan).unwrap().ratings.len(),
        1,
        "the answer is taken back"
    );
    let state = b
        .rename_rater(plan, &w.ada, "Ada Ng", "Provost", now())
        .unwrap();
    let ada = state.plan.raters.iter().find(|r| r.id == w.ada).unwrap();
    assert_eq!(
        (ada.name.as_str(), ada.role.as_str()),
        ("Ada Ng", "Provost")
    );
    let state = b.remove_rater(plan, &w.ada, now()).unwrap();
    assert_eq!(state.plan.raters.len(), 1);
    assert!(
        b.plan(plan).unwrap().ratings.is_empty(),
        "her scores went with her"
    );
}

#[test]
fn scoring_forms_go_to_the_exports_folder_are_found_there_and_read_back() {
    let w = workshop();
    let (b, plan, a) = (&w.backend, w.plan.as_str(), w.assessment.as_str());
    assert!(
        b.scoring_forms_found().unwrap().is_empty(),
        "no folder yet, no forms"
    );
    score(b, plan, &w.ada, POLICY, 3);
    let written = b.export_scoring_forms(plan, a, None).unwrap();
    assert_eq!(written.len(), 2, "one form per rater");
    for e in &written {
        assert!(e.path.ends_with(".xlsx") && e.bytes > 0, "{e:?}");
        b.exported_file(&e.path)
            .expect("an exported form may be opened");
    }
    let found = b.scoring_forms_found().unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0]
        .name
        .starts_with("scoring-form-baseline-march-2026-"));

    // Ada's form carries her one answer; a form must answer every sub-facet, so it is
    // refused, naming each blank cell, and nothing is written.
    let adas = found
        .iter()
        .find(|f| f.name.ends_with("-ada.xlsx"))
        .unwrap();
    let before = b.plan_state(plan, now()).unwrap().plan;
    let half = b
        .import_scoring_form(plan, a, Path::new(&adas.path), now())
        .expect_err("a half-filled form is refused");
    assert_eq!(half.code, ErrorCode::InvalidInput);
    assert_eq!(half.problems.len(), 19, "one problem per blank answer");
    assert_eq!(half.problems[0].path, "Scores!H8");
    assert_eq!(b.plan_state(plan, now()).unwrap().plan, before);

    // Once she has answered everything, her form reads back whole.
    for sf in stepwise::catalog::catalog().subfacets() {
        score(b, plan, &w.ada, &sf.id, 2);
    }
    b.export_scoring_forms(plan, a, None).unwrap();
    let imported = b
        .import_scoring_form(plan, a, Path::new(&adas.path), now())
        .unwrap();
    assert_eq!(
        (imported.rater_name.as_str(), imported.answers),
        ("Ada", 20)
    );

    // Any other file is refused, and says why.
    let junk = w._dir.path().join("out").join("scoring-form-junk.xlsx");
    std::fs::write(&junk, b"not a workbook").unwrap();
    let refused = b
        .import_scoring_form(plan, a, &junk, now())
        .expect_err("not a form");
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert!(!refused.problems.is_empty());
}

#[test]
fn success_factors_are_listed_and_set() {
    let w = workshop();
    let rows = w.backend.success_factors(&w.plan).unwrap();
    assert_eq!(rows.len(), 10, "the model's ten factors");
    assert!(rows.iter().all(|r| r.status == FactorStatus::NotStarted));
    let state = w
        .backend
        .set_success_factor(
            &w.plan,
            &rows[0].factor_id,
            FactorStatus::InPlace,
            "Done",
            now(),
        )
        .unwrap();
    assert_eq!(state.plan.success_factors[0].status, FactorStatus::InPlace);
    let rows = w.backend.success_factors(&w.plan).unwrap();
    assert_eq!(rows[0].status, FactorStatus::InPlace);
    let unknown = w
        .backend
        .set_success_factor(&w.plan, "luck", FactorStatus::InPlace, "", now())
        .expect_err("not a factor");
    assert_eq!(unknown.problems[0].path, "factor");
}

#[test]
fn two_revealed_assessments_are_compared() {
    let w = workshop();
    let (b, plan, a) = (&w.backend, w.plan.as_str(), w.assessment.as_str());
    score(b, plan, &w.ada, POLICY, 1);
    b.reveal(plan, a, now()).unwrap();
    let later = b
        .create_assessment(plan, "Autumn 2026", "2026-10-01", now())
        .unwrap()
        .id;
    let rater = b.add_rater(plan, &later, "Ada", "", now()).unwrap().id;
    score(b, plan, &rater, POLICY, 3);
    let hidden = b
        .compare_assessments(plan, a, &later)
        .expect_err("a hidden assessment cannot be compared");
    assert_eq!(hidden.code, ErrorCode::InvalidInput);
    b.reveal(plan, &later, now()).unwrap();
    let c = b.compare_assessments(plan, a, &later).unwrap();
    let moved: Vec<_> = c.moved().collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        (moved[0].subfacet_id.as_str(), moved[0].change),
        (POLICY, Some(2))
    );
}

#[test]
fn the_plan_the_ui_holds_carries_no_scores_until_the_reveal() {
    let w = workshop();
    let state = score(&w.backend, &w.plan, &w.ada, POLICY, 2);
    assert!(
        state.plan.ratings.is_empty(),
        "a blind score must not reach the UI's copy of the plan: {:?}",
        state.plan.ratings
    );
    score(&w.backend, &w.plan, &w.ben, POLICY, 4);
    let stored = w.backend.plan(&w.plan).unwrap();
    assert_eq!(stored.ratings.len(), 2, "the store keeps both scores");
    let revealed = w.backend.reveal(&w.plan, &w.assessment, now()).unwrap();
    assert_eq!(
        revealed.plan.ratings.len(),
        2,
        "once revealed, the scores are part of the plan again"
    );
}
