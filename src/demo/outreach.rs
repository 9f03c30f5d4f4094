//! Steps 8 and 9: the roadmap's three phases with their milestones, and who hears what, and
//! learns what, along the way.

use super::Demo;
use crate::model::{
    new_id, Communication, KeyMessage, Milestone, MilestoneStatus, Phase, Training,
};

pub(super) fn roadmap(d: &mut Demo) {
    let phases = [
        (
            "phase:pilot",
            "Phase 1 — Pilot",
            "Compass and the analytics courses with a targeted first cohort; governance written \
             and tested on the first proposals; badges uploaded by hand.",
            -7,
            4,
        ),
        (
            "phase:launch",
            "Phase 2 — Launch",
            "Every first-year student in Compass; the analytics certificate open all year \
             through Continuing Education; badges issued from the gradebook; the first badges \
             from other faculties through the full approval process.",
            4,
            16,
        ),
        (
            "phase:scale",
            "Phase 3 — Scale",
            "Badges in every faculty, on the co-curricular record, with employer-endorsed \
             pathways and badge data joined to the student system.",
            16,
            34,
        ),
    ];
    for (handle, name, description, starts, ends) in phases {
        let id = d.new_id(handle);
        let (starts_on, ends_on) = (Some(d.months(starts)), Some(d.months(ends)));
        d.plan.phases.push(Phase {
            id,
            name: name.into(),
            description: description.into(),
            starts_on,
            ends_on,
        });
    }

    // (title, due in days from today, phase, goal)
    let milestones: [(&str, i64, &str, Option<&str>); 9] = [
        (
            "Badge approval committee constituted; terms of reference approved by Senate",
            -150,
            "phase:pilot",
            None,
        ),
        (
            "Second cohort of badge issuers certified",
            -21,
            "phase:pilot",
            Some("goal:issuers"),
        ),
        (
            "Employer endorsement recovery plan to the committee",
            30,
            "phase:pilot",
            Some("goal:employers"),
        ),
        (
            "Pilot closes: Compass enrolment and capstone counts reported",
            120,
            "phase:pilot",
            Some("goal:compass"),
        ),
        (
            "Gradebook connector live for the four analytics courses",
            240,
            "phase:launch",
            Some("goal:automation"),
        ),
        (
            "First Applied Data Analytics certificate badges awarded",
            330,
            "phase:launch",
            Some("goal:analytics"),
        ),
        (
            "Maturity self-assessment repeated; Phase 3 targets confirmed",
            470,
            "phase:launch",
            None,
        ),
        (
            "Second-fall census: retention of Compass completers measured",
            480,
            "phase:launch",
            Some("goal:retention"),
        ),
        (
            "Co-curricular record with badges open to every student",
            730,
            "phase:scale",
            None,
        ),
    ];
    for (title, due, phase, goal) in milestones {
        let milestone = Milestone {
            id: new_id(),
            title: title.into(),
            due: Some(d.days(due)),
            phase_id: Some(d.id(phase)),
            goal_id: goal.map(|g| d.id(g)),
            status: MilestoneStatus::Planned,
            done_on: None,
        };
        d.plan.milestones.push(milestone);
    }
}

struct Audience {
    audience: &'static str,
    /// (key-message prompt, what this audience is told)
    messages: &'static [(&'static str, &'static str)],
    channel: &'static str,
    messenger: &'static str,
    timing: &'static str,
    frequency: &'static str,
}

const AUDIENCES: &[Audience] = &[
    Audience {
        audience: "First-year students",
        messages: &[
            (
                "why-credentials",
                "Compass badges show what you did to find your feet here — and you keep them.",
            ),
            (
                "benefits",
                "A clear path through the first term, and a capstone badge you can put on \
                 LinkedIn or your co-op application.",
            ),
            (
                "how-it-affects-you",
                "Nothing extra to register for: the modules are in your LMS, and the workshops \
                 are the ones orientation already runs.",
            ),
            (
                "where-to-get-help",
                "Ask your peer mentor or residence advisor, or visit the Compass page in the \
                 LMS for three-minute how-to videos.",
            ),
        ],
        channel: "Orientation week, the LMS home page, residence floor meetings",
        messenger: "Peer mentors and residence advisors",
        timing: "Orientation week, then weeks 3 and 8 of the fall term",
        frequency: "Three times a term",
    },
    Audience {
        audience: "Faculty",
        messages: &[
            (
                "why-credentials",
                "Badges make the skills you already teach and assess visible to employers — \
                 with your rubric and the learner’s work behind them. They add to the degree; \
                 they do not replace it.",
            ),
            (
                "why-now",
                "Employers in the valley are asking for proof of skills, and Continuing \
                 Education has a waiting list of adults who want short, recognised learning.",
            ),
            (
                "how-it-affects-you",
                "Nothing unless you choose to propose a badge; if you do, expect a one-page \
                 proposal, a rubric, and three training sessions.",
            ),
            (
                "support",
                "The Centre for Teaching & Learning helps write criteria and rubrics; the badge \
                 administrators build and issue the badge.",
            ),
        ],
        channel: "Senate, department meetings, the Teaching Practice Series newsletter",
        messenger: "The Provost, with Prof. Samuel Adeyemi showing a real badge",
        timing: "Before each term’s course planning",
        frequency: "Each term",
    },
    Audience {
        audience: "Advisors and student services staff",
        messages: &[
            (
                "benefits",
                "One pathway to point first-year students to, and a record of who is engaging \
                 with support early.",
            ),
            (
                "how-it-affects-you",
                "You will be asked about Compass; you do not issue badges yourself.",
            ),
            (
                "support",
                "A pre-term briefing and a one-page FAQ with answers to the ten questions \
                 students ask most.",
            ),
            (
                "where-to-get-help",
                "Send anything the FAQ does not answer to the badge administrators’ shared \
                 inbox; replies within two working days.",
            ),
        ],
        channel: "Pre-term briefing, one-page FAQ, staff intranet",
        messenger: "Marie-Claude Fortin, Director of Student Success",
        timing: "Two weeks before each term",
        frequency: "Each term",
    },
    Audience {
        audience: "Regional employers",
        messages: &[
            (
                "why-credentials",
                "Each badge tells you exactly what a candidate did, to what standard, with the \
                 work to show for it.",
            ),
            (
                "benefits",
                "Graduates and working adults whose analytics skills were defined with you — \
                 and your name on the badges you endorse.",
            ),
            (
                "how-it-affects-you",
                "Two hours a term: review a rubric, look at sample work, and tell us what is \
                 missing.",
            ),
        ],
        channel: "Employer roundtables, the co-op newsletter, one-to-one visits",
        messenger: "Jonah Whitfield, with the faculty lead for each badge",
        timing: "Roundtables in October and February",
        frequency: "Twice a term",
    },
    Audience {
        audience: "Board of Governors and senior leadership",
        messages: &[
            (
                "why-now",
                "Retention and regional partnership are the two strategic-plan targets we are \
                 furthest from; this program moves both and can show it.",
            ),
            (
                "benefits",
                "Evidence, every six months, that the money buys measurable results — and a \
                 clear view of what Phase 3 would need.",
            ),
            (
                "support",
                "Executive sponsorship from the Provost, and a program owner who reports \
                 against the measures.",
            ),
        ],
        channel: "The Provost’s report to the Board",
        messenger: "Dr. Évelyne Roy, Provost",
        timing: "November and May board meetings",
        frequency: "Twice a year",
    },
];

pub(super) fn communication(d: &mut Demo) {
    for a in AUDIENCES {
        d.plan.communications.push(Communication {
            id: new_id(),
            audience: a.audience.into(),
            messages: a
                .messages
                .iter()
                .map(|&(prompt_id, text)| KeyMessage {
                    prompt_id: prompt_id.into(),
                    text: text.into(),
                })
                .collect(),
            channel: a.channel.into(),
            messenger: a.messenger.into(),
            timing: a.timing.into(),
            frequency: a.frequency.into(),
        });
    }
}

pub(super) fn training(d: &mut Demo) {
    for (audience, needs, delivery, schedule, owner) in [
        (
            "Faculty and staff badge issuers",
            "Writing criteria an employer can follow, building a rubric that yields evidence, \
             awarding and revoking in the platform. The needs survey found 7 in 10 had never \
             looked at a badge’s metadata.",
            "hybrid",
            "Three sessions each term, weeks 2–6; recordings kept in the LMS",
            "Dr. Amara Osei, Centre for Teaching & Learning",
        ),
        (
            "Badge administrators",
            "Platform administration, setting up the gradebook connector, issuing reports, \
             accessible badge images.",
            "one-to-one",
            "Vendor onboarding in Phase 1; a refresher before the connector goes live",
            "Théo Lambert",
        ),
        (
            "Advisors and residence staff",
            "Explaining Compass in two minutes, helping a student claim and share a badge, and \
             knowing where to send the questions they cannot answer.",
            "in-person",
            "A 60-minute session two weeks before each term",
            "Marie-Claude Fortin",
        ),
        (
            "Students",
            "Claiming a badge, sharing it on LinkedIn, adding it to an e-portfolio, and \
             choosing who can see it.",
            "asynchronous",
            "Three-minute videos in the LMS, available all year",
            "Priya Raman",
        ),
    ] {
        d.plan.trainings.push(Training {
            id: new_id(),
            audience: audience.into(),
            needs: needs.into(),
            delivery: Some(delivery.into()),
            schedule: schedule.into(),
            owner: owner.into(),
        });
    }
}
