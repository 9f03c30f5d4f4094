//! Steps 3 to 5: the SMART goals, the measures that prove them (with check-ins chosen so the
//! statuses cover on track, at risk, off track, achieved and not measured), and the business
//! requirements whose metrics those measures answer.

use super::{long_date, Demo};
use crate::model::{
    new_id, CheckIn, Frequency, FutureMeasure, Goal, Measure, RequirementChoice, RequirementMetric,
};

struct GoalText {
    handle: &'static str,
    title: &'static str,
    specific: &'static str,
    measurable: &'static str,
    achievable: &'static str,
    relevant: &'static str,
    owner: &'static str,
    due_in_months: i32,
    statements: &'static [&'static str],
    priorities: &'static [&'static str],
}

const GOALS: &[GoalText] = &[
    GoalText {
        handle: "goal:compass",
        title: "Launch the First-Year Compass pathway",
        specific: "Open the five Compass badges — Campus Navigator, Study Strategies, Wellbeing \
                   Toolkit, Community Engagement and the Compass Capstone — to every incoming \
                   first-year student through the LMS, run by Student Success with the Centre for \
                   Teaching & Learning.",
        measurable:
            "1,200 first-year students (about half of the intake) enrolled in the pathway, \
                     and 400 of them earning the Compass Capstone badge.",
        achievable: "The five modules already run as orientation workshops and are reused as they \
                     are; two badge administrators are in post and the platform licence is paid \
                     for the pilot year.",
        relevant: "The first six weeks are when our students most often drift away; Compass makes \
                   the support that keeps them here visible and worth finishing.",
        owner: "Marie-Claude Fortin, Director of Student Success",
        due_in_months: 4,
        statements: &["statement:record"],
        priorities: &["priority:success"],
    },
    GoalText {
        handle: "goal:retention",
        title: "Lift first-year retention among Compass students",
        specific: "Raise the fall-to-fall retention of first-year students who complete at least \
                   three Compass badges from the 81% institutional baseline to 86%.",
        measurable: "Fall-to-fall retention of Compass completers at 86% (81% for the whole \
                     first-year cohort today), and 93% of them registered for the winter term.",
        achievable: "Comparable first-year programs report gains of three to six points; the \
                     Registrar can flag Compass completers in the census extract from next fall.",
        relevant: "The strategic plan promises a five-point retention gain by 2030; this is the \
                   first step we can measure.",
        owner: "Dr. Nadia Okafor, Associate Vice-President, Teaching & Learning",
        due_in_months: 16,
        statements: &["statement:record"],
        priorities: &["priority:success"],
    },
    GoalText {
        handle: "goal:analytics",
        title: "Offer the data analytics certificate as stackable badges",
        specific: "Issue the four course badges of the Applied Data Analytics certificate and the \
                   certificate badge they stack into, open to degree students and to working \
                   adults through Continuing Education evening sections.",
        measurable: "150 learners holding at least one course badge, 40 of them enrolled through \
                     Continuing Education, and 25 certificate badges awarded.",
        achievable: "All four courses run today; the School of Business and Computing has agreed \
                     rubrics for two of them and Continuing Education has budgeted for evening \
                     sections.",
        relevant:
            "The valley’s employers are short of analysts, and working adults have asked for \
                   short, recognised steps they can take one at a time.",
        owner: "Prof. Samuel Adeyemi, Chair, School of Business and Computing",
        due_in_months: 12,
        statements: &["statement:valley"],
        priorities: &["priority:lifelong", "priority:success"],
    },
    GoalText {
        handle: "goal:employers",
        title: "Have regional employers endorse the analytics skills",
        specific: "Recruit 12 employers from the Saint-Aurèle valley to review the skills and \
                   rubrics behind the four data analytics badges and endorse them by name on each \
                   badge page.",
        measurable: "12 employers with a signed endorsement (2 when the pilot began), and \
                     every analytics badge naming at least 3 of them.",
        achievable: "Career & Co-op Services already works with 30 co-op employers and runs two \
                     employer roundtables a term.",
        relevant: "A badge an employer helped define is one the next employer will trust; it is \
                   the heart of our partnership priority.",
        owner: "Jonah Whitfield, Director, Career & Co-op Services",
        due_in_months: 4,
        statements: &["statement:valley"],
        priorities: &["priority:valley"],
    },
    GoalText {
        handle: "goal:issuers",
        title: "Prepare faculty and staff to issue badges",
        specific: "Certify 40 faculty and staff as badge issuers through a three-session Teaching \
                   Practice Series module on rubric design, evidence and the issuing platform.",
        measurable: "40 certified issuers, with 85% of them rating the module useful or very \
                     useful.",
        achievable: "The Centre for Teaching & Learning runs the Series every term; the module \
                     adds three sessions taught by staff already trained on the platform.",
        relevant: "Badges are only as credible as the assessment behind them, and that assessment \
                   is designed by the people we train.",
        owner: "Dr. Amara Osei, Director, Centre for Teaching & Learning",
        due_in_months: 3,
        statements: &["statement:record"],
        priorities: &["priority:teaching"],
    },
    // Drafted from the maturity gap on integration and not yet tied to the strategy, so the
    // SMART checker has advice to give.
    GoalText {
        handle: "goal:automation",
        title: "Award badges automatically from the LMS gradebook",
        specific: "Connect the LMS gradebook to the badge platform so that a passing rubric score \
                   awards the badge without a manual upload, starting with the four analytics \
                   courses.",
        measurable: "80% of badges issued automatically, and the time from passing to award down \
                     from 7 days to 2.",
        achievable: "Both systems offer a supported connector, and IT Services has scheduled the \
                     work for the summer.",
        relevant: "Manual uploads take our two administrators about a day a week and keep \
                   learners waiting a week for their badge. Came out of the maturity review; to \
                   be tied to a priority at the next workshop.",
        owner: "Kwame Mensah, Manager, Academic Systems (IT Services)",
        due_in_months: 14,
        statements: &[],
        priorities: &[],
    },
];

pub(super) fn goals(d: &mut Demo) {
    for g in GOALS {
        let due = d.months(g.due_in_months);
        let goal = Goal {
            id: d.new_id(g.handle),
            title: g.title.into(),
            specific: g.specific.into(),
            measurable: g.measurable.into(),
            achievable: g.achievable.into(),
            relevant: g.relevant.into(),
            time_bound: format!("Met by {}.", long_date(due)),
            owner: g.owner.into(),
            due: Some(due),
            statement_ids: d.ids(g.statements),
            priority_ids: d.ids(g.priorities),
        };
        d.plan.goals.push(goal);
    }
}

/// A measure with its baseline and target, each dated in months from today, and its
/// check-ins as (days from today, value, note).
struct MeasureSpec {
    handle: &'static str,
    goal: &'static str,
    indicator: &'static str,
    unit: &'static str,
    baseline: (f64, i32),
    target: (f64, i32),
    data_source: &'static str,
    owner: &'static str,
    frequency: Frequency,
    check_ins: &'static [(i64, f64, &'static str)],
}

// The check-ins are placed so that each measure's status (judged against the straight line
// from baseline to target) is the same whatever day the demo is built on; the tests hold
// them to it.
const MEASURES: &[MeasureSpec] = &[
    // On track.
    MeasureSpec {
        handle: "measure:compass-enrolled",
        goal: "goal:compass",
        indicator: "First-year students enrolled in the Compass pathway",
        unit: "students",
        baseline: (0.0, -4),
        target: (1200.0, 4),
        data_source: "LMS course roster for the Compass shell",
        owner: "Marie-Claude Fortin",
        frequency: Frequency::Monthly,
        check_ins: &[
            (-61, 310.0, "Early sign-ups at orientation."),
            (
                -14,
                640.0,
                "Residence advisors promoted it at floor meetings; enrolment doubled in six \
                 weeks.",
            ),
        ],
    },
    // At risk: the capstone comes last, so it lags the straight line by nature; the note
    // says so.
    MeasureSpec {
        handle: "measure:compass-capstone",
        goal: "goal:compass",
        indicator: "Students earning the Compass Capstone badge",
        unit: "students",
        baseline: (0.0, -4),
        target: (400.0, 4),
        data_source: "Badge platform award report",
        owner: "Théo Lambert",
        frequency: Frequency::Monthly,
        check_ins: &[(
            -14,
            95.0,
            "Most students take the capstone in the last month of term; watch the \
             end-of-term figure before acting.",
        )],
    },
    // Not measured: the first reading comes with next fall's census.
    MeasureSpec {
        handle: "measure:retention",
        goal: "goal:retention",
        indicator: "Fall-to-fall retention of students completing three or more Compass badges",
        unit: "%",
        baseline: (81.0, -7),
        target: (86.0, 16),
        data_source: "Registrar’s census extract joined to the badge award report",
        owner: "Helen Tsosie",
        frequency: Frequency::Yearly,
        check_ins: &[],
    },
    // On track.
    MeasureSpec {
        handle: "measure:winter-registration",
        goal: "goal:retention",
        indicator: "Compass completers registered for the winter term",
        unit: "%",
        baseline: (88.0, -7),
        target: (93.0, 5),
        data_source: "Student information system registration report",
        owner: "Helen Tsosie",
        frequency: Frequency::EachTerm,
        check_ins: &[(
            -45,
            91.0,
            "Early registration; final figure after the add/drop deadline.",
        )],
    },
    // At risk.
    MeasureSpec {
        handle: "measure:analytics-learners",
        goal: "goal:analytics",
        indicator: "Learners holding at least one data analytics course badge",
        unit: "learners",
        baseline: (0.0, -7),
        target: (150.0, 12),
        data_source: "Badge platform award report",
        owner: "Prof. Samuel Adeyemi",
        frequency: Frequency::EachTerm,
        check_ins: &[
            (-120, 9.0, "First section of Data Literacy."),
            (
                -20,
                21.0,
                "Degree students struggle to fit the courses into their timetables; a spring \
                 intensive is being considered.",
            ),
        ],
    },
    // On track.
    MeasureSpec {
        handle: "measure:analytics-adults",
        goal: "goal:analytics",
        indicator: "Continuing Education learners enrolled in the analytics courses",
        unit: "learners",
        baseline: (0.0, -7),
        target: (40.0, 12),
        data_source: "Continuing Education registration system",
        owner: "Catherine Boudreau",
        frequency: Frequency::EachTerm,
        check_ins: &[(
            -20,
            11.0,
            "The evening section filled within a week of the library talk.",
        )],
    },
    // Off track.
    MeasureSpec {
        handle: "measure:employers",
        goal: "goal:employers",
        indicator: "Employers with a signed endorsement of the analytics badges",
        unit: "employers",
        baseline: (2.0, -8),
        target: (12.0, 4),
        data_source: "Career & Co-op Services partner agreements",
        owner: "Jonah Whitfield",
        frequency: Frequency::Monthly,
        check_ins: &[
            (
                -150,
                3.0,
                "The credit union signed after the first roundtable.",
            ),
            (
                -30,
                4.0,
                "Two roundtables were postponed and our Chamber of Commerce contact has left; a \
                 recovery plan goes to the committee next month.",
            ),
        ],
    },
    // Achieved ahead of time.
    MeasureSpec {
        handle: "measure:issuers",
        goal: "goal:issuers",
        indicator: "Faculty and staff certified as badge issuers",
        unit: "people",
        baseline: (0.0, -6),
        target: (40.0, 3),
        data_source: "Centre for Teaching & Learning workshop records",
        owner: "Dr. Amara Osei",
        frequency: Frequency::EachTerm,
        check_ins: &[
            (-92, 18.0, "First cohort of the module."),
            (
                -21,
                43.0,
                "Second cohort oversubscribed — target passed three months early.",
            ),
        ],
    },
    // On track.
    MeasureSpec {
        handle: "measure:issuer-satisfaction",
        goal: "goal:issuers",
        indicator: "Certified issuers rating the module useful or very useful",
        unit: "%",
        baseline: (72.0, -6),
        target: (85.0, 3),
        data_source: "End-of-module survey",
        owner: "Dr. Amara Osei",
        frequency: Frequency::EachTerm,
        check_ins: &[(
            -21,
            80.0,
            "Issuers asked for more rubric examples from outside Business.",
        )],
    },
    // Not measured: the connector is not live yet.
    MeasureSpec {
        handle: "measure:automatic-share",
        goal: "goal:automation",
        indicator: "Badges issued automatically from the gradebook",
        unit: "%",
        baseline: (0.0, -1),
        target: (80.0, 14),
        data_source: "Badge platform issuing log",
        owner: "Kwame Mensah",
        frequency: Frequency::Quarterly,
        check_ins: &[],
    },
    // On track, and a measure that must fall rather than rise.
    MeasureSpec {
        handle: "measure:days-to-award",
        goal: "goal:automation",
        indicator: "Days from passing grade to badge award",
        unit: "days",
        baseline: (7.0, -1),
        target: (2.0, 14),
        data_source: "Badge platform issuing log compared with gradebook timestamps",
        owner: "Théo Lambert",
        frequency: Frequency::Quarterly,
        check_ins: &[(
            -7,
            6.0,
            "A weekly upload day instead of ad hoc uploads already helps.",
        )],
    },
];

pub(super) fn measures(d: &mut Demo) {
    for m in MEASURES {
        let id = d.new_id(m.handle);
        for &(days, value, note) in m.check_ins {
            d.plan.check_ins.push(CheckIn {
                id: new_id(),
                measure_id: id.clone(),
                date: d.days(days),
                value,
                note: note.into(),
            });
        }
        let measure = Measure {
            id,
            goal_id: d.id(m.goal),
            indicator: m.indicator.into(),
            unit: m.unit.into(),
            baseline: Some(m.baseline.0),
            baseline_date: Some(d.months(m.baseline.1)),
            target: Some(m.target.0),
            target_date: Some(d.months(m.target.1)),
            data_source: m.data_source.into(),
            owner: m.owner.into(),
            frequency: Some(m.frequency),
        };
        d.plan.measures.push(measure);
    }

    for (idea, notes, goal) in [
        (
            "Hiring managers’ rating of badge earners’ job readiness",
            "A two-question survey to co-op supervisors once the first certificate cohort is \
             placed; needs about 30 responses to mean anything.",
            Some("goal:employers"),
        ),
        (
            "Badge views and shares per earner (LinkedIn, e-portfolio)",
            "The platform reports it already; worth tracking once Phase 2 gives us the volume.",
            None,
        ),
        (
            "Weeks from badge proposal to committee decision",
            "The Registrar suggested it after the first three proposals took seven weeks; tells \
             us whether the workflow is too heavy.",
            None,
        ),
    ] {
        let goal_id = goal.map(|g| d.id(g));
        d.plan.future_measures.push(FutureMeasure {
            id: new_id(),
            idea: idea.into(),
            notes: notes.into(),
            goal_id,
        });
    }
}

/// A requirement from the catalog: its id, why it matters here, and the metrics picked from
/// the catalog's list with the measure each became (if it has yet).
type Chosen = (
    &'static str,
    &'static str,
    &'static [(&'static str, Option<&'static str>)],
);

const CHOSEN: &[Chosen] = &[
    (
        "pathways",
        "Both pilot programs are pathways: Compass leads into the first year, the analytics \
         badges stack into a certificate. If learners drop off between badges, nothing else \
         we measure matters.",
        &[
            ("Completion rate", Some("measure:compass-capstone")),
            ("Drop-off rate", None),
            ("Returning users", None),
        ],
    ),
    (
        "retention",
        "Retention is the number the Board watches; Compass has to show it moves it.",
        &[
            (
                "Term-to-term continuing registrations",
                Some("measure:winter-registration"),
            ),
            ("Total credential completers", None),
        ],
    ),
    (
        "career-advancement",
        "Employers in the valley asked for evidence of analytics skills; their adoption of \
         the badges is the test of the whole second vision statement.",
        &[
            (
                "Employers adopting the credential",
                Some("measure:employers"),
            ),
            ("Employer partners with defined skill needs", None),
        ],
    ),
    (
        "new-credential-offering",
        "The analytics certificate is the first offering built for working adults; it has to \
         bring in learners who would not otherwise have come.",
        &[("Number of new learners", Some("measure:analytics-adults"))],
    ),
    (
        "efficiency-and-automation",
        "Two administrators cannot issue badges by hand at Phase 2 volumes.",
        &[
            ("Time savings", Some("measure:days-to-award")),
            ("Cost savings", None),
        ],
    ),
];

pub(super) fn requirements(d: &mut Demo) {
    let catalog = crate::catalog::catalog();
    for (rank, (catalog_id, why, metrics)) in CHOSEN.iter().enumerate() {
        let Some(entry) = catalog.requirement(catalog_id) else {
            panic!("the demo chooses requirement {catalog_id:?}, which the catalog lacks");
        };
        let id = new_id();
        d.plan.requirements.push(RequirementChoice {
            id: id.clone(),
            catalog_id: Some(catalog_id.to_string()),
            name: entry.name.clone(),
            description: why.to_string(),
            rank: Some(rank as u32 + 1),
        });
        for (name, measure) in metrics.iter() {
            let measure_id = measure.map(|m| d.id(m));
            d.plan.requirement_metrics.push(RequirementMetric {
                id: new_id(),
                requirement_id: id.clone(),
                name: name.to_string(),
                measure_id,
            });
        }
    }

    // The committee's own: Compass is co-curricular, and nothing in the catalog speaks to
    // making that learning count.
    let id = new_id();
    d.plan.requirements.push(RequirementChoice {
        id: id.clone(),
        catalog_id: None,
        name: "Make co-curricular learning visible".into(),
        description: "Learning outside the classroom — Compass, leadership, volunteering — \
                      appears on the co-curricular record and in the badge wallet, so students \
                      can show it alongside their transcript."
            .into(),
        rank: Some(CHOSEN.len() as u32 + 1),
    });
    d.plan.requirement_metrics.push(RequirementMetric {
        id: new_id(),
        requirement_id: id,
        name: "Students taking part in a co-curricular badge pathway".into(),
        measure_id: Some(d.id("measure:compass-enrolled")),
    });
}
