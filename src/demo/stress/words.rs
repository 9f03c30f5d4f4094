//! The words the stress plan is written with: units, people and roles of a large university,
//! and sentences of the kind a committee writes, drawn in a fixed order.

pub(super) const UNITS: &[&str] = &[
    "the Faculty of Arts and Humanities",
    "the Faculty of Science",
    "the École de génie (Engineering)",
    "the School of Nursing’s clinical placements",
    "Continuing Education’s evening programmes",
    "the Graduate School",
    "the Registrar’s office",
    "Career Services and co-operative education",
    "the Centre for Teaching & Learning",
    "the Library’s research-skills programme",
    "Student Success and residence life",
    "the Faculty of Business’s executive education",
    "Indigenous Student Services — Mi’kmaw and Wolastoqiyik partnerships",
    "the Bachelor of Education practicum",
];

pub(super) const VERBS: &[&str] = &[
    "Launch", "Extend", "Embed", "Align", "Automate", "Evaluate", "Publish", "Endorse",
];

pub(super) const OBJECTS: &[&str] = &[
    "a stackable badge pathway",
    "skills-tagged digital credentials",
    "employer-endorsed micro-credentials",
    "co-curricular recognition badges",
    "a badge-to-credit bridging agreement",
    "automatic badge issuing from the gradebook",
    "a learner-facing badge catalogue",
    "evidence-based assessment rubrics",
];

pub(super) const SENTENCES: &[&str] = &[
    "The committee agreed that the first cohort would be kept small enough to follow each learner by name, so that what goes wrong is seen before it is repeated at scale.",
    "Faculty who issued badges in the pilot asked for a shorter proposal form, clearer criteria templates and a single person to call when the platform misbehaves.",
    "Employers in the valley — from the hospital network to the aerospace suppliers — said they would read a badge only if its criteria named the task and the standard it was judged against.",
    "The Registrar will flag every earner in the census extract, which lets the Institutional Research office compare retention, completion and time-to-degree with students who did not take part.",
    "None of this works without the learners themselves: the Students’ Union will run two listening sessions a term and report what it hears to the committee unedited.",
    "Costs are covered by the Provost’s strategic fund for two years; after that the pathway must show enough enrolment to be carried by the unit’s own budget.",
    "Accessibility is checked before launch: every badge image has alternative text, every criterion is readable at grade-eight level, and every assessment has an accommodation route.",
    "The data stays in Canada, the badge platform’s contract says so, and the privacy office has reviewed what is shared when a learner posts a badge publicly.",
    "Where a badge stacks towards credit, the Senate curriculum committee approves the bridge once, and the approval is recorded in the calendar so that advisors can find it.",
    "Progress is reported each term on the same dashboard, with the baseline, the target and the latest check-in side by side, so that nobody has to reconstruct the story from e-mails.",
    "If the measure stalls for two check-ins in a row, the owner brings a recovery plan to the next committee meeting rather than waiting for the April evaluation.",
    "Indigenous knowledge keepers will be invited to co-design the criteria where a badge touches on land-based learning, and their contribution will be credited on the badge itself.",
];

pub(super) const PEOPLE: &[&str] = &[
    "Dr. Nadia Okafor",
    "Helen Tsosie",
    "Étienne Gauthier",
    "Marie-Claude Fortin",
    "Dr. Amara Osei",
    "Théo Lambert",
    "Priya Raman",
    "Jean-François Bélanger-Arsenault",
    "Siobhán Ní Dhubhghaill",
    "Dr. Kwame Mensah-Boateng",
    "Zoë Leclerc",
    "Aroha Te Whāiti",
    "Mateusz Wójcik",
    "Li Wei",
    "Ananya Krishnamurthy",
    "Gabriel Ouellet",
    "Fatima Zahra El Amrani",
    "Dr. Ingrid Sørensen",
    "Oluwaseun Adeyemi",
    "Chloé Tremblay-Nguyen",
];

pub(super) const ROLES: &[&str] = &[
    "Associate Vice-President, Teaching & Learning",
    "Office of the Registrar",
    "Continuing Education",
    "Student Success",
    "Centre for Teaching & Learning",
    "IT Services — enterprise applications",
    "Career Services and co-operative education",
    "Faculty of Science, Associate Dean (undergraduate)",
    "Students’ Union, Vice-President Academic",
    "Employer advisory board (aerospace)",
];

pub(super) const INDICATORS: &[(&str, &str)] = &[
    ("Learners enrolled in the pathway", "learners"),
    (
        "Share of enrolled learners who earn the capstone badge",
        "%",
    ),
    ("Fall-to-fall retention of badge earners", "%"),
    ("Employers endorsing at least one badge", "employers"),
    ("Days from completion to badge award", "days"),
    ("Badges shared publicly within 30 days of award", "%"),
    (
        "Issuer satisfaction with the proposal process (1–5 scale)",
        "points",
    ),
    (
        "Credit hours granted through badge-to-credit bridges",
        "credit hours",
    ),
];
