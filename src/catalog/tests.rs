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
fn worked_examples_cover_every_subfacet_the_app_shows_beside_a_heatmap() {
    // The app draws an example as a read-only heatmap row by row: a sub-facet left out
    // would show as an empty row, as if the example had not placed it.
    let all: Vec<&str> = c().subfacets().map(|s| s.id.as_str()).collect();
    let names: Vec<&str> = c()
        .worked_examples
        .iter()
        .map(|w| w.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Example 1: Exploratory Pilot",
            "Example 2: Subsequent Expansion"
        ],
        "the model's own names for its sample scenarios"
    );
    for w in &c().worked_examples {
        let current: Vec<&str> = w.current.keys().map(String::as_str).collect();
        let mut want = all.clone();
        want.sort_unstable();
        assert_eq!(
            current, want,
            "{}: a current stage for every sub-facet",
            w.id
        );
        if !w.phase2.is_empty() {
            let phase2: Vec<&str> = w.phase2.keys().map(String::as_str).collect();
            assert_eq!(
                phase2, want,
                "{}: a Phase 2 stage for every sub-facet",
                w.id
            );
        }
    }
    let pilot = c().worked_example("exploratory-pilot").expect("example 1");
    assert!(
        pilot.phase2.is_empty(),
        "example 1 shows the current state only"
    );
    let expansion = c()
        .worked_example("subsequent-expansion")
        .expect("example 2");
    assert_eq!(
        expansion.current, pilot.current,
        "example 2 starts where the pilot of example 1 left off"
    );
}

#[test]
fn the_targets_note_says_immersive_is_not_required_everywhere() {
    let note = &c().targets_note;
    assert!(
        note.contains("Immersive") && note.contains("not"),
        "the note must say not every facet needs to reach Immersive: {note}"
    );
}

#[test]
fn the_reworded_cells_keep_the_models_meaning() {
    let d = |sub: &str, stage: u8| {
        c().subfacet(sub)
            .and_then(|s| s.descriptor(stage))
            .unwrap_or_else(|| panic!("{sub} stage {stage} exists"))
            .to_string()
    };
    // "1+" in the model means one or more, not more than one.
    assert!(
        d("cohort-size", 4).starts_with("One or more"),
        "{}",
        d("cohort-size", 4)
    );
    // Re-use means repurposing existing content, not using it as it stands.
    for stage in [1, 2] {
        let t = d("instructional-content", stage);
        assert!(t.contains("repurposed") && !t.contains("as it is"), "{t}");
    }
    // The instructional designers work on the re-used part, not on the whole mix.
    assert!(d("instructional-content", 5).contains("adapt the reused part"));
    // A survey partly integrated into the program, not linked to other systems.
    let t = d("feedback-mechanism", 4);
    assert!(
        t.contains("partly built into the program") && !t.contains("systems"),
        "{t}"
    );
    // "Award students" are certificate, diploma and degree students: the cells say so.
    for stage in 1..=5 {
        let t = d("target-audience", stage);
        assert!(t.contains("certificate, diploma or degree students"), "{t}");
        assert!(!t.contains("award students"), "{t}");
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

#[test]
fn every_step_of_the_journey_has_one_intro_in_the_journeys_order() {
    let steps: Vec<crate::progress::Step> = c().steps.iter().map(|s| s.step).collect();
    assert_eq!(
        steps,
        crate::progress::Step::ALL,
        "one intro per step, in order"
    );
    for s in &c().steps {
        assert_text(&format!("steps.{:?}.intro", s.step), &s.intro);
        assert!(
            s.intro.ends_with('.'),
            "{:?}: an intro is whole sentences",
            s.step
        );
    }
    assert!(c()
        .step_intro(crate::progress::Step::Maturity)
        .is_some_and(|t| t.contains("maturity model")));
}

#[test]
fn the_goal_builder_asks_for_the_five_smart_parts_in_order() {
    let ids: Vec<&str> = c().smart_parts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "specific",
            "measurable",
            "achievable",
            "relevant",
            "time_bound"
        ],
        "each part names the goal field it fills"
    );
    let letters: String = c()
        .smart_parts
        .iter()
        .filter_map(|p| p.name.chars().next())
        .collect();
    assert_eq!(letters, "SMART");
    for p in &c().smart_parts {
        assert_text(&format!("smart_parts.{}.prompt", p.id), &p.prompt);
        assert!(
            p.placeholder.starts_with("e.g. "),
            "{}: the placeholder is an example",
            p.id
        );
    }
}
