//! `stepwise assess …` run as a script would run it.

use crate::{stepwise, TempDb};

/// Runs `stepwise assess …` and returns what it printed, failing the test if it failed.
fn assess(db: &std::path::Path, args: &[&str]) -> String {
    let out = stepwise(db, &[&["assess"], args].concat());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "`stepwise assess {}` failed: {stderr}",
        args.join(" ")
    );
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
    let a = last(&assess(
        &db.path,
        &["create", &plan, "Baseline", "--date", "2027-03-01"],
    ));
    assert_eq!(a.len(), 36, "the last line is the assessment's id: {a}");
    let ana = last(&assess(
        &db.path,
        &["rater", &plan, &a, "Ana", "--role", "Registrar"],
    ));
    assess(&db.path, &["rater", &plan, "Baseline", "Ben"]);
    assess(
        &db.path,
        &[
            "score",
            &plan,
            &a,
            &ana,
            "analytics",
            "2",
            "--confidence",
            "evidence-seen",
        ],
    );
    let csv = db.dir.path().join("scores.csv");
    std::fs::write(&csv, "rater,subfacet,stage,reason,confidence,note\nBen,analytics,4,,opinion,\nBen,Integration,na,No LMS,,\n").unwrap();
    assert!(
        assess(&db.path, &["score-csv", &plan, &a, csv.to_str().unwrap()])
            .contains("2 scores recorded")
    );

    let blind = assess(&db.path, &["show", &plan, &a, "--as", "Ana"]);
    assert!(
        blind.contains("Focused Launch") && !blind.contains("Enterprise"),
        "Ana sees her 2, not Ben's 4: {blind}"
    );
    assert!(blind.contains("withheld until the reveal"), "{blind}");
    assess(&db.path, &["reveal", &plan, &a]);
    let shown = assess(&db.path, &["show", &plan, &a]);
    assert!(
        shown.contains("disagreement") && shown.contains("3 Expansion (proposed)"),
        "{shown}"
    );
    assess(
        &db.path,
        &[
            "agree",
            &plan,
            &a,
            "analytics",
            "2",
            "--rationale",
            "Only one report runs",
        ],
    );

    let p2 = last(&assess(
        &db.path,
        &[
            "phase",
            &plan,
            "Phase 2",
            "--starts",
            "2027-07-01",
            "--ends",
            "2028-06-30",
        ],
    ));
    assess(&db.path, &["target", &plan, &a, &p2, "analytics", "4"]);
    let refused = stepwise(
        &db.path,
        &["assess", "target", &plan, &a, &p2, "analytics", "1"],
    );
    assert!(
        !refused.status.success() && refused.stdout.is_empty(),
        "a target below the current stage fails"
    );
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(
        why.contains("must be at least stage 2"),
        "the error says which stage: {why}"
    );

    let heatmap = assess(
        &db.path,
        &["heatmap", &plan, &a, "--view", "both", "--phase", "Phase 2"],
    );
    let row = heatmap
        .lines()
        .find(|l| l.trim_start().starts_with("Analytics"))
        .expect("an Analytics row");
    let (current, target) = (
        row.find("[current]").expect(row),
        row.find("[target]").expect(row),
    );
    assert!(current < target, "current left of the target: {row}");
    assert!(heatmap.contains("n/a — No LMS"), "{heatmap}");
    let gaps = assess(&db.path, &["gaps", &plan, &a]);
    assert!(
        gaps.starts_with(" 1. Analytics") && gaps.contains("(+2) in Phase 2, by 2028-06-30"),
        "{gaps}"
    );
    let goal = assess(&db.path, &["goal", &plan, &a, "Phase 2", "analytics"]);
    assert_eq!(
        last(&goal).len(),
        36,
        "the goal's id is the last line: {goal}"
    );
    assess(
        &db.path,
        &[
            "factor",
            &plan,
            "phased-deployments",
            "in-progress",
            "--note",
            "Pilot first",
        ],
    );
    assert!(assess(&db.path, &["factors", &plan]).contains("[In progress] Phased deployments"));

    let forms = db.dir.path().join("forms");
    let written = assess(
        &db.path,
        &["export-forms", &plan, &a, "--out", forms.to_str().unwrap()],
    );
    assert_eq!(written.lines().count(), 2, "one form per rater: {written}");
    let refused = stepwise(
        &db.path,
        &[
            "assess",
            "import-forms",
            &plan,
            &a,
            written.lines().next().unwrap(),
        ],
    );
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success() && why.contains("Scores!H"),
        "an unfilled form lists its empty cells: {why}"
    );
}
