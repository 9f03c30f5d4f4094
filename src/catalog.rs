//! The built-in content: the Micro-Credential Maturity Model, the business requirements and
//! the journey's defaults (questions, governance template, taxonomy, prompts).
//!
//! The content lives in `assets/catalog/*.json` so that it can be reviewed and reworded
//! without touching code; it is compiled into the binary so the app needs no files at run
//! time and every copy of the app agrees on the ids that plans refer to.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const MATURITY_MODEL: &str = include_str!("../assets/catalog/maturity-model.json");
const REQUIREMENTS: &str = include_str!("../assets/catalog/requirements.json");
const JOURNEY: &str = include_str!("../assets/catalog/journey.json");

/// Anything the catalog lists with no more than a name and a sentence.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Described {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StageInfo {
    /// 1 (Exploratory) to 5 (Immersive); plans store this number, not the name.
    pub number: u8,
    pub name: String,
    pub summary: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Facet {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub subfacets: Vec<SubFacet>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SubFacet {
    pub id: String,
    /// Not in the JSON: the loader copies it from the parent so a sub-facet found on its own
    /// still knows where it belongs.
    #[serde(default)]
    pub facet_id: String,
    pub name: String,
    pub summary: String,
    /// What the sub-facet looks like at stages 1..=5, in order.
    pub descriptors: [String; 5],
}

impl SubFacet {
    /// The descriptor of the cell at `stage` (1..=5).
    pub fn descriptor(&self, stage: u8) -> Option<&str> {
        let i = usize::from(stage).checked_sub(1)?;
        self.descriptors.get(i).map(String::as_str)
    }
}

/// One of the model's sample scenarios, kept so the app can show what a filled-in heatmap
/// looks like before a team has scored anything.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WorkedExample {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Sub-facet id → current stage.
    pub current: BTreeMap<String, u8>,
    /// Sub-facet id → desired stage in Phase 2; empty when the example shows no Phase 2.
    pub phase2: BTreeMap<String, u8>,
    /// The sub-facets the example names as staying where they are.
    pub unchanged: Vec<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum RequirementSource {
    /// The nine business requirements of Accredible's credential framework.
    Accredible,
    /// The institutional drivers of WCET's piece on micro-credential metrics.
    Wcet,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub id: String,
    pub source: RequirementSource,
    pub name: String,
    pub description: String,
    /// Short names of the metrics commonly tracked for it.
    pub metrics: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct VisionQuestion {
    pub id: String,
    pub text: String,
    pub help: String,
    /// True when the question is answered once per stakeholder perspective.
    pub per_perspective: bool,
    /// Ids of the perspectives it is asked for; empty unless `per_perspective`.
    pub perspectives: Vec<String>,
}

/// A stage of the default badge-request workflow, a starting point each plan edits.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WorkflowTemplate {
    pub id: String,
    pub name: String,
    pub description: String,
    /// The name of the role (see `Catalog::roles`) that carries the stage out.
    pub responsible: String,
    pub inputs: String,
    pub outputs: String,
    pub expected_time: String,
}

/// A default badge level of the taxonomy, with what sets it apart from the others.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BadgeLevelTemplate {
    pub id: String,
    pub name: String,
    pub description: String,
    pub assessment: String,
    pub evidence: String,
    pub visual_cue: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub stages: Vec<StageInfo>,
    pub facets: Vec<Facet>,
    pub success_factors: Vec<Described>,
    pub worked_examples: Vec<WorkedExample>,
    pub requirements: Vec<Requirement>,
    pub organisation_kinds: Vec<Described>,
    pub stakeholder_groups: Vec<Described>,
    pub perspectives: Vec<Described>,
    pub vision_questions: Vec<VisionQuestion>,
    pub roles: Vec<Described>,
    pub committee_sources: Vec<Described>,
    pub workflow_stages: Vec<WorkflowTemplate>,
    pub proposal_items: Vec<Described>,
    pub badge_levels: Vec<BadgeLevelTemplate>,
    pub pathway_kinds: Vec<Described>,
    pub metadata_fields: Vec<Described>,
    pub key_message_prompts: Vec<Described>,
    pub delivery_modes: Vec<Described>,
    pub design_principles: Vec<Described>,
}

// The three files as they are on disk; each is read whole into the one `Catalog`.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelFile {
    stages: Vec<StageInfo>,
    facets: Vec<Facet>,
    success_factors: Vec<Described>,
    worked_examples: Vec<WorkedExample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementsFile {
    requirements: Vec<Requirement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JourneyFile {
    organisation_kinds: Vec<Described>,
    stakeholder_groups: Vec<Described>,
    perspectives: Vec<Described>,
    vision_questions: Vec<VisionQuestion>,
    roles: Vec<Described>,
    committee_sources: Vec<Described>,
    workflow_stages: Vec<WorkflowTemplate>,
    proposal_items: Vec<Described>,
    badge_levels: Vec<BadgeLevelTemplate>,
    pathway_kinds: Vec<Described>,
    metadata_fields: Vec<Described>,
    key_message_prompts: Vec<Described>,
    delivery_modes: Vec<Described>,
    design_principles: Vec<Described>,
}

fn parse<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> T {
    // The files are compiled in and covered by the tests below, so a failure here is a
    // build defect, not something a user can cause or recover from.
    serde_json::from_str(text).unwrap_or_else(|e| panic!("assets/catalog/{file} is invalid: {e}"))
}

fn load() -> Catalog {
    let model: ModelFile = parse("maturity-model.json", MATURITY_MODEL);
    let reqs: RequirementsFile = parse("requirements.json", REQUIREMENTS);
    let j: JourneyFile = parse("journey.json", JOURNEY);
    let mut facets = model.facets;
    for f in &mut facets {
        for s in &mut f.subfacets {
            s.facet_id = f.id.clone();
        }
    }
    Catalog {
        stages: model.stages,
        facets,
        success_factors: model.success_factors,
        worked_examples: model.worked_examples,
        requirements: reqs.requirements,
        organisation_kinds: j.organisation_kinds,
        stakeholder_groups: j.stakeholder_groups,
        perspectives: j.perspectives,
        vision_questions: j.vision_questions,
        roles: j.roles,
        committee_sources: j.committee_sources,
        workflow_stages: j.workflow_stages,
        proposal_items: j.proposal_items,
        badge_levels: j.badge_levels,
        pathway_kinds: j.pathway_kinds,
        metadata_fields: j.metadata_fields,
        key_message_prompts: j.key_message_prompts,
        delivery_modes: j.delivery_modes,
        design_principles: j.design_principles,
    }
}

/// The built-in content, parsed on first use and shared for the life of the process.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(load)
}

impl Catalog {
    /// Every sub-facet, in the model's order (facet by facet).
    pub fn subfacets(&self) -> impl Iterator<Item = &SubFacet> {
        self.facets.iter().flat_map(|f| f.subfacets.iter())
    }

    pub fn subfacet(&self, id: &str) -> Option<&SubFacet> {
        self.subfacets().find(|s| s.id == id)
    }

    pub fn facet(&self, id: &str) -> Option<&Facet> {
        self.facets.iter().find(|f| f.id == id)
    }

    pub fn stage(&self, number: u8) -> Option<&StageInfo> {
        self.stages.iter().find(|s| s.number == number)
    }

    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// The requirements from one source, in catalog order.
    pub fn requirements_from(
        &self,
        source: RequirementSource,
    ) -> impl Iterator<Item = &Requirement> {
        self.requirements.iter().filter(move |r| r.source == source)
    }

    pub fn success_factor(&self, id: &str) -> Option<&Described> {
        self.success_factors.iter().find(|f| f.id == id)
    }

    pub fn vision_question(&self, id: &str) -> Option<&VisionQuestion> {
        self.vision_questions.iter().find(|q| q.id == id)
    }

    pub fn perspective(&self, id: &str) -> Option<&Described> {
        self.perspectives.iter().find(|p| p.id == id)
    }

    pub fn worked_example(&self, id: &str) -> Option<&WorkedExample> {
        self.worked_examples.iter().find(|w| w.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn c() -> &'static Catalog {
        catalog()
    }

    fn is_kebab(id: &str) -> bool {
        !id.is_empty()
            && !id.starts_with('-')
            && !id.ends_with('-')
            && !id.contains("--")
            && id
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    }

    fn assert_ids<'a>(list: &str, ids: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for id in ids {
            assert!(
                is_kebab(id),
                "{list}: id {id:?} must be lowercase kebab-case, since plans store it"
            );
            assert!(
                seen.insert(id),
                "{list}: id {id:?} appears twice, so lookups would be ambiguous"
            );
        }
        assert!(!seen.is_empty(), "{list} must not be empty");
    }

    fn assert_text(what: &str, text: &str) {
        assert!(
            !text.trim().is_empty(),
            "{what} is empty, and would show as a blank on screen and in exports"
        );
    }

    fn described_lists() -> Vec<(&'static str, &'static [Described])> {
        let c = c();
        vec![
            ("success_factors", c.success_factors.as_slice()),
            ("organisation_kinds", c.organisation_kinds.as_slice()),
            ("stakeholder_groups", c.stakeholder_groups.as_slice()),
            ("perspectives", c.perspectives.as_slice()),
            ("roles", c.roles.as_slice()),
            ("committee_sources", c.committee_sources.as_slice()),
            ("proposal_items", c.proposal_items.as_slice()),
            ("pathway_kinds", c.pathway_kinds.as_slice()),
            ("metadata_fields", c.metadata_fields.as_slice()),
            ("key_message_prompts", c.key_message_prompts.as_slice()),
            ("delivery_modes", c.delivery_modes.as_slice()),
            ("design_principles", c.design_principles.as_slice()),
        ]
    }

    #[test]
    fn the_model_has_five_stages_numbered_one_to_five_in_order() {
        let names: Vec<_> = c().stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Exploratory",
                "Focused Launch",
                "Expansion",
                "Enterprise",
                "Immersive"
            ],
            "the stage names are the model's own"
        );
        for (i, s) in c().stages.iter().enumerate() {
            assert_eq!(
                usize::from(s.number),
                i + 1,
                "stage numbers are what plans store, so they must run 1..=5 in order"
            );
        }
    }

    #[test]
    fn the_model_has_seven_facets_and_twenty_subfacets_with_every_cell_described() {
        let facets: Vec<_> = c().facets.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            facets,
            [
                "Purpose",
                "Scope",
                "Delivery",
                "Systems & Analytics",
                "Curriculum",
                "Assessment",
                "Learner Lifecycle"
            ],
            "the model has these seven facets in this order"
        );
        assert_eq!(
            c().subfacets().count(),
            20,
            "the model has 20 sub-facets; the progress check counts them"
        );
        let mut cells = 0;
        for s in c().subfacets() {
            for (i, d) in s.descriptors.iter().enumerate() {
                assert_text(&format!("descriptor of {} at stage {}", s.id, i + 1), d);
                cells += 1;
            }
        }
        assert_eq!(
            cells, 100,
            "the heatmap needs a descriptor in each of its 100 cells"
        );
    }

    #[test]
    fn subfacets_belong_to_the_facets_the_prose_names_not_the_shifted_matrix_labels() {
        let expected = [
            ("purpose-business-model", "purpose"),
            ("target-audience", "scope"),
            ("cohort-size", "scope"),
            ("delivery-mode", "delivery"),
            ("instructor-engagement", "delivery"),
            ("integration", "systems-analytics"),
            ("analytics", "systems-analytics"),
            ("approval-process", "curriculum"),
            ("micro-credential-stackability", "curriculum"),
            ("instructional-content", "curriculum"),
            ("systematic-quality-assurance", "curriculum"),
            ("assessment", "assessment"),
            ("learner-evidence", "assessment"),
            ("discovery-by-learner", "learner-lifecycle"),
            ("enrolment", "learner-lifecycle"),
            ("learner-support", "learner-lifecycle"),
            ("learner-achievement-approval", "learner-lifecycle"),
            ("feedback-mechanism", "learner-lifecycle"),
            ("micro-credential-attainment-promotion", "learner-lifecycle"),
            ("post-completion-engagement", "learner-lifecycle"),
        ];
        let actual: Vec<_> = c()
            .subfacets()
            .map(|s| (s.id.as_str(), s.facet_id.as_str()))
            .collect();
        assert_eq!(
            actual, expected,
            "sub-facets must be in model order under the facet the prose assigns them"
        );
        for (sub, facet) in [
            ("cohort-size", "scope"),
            ("analytics", "systems-analytics"),
            ("systematic-quality-assurance", "curriculum"),
        ] {
            let s = c().subfacet(sub).expect("named sub-facet exists");
            assert_eq!(
                s.facet_id, facet,
                "{sub} is in {facet} per the prose; the matrix labels are one row off"
            );
            let parent = c().facet(facet).expect("named facet exists");
            assert!(
                parent.subfacets.iter().any(|x| x.id == sub),
                "the loader's facet_id must agree with where the sub-facet sits in the file"
            );
        }
    }

    #[test]
    fn the_descriptor_helper_reads_stages_one_to_five_and_nothing_else() {
        let s = c().subfacet("cohort-size").expect("cohort size exists");
        assert_eq!(s.descriptor(1), Some(s.descriptors[0].as_str()));
        assert_eq!(s.descriptor(5), Some(s.descriptors[4].as_str()));
        assert_eq!(s.descriptor(0), None, "there is no stage 0");
        assert_eq!(s.descriptor(6), None, "there is no stage 6");
    }

    #[test]
    fn ids_are_unique_and_kebab_case_in_every_list() {
        let c = c();
        assert_ids("facets", c.facets.iter().map(|f| f.id.as_str()));
        assert_ids("subfacets", c.subfacets().map(|s| s.id.as_str()));
        assert_ids(
            "worked_examples",
            c.worked_examples.iter().map(|w| w.id.as_str()),
        );
        assert_ids("requirements", c.requirements.iter().map(|r| r.id.as_str()));
        assert_ids(
            "vision_questions",
            c.vision_questions.iter().map(|q| q.id.as_str()),
        );
        assert_ids(
            "workflow_stages",
            c.workflow_stages.iter().map(|w| w.id.as_str()),
        );
        assert_ids("badge_levels", c.badge_levels.iter().map(|b| b.id.as_str()));
        for (list, items) in described_lists() {
            assert_ids(list, items.iter().map(|d| d.id.as_str()));
        }
    }

    #[test]
    fn the_nine_accredible_requirements_each_come_with_metrics() {
        let acc: Vec<_> = c()
            .requirements_from(RequirementSource::Accredible)
            .collect();
        assert_eq!(
            acc.len(),
            9,
            "the Accredible framework has nine business requirements"
        );
        for r in c().requirements.iter() {
            assert!(
                !r.metrics.is_empty(),
                "{} has no metrics, so the team could not turn it into a measure",
                r.id
            );
            for m in &r.metrics {
                assert_text(&format!("a metric of {}", r.id), m);
            }
        }
    }

    #[test]
    fn the_wcet_drivers_include_recruitment_retention_completion_and_careers() {
        for id in [
            "recruitment",
            "retention",
            "completion",
            "career-advancement",
        ] {
            let r = c()
                .requirement(id)
                .unwrap_or_else(|| panic!("WCET driver {id} is missing"));
            assert_eq!(
                r.source,
                RequirementSource::Wcet,
                "{id} comes from the WCET piece"
            );
        }
    }

    #[test]
    fn requirement_sources_serialise_in_lowercase_as_the_files_write_them() {
        let json = serde_json::to_string(&RequirementSource::Wcet).expect("serialises");
        assert_eq!(json, "\"wcet\"");
    }

    #[test]
    fn there_are_ten_critical_success_factors() {
        assert_eq!(
            c().success_factors.len(),
            10,
            "the model names ten critical success factors for the checklist"
        );
        assert!(c().success_factor("executive-support").is_some());
    }

    #[test]
    fn the_default_workflow_has_the_six_stages_in_order_each_owned_by_a_known_role() {
        let ids: Vec<_> = c().workflow_stages.iter().map(|w| w.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "interest-and-requirements",
                "proposal",
                "committee-review",
                "creation-and-training",
                "award-and-track",
                "evaluation"
            ],
            "the badge request workflow runs from interest to evaluation"
        );
        for w in &c().workflow_stages {
            assert!(
                c().roles.iter().any(|r| r.name == w.responsible),
                "{} is owned by {:?}, which is not one of the default roles",
                w.id,
                w.responsible
            );
        }
    }

    #[test]
    fn worked_examples_use_known_subfacets_valid_stages_and_never_move_backwards() {
        assert_eq!(
            c().worked_examples.len(),
            2,
            "the model gives two worked examples"
        );
        for w in &c().worked_examples {
            assert!(!w.current.is_empty(), "{} shows no current state", w.id);
            let maps = [("current", &w.current), ("phase2", &w.phase2)];
            for (which, map) in maps {
                for (sub, &stage) in map {
                    assert!(
                        c().subfacet(sub).is_some(),
                        "{} {which} names unknown sub-facet {sub}",
                        w.id
                    );
                    assert!(
                        c().stage(stage).is_some(),
                        "{} {which} puts {sub} at stage {stage}, outside 1..=5",
                        w.id
                    );
                }
            }
            for (sub, &target) in &w.phase2 {
                if let Some(&now) = w.current.get(sub) {
                    assert!(
                        target >= now,
                        "{}: Phase 2 puts {sub} at {target}, below its current {now}",
                        w.id
                    );
                }
            }
            for sub in &w.unchanged {
                assert!(
                    c().subfacet(sub).is_some(),
                    "{} unchanged names unknown {sub}",
                    w.id
                );
                assert_eq!(
                    w.current.get(sub),
                    w.phase2.get(sub),
                    "{}: {sub} is listed as unchanged, so current and Phase 2 must agree",
                    w.id
                );
            }
        }
    }

    #[test]
    fn the_expansion_example_keeps_exactly_the_three_subfacets_the_model_names() {
        let w = c()
            .worked_example("subsequent-expansion")
            .expect("example 2 exists");
        let moved_none: Vec<_> = w
            .phase2
            .iter()
            .filter(|(s, t)| w.current.get(*s) == Some(t))
            .map(|(s, _)| s.as_str())
            .collect();
        let mut unchanged: Vec<_> = w.unchanged.iter().map(String::as_str).collect();
        unchanged.sort_unstable();
        assert_eq!(
            moved_none, unchanged,
            "the heatmap's 'current & Phase 2' cells must be the ones the model lists"
        );
        assert_eq!(
            w.phase2.get("analytics"),
            Some(&4),
            "analytics advances to Enterprise"
        );
    }

    #[test]
    fn vision_questions_refer_only_to_known_perspectives() {
        for q in &c().vision_questions {
            assert_eq!(
                q.per_perspective,
                !q.perspectives.is_empty(),
                "{}: a per-perspective question must list its perspectives, and only then",
                q.id
            );
            for p in &q.perspectives {
                assert!(
                    c().perspective(p).is_some(),
                    "{} asks for perspective {p:?}, which the catalog does not define",
                    q.id
                );
            }
        }
        let purpose = c()
            .vision_question("purpose")
            .expect("purpose question exists");
        assert_eq!(
            purpose.perspectives,
            ["students", "faculty", "staff"],
            "the purpose is asked for students, faculty and staff"
        );
    }

    #[test]
    fn no_text_in_the_catalog_is_empty() {
        let c = c();
        for s in &c.stages {
            assert_text(&format!("stage {} name", s.number), &s.name);
            assert_text(&format!("stage {} summary", s.number), &s.summary);
        }
        for f in &c.facets {
            assert_text(&format!("facet {} name", f.id), &f.name);
            assert_text(&format!("facet {} summary", f.id), &f.summary);
        }
        for s in c.subfacets() {
            assert_text(&format!("sub-facet {} name", s.id), &s.name);
            assert_text(&format!("sub-facet {} summary", s.id), &s.summary);
        }
        for w in &c.worked_examples {
            assert_text(&format!("example {} name", w.id), &w.name);
            assert_text(&format!("example {} description", w.id), &w.description);
        }
        for r in &c.requirements {
            assert_text(&format!("requirement {} name", r.id), &r.name);
            assert_text(&format!("requirement {} description", r.id), &r.description);
        }
        for q in &c.vision_questions {
            assert_text(&format!("question {} text", q.id), &q.text);
            assert_text(&format!("question {} help", q.id), &q.help);
        }
        for w in &c.workflow_stages {
            for (field, v) in [
                ("name", &w.name),
                ("description", &w.description),
                ("responsible", &w.responsible),
                ("inputs", &w.inputs),
                ("outputs", &w.outputs),
                ("expected_time", &w.expected_time),
            ] {
                assert_text(&format!("workflow stage {} {field}", w.id), v);
            }
        }
        for b in &c.badge_levels {
            for (field, v) in [
                ("name", &b.name),
                ("description", &b.description),
                ("assessment", &b.assessment),
                ("evidence", &b.evidence),
                ("visual_cue", &b.visual_cue),
            ] {
                assert_text(&format!("badge level {} {field}", b.id), v);
            }
        }
        for (list, items) in described_lists() {
            for d in items {
                assert_text(&format!("{list} {} name", d.id), &d.name);
                assert_text(&format!("{list} {} description", d.id), &d.description);
            }
        }
    }

    #[test]
    fn the_catalog_survives_a_json_round_trip_for_the_front_end() {
        let json = serde_json::to_string(c()).expect("the catalog serialises");
        let back: Catalog = serde_json::from_str(&json).expect("and reads back");
        assert_eq!(
            &back,
            c(),
            "what the UI receives must be the catalog itself"
        );
    }
}
