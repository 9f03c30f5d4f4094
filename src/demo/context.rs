//! Steps 1 and 2: who Saint-Aurèle is, what it is trying to do as a university, and where it
//! wants its credentials to take it.

use super::{long_date, Demo};
use crate::model::{
    CoreValue, PlanSettings, Priority, Program, Stakeholder, VisionAnswer, VisionStatement,
};

pub(super) fn settings(d: &mut Demo) {
    d.plan.settings = PlanSettings {
        organisation: "Saint-Aurèle University".into(),
        organisation_kind: Some("university".into()),
        size: "11,400 students (9,800 undergraduate, 1,600 graduate and continuing education), \
               640 faculty, 1,100 staff"
            .into(),
        prepared_by: "Léa Marchand, Northlight Learning Strategy".into(),
        prepared_for: "Office of the Provost and Vice-President, Academic".into(),
        confidentiality: "Draft for discussion — Senate Academic Planning Committee only".into(),
        review_cadence: "A full evaluation each April, reported to Senate in May; the Badge \
                         Approval Committee reviews the pipeline and the measures every term."
            .into(),
        next_review: Some(d.next_april_review()),
        evaluation_cycle: "Check-ins on every success measure at the end of each term; the April \
                           evaluation compares them with their targets, repeats the maturity \
                           self-assessment and sets the next phase’s targets before it starts. \
                           Each phase closes with a lessons-learned review."
            .into(),
    };
}

pub(super) fn context(d: &mut Demo) {
    for (handle, name, description) in [
        (
            "program:compass",
            "First-Year Compass pathway",
            "A co-curricular pathway for every incoming first-year student: five badges for \
             finding one’s way around campus services, study strategies, wellbeing, community \
             engagement and a reflective capstone. Run by Student Success in the LMS; no credit, \
             no fee.",
        ),
        (
            "program:analytics",
            "Applied Data Analytics certificate",
            "A 12-credit certificate of four courses — Data Literacy, SQL for Analysis, Python for \
             Data, Visual Storytelling — each earning a course badge, stacking to a certificate \
             badge. Open to degree students as a minor-in-all-but-name and to working adults \
             through Continuing Education evening sections.",
        ),
        (
            "program:teaching",
            "Teaching Practice Series",
            "Professional learning for faculty and staff from the Centre for Teaching & Learning, \
             whose badge-issuer module prepares the people who will design rubrics and award \
             badges in the other two programs.",
        ),
    ] {
        let id = d.new_id(handle);
        d.plan.programs.push(Program {
            id,
            name: name.into(),
            description: description.into(),
        });
    }

    for (group, name, notes) in [
        (
            "students",
            "Students",
            "First-year students in Compass; degree students taking the analytics courses. The \
             Students’ Union wants badges that mean something on a résumé, not participation \
             stickers.",
        ),
        (
            "faculty",
            "Faculty",
            "Supportive in Business and Computing; wary in Arts, where some see badges as a \
             threat to the degree. Senate must be consulted on anything carrying credit.",
        ),
        (
            "staff",
            "Staff and advisors",
            "Student Success, advising and residence staff who run Compass activities and will \
             answer students’ questions.",
        ),
        (
            "administrators",
            "Senior administration",
            "The Provost sponsors the program; the Registrar owns the records it touches.",
        ),
        (
            "governing-board",
            "Board of Governors",
            "Wants evidence the program serves the retention and regional-partnership targets of \
             the strategic plan before funding Phase 3.",
        ),
        (
            "employers",
            "Employers and industry",
            "Thirty co-op employers in the valley — a hospital network, two manufacturers, the \
             regional credit union, municipal government — short of analysts and keen to see \
             what graduates can do.",
        ),
        (
            "community-partners",
            "Community partners",
            "The public library and the valley’s newcomer centre, both asking for short, \
             recognised learning for adults returning to study.",
        ),
    ] {
        d.plan.stakeholders.push(Stakeholder {
            id: crate::model::new_id(),
            group: Some(group.into()),
            name: name.into(),
            notes: notes.into(),
        });
    }

    for (handle, title, description) in [
        (
            "priority:success",
            "Student success from first day to first job",
            "Raise first-year retention by five points and graduate employment within six months \
             to 90% by 2030.",
        ),
        (
            "priority:lifelong",
            "Learning for working lives",
            "Double Continuing Education enrolments with flexible, stackable offerings that \
             working adults can start at any time of year.",
        ),
        (
            "priority:valley",
            "Partners in the valley’s prosperity",
            "Design programs with the region’s employers and community organisations, and be \
             their first call for talent and training.",
        ),
        (
            "priority:teaching",
            "Teaching that transforms",
            "Invest in faculty development, authentic assessment and course design that makes \
             learning visible.",
        ),
        (
            "priority:digital",
            "A connected campus",
            "Modernise the systems students and staff use every day so that records, learning and \
             support work as one.",
        ),
    ] {
        let id = d.new_id(handle);
        d.plan.priorities.push(Priority {
            id,
            title: title.into(),
            description: description.into(),
        });
    }

    for (name, description) in [
        (
            "Curiosity",
            "We ask questions, try things and learn from what does not work — the pilot exists \
             to be learned from.",
        ),
        (
            "Belonging",
            "Every learner, whether eighteen or fifty, full-time or evening, belongs here and \
             sees a path forward.",
        ),
        (
            "Integrity",
            "What we certify is true: a badge says exactly what its earner did, and shows the \
             evidence.",
        ),
        (
            "Stewardship",
            "We serve the Saint-Aurèle valley and spend public money as if it were our own.",
        ),
    ] {
        d.plan.core_values.push(CoreValue {
            id: crate::model::new_id(),
            name: name.into(),
            description: description.into(),
        });
    }
}

/// The workshop's answers to the catalog's guided questions: (question, perspective, answer).
const VISION_ANSWERS: &[(&str, Option<&str>, &str)] = &[
    (
        "why-adopt",
        None,
        "Our students learn far more than their transcripts show, and the valley’s employers \
         keep telling us they cannot see it. Two things came together: a retention problem in \
         the first year that orientation alone has not fixed, and a Continuing Education office \
         turning away adults who want short, recognised learning. Credentials speak to both.",
    ),
    (
        "purpose",
        Some("students"),
        "A way to see their own progress in the first months, and later to show an employer \
         — with evidence — what they can do, long before they have a degree to show.",
    ),
    (
        "purpose",
        Some("faculty"),
        "Recognition for skills they already teach and assess but that disappear into a course \
         grade; a reason to make the assessment of those skills explicit. Not a replacement \
         for the degree — Senate was clear about that.",
    ),
    (
        "purpose",
        Some("staff"),
        "For Student Success and advising, a structure that turns scattered first-year \
         workshops into a pathway students finish. For the Teaching Practice Series, \
         recognition of professional learning that staff can carry with them.",
    ),
    (
        "hope-to-achieve",
        None,
        "In three years: first-year retention up five points, an analytics certificate that \
         employers ask for by name, a steady stream of adults returning through Continuing \
         Education, and one approval process every new badge goes through.",
    ),
    (
        "why-change",
        None,
        "Today a student who finishes orientation workshops gets a paper certificate nobody \
         asks to see, and an adult who takes an evening course gets a letter. Neither can be \
         verified, shared or stacked, and we learn nothing from either about who finishes. A \
         digital credential carries its criteria and evidence with it and tells us who earned \
         it.",
    ),
    (
        "communicate",
        Some("students"),
        "Short and practical, in the places they already are: orientation week, residence \
         floor meetings, the LMS home page. Peer mentors say it, not the administration.",
    ),
    (
        "communicate",
        Some("faculty"),
        "Through Senate and department meetings, with the Provost making the case and a \
         colleague from Business and Computing showing a real badge, its rubric and its \
         evidence. Be plain about what it will ask of them.",
    ),
    (
        "communicate",
        Some("staff"),
        "A briefing for advisors and residence staff before each term, with a one-page \
         guide to answering students’ questions and where to send the hard ones.",
    ),
    (
        "communicate",
        Some("governing-board"),
        "Twice a year, in the Provost’s report: the measures against their targets, what the \
         pilot cost and what Phase 3 would need.",
    ),
    (
        "communicate",
        Some("community-partners"),
        "Through the library’s and the newcomer centre’s own newsletters and an open evening \
         on campus, aimed at adults thinking of returning to study.",
    ),
];

pub(super) fn vision(d: &mut Demo) {
    for &(question, perspective, text) in VISION_ANSWERS {
        d.plan.vision_answers.push(VisionAnswer {
            id: crate::model::new_id(),
            question_id: question.into(),
            perspective: perspective.map(String::from),
            text: text.into(),
        });
    }

    let horizon = long_date(d.months(34));
    let statements = [
        (
            "statement:record",
            format!(
                "By {horizon}, every Saint-Aurèle student leaves with a trusted, verifiable \
                 record of the skills they built — in class, on campus and at work — that they \
                 can explain to an employer and keep building on for life."
            ),
            &["priority:success", "priority:teaching"][..],
        ),
        (
            "statement:valley",
            "Saint-Aurèle becomes the valley’s first choice for short, stackable learning: \
             working adults start when they need to, earn recognition employers helped design, \
             and build it into a full credential."
                .to_string(),
            &["priority:lifelong", "priority:valley", "priority:digital"][..],
        ),
    ];
    for (handle, text, priorities) in statements {
        let id = d.new_id(handle);
        let priority_ids = d.ids(priorities);
        d.plan.vision_statements.push(VisionStatement {
            id,
            text,
            priority_ids,
        });
    }
}
