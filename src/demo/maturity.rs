//! Step 7: the critical-success-factor checklist, and two maturity assessments — a readiness
//! scan a year ago (agreed stages only) and this term's baseline, scored by three raters who
//! mostly agree, disagree sharply on a few sub-facets, and settle every one with a reason.

use super::{month_year, Demo};
use crate::model::{
    new_id, Agreement, Assessment, Confidence, FactorStatus, Rater, Rating, Score,
    SuccessFactorCheck, Target,
};

pub(super) fn success_factors(d: &mut Demo) {
    use FactorStatus::{InPlace, InProgress, NotStarted};
    for (factor_id, status, note) in [
        (
            "industry-and-student-engagement",
            InProgress,
            "The Students’ Union sits on the committee; employers are engaged but endorsements \
             are well behind target.",
        ),
        (
            "outcomes-focus",
            InPlace,
            "Every goal is tied to retention, employer adoption or adult learners, with a \
             measure and a target.",
        ),
        (
            "validation-through-evidence",
            InProgress,
            "Rubrics and evidence on two of the four analytics badges; Compass badges mark \
             completion by design.",
        ),
        (
            "analytics",
            NotStarted,
            "Badge data is not yet joined to student records; the one dashboard so far was \
             built by hand.",
        ),
        (
            "executive-support",
            InPlace,
            "The Provost sponsors the program and has funded the pilot year.",
        ),
        (
            "effective-governance",
            InPlace,
            "Committee constituted, workflow and RACI agreed; proposals still take too long.",
        ),
        (
            "collaboration",
            InProgress,
            "The cross-functional committee works well; IT Services joined late and is not yet \
             on it.",
        ),
        (
            "tight-systems-integration",
            NotStarted,
            "Badges are uploaded by hand; the gradebook connector is scheduled for Phase 2.",
        ),
        (
            "phased-deployments",
            InPlace,
            "Three dated phases, each with maturity targets and a lessons-learned review.",
        ),
        (
            "learning-feedback-loop",
            InProgress,
            "The Compass exit survey is drafted; the first lessons-learned review closes the \
             pilot.",
        ),
    ] {
        d.plan.success_factors.push(SuccessFactorCheck {
            id: new_id(),
            factor_id: factor_id.into(),
            status,
            note: note.into(),
        });
    }
}

/// Marks a rater's "not applicable" in the score table; the reason is in `NOT_APPLICABLE`.
const NA: u8 = 0;

/// One sub-facet of the baseline: the three raters' scores (Okafor, Tsosie, Gauthier), the
/// stage the committee agreed, the targets for Phase 2 and Phase 3, and why.
struct Row {
    subfacet: &'static str,
    scores: [u8; 3],
    agreed: u8,
    phase2: u8,
    phase3: u8,
    rationale: &'static str,
    evidence: &'static str,
}

const fn row(
    subfacet: &'static str,
    scores: [u8; 3],
    agreed: u8,
    targets: (u8, u8),
    rationale: &'static str,
    evidence: &'static str,
) -> Row {
    Row {
        subfacet,
        scores,
        agreed,
        phase2: targets.0,
        phase3: targets.1,
        rationale,
        evidence,
    }
}

const BASELINE: &[Row] = &[
    row(
        "purpose-business-model",
        [3, 2, 2],
        2,
        (3, 3),
        "In practice the pilot serves one aim, pathways; Continuing Education revenue is a hope, \
         not yet a plan. Two aims is as far as we mean to go.",
        "",
    ),
    // A considered stage above the median: the evening section already serves adults.
    row(
        "target-audience",
        [3, 2, 2],
        3,
        (3, 3),
        "Two audiences already: degree students and working adults in the evening section. \
         The median said Focused Launch; the roster says otherwise. We do not plan to add more.",
        "Continuing Education roster for the evening Data Literacy section",
    ),
    row(
        "cohort-size",
        [2, 2, 1],
        2,
        (3, 4),
        "A deliberately targeted cohort: one intake of first-years and one school’s courses.",
        "",
    ),
    row(
        "delivery-mode",
        [3, 3, 2],
        3,
        (3, 3),
        "Compass mixes online modules with in-person workshops, and the analytics courses are \
         taught on campus with online labs. Blended is where we want to stay.",
        "",
    ),
    row(
        "instructor-engagement",
        [2, NA, 2],
        2,
        (2, 4),
        "Scored for the analytics courses, where instructors teach and assess; Compass is run by \
         staff facilitators, which the committee counts as the same varied involvement.",
        "",
    ),
    row(
        "integration",
        [2, 1, 2],
        2,
        (3, 4),
        "A badge issuer next to the LMS, with uploads by hand.",
        "",
    ),
    // Spread of two: the owner counted a dashboard the others saw as a one-off.
    row(
        "analytics",
        [3, 1, 1],
        2,
        (3, 4),
        "The Institutional Research dashboard is real but was built once, by hand. More than \
         nothing, less than basic reporting: the committee settled on limited reporting, above \
         the median, after seeing it.",
        "Institutional Research dashboard prototype (manual refresh)",
    ),
    // Spread of two: the process is written but the pilot badges never went through it.
    row(
        "approval-process",
        [3, 1, 2],
        2,
        (3, 5),
        "The structured process is written and the committee has met, but the pilot badges were \
         chosen by finding volunteers. It becomes Expansion when every new badge goes through \
         it; by Phase 3 we want employers and students shaping what is approved.",
        "Committee terms of reference; minutes of the first three reviews",
    ),
    row(
        "micro-credential-stackability",
        [3, 2, 3],
        3,
        (3, 4),
        "The four analytics badges stack into the certificate; Compass badges stack into the \
         capstone.",
        "Certificate regulations approved by Senate",
    ),
    row(
        "instructional-content",
        [1, 1, 2],
        1,
        (3, 3),
        "Both programs reuse existing course and workshop material as it is.",
        "",
    ),
    row(
        "systematic-quality-assurance",
        [2, 1, 1],
        1,
        (3, 4),
        "No review of badge curriculum yet; the April evaluation will be the first.",
        "",
    ),
    // Spread of two: attendance badges on one side, rubrics on the other.
    row(
        "assessment",
        [2, 1, 3],
        2,
        (3, 4),
        "Compass badges mark completion; the analytics badges are assessed, but only two of the \
         four courses have agreed rubrics. Varied on paper, Focused Launch in honesty.",
        "Rubrics for Data Literacy and SQL for Analysis",
    ),
    row(
        "learner-evidence",
        [2, 1, 2],
        2,
        (3, 3),
        "Scores attached to the two rubric-assessed badges; nothing qualitative yet.",
        "",
    ),
    row(
        "discovery-by-learner",
        [2, 2, 3],
        2,
        (3, 3),
        "Students hear of Compass from advisors and mentors; the analytics courses are in the \
         calendar but not promoted.",
        "",
    ),
    row(
        "enrolment",
        [2, 2, 2],
        2,
        (3, 4),
        "Compass is self-enrolment in the LMS; Continuing Education still takes paper forms.",
        "",
    ),
    row(
        "learner-support",
        [2, 1, 1],
        1,
        (3, 4),
        "Nothing designed for badge learners yet beyond the FAQ.",
        "",
    ),
    row(
        "learner-achievement-approval",
        [1, 1, 1],
        1,
        (3, 4),
        "Every award is checked and uploaded by hand.",
        "Badge administrators’ upload log",
    ),
    row(
        "feedback-mechanism",
        [3, 2, 2],
        2,
        (3, 4),
        "Informal feedback from mentors and instructors; the Compass exit survey is drafted but \
         has not run.",
        "",
    ),
    // Spread of two: the platform can share to LinkedIn, but nobody has told students.
    row(
        "micro-credential-attainment-promotion",
        [3, 1, 2],
        2,
        (2, 4),
        "The platform shares to LinkedIn, but we have not shown students how, and few have. \
         Stays here until the student videos are out.",
        "Platform report: 14 shares from 260 awards",
    ),
    row(
        "post-completion-engagement",
        [1, 1, 1],
        1,
        (2, 3),
        "No follow-up yet after a badge is earned.",
        "",
    ),
];

/// The raters' reasons for "not applicable", by (rater, sub-facet).
const NOT_APPLICABLE: &[(usize, &str, &str)] = &[(
    1,
    "instructor-engagement",
    "Compass has no instructors, only staff facilitators; I cannot score this for the program \
     as a whole.",
)];

/// The raters' notes where they gave one, by (rater, sub-facet).
const NOTES: &[(usize, &str, &str)] = &[
    (
        0,
        "analytics",
        "IR built a dashboard of Compass enrolment by residence.",
    ),
    (
        1,
        "analytics",
        "That dashboard was one spreadsheet, refreshed once.",
    ),
    (
        0,
        "approval-process",
        "The workflow and the committee are both in place.",
    ),
    (
        1,
        "approval-process",
        "None of the pilot badges went through the committee.",
    ),
    (1, "assessment", "Compass badges are issued for attending."),
    (
        2,
        "assessment",
        "Analytics badges need a passing rubric score on a real project.",
    ),
    (
        0,
        "micro-credential-attainment-promotion",
        "Sharing to LinkedIn is built into the platform.",
    ),
    (
        1,
        "micro-credential-attainment-promotion",
        "Hardly anyone has shared one.",
    ),
];

const RATERS: [(&str, &str, Confidence); 3] = [
    (
        "Dr. Nadia Okafor",
        "Associate Vice-President, Teaching & Learning (program owner)",
        Confidence::Observed,
    ),
    (
        "Helen Tsosie",
        "Office of the Registrar",
        Confidence::EvidenceSeen,
    ),
    (
        "Prof. Marc-André Gauthier",
        "Academic Senate; Faculty of Science",
        Confidence::Opinion,
    ),
];

/// The readiness scan before the pilot: (sub-facet, agreed stage, rationale).
const READINESS: &[(&str, u8, &str)] = &[
    (
        "purpose-business-model",
        1,
        "Still asking what badges could do for us.",
    ),
    (
        "target-audience",
        1,
        "Only the idea of first-year students.",
    ),
    (
        "cohort-size",
        1,
        "A handful of volunteers from orientation.",
    ),
    (
        "delivery-mode",
        2,
        "Workshops in person, modules online, never together.",
    ),
    ("instructor-engagement", 1, "No instructors involved yet."),
    (
        "integration",
        1,
        "A free badge issuer account, unconnected.",
    ),
    ("analytics", 1, "No reporting."),
    ("approval-process", 1, "Whoever volunteered."),
    ("micro-credential-stackability", 1, "Single badges only."),
    (
        "instructional-content",
        1,
        "Orientation material as it was.",
    ),
    ("systematic-quality-assurance", 1, "None."),
    ("assessment", 1, "Attendance only."),
    ("learner-evidence", 1, "None."),
    ("discovery-by-learner", 1, "Students invited one by one."),
    ("enrolment", 1, "Sign-up sheets."),
    ("learner-support", 1, "None beyond orientation staff."),
    ("learner-achievement-approval", 1, "By hand."),
    (
        "feedback-mechanism",
        2,
        "Orientation staff asked students informally.",
    ),
    ("micro-credential-attainment-promotion", 1, "Not promoted."),
    ("post-completion-engagement", 1, "None."),
];

pub(super) fn assessments(d: &mut Demo) {
    readiness_scan(d);
    baseline(d);
}

fn readiness_scan(d: &mut Demo) {
    let assessed_on = d.months(-12);
    let assessment_id = new_id();
    d.plan.assessments.push(Assessment {
        id: assessment_id.clone(),
        name: format!("Readiness scan — {}", month_year(assessed_on)),
        assessed_on,
        revealed: true,
    });
    for &(subfacet, stage, rationale) in READINESS {
        d.plan.agreements.push(Agreement {
            id: new_id(),
            assessment_id: assessment_id.clone(),
            subfacet_id: subfacet.into(),
            score: Score::Stage(stage),
            rationale: rationale.into(),
            evidence: String::new(),
        });
    }
}

fn baseline(d: &mut Demo) {
    let assessed_on = d.days(-24);
    let assessment_id = new_id();
    d.plan.assessments.push(Assessment {
        id: assessment_id.clone(),
        name: format!("Baseline — {}", month_year(assessed_on)),
        assessed_on,
        revealed: true,
    });

    let rater_ids: Vec<_> = RATERS
        .iter()
        .map(|&(name, role, _)| {
            let id = new_id();
            d.plan.raters.push(Rater {
                id: id.clone(),
                assessment_id: assessment_id.clone(),
                name: name.into(),
                role: role.into(),
            });
            id
        })
        .collect();

    let (phase2, phase3) = (d.id("phase:launch"), d.id("phase:scale"));
    for r in BASELINE {
        for (rater, &stage) in r.scores.iter().enumerate() {
            let note = NOTES
                .iter()
                .find(|n| n.0 == rater && n.1 == r.subfacet)
                .map_or("", |n| n.2);
            d.plan.ratings.push(Rating {
                id: new_id(),
                rater_id: rater_ids[rater].clone(),
                subfacet_id: r.subfacet.into(),
                score: rater_score(rater, r.subfacet, stage),
                confidence: Some(RATERS[rater].2),
                note: note.into(),
            });
        }
        d.plan.agreements.push(Agreement {
            id: new_id(),
            assessment_id: assessment_id.clone(),
            subfacet_id: r.subfacet.into(),
            score: Score::Stage(r.agreed),
            rationale: r.rationale.into(),
            evidence: r.evidence.into(),
        });
        for (phase_id, stage) in [(&phase2, r.phase2), (&phase3, r.phase3)] {
            d.plan.targets.push(Target {
                id: new_id(),
                assessment_id: assessment_id.clone(),
                phase_id: phase_id.clone(),
                subfacet_id: r.subfacet.into(),
                stage,
            });
        }
    }
}

fn rater_score(rater: usize, subfacet: &str, stage: u8) -> Score {
    if stage != NA {
        return Score::Stage(stage);
    }
    match NOT_APPLICABLE
        .iter()
        .find(|n| n.0 == rater && n.1 == subfacet)
    {
        Some(n) => Score::NotApplicable(n.2.into()),
        None => panic!("rater {rater} scores {subfacet:?} not applicable without a reason"),
    }
}
