//! The maturity self-assessment against a real SQLite file: blind scoring, the model's worked
//! examples, targets, gaps, goals, comparisons, the checklist, CSV scores and the CLI.

use crate::{now, TempDb};
use chrono::NaiveDate;
use stepwise::catalog::{catalog, WorkedExample};
use stepwise::maturity::{self as m, Cell, HeatmapView, ScoreEntry, Viewer};
use stepwise::model::{Confidence, FactorStatus, Score};
use stepwise::{ErrorCode, Store};

pub fn day(y: i32, mo: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, mo, d).unwrap()
}

/// A plan with one assessment in a fresh database.
pub struct Fixture {
    pub db: TempDb,
    pub store: Store,
    pub plan_id: String,
    pub assessment_id: String,
}

impl Fixture {
    pub fn new() -> Fixture {
        let db = TempDb::new();
        let mut store = db.open();
        let plan_id = store.create_plan("Maturity", now()).unwrap().id;
        let a = m::create_assessment(&mut store, &plan_id, "Baseline — March 2027", day(2027, 3, 1), now()).unwrap();
        Fixture { db, store, plan_id, assessment_id: a.id }
    }

    pub fn rater(&mut self, name: &str) -> String {
        m::add_rater(&mut self.store, &self.plan_id, &self.assessment_id, name, "Committee", now()).unwrap().id
    }

    pub fn score(&mut self, rater: &str, subfacet: &str, score: Score) {
        let entry = ScoreEntry { rater_id: rater.into(), subfacet_id: subfacet.into(), score, confidence: None, note: String::new() };
        m::record_score(&mut self.store, &self.plan_id, &entry, now()).unwrap();
    }

    pub fn reveal(&mut self) {
        m::reveal(&mut self.store, &self.plan_id, &self.assessment_id, now()).unwrap();
    }

    pub fn plan(&self) -> stepwise::Plan {
        self.store.plan(&self.plan_id).unwrap()
    }

    fn phase(&mut self, name: &str, starts: NaiveDate, ends: NaiveDate) -> String {
        m::add_phase(&mut self.store, &self.plan_id, name, Some(starts), Some(ends), now()).unwrap().id
    }

    fn target(&mut self, phase: &str, subfacet: &str, stage: u8) -> stepwise::Result<stepwise::model::Target> {
        m::set_target(&mut self.store, &self.plan_id, &self.assessment_id, phase, subfacet, stage, now())
    }
}

fn example(id: &str) -> &'static WorkedExample {
    catalog().worked_examples.iter().find(|e| e.id == id).expect("the catalog carries the model's worked examples")
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
    assert!(as_ana.ratings.iter().all(|r| r.rater_id == ana), "Ana must not see Ben's scores before the reveal");
    assert_eq!(as_ana.ratings.len(), 1, "Ana sees her own score");
    assert!(as_ana.results.is_none(), "the aggregate would leak the others' scores");

    let facilitator = m::assessment_view(&plan, &f.assessment_id, &Viewer::Facilitator).unwrap();
    assert!(facilitator.ratings.is_empty(), "the facilitator does not see values before the reveal");
    let progress: Vec<(String, usize)> = facilitator.raters.iter().map(|r| (r.name.clone(), r.scored)).collect();
    assert_eq!(progress, [("Ana".to_string(), 1), ("Ben".to_string(), 2)], "but sees who has scored how much");
    let hidden = m::results(&plan, &f.assessment_id).expect_err("results stay hidden until the reveal");
    assert_eq!(hidden.code(), ErrorCode::InvalidInput);
    assert!(hidden.to_string().contains("has not been revealed"), "{hidden}");

    f.reveal();
    let plan = f.plan();
    let after = m::assessment_view(&plan, &f.assessment_id, &Viewer::Rater(ana)).unwrap();
    assert_eq!(after.ratings.len(), 3, "after the reveal everyone sees every score");
    let analytics = after.results.expect("results after the reveal").subfacet("analytics").cloned().unwrap();
    assert_eq!(analytics.aggregate.median, Some(3.0));
    assert!(analytics.aggregate.disagreement, "2 and 4 are two stages apart");
    assert_eq!(analytics.current, Some(Score::Stage(3)), "the median stands until a stage is agreed");
}

#[test]
fn a_rater_of_another_assessment_cannot_view_this_one() {
    let mut f = Fixture::new();
    let other = m::create_assessment(&mut f.store, &f.plan_id, "Follow-up", day(2028, 3, 1), now()).unwrap();
    let outsider = m::add_rater(&mut f.store, &f.plan_id, &other.id, "Cleo", "", now()).unwrap();
    let err = m::assessment_view(&f.plan(), &f.assessment_id, &Viewer::Rater(outsider.id)).expect_err("Cleo rates the other one");
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn agreeing_and_targets_wait_for_the_reveal() {
    let mut f = Fixture::new();
    let ana = f.rater("Ana");
    f.score(&ana, "analytics", Score::Stage(3));
    let phase = f.phase("Phase 2", day(2027, 7, 1), day(2028, 6, 30));
    let agreed = m::AgreedStage { subfacet_id: "analytics".into(), score: Score::Stage(3), rationale: "r".into(), evidence: String::new() };
    assert!(m::agree(&mut f.store, &f.plan_id, &f.assessment_id, &agreed, now()).is_err(), "agreeing before the reveal is refused");
    let err = f.target(&phase, "analytics", 2).expect_err("a target check before the reveal would leak the median");
    assert!(err.to_string().contains("once the facilitator has revealed"), "{err}");
}

#[test]
fn the_agreed_stage_replaces_the_median_and_keeps_its_rationale_and_evidence() {
    let mut f = Fixture::new();
    let (ana, ben) = (f.rater("Ana"), f.rater("Ben"));
    f.score(&ana, "analytics", Score::Stage(2));
    f.score(&ben, "analytics", Score::Stage(3));
    f.reveal();
    let r = m::results(&f.plan(), &f.assessment_id).unwrap();
    assert_eq!(r.subfacet("analytics").unwrap().current, Some(Score::Stage(2)), "median 2.5 rounds down");
    let agreed = m::AgreedStage {
        subfacet_id: "analytics".into(),
        score: Score::Stage(3),
        rationale: "The dashboard pilot counts".into(),
        evidence: "Q1 report".into(),
    };
    m::agree(&mut f.store, &f.plan_id, &f.assessment_id, &agreed, now()).unwrap();
    m::agree(&mut f.store, &f.plan_id, &f.assessment_id, &agreed, now()).unwrap();
    let plan = f.plan();
    assert_eq!(plan.agreements.len(), 1, "agreeing again replaces the agreement");
    let sf = m::results(&plan, &f.assessment_id).unwrap().subfacet("analytics").cloned().unwrap();
    assert_eq!(sf.current, Some(Score::Stage(3)), "the agreed stage is what the plan uses");
    assert_eq!(sf.agreement.unwrap().evidence, "Q1 report");
}

#[test]
fn facet_means_leave_out_sub_facets_that_do_not_apply() {
    let mut f = Fixture::new();
    let ana = f.rater("Ana");
    f.score(&ana, "assessment", Score::Stage(4));
    f.score(&ana, "learner-evidence", Score::NotApplicable("No evidence platform".into()));
    f.score(&ana, "integration", Score::Stage(1));
    f.score(&ana, "analytics", Score::Stage(2));
    f.reveal();
    let r = m::results(&f.plan(), &f.assessment_id).unwrap();
    let facet = |id: &str| r.facets.iter().find(|x| x.facet_id == id).unwrap();
    assert_eq!(facet("assessment").mean, Some(4.0), "the N/A sub-facet does not pull the mean down");
    assert_eq!(facet("assessment").not_applicable, ["learner-evidence"], "and is shown as not applicable");
    assert_eq!(facet("systems-analytics").mean, Some(1.5));
    assert_eq!(facet("purpose").mean, None, "nothing scored, no mean");
    assert_eq!(facet("purpose").unscored, ["purpose-business-model"]);
}

#[test]
fn example_1_exploratory_pilot_yields_the_current_cells_the_model_describes() {
    let ex = example("exploratory-pilot");
    let mut f = Fixture::new();
    let rater = f.rater("Pilot lead");
    let entries: Vec<ScoreEntry> = ex
        .current
        .iter()
        .map(|(sf, s)| ScoreEntry { rater_id: rater.clone(), subfacet_id: sf.clone(), score: Score::Stage(*s), confidence: None, note: String::new() })
        .collect();
    m::record_scores(&mut f.store, &f.plan_id, &entries, now()).unwrap();
    f.reveal();
    let h = m::heatmap(&f.plan(), &f.assessment_id, HeatmapView::Current, None).unwrap();
    for sf in catalog().subfacets() {
        let mut want = [Cell::Empty; 5];
        want[usize::from(ex.current[&sf.id]) - 1] = Cell::Current;
        assert_eq!(h.row(&sf.id).unwrap().cells, want, "{}: one current cell, at the example's stage", sf.id);
    }
    let advanced: Vec<&str> = catalog().subfacets().filter(|s| ex.current[&s.id] > 1).map(|s| s.id.as_str()).collect();
    assert_eq!(
        advanced,
        ["delivery-mode", "instructor-engagement", "discovery-by-learner", "feedback-mechanism"],
        "the document: mostly exploratory, more advanced in blended delivery, instructor engagement, discovery and feedback"
    );
    assert_eq!(h.row("delivery-mode").unwrap().cells[2], Cell::Current, "blended delivery is stage 3");
    let text = m::heatmap_text(&h);
    assert!(text.contains("DELIVERY") && text.contains("  Delivery mode"), "model layout, facets then sub-facets: {text}");
}

/// Example 2 entered as a facilitator would: agreed current stages, then Phase 2 targets.
fn example_2() -> (Fixture, String) {
    let ex = example("subsequent-expansion");
    let mut f = Fixture::new();
    f.reveal();
    for (sf, s) in &ex.current {
        let agreed = m::AgreedStage { subfacet_id: sf.clone(), score: Score::Stage(*s), rationale: "Pilot review".into(), evidence: String::new() };
        m::agree(&mut f.store, &f.plan_id, &f.assessment_id, &agreed, now()).unwrap();
    }
    let phase = f.phase("Phase 2", day(2027, 7, 1), day(2028, 6, 30));
    for (sf, s) in &ex.phase2 {
        f.target(&phase, sf, *s).unwrap();
    }
    (f, phase)
}

#[test]
fn example_2_subsequent_expansion_yields_the_current_phase_2_and_both_cells() {
    let ex = example("subsequent-expansion");
    let (f, phase) = example_2();
    let plan = f.plan();
    let target = m::heatmap(&plan, &f.assessment_id, HeatmapView::Target, Some(&phase)).unwrap();
    let both = m::heatmap(&plan, &f.assessment_id, HeatmapView::Both, Some(&phase)).unwrap();
    for sf in catalog().subfacets() {
        let (now_at, then) = (usize::from(ex.current[&sf.id]) - 1, usize::from(ex.phase2[&sf.id]) - 1);
        let mut want = [Cell::Empty; 5];
        want[then] = Cell::Target;
        assert_eq!(target.row(&sf.id).unwrap().cells, want, "{}: the Phase 2 cell", sf.id);
        let mut want = [Cell::Empty; 5];
        want[now_at] = Cell::Current;
        want[then] = if now_at == then { Cell::CurrentAndTarget } else { Cell::Target };
        assert_eq!(both.row(&sf.id).unwrap().cells, want, "{}: current and Phase 2 cells", sf.id);
    }
    let staying: Vec<&str> = catalog()
        .subfacets()
        .filter(|s| both.row(&s.id).unwrap().cells.contains(&Cell::CurrentAndTarget))
        .map(|s| s.id.as_str())
        .collect();
    let mut named: Vec<&str> = ex.unchanged.iter().map(String::as_str).collect();
    named.sort_by_key(|id| catalog().subfacets().position(|s| s.id == *id));
    assert_eq!(staying, named, "the document: stackability, delivery mode and instructor engagement stay as they are");
    let text = m::heatmap_text(&both);
    assert!(text.contains("[both]") && text.contains("[Phase 2]") && text.contains("[current]"), "{text}");
}

#[test]
fn example_2_gaps_rank_the_climbs_to_enterprise_first_with_each_stage_on_the_way() {
    let (f, phase) = example_2();
    let gaps = m::gaps(&f.plan(), &f.assessment_id, Some(&phase)).unwrap();
    let top: Vec<(&str, u8)> = gaps.iter().take(2).map(|g| (g.subfacet_id.as_str(), g.gap)).collect();
    assert_eq!(top, [("analytics", 3), ("post-completion-engagement", 3)], "largest first, then model order");
    assert!(gaps.windows(2).all(|w| w[0].gap >= w[1].gap), "ranked largest first");
    assert!(gaps.iter().all(|g| !["delivery-mode", "instructor-engagement", "micro-credential-stackability"].contains(&g.subfacet_id.as_str())), "a target met is no gap");
    let analytics = &gaps[0];
    let steps: Vec<u8> = analytics.steps.iter().map(|s| s.stage).collect();
    assert_eq!(steps, [2, 3, 4], "climbs through Focused Launch and Expansion to Enterprise");
    let sf = catalog().subfacet("analytics").unwrap();
    assert_eq!(analytics.steps[0].descriptor, sf.descriptors[1], "the next stage's descriptor comes first");
}

#[test]
fn a_goal_drafted_from_a_gap_is_an_ordinary_goal_due_at_the_end_of_the_phase() {
    let (mut f, phase) = example_2();
    let goal = m::add_goal_from_gap(&mut f.store, &f.plan_id, &f.assessment_id, &phase, "analytics", now()).unwrap();
    let sf = catalog().subfacet("analytics").unwrap();
    assert!(goal.title.contains("Analytics") && goal.title.contains("Enterprise"), "{}", goal.title);
    assert!(goal.specific.contains(&sf.descriptors[1]), "Specific says what the next stage looks like: {}", goal.specific);
    assert!(goal.measurable.contains("stage 4"), "Measurable names the target stage: {}", goal.measurable);
    assert!(goal.relevant.contains("Baseline — March 2027") && goal.relevant.contains("Analytics"), "{}", goal.relevant);
    assert_eq!(goal.due, Some(day(2028, 6, 30)), "due when Phase 2 ends");
    assert!(goal.time_bound.contains("2028-06-30"), "{}", goal.time_bound);
    let plan = f.plan();
    assert_eq!(plan.goals, [goal.clone()], "saved as a goal of the plan");
    let missing: Vec<&str> = stepwise::smart::goal_findings(&goal, Some(day(2027, 3, 1)))
        .into_iter()
        .filter(|x| x.severity == stepwise::smart::Severity::Missing)
        .map(|x| x.field)
        .collect();
    assert_eq!(missing, ["achievable", "owner"], "the draft leaves only what the team must decide");
    let none = m::draft_goal(&plan, &f.assessment_id, &phase, "delivery-mode").expect_err("delivery mode stays put");
    assert!(none.to_string().contains("no gap"), "{none}");
}

#[test]
fn a_target_below_the_current_stage_or_an_earlier_phase_is_refused_with_the_stage_it_needs() {
    let mut f = Fixture::new();
    let ana = f.rater("Ana");
    f.score(&ana, "analytics", Score::Stage(3));
    f.reveal();
    let p2 = f.phase("Phase 2", day(2027, 7, 1), day(2028, 6, 30));
    let p3 = f.phase("Phase 3", day(2028, 7, 1), day(2029, 6, 30));
    let err = f.target(&p2, "analytics", 2).expect_err("2 is below the current 3");
    assert_eq!(err.problems()[0].path, "target.stage");
    assert!(err.to_string().contains("must be at least stage 3"), "{err}");
    f.target(&p2, "analytics", 3).expect("a target equal to the current stage is fine");
    f.target(&p2, "analytics", 4).expect("raising it replaces the target");
    let err = f.target(&p3, "analytics", 3).expect_err("Phase 3 cannot aim below Phase 2");
    assert!(err.to_string().contains("Phase 2's target of stage 4") && err.to_string().contains("at least stage 4"), "{err}");
    f.target(&p3, "analytics", 5).unwrap();
    let err = f.target(&p2, "analytics", 5).err();
    assert!(err.is_none(), "Phase 2 may rise to Phase 3's target: {err:?}");
    f.target(&p3, "analytics", 5).unwrap();
    assert_eq!(f.plan().targets.len(), 2, "one target per sub-facet and phase");
    let err = f.target(&p3, "analytics", 9).expect_err("there is no stage 9");
    assert!(err.to_string().contains("stages run from 1"), "{err}");
}

#[test]
fn two_assessments_compare_sub_facet_by_sub_facet() {
    let mut f = Fixture::new();
    let ana = f.rater("Ana");
    f.score(&ana, "analytics", Score::Stage(1));
    f.score(&ana, "integration", Score::Stage(2));
    f.reveal();
    let later = m::create_assessment(&mut f.store, &f.plan_id, "Review — March 2028", day(2028, 3, 1), now()).unwrap();
    let bo = m::add_rater(&mut f.store, &f.plan_id, &later.id, "Bo", "", now()).unwrap();
    for (sf, s) in [("analytics", 3), ("integration", 2), ("enrolment", 2)] {
        let e = ScoreEntry { rater_id: bo.id.clone(), subfacet_id: sf.into(), score: Score::Stage(s), confidence: None, note: String::new() };
        m::record_score(&mut f.store, &f.plan_id, &e, now()).unwrap();
    }
    assert!(m::compare(&f.plan(), &f.assessment_id, &later.id).is_err(), "an unrevealed assessment cannot be compared");
    m::reveal(&mut f.store, &f.plan_id, &later.id, now()).unwrap();
    let c = m::compare(&f.plan(), &f.assessment_id, &later.id).unwrap();
    let moved: Vec<(&str, Option<i8>)> = c.moved().map(|x| (x.subfacet_id.as_str(), x.change)).collect();
    assert_eq!(moved, [("analytics", Some(2)), ("enrolment", None)], "analytics rose two stages; enrolment was newly scored");
    assert!(m::comparison_text(&c).contains("2 of 20 sub-facets moved"));
}

#[test]
fn bulk_scores_land_together_or_not_at_all_and_rescoring_replaces() {
    let mut f = Fixture::new();
    let ana = f.rater("Ana");
    let entry = |sf: &str, score: Score| ScoreEntry { rater_id: ana.clone(), subfacet_id: sf.into(), score, confidence: Some(Confidence::Observed), note: String::new() };
    let bad = [entry("analytics", Score::Stage(2)), entry("integration", Score::Stage(7)), entry("enrolment", Score::NotApplicable(" ".into()))];
    let err = m::record_scores(&mut f.store, &f.plan_id, &bad, now()).expect_err("two entries are invalid");
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["scores[1].score", "scores[2].score"], "every bad entry is named: {err}");
    assert!(f.plan().ratings.is_empty(), "nothing is written when one entry is refused");
    m::record_scores(&mut f.store, &f.plan_id, &bad[..1], now()).unwrap();
    m::record_scores(&mut f.store, &f.plan_id, &[entry("analytics", Score::Stage(4))], now()).unwrap();
    let ratings = f.plan().ratings;
    assert_eq!(ratings.len(), 1, "re-scoring a sub-facet replaces the rating");
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
    assert_eq!(entries[0].note, "dashboards, some", "a quoted note keeps its comma");
    assert_eq!(entries[1].score, Score::NotApplicable("No LMS yet".into()));
    let bad = "Ana Ruiz,Analytics,6,,,\nZed,analytics,2,,,\nBen,Nonsense,2,,,\nBen,enrolment,na,,,\nBen,enrolment,2,,sure,\nAna Ruiz,analytics,3,,,\n";
    let err = m::parse_scores_csv(&plan, &f.assessment_id, bad).expect_err("every line but none is right");
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["line 1", "line 2", "line 3", "line 4", "line 5"], "{err}");
    assert!(err.to_string().contains("\"6\" is not a stage"), "{err}");
}

#[test]
fn the_success_factor_checklist_keeps_one_check_per_factor() {
    let mut f = Fixture::new();
    assert!(m::checklist(&f.plan()).iter().all(|r| r.status == FactorStatus::NotStarted), "untouched factors read as not started");
    m::set_factor(&mut f.store, &f.plan_id, "outcomes-focus", FactorStatus::InProgress, "Drafting", now()).unwrap();
    m::set_factor(&mut f.store, &f.plan_id, "Outcomes focus", FactorStatus::InPlace, "Signed off", now()).unwrap();
    let plan = f.plan();
    assert_eq!(plan.success_factors.len(), 1, "setting a factor again updates its check");
    let rows = m::checklist(&plan);
    assert_eq!(rows.len(), 10, "the model's ten factors");
    let row = rows.iter().find(|r| r.factor_id == "outcomes-focus").unwrap();
    assert_eq!((row.status, row.note.as_str()), (FactorStatus::InPlace, "Signed off"));
    assert!(m::set_factor(&mut f.store, &f.plan_id, "luck", FactorStatus::InPlace, "", now()).is_err());
}

fn stepwise(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_stepwise"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STEPWISE_DB")
        .output()
        .expect("the CLI runs")
}

/// Runs `stepwise assess …` and returns what it printed, failing the test if it failed.
fn assess(db: &std::path::Path, args: &[&str]) -> String {
    let out = stepwise(db, &[&["assess"], args].concat());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "`stepwise assess {}` failed: {stderr}", args.join(" "));
    String::from_utf8(out.stdout).unwrap()
}

fn last(s: &str) -> String {
    s.lines().last().unwrap_or_default().to_string()
}

#[test]
fn the_cli_runs_an_assessment_from_scoring_to_a_goal() {
    let db = TempDb::new();
    let out = stepwise(&db.path, &["create", "CLI plan"]);
    let plan = last(&String::from_utf8(out.stdout).unwrap());
    let a = last(&assess(&db.path, &["create", &plan, "Baseline", "--date", "2027-03-01"]));
    assert_eq!(a.len(), 36, "the last line is the assessment's id: {a}");
    let ana = last(&assess(&db.path, &["rater", &plan, &a, "Ana", "--role", "Registrar"]));
    assess(&db.path, &["rater", &plan, "Baseline", "Ben"]);
    assess(&db.path, &["score", &plan, &a, &ana, "analytics", "2", "--confidence", "evidence-seen"]);
    let csv = db.dir.path().join("scores.csv");
    std::fs::write(&csv, "rater,subfacet,stage,reason,confidence,note\nBen,analytics,4,,opinion,\nBen,Integration,na,No LMS,,\n").unwrap();
    assert!(assess(&db.path, &["score-csv", &plan, &a, csv.to_str().unwrap()]).contains("2 scores recorded"));

    let blind = assess(&db.path, &["show", &plan, &a, "--as", "Ana"]);
    assert!(blind.contains("Focused Launch") && !blind.contains("Enterprise"), "Ana sees her 2, not Ben's 4: {blind}");
    assert!(blind.contains("withheld until the reveal"), "{blind}");
    assess(&db.path, &["reveal", &plan, &a]);
    let shown = assess(&db.path, &["show", &plan, &a]);
    assert!(shown.contains("disagreement") && shown.contains("3 Expansion (proposed)"), "{shown}");
    assess(&db.path, &["agree", &plan, &a, "analytics", "2", "--rationale", "Only one report runs"]);

    let p2 = last(&assess(&db.path, &["phase", &plan, "Phase 2", "--starts", "2027-07-01", "--ends", "2028-06-30"]));
    assess(&db.path, &["target", &plan, &a, &p2, "analytics", "4"]);
    let refused = stepwise(&db.path, &["assess", "target", &plan, &a, &p2, "analytics", "1"]);
    assert!(!refused.status.success() && refused.stdout.is_empty(), "a target below the current stage fails");
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(why.contains("must be at least stage 2"), "the error says which stage: {why}");

    let heatmap = assess(&db.path, &["heatmap", &plan, &a, "--view", "both", "--phase", "Phase 2"]);
    let row = heatmap.lines().find(|l| l.trim_start().starts_with("Analytics")).expect("an Analytics row");
    assert!(row.find("[current]") < row.find("[Phase 2]"), "current left of the target: {row}");
    assert!(heatmap.contains("n/a — No LMS"), "{heatmap}");
    let gaps = assess(&db.path, &["gaps", &plan, &a]);
    assert!(gaps.starts_with(" 1. Analytics") && gaps.contains("(+2) in Phase 2, by 2028-06-30"), "{gaps}");
    let goal = assess(&db.path, &["goal", &plan, &a, "Phase 2", "analytics"]);
    assert_eq!(last(&goal).len(), 36, "the goal's id is the last line: {goal}");
    assess(&db.path, &["factor", &plan, "phased-deployments", "in-progress", "--note", "Pilot first"]);
    assert!(assess(&db.path, &["factors", &plan]).contains("[In progress] Phased deployments"));

    let forms = db.dir.path().join("forms");
    let written = assess(&db.path, &["export-forms", &plan, &a, "--out", forms.to_str().unwrap()]);
    assert_eq!(written.lines().count(), 2, "one form per rater: {written}");
    let refused = stepwise(&db.path, &["assess", "import-forms", &plan, &a, written.lines().next().unwrap()]);
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success() && why.contains("Scores!H"), "an unfilled form lists its empty cells: {why}");
}
