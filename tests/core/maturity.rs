//! The maturity self-assessment against a real SQLite file: blind scoring, the model's worked
//! examples (in `examples`), targets, comparisons, the checklist, CSV scores and the CLI (in `cli`).

use crate::{now, TempDb};
use chrono::NaiveDate;
use stepwise::maturity::{self as m, ScoreEntry, Viewer};
use stepwise::model::{Confidence, FactorStatus, Score};
use stepwise::workspace::Workspace;
use stepwise::ErrorCode;

pub fn day(y: i32, mo: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, mo, d).unwrap()
}

/// A plan with one assessment in a fresh database.
pub struct Fixture {
    /// Keeps the temporary folder alive as long as the store uses it.
    pub _db: TempDb,
    pub ws: Workspace,
    pub plan_id: String,
    pub assessment_id: String,
}

impl Fixture {
    pub fn new() -> Fixture {
        let db = TempDb::new();
        let mut ws = Workspace::new(db.open());
        let plan_id = stepwise::api::create_plan(&mut ws, "Maturity", now()).unwrap();
        let a = act::create_assessment(
            &mut ws,
            &plan_id,
            "Baseline — March 2027",
            day(2027, 3, 1),
            now(),
        )
        .unwrap();
        Fixture {
            _db: db,
            ws,
            plan_id,
            assessment_id: a.id,
        }
    }

    /// The key this database signs its scoring forms with.
    pub fn key(&self) -> m::forms::FormKey {
        m::forms::FormKey::of(self.ws.store()).unwrap()
    }

    pub fn rater(&mut self, name: &str) -> String {
        act::add_rater(
            &mut self.ws,
            &self.plan_id,
            &self.assessment_id,
            name,
            "Committee",
            now(),
        )
        .unwrap()
        .id
    }

    pub fn score(&mut self, rater: &str, subfacet: &str, score: Score) {
        let entry = ScoreEntry {
            rater_id: rater.into(),
            subfacet_id: subfacet.into(),
            score,
            confidence: None,
            note: String::new(),
            evidence: None,
        };
        act::record_score(&mut self.ws, &self.plan_id, &entry, now()).unwrap();
    }

    pub fn reveal(&mut self) {
        act::reveal(&mut self.ws, &self.plan_id, &self.assessment_id, now()).unwrap();
    }

    pub fn plan(&self) -> stepwise::Plan {
        self.ws.store().plan(&self.plan_id).unwrap()
    }

    fn phase(&mut self, name: &str, starts: NaiveDate, ends: NaiveDate) -> String {
        act::add_phase(
            &mut self.ws,
            &self.plan_id,
            name,
            Some(starts),
            Some(ends),
            now(),
        )
        .unwrap()
        .id
    }

    fn target(
        &mut self,
        phase: &str,
        subfacet: &str,
        stage: u8,
    ) -> stepwise::Result<stepwise::model::Target> {
        act::set_target(
            &mut self.ws,
            &self.plan_id,
            &self.assessment_id,
            phase,
            subfacet,
            stage,
            now(),
        )
    }
}

mod cli;
mod examples;

/// The workshop's writes as the tests make them: each one intent through the core API, so the
/// tests drive the same path as the app and the CLI.
pub mod act {
    use chrono::{DateTime, NaiveDate, Utc};
    use stepwise::api::{self, Applied};
    use stepwise::maturity::{AgreedStage, ScoreEntry};
    use stepwise::model::{Assessment, FactorStatus, Goal, Phase, Rater, Target};
    use stepwise::workspace::Workspace;
    use stepwise::{Intent, Result};

    fn created<T: Clone>(
        applied: &Applied,
        list: impl Fn(&stepwise::Plan) -> &[T],
        id: impl Fn(&T) -> &str,
    ) -> T {
        let want = applied
            .created
            .as_deref()
            .expect("the intent creates a record");
        list(&applied.state.plan)
            .iter()
            .find(|r| id(r) == want)
            .expect("the created record is in the plan")
            .clone()
    }

    pub fn create_assessment(
        ws: &mut Workspace,
        plan: &str,
        name: &str,
        on: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Assessment> {
        let intent = Intent::CreateAssessment {
            name: name.into(),
            assessed_on: on.to_string(),
        };
        let applied = api::apply_intent(ws, plan, &intent, now)?;
        Ok(created(&applied, |p| &p.assessments, |a| &a.id))
    }

    pub fn add_rater(
        ws: &mut Workspace,
        plan: &str,
        assessment: &str,
        name: &str,
        role: &str,
        now: DateTime<Utc>,
    ) -> Result<Rater> {
        let intent = Intent::AddRater {
            assessment_id: assessment.into(),
            name: name.into(),
            role: role.into(),
        };
        let applied = api::apply_intent(ws, plan, &intent, now)?;
        Ok(created(&applied, |p| &p.raters, |r| &r.id))
    }

    pub fn record_scores(
        ws: &mut Workspace,
        plan: &str,
        scores: &[ScoreEntry],
        now: DateTime<Utc>,
    ) -> Result<()> {
        api::apply_intent(
            ws,
            plan,
            &Intent::RecordScores {
                scores: scores.to_vec(),
            },
            now,
        )
        .map(drop)
    }

    pub fn record_score(
        ws: &mut Workspace,
        plan: &str,
        score: &ScoreEntry,
        now: DateTime<Utc>,
    ) -> Result<()> {
        record_scores(ws, plan, std::slice::from_ref(score), now)
    }

    pub fn reveal(
        ws: &mut Workspace,
        plan: &str,
        assessment: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        api::apply_intent(
            ws,
            plan,
            &Intent::RevealAssessment {
                assessment_id: assessment.into(),
            },
            now,
        )
        .map(drop)
    }

    pub fn agree(
        ws: &mut Workspace,
        plan: &str,
        assessment: &str,
        agreed: &AgreedStage,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let intent = Intent::AgreeStage {
            assessment_id: assessment.into(),
            agreed: agreed.clone(),
        };
        api::apply_intent(ws, plan, &intent, now).map(drop)
    }

    pub fn add_phase(
        ws: &mut Workspace,
        plan: &str,
        name: &str,
        starts: Option<NaiveDate>,
        ends: Option<NaiveDate>,
        now: DateTime<Utc>,
    ) -> Result<Phase> {
        let intent = Intent::AddPhase {
            name: name.into(),
            starts_on: starts.map(|d| d.to_string()),
            ends_on: ends.map(|d| d.to_string()),
        };
        let applied = api::apply_intent(ws, plan, &intent, now)?;
        Ok(created(&applied, |p| &p.phases, |p| &p.id))
    }

    pub fn set_target(
        ws: &mut Workspace,
        plan: &str,
        assessment: &str,
        phase: &str,
        subfacet: &str,
        stage: u8,
        now: DateTime<Utc>,
    ) -> Result<Target> {
        let intent = Intent::SetTarget {
            assessment_id: assessment.into(),
            phase_id: phase.into(),
            subfacet_id: subfacet.into(),
            stage,
        };
        let applied = api::apply_intent(ws, plan, &intent, now)?;
        let p = &applied.state.plan;
        let a = stepwise::maturity::find_assessment(p, assessment)?;
        let ph = stepwise::maturity::find_phase(p, phase)?;
        let sf = stepwise::maturity::find_subfacet(subfacet)?;
        Ok(p.targets
            .iter()
            .find(|t| t.assessment_id == a.id && t.phase_id == ph.id && t.subfacet_id == sf.id)
            .expect("the target is set")
            .clone())
    }

    pub fn set_factor(
        ws: &mut Workspace,
        plan: &str,
        factor: &str,
        status: FactorStatus,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let intent = Intent::SetSuccessFactor {
            factor_id: factor.into(),
            status,
            note: note.into(),
        };
        api::apply_intent(ws, plan, &intent, now).map(drop)
    }

    pub fn add_goal_from_gap(
        ws: &mut Workspace,
        plan: &str,
        assessment: &str,
        phase: &str,
        subfacet: &str,
        now: DateTime<Utc>,
    ) -> Result<Goal> {
        let intent = Intent::DraftGoalFromGap {
            assessment_id: assessment.into(),
            phase_id: phase.into(),
            subfacet_id: subfacet.into(),
        };
        let applied = api::apply_intent(ws, plan, &intent, now)?;
        Ok(created(&applied, |p| &p.goals, |g| &g.id))
    }
}

#[test]
fn before_the_reveal_a_rater_sees_only_their_own_scores_and_no_aggregate() {
    let mut f = Fixture::new();
    let (ana, ben) = (f.rater("Ana"), f.rater("Ben"));
    f.score(&ana, "analytics", Score::Stage(2));
    f.score(&ben, "analytics", Score::Stage(4));
    f.score(&ben, "integration", Score::Stage(1));
    let plan = f.plan();

    let as_ana = m::assessment_view(&plan, &f.assessment_id, &Viewer::Rater(ana.clone())).unwrap();
    assert!(
        as_ana.ratings.iter().all(|r| r.rater_id == ana),
        "Ana must not see Ben's scores before the reveal"
    );
    assert_eq!(as_ana.ratings.len(), 1, "Ana sees her own score");
    assert!(
        as_ana.results.is_none(),
        "the aggregate would leak the others' scores"
    );

    let facilitator = m::assessment_view(&plan, &f.assessment_id, &Viewer::Facilitator).unwrap();
    assert!(
        facilitator.ratings.is_empty(),
        "the facilitator does not see values before the reveal"
    );
    let progress: Vec<(String, usize)> = facilitator
        .raters
        .iter()
        .map(|r| (r.name.clone(), r.scored))
        .collect();
    assert_eq!(
        progress,
        [("Ana".to_string(), 1), ("Ben".to_string(), 2)],
        "but sees who has scored how much"
    );
    let hidden =
        m::results(&plan, &f.assessment_id).expect_err("results stay hidden until the reveal");
    assert_eq!(hidden.code(), ErrorCode::InvalidInput);
    assert!(
        hidden.to_string().contains("has not been revealed"),
        "{hidden}"
    );

    f.reveal();
    let plan = f.plan();
    let after = m::assessment_view(&plan, &f.assessment_id, &Viewer::Rater(ana)).unwrap();
    assert_eq!(
        after.ratings.len(),
        3,
        "after the reveal everyone sees every score"
    );
    let analytics = after
        .results
        .expect("results after the reveal")
        .subfacet("analytics")
        .cloned()
        .unwrap();
    assert_eq!(analytics.aggregate.median, Some(3.0));
    assert!(
        analytics.aggregate.disagreement,
        "2 and 4 are two stages apart"
    );
    assert_eq!(
        analytics.current,
        Some(Score::Stage(3)),
        "the median stands until a stage is agreed"
    );
}

#[test]
fn a_rater_of_another_assessment_cannot_view_this_one() {
    let mut f = Fixture::new();
    let other =
        act::create_assessment(&mut f.ws, &f.plan_id, "Follow-up", day(2028, 3, 1), now()).unwrap();
    let outsider = act::add_rater(&mut f.ws, &f.plan_id, &other.id, "Cleo", "", now()).unwrap();
    let err = m::assessment_view(&f.plan(), &f.assessment_id, &Viewer::Rater(outsider.id))
        .expect_err("Cleo rates the other one");
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn agreeing_and_targets_wait_for_the_reveal() {
    let mut f = Fixture::new();
    let ana = f.rater("Ana");
    f.score(&ana, "analytics", Score::Stage(3));
    let phase = f.phase("Phase 2", day(2027, 7, 1), day(2028, 6, 30));
    let agreed = m::AgreedStage {
        subfacet_id: "analytics".into(),
        score: Score::Stage(3),
        rationale: "r".into(),
        evidence: String::new(),
    };
    assert!(
        act::agree(&mut f.ws, &f.plan_id, &f.assessment_id, &agreed, now()).is_err(),
        "agreeing before the reveal is refused"
    );
    let err = f
        .target(&phase, "analytics", 2)
        .expect_err("a target check before the reveal would leak the median");
    assert!(
        err.to_string()
            .contains("once the facilitator has revealed"),
        "{err}"
    );
}

#[test]
fn the_agreed_stage_replaces_the_median_and_keeps_its_rationale_and_evidence() {
    let mut f = Fixture::new();
    let (ana, ben) = (f.rater("Ana"), f.rater("Ben"));
    f.score(&ana, "analytics", Score::Stage(2));
    f.score(&ben, "analytics", Score::Stage(3));
    f.reveal();
    let r = m::results(&f.plan(), &f.assessment_id).unwrap();
    assert_eq!(
        r.subfacet("analytics").unwrap().current,
        Some(Score::Stage(2)),
        "median 2.5 rounds down"
    );
    let agreed = m::AgreedStage {
        subfacet_id: "analytics".into(),
        score: Score::Stage(3),
        rationale: "The dashboard pilot counts".into(),
        evidence: "Q1 report".into(),
    };
    act::agree(&mut f.ws, &f.plan_id, &f.assessment_id, &agreed, now()).unwrap();
    act::agree(&mut f.ws, &f.plan_id, &f.assessment_id, &agreed, now()).unwrap();
    let plan = f.plan();
    assert_eq!(
        plan.agreements.len(),
        1,
        "agreeing again replaces the agreement"
    );
    let sf = m::results(&plan, &f.assessment_id)
        .unwrap()
        .subfacet("analytics")
        .cloned()
        .unwrap();
    assert_eq!(
        sf.current,
        Some(Score::Stage(3)),
        "the agreed stage is what the plan uses"
    );
    assert_eq!(sf.agreement.unwrap().evidence, "Q1 report");
}

#[test]
fn facet_means_leave_out_sub_facets_that_do_not_apply() {
    let mut f = Fixture::new();
    let ana = f.rater("Ana");
    f.score(&ana, "assessment", Score::Stage(4));
    f.score(
        &ana,
        "learner-evidence",
        Score::NotApplicable("No evidence platform".into()),
    );
    f.score(&ana, "integration", Score::Stage(1));
    f.score(&ana, "analytics", Score::Stage(2));
    f.reveal();
    let r = m::results(&f.plan(), &f.assessment_id).unwrap();
    let facet = |id: &str| r.facets.iter().find(|x| x.facet_id == id).unwrap();
    assert_eq!(
        facet("assessment").mean,
        Some(4.0),
        "the N/A sub-facet does not pull the mean down"
    );
    assert_eq!(
        facet("assessment").not_applicable,
        ["learner-evidence"],
        "and is shown as not applicable"
    );
    assert_eq!(facet("systems-analytics").mean, Some(1.5));
    assert_eq!(facet("purpose").mean, None, "nothing scored, no mean");
    assert_eq!(facet("purpose").unscored, ["purpose-business-model"]);
}

#[test]
fn two_assessments_compare_sub_facet_by_sub_facet() {
    let mut f = Fixture::new();
    let ana = f.rater("Ana");
    f.score(&ana, "analytics", Score::Stage(1));
    f.score(&ana, "integration", Score::Stage(2));
    f.reveal();
    let later = act::create_assessment(
        &mut f.ws,
        &f.plan_id,
        "Review — March 2028",
        day(2028, 3, 1),
        now(),
    )
    .unwrap();
    let bo = act::add_rater(&mut f.ws, &f.plan_id, &later.id, "Bo", "", now()).unwrap();
    for (sf, s) in [("analytics", 3), ("integration", 2), ("enrolment", 2)] {
        let e = ScoreEntry {
            rater_id: bo.id.clone(),
            subfacet_id: sf.into(),
            score: Score::Stage(s),
            confidence: None,
            note: String::new(),
            evidence: None,
        };
        act::record_score(&mut f.ws, &f.plan_id, &e, now()).unwrap();
    }
    assert!(
        m::compare(&f.plan(), &f.assessment_id, &later.id).is_err(),
        "an unrevealed assessment cannot be compared"
    );
    act::reveal(&mut f.ws, &f.plan_id, &later.id, now()).unwrap();
    let c = m::compare(&f.plan(), &f.assessment_id, &later.id).unwrap();
    let moved: Vec<(&str, Option<i8>)> = c
        .moved()
        .map(|x| (x.subfacet_id.as_str(), x.change))
        .collect();
    assert_eq!(
        moved,
        [("analytics", Some(2)), ("enrolment", None)],
        "analytics rose two stages; enrolment was newly scored"
    );
    assert!(m::comparison_text(&c).contains("2 of 20 sub-facets moved"));
}

#[test]
fn bulk_scores_land_together_or_not_at_all_and_rescoring_replaces() {
    let mut f = Fixture::new();
    let ana = f.rater("Ana");
    let entry = |sf: &str, score: Score| ScoreEntry {
        rater_id: ana.clone(),
        subfacet_id: sf.into(),
        score,
        confidence: Some(Confidence::Observed),
        note: String::new(),
        evidence: None,
    };
    let bad = [
        entry("analytics", Score::Stage(2)),
        entry("integration", Score::Stage(7)),
        entry("enrolment", Score::NotApplicable(" ".into())),
    ];
    let err = act::record_scores(&mut f.ws, &f.plan_id, &bad, now())
        .expect_err("two entries are invalid");
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["scores[1].score", "scores[2].score"],
        "every bad entry is named: {err}"
    );
    assert!(
        f.plan().ratings.is_empty(),
        "nothing is written when one entry is refused"
    );
    act::record_scores(&mut f.ws, &f.plan_id, &bad[..1], now()).unwrap();
    act::record_scores(
        &mut f.ws,
        &f.plan_id,
        &[entry("analytics", Score::Stage(4))],
        now(),
    )
    .unwrap();
    let ratings = f.plan().ratings;
    assert_eq!(
        ratings.len(),
        1,
        "re-scoring a sub-facet replaces the rating"
    );
    assert_eq!(ratings[0].score, Score::Stage(4));
}

#[test]
fn csv_scores_name_raters_and_sub_facets_and_report_every_bad_line() {
    let mut f = Fixture::new();
    f.rater("Ana Ruiz");
    f.rater("Ben");
    let plan = f.plan();
    let good = "rater,subfacet,stage,reason,confidence,note\nAna Ruiz,Analytics,3,,observed,\"dashboards, some\"\nben,integration,na,No LMS yet,,\n";
    let entries = m::parse_scores_csv(&plan, &f.assessment_id, good).unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[0].note, "dashboards, some",
        "a quoted note keeps its comma"
    );
    assert_eq!(entries[1].score, Score::NotApplicable("No LMS yet".into()));
    let bad = "Ana Ruiz,Analytics,6,,,\nZed,analytics,2,,,\nBen,Nonsense,2,,,\nBen,enrolment,na,,,\nBen,enrolment,2,,sure,\nAna Ruiz,analytics,3,,,\n";
    let err = m::parse_scores_csv(&plan, &f.assessment_id, bad)
        .expect_err("every line but none is right");
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["line 1", "line 2", "line 3", "line 4", "line 5"],
        "{err}"
    );
    assert!(err.to_string().contains("\"6\" is not a stage"), "{err}");
}

#[test]
fn the_success_factor_checklist_keeps_one_check_per_factor() {
    let mut f = Fixture::new();
    assert!(
        m::checklist(&f.plan())
            .iter()
            .all(|r| r.status == FactorStatus::NotStarted),
        "untouched factors read as not started"
    );
    act::set_factor(
        &mut f.ws,
        &f.plan_id,
        "outcomes-focus",
        FactorStatus::InProgress,
        "Drafting",
        now(),
    )
    .unwrap();
    act::set_factor(
        &mut f.ws,
        &f.plan_id,
        "Outcomes focus",
        FactorStatus::InPlace,
        "Signed off",
        now(),
    )
    .unwrap();
    let plan = f.plan();
    assert_eq!(
        plan.success_factors.len(),
        1,
        "setting a factor again updates its check"
    );
    let rows = m::checklist(&plan);
    assert_eq!(rows.len(), 10, "the model's ten factors");
    let row = rows
        .iter()
        .find(|r| r.factor_id == "outcomes-focus")
        .unwrap();
    assert_eq!(
        (row.status, row.note.as_str()),
        (FactorStatus::InPlace, "Signed off")
    );
    assert!(act::set_factor(
        &mut f.ws,
        &f.plan_id,
        "luck",
        FactorStatus::InPlace,
        "",
        now()
    )
    .is_err());
}

#[test]
fn a_phase_target_mean_counts_sub_facets_without_a_target_at_their_current_stage() {
    let plan = stepwise::demo::demo_plan(now());
    let assessment = m::latest_revealed(&plan).expect("the demo has a revealed assessment");
    let results = m::results(&plan, &assessment.id).unwrap();
    let phase = &m::target_phases(&plan, &assessment.id)[0];
    let means = m::facet_target_means(&plan, &results, &phase.id);
    assert_eq!(means.len(), results.facets.len(), "one mean per facet");
    for (facet, target) in results.facets.iter().zip(&means) {
        let expected: Vec<f64> = facet
            .profile
            .iter()
            .filter_map(|(sf, current)| {
                let current = (*current)?;
                let t = plan.targets.iter().find(|t| {
                    t.assessment_id == assessment.id
                        && t.phase_id == phase.id
                        && &t.subfacet_id == sf
                });
                Some(f64::from(t.map_or(current, |t| t.stage)))
            })
            .collect();
        let expected = expected.iter().sum::<f64>() / expected.len() as f64;
        let target = target.expect("every demo facet has a current stage");
        assert!(
            (target - expected).abs() < 1e-9,
            "{}: {target} ≠ {expected}",
            facet.name
        );
        assert!(
            target >= facet.mean.unwrap() - 1e-9,
            "{}: a target never sits below where the facet is",
            facet.name
        );
    }
}
