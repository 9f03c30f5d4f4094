//! The built-in content: the Micro-Credential Maturity Model, the business requirements and
//! the journey's defaults (questions, governance template, taxonomy, prompts).
//!
//! The content lives in `assets/catalog/*.json` so that it can be reviewed and reworded
//! without touching code; it is compiled into the binary so the app needs no files at run
//! time and every copy of the app agrees on the ids that plans refer to.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const MATURITY_MODEL: &str = include_str!("../../assets/catalog/maturity-model.json");
const REQUIREMENTS: &str = include_str!("../../assets/catalog/requirements.json");
const JOURNEY: &str = include_str!("../../assets/catalog/journey.json");

/// Anything the catalog lists with no more than a name and a sentence.
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Described {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StageInfo {
    /// 1 (Exploratory) to 5 (Immersive); plans store this number, not the name.
    pub number: u8,
    pub name: String,
    pub summary: String,
}

#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Facet {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub subfacets: Vec<SubFacet>,
}

#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
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
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
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

#[derive(Debug, Clone, Copy, Serialize, ts_rs::TS, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum RequirementSource {
    /// The nine business requirements of Accredible's credential framework.
    Accredible,
    /// The institutional drivers of WCET's piece on micro-credential metrics.
    Wcet,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub id: String,
    pub source: RequirementSource,
    pub name: String,
    pub description: String,
    /// Short names of the metrics commonly tracked for it.
    pub metrics: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
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
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
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
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BadgeLevelTemplate {
    pub id: String,
    pub name: String,
    pub description: String,
    pub assessment: String,
    pub evidence: String,
    pub visual_cue: String,
}

/// What a step of the journey is for, in a sentence or two shown at the top of its screen.
#[derive(Debug, Clone, Serialize, ts_rs::TS, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StepIntro {
    pub step: crate::progress::Step,
    pub intro: String,
}

/// A part of a SMART goal as the goal builder asks for it: what to write, and an example.
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SmartPrompt {
    /// The goal field it fills (`specific` … `time_bound`).
    pub id: String,
    pub name: String,
    pub prompt: String,
    pub placeholder: String,
}

#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// One per step of the journey, in the journey's order.
    pub steps: Vec<StepIntro>,
    /// The five parts of a SMART goal, in order.
    pub smart_parts: Vec<SmartPrompt>,
    pub stages: Vec<StageInfo>,
    pub facets: Vec<Facet>,
    pub success_factors: Vec<Described>,
    /// Said wherever targets are set or reported: the model does not expect every facet to
    /// reach Immersive.
    pub targets_note: String,
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
    /// The room's log: a heading and a sentence for each of its three lists, by kind.
    pub room_log: Vec<Described>,
    /// Skills frameworks and standards a program commonly aligns its badges to.
    pub skills_frameworks: Vec<Described>,
    /// What every badge must carry before it is published, checked badge by badge
    /// (`model::metadata_gaps`) by the same data in the core and the app.
    pub badge_metadata_policy: Vec<PolicyItem>,
}

/// One item of the badge metadata policy: met when any of its badge fields is filled (a
/// text not blank, a link set, a list not empty). The rule is data, so the app's card and
/// the core's checks read one definition.
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PolicyItem {
    pub id: String,
    pub fields: Vec<String>,
    pub name: String,
    pub description: String,
}

// The three files as they are on disk; each is read whole into the one `Catalog`.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelFile {
    stages: Vec<StageInfo>,
    facets: Vec<Facet>,
    targets_note: String,
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
    steps: Vec<StepIntro>,
    smart_parts: Vec<SmartPrompt>,
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
    room_log: Vec<Described>,
    skills_frameworks: Vec<Described>,
    badge_metadata_policy: Vec<PolicyItem>,
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
        steps: j.steps,
        smart_parts: j.smart_parts,
        stages: model.stages,
        facets,
        success_factors: model.success_factors,
        targets_note: model.targets_note,
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
        room_log: j.room_log,
        skills_frameworks: j.skills_frameworks,
        badge_metadata_policy: j.badge_metadata_policy,
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

    pub fn skills_framework(&self, id: &str) -> Option<&Described> {
        self.skills_frameworks.iter().find(|f| f.id == id)
    }

    pub fn success_factor(&self, id: &str) -> Option<&Described> {
        self.success_factors.iter().find(|f| f.id == id)
    }

    /// The words at the top of a step's screen.
    pub fn step_intro(&self, step: crate::progress::Step) -> Option<&str> {
        self.steps
            .iter()
            .find(|s| s.step == step)
            .map(|s| s.intro.as_str())
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
mod tests;
