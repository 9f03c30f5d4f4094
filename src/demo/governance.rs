//! Step 6: who decides, how a badge comes to be at Saint-Aurèle, and what its badges look like.
//! The workflow, levels and proposal items start from the catalog's defaults and are adapted
//! the way a committee adapts them.

use super::Demo;
use crate::model::{
    new_id, BadgeLevel, CommitteeMember, MetadataField, Pathway, PathwayKind, ProposalItem, Raci,
    RaciActivity, RaciAssignment, Role, WorkflowStage,
};

pub(super) fn governance(d: &mut Demo) {
    roles(d);
    committee(d);
    workflow(d);
    proposal_items(d);
    raci(d);
    taxonomy(d);
    metadata(d);
}

fn roles(d: &mut Demo) {
    let roles: [(&str, &str, &str, &[&str]); 6] = [
        (
            "role:sponsor",
            "Executive sponsor",
            "Champions the program with the Board and Senate, funds it and clears the way \
             between faculties and services.",
            &["Dr. Évelyne Roy, Provost and Vice-President, Academic"],
        ),
        (
            "role:owner",
            "Program owner",
            "Answers for the program as a whole: its goals, policy, results and the April \
             evaluation.",
            &["Dr. Nadia Okafor, Associate Vice-President, Teaching & Learning"],
        ),
        (
            "role:admins",
            "Badge administrators",
            "Build badges in the platform, connect them to courses, award and track them, and \
             train the people who issue them.",
            &["Théo Lambert", "Priya Raman"],
        ),
        (
            "role:committee",
            "Badge approval committee",
            "Reviews every proposal against the approval criteria and recommends approval, \
             changes or rejection. Meets monthly during term.",
            &["Prof. Marc-André Gauthier (chair)"],
        ),
        (
            "role:requester",
            "Badge requester",
            "Any faculty or staff member who wants a badge: reads the requirements, writes the \
             proposal and, once it is approved, awards the badge.",
            &["Prof. Samuel Adeyemi", "Marie-Claude Fortin"],
        ),
        (
            "role:registrar",
            "Registrar",
            "Keeps badges consistent with academic records and policy, and owns the data the \
             retention measures draw on.",
            &["Helen Tsosie"],
        ),
    ];
    for (handle, name, description, people) in roles {
        let id = d.new_id(handle);
        d.plan.roles.push(Role {
            id,
            name: name.into(),
            description: description.into(),
            people: people.iter().map(|p| p.to_string()).collect(),
        });
    }
}

fn committee(d: &mut Demo) {
    for (name, represents) in [
        (
            "Prof. Marc-André Gauthier (chair)",
            "Faculty senate — Academic Senate",
        ),
        ("Helen Tsosie", "Registrar"),
        (
            "Dr. Amara Osei",
            "Teaching & learning — Centre for Teaching & Learning",
        ),
        (
            "Jonah Whitfield",
            "Career services — Career & Co-op Services",
        ),
        ("Marie-Claude Fortin", "Student affairs — Student Success"),
        (
            "Dr. Ingrid Halvorsen, Dean of Science",
            "Deans — for the Deans’ Council",
        ),
        ("Catherine Boudreau", "Continuing Education"),
        ("Sofía Castellanos", "Students’ Union"),
    ] {
        d.plan.committee_members.push(CommitteeMember {
            id: new_id(),
            name: name.into(),
            represents: represents.into(),
        });
    }
}

/// The catalog's six default stages, in its order, as Saint-Aurèle runs them.
fn workflow(d: &mut Demo) {
    let stages = [
        (
            "Interest and requirements",
            "A faculty or staff member checks the idea against the published badge \
             requirements, usually in a 20-minute conversation with a badge administrator.",
            "role:requester",
            "The idea for a badge; the badge requirements page",
            "A decision to propose, or a pointer to an existing badge",
            "1–2 weeks",
        ),
        (
            "Proposal",
            "The requester completes the proposal form: classification, earning criteria, \
             design idea, skills alignment and pathway fit.",
            "role:requester",
            "The proposal form; the badge levels and pathways",
            "A complete proposal, with the department chair copied",
            "1–2 weeks",
        ),
        (
            "Committee review",
            "The approval committee reviews proposals at its monthly meeting and recommends \
             approval, changes or rejection.",
            "role:committee",
            "The proposal; the approval criteria",
            "A decision with recommendations, recorded in the minutes",
            "3–5 weeks (the committee meets monthly during term)",
        ),
        (
            "Creation and training",
            "The administrators build the badge in the platform, and the issuer takes the \
             badge-issuer module if they have not already.",
            "role:admins",
            "The approved proposal; the design brief",
            "A published badge; a certified issuer",
            "2–3 weeks",
        ),
        (
            "Award and track",
            "Badges are awarded as learners meet the criteria — by upload today, from the \
             gradebook from Phase 2 — and issuing is tracked.",
            "role:admins",
            "Learner results against the earning criteria",
            "Awarded badges; the monthly issuing report",
            "Every course or term",
        ),
        (
            "Evaluation",
            "The April evaluation reviews every badge and the process against the success \
             measures, and proposes changes to Senate.",
            "role:owner",
            "Issuing data; the success measures; learner and issuer feedback",
            "The evaluation report; changes to badges, policy or process",
            "Once a year, each April",
        ),
    ];
    for (name, description, role, inputs, outputs, expected_time) in stages {
        let responsible_role_id = Some(d.id(role));
        d.plan.workflow_stages.push(WorkflowStage {
            id: new_id(),
            name: name.into(),
            description: description.into(),
            responsible_role_id,
            inputs: inputs.into(),
            outputs: outputs.into(),
            expected_time: expected_time.into(),
        });
    }
}

fn proposal_items(d: &mut Demo) {
    for (name, description, required) in [
        (
            "Classification",
            "The badge’s level (completion, participation, performance or certification) and \
             whether it is credit-bearing.",
            true,
        ),
        (
            "Earning criteria",
            "What a learner must do and show to earn it, written so an employer can follow it.",
            true,
        ),
        (
            "Design idea",
            "A sketch or description of the image, using the shape and colour of its level and \
             pathway.",
            true,
        ),
        (
            "Skills and standards alignment",
            "The skills certified, tagged from the shared skills library, and any industry \
             standard they map to.",
            true,
        ),
        (
            "Pathway fit",
            "Whether the badge stands alone or stacks, and into what.",
            true,
        ),
        (
            "Evidence and assessment plan",
            "For performance and certification badges: the rubric and the evidence attached \
             to each award.",
            false,
        ),
        (
            "Expected numbers",
            "How many learners a year are expected to earn it, and who will issue it after the \
             first year.",
            false,
        ),
    ] {
        d.plan.proposal_items.push(ProposalItem {
            id: new_id(),
            name: name.into(),
            description: description.into(),
            required,
        });
    }
}

/// One row per workflow stage; each has exactly one accountable role, and the responsible
/// role matches the stage's.
fn raci(d: &mut Demo) {
    use Raci::{Accountable as A, Consulted as C, Informed as I, Responsible as R};
    let rows: [(&str, &[(&str, Raci)]); 6] = [
        (
            "Interest and requirements",
            &[("role:requester", R), ("role:owner", A), ("role:admins", C)],
        ),
        (
            "Proposal",
            &[
                ("role:requester", R),
                ("role:owner", A),
                ("role:admins", C),
                ("role:committee", I),
            ],
        ),
        (
            "Committee review",
            &[
                ("role:committee", R),
                ("role:owner", A),
                ("role:registrar", C),
                ("role:requester", I),
                ("role:admins", I),
            ],
        ),
        (
            "Creation and training",
            &[
                ("role:admins", R),
                ("role:owner", A),
                ("role:requester", C),
                ("role:committee", I),
            ],
        ),
        (
            "Award and track",
            &[
                ("role:admins", R),
                ("role:requester", A),
                ("role:registrar", C),
                ("role:owner", I),
            ],
        ),
        (
            "Evaluation",
            &[
                ("role:owner", R),
                ("role:sponsor", A),
                ("role:committee", C),
                ("role:admins", C),
                ("role:registrar", C),
                ("role:requester", I),
            ],
        ),
    ];
    for (activity, cells) in rows {
        let activity_id = new_id();
        d.plan.raci_activities.push(RaciActivity {
            id: activity_id.clone(),
            name: activity.into(),
        });
        for &(role, code) in cells {
            let role_id = d.id(role);
            d.plan.raci_assignments.push(RaciAssignment {
                id: new_id(),
                activity_id: activity_id.clone(),
                role_id,
                code,
            });
        }
    }
}

fn taxonomy(d: &mut Demo) {
    let levels = [
        (
            "level:completion",
            "Completion",
            "Finishing a module, course or pathway — Compass modules and the Compass Capstone.",
            "Completion of the required activities, checked in the LMS",
            "The LMS completion record",
            "The pathway’s hexagon in a single colour",
        ),
        (
            "level:participation",
            "Participation",
            "Taking part in an event or activity — a workshop, a volunteering day.",
            "None beyond attendance",
            "The attendance record",
            "A flat circle, no border",
        ),
        (
            "level:performance",
            "Performance",
            "A skill shown at a stated standard — each analytics course badge.",
            "A rubric applied to a real task, such as an analysis of a partner employer’s data",
            "The learner’s work, with the rubric scores",
            "A hexagon in the skill’s own colour, with a silver border",
        ),
        (
            "level:certification",
            "Certification / licensure",
            "A full certificate at the top of a pathway — the Applied Data Analytics \
             certificate.",
            "All course badges plus a capstone project assessed by faculty and an employer",
            "The capstone project and the employer’s assessment",
            "A shield with valley-green laurels and added depth",
        ),
    ];
    for (handle, name, description, assessment, evidence, visual_cue) in levels {
        let id = d.new_id(handle);
        d.plan.badge_levels.push(BadgeLevel {
            id,
            name: name.into(),
            description: description.into(),
            assessment: assessment.into(),
            evidence: evidence.into(),
            visual_cue: visual_cue.into(),
        });
    }

    let pathways = [
        (
            "Applied Data Analytics",
            PathwayKind::Vertical,
            "Four performance badges — Data Literacy, SQL for Analysis, Python for Data, Visual \
             Storytelling — climb to the certificate badge; the certificate’s 12 credits count \
             towards a degree.",
            &["level:performance", "level:certification"][..],
        ),
        (
            "First-Year Compass",
            PathwayKind::Horizontal,
            "Four badges across campus life, earned in any order — taking part in the \
             workshops, completing the modules — recognised together by the Compass Capstone.",
            &["level:participation", "level:completion"][..],
        ),
    ];
    for (name, kind, description, levels) in pathways {
        let level_ids = d.ids(levels);
        d.plan.pathways.push(Pathway {
            id: new_id(),
            name: name.into(),
            kind,
            description: description.into(),
            level_ids,
        });
    }
}

fn metadata(d: &mut Demo) {
    for (name, description, required) in [
        (
            "Earning criteria",
            "What the holder did, in enough detail for an employer to judge it.",
            true,
        ),
        (
            "Skills",
            "Tagged from the shared skills library, so badges across faculties use the same \
             words.",
            true,
        ),
        (
            "Alignments",
            "Links to the industry or professional standards a badge maps to, where there are \
             any.",
            false,
        ),
        (
            "Evidence",
            "The learner’s work or a description of it; required for performance and \
             certification badges.",
            false,
        ),
        (
            "Expiry date",
            "None of our badges expire for now; to be revisited in Phase 3 for any that certify \
             software skills.",
            false,
        ),
        (
            "Credit value",
            "Custom field: credit-bearing or not, and the credits or hours of learning.",
            true,
        ),
    ] {
        d.plan.metadata_fields.push(MetadataField {
            id: new_id(),
            name: name.into(),
            description: description.into(),
            required,
        });
    }
}
