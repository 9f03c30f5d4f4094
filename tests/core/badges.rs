//! Badges and issuing: badges, pathways of badges and issuing routes are stored and checked
//! field by field, each badge's missing metadata is counted on its step, the plan file carries
//! them (an older file imports with none), `stepwise show` and `check` say them, and the
//! workbook (calamine) and the PDF (pdftotext) hold them.

use crate::export_pdf::read::pages;
use crate::{demo_via_cli, now, stepwise, TempDb};
use calamine::{open_workbook, DataType, Reader, Xlsx};
use stepwise::demo::demo_plan;
use stepwise::export::Format;
use stepwise::model::{metadata_gaps, Badge, BadgeLevel, BadgePathway, BadgeStatus, IssuingRoute};
use stepwise::progress::{step_checks, step_progress, Step};
use stepwise::{planfile, Edit, Entity, Plan, Store};

fn badge(name: &str) -> Badge {
    Badge {
        id: stepwise::model::new_id(),
        name: name.into(),
        description: String::new(),
        level_id: None,
        owner: String::new(),
        criteria: String::new(),
        evidence: String::new(),
        skills: String::new(),
        framework_ids: vec![],
        expiry_months: None,
        issuer: String::new(),
        status: BadgeStatus::Proposed,
    }
}

fn level() -> BadgeLevel {
    BadgeLevel {
        id: "level-performance".into(),
        name: "Performance".into(),
        description: String::new(),
        assessment: String::new(),
        evidence: String::new(),
        visual_cue: String::new(),
    }
}

fn put(store: &mut Store, plan: &str, entity: Entity) -> stepwise::Result<()> {
    store.apply(plan, &Edit::Put { entity }, now())
}

fn gap_ids(b: &Badge) -> Vec<&'static str> {
    metadata_gaps(b).iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn the_metadata_policy_names_what_a_badge_lacks_and_each_field_filled_takes_one_away() {
    let mut b = badge("SQL for Analysis");
    assert_eq!(
        gap_ids(&b),
        [
            "description",
            "level",
            "criteria",
            "evidence",
            "skills",
            "issuer",
            "owner"
        ]
    );
    b.criteria = "Scores proficient on every rubric row".into();
    b.level_id = Some("level-performance".into());
    assert_eq!(
        gap_ids(&b),
        ["description", "evidence", "skills", "issuer", "owner"]
    );
    // Blank text is not an answer.
    b.evidence = "   ".into();
    assert!(gap_ids(&b).contains(&"evidence"));
    // A framework is a skills alignment as much as words are.
    b.framework_ids = vec!["framework-esco".into()];
    assert!(!gap_ids(&b).contains(&"skills"));
    b.framework_ids.clear();
    b.skills = "Querying databases".into();
    assert!(!gap_ids(&b).contains(&"skills"));
    b.description = "Writes SQL that answers business questions".into();
    b.evidence = "The final project".into();
    b.issuer = "Faculty of Business".into();
    b.owner = "Prof. Adeyemi".into();
    assert!(gap_ids(&b).is_empty());
    assert_eq!(
        stepwise::model::gaps_line(&badge("x")).split(", ").count(),
        7
    );
}

#[test]
fn every_item_of_the_catalogs_policy_names_fields_a_badge_has() {
    let empty = badge("Empty");
    let fields = serde_json::to_value(&empty).unwrap();
    let policy = &stepwise::catalog::catalog().badge_metadata_policy;
    assert!(!policy.is_empty());
    for item in policy {
        assert!(!item.fields.is_empty(), "{:?} names no field", item.id);
        for f in &item.fields {
            assert!(
                fields.get(f).is_some(),
                "{:?} names {f:?}, which a badge does not have",
                item.id
            );
        }
        assert!(
            !stepwise::model::meets_policy(&empty, item),
            "an empty badge does not meet {:?}",
            item.id
        );
        assert!(!item.name.trim().is_empty() && !item.description.trim().is_empty());
    }
}

#[test]
fn badges_pathways_and_routes_are_stored_and_a_deleted_badge_leaves_the_chain() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Pilot", now()).unwrap();
    put(&mut store, &plan.id, Entity::BadgeLevel(level())).unwrap();
    let mut a = badge("Data Literacy");
    a.level_id = Some("level-performance".into());
    a.expiry_months = Some(36);
    a.status = BadgeStatus::Approved;
    let b = badge("SQL for Analysis");
    put(&mut store, &plan.id, Entity::Badge(a.clone())).unwrap();
    put(&mut store, &plan.id, Entity::Badge(b.clone())).unwrap();
    let p = BadgePathway {
        id: "analytics".into(),
        name: "Applied Data Analytics".into(),
        credential: "Certificate".into(),
        description: String::new(),
        badge_ids: vec![a.id.clone(), b.id.clone()],
    };
    let r = IssuingRoute {
        id: "pilot".into(),
        platform: "Badge platform".into(),
        courses: "DATA 1100".into(),
        badge_ids: vec![a.id.clone()],
        cohorts: "Fall".into(),
        sis_name: "DATA 1100-MC".into(),
        issued_by: "Instructors".into(),
        pilot: true,
    };
    put(&mut store, &plan.id, Entity::BadgePathway(p.clone())).unwrap();
    put(&mut store, &plan.id, Entity::IssuingRoute(r.clone())).unwrap();
    let stored = db.open().plan(&plan.id).unwrap();
    assert_eq!(stored.badges, vec![a.clone(), b]);
    assert_eq!(stored.badge_pathways, vec![p]);
    assert_eq!(stored.issuing_routes, vec![r]);

    let delete = |kind, id: &str| Edit::Delete {
        kind,
        id: id.to_string(),
    };
    store
        .apply(&plan.id, &delete(stepwise::Kind::Badge, &a.id), now())
        .unwrap();
    store
        .apply(
            &plan.id,
            &delete(stepwise::Kind::BadgeLevel, "level-performance"),
            now(),
        )
        .unwrap();
    let stored = db.open().plan(&plan.id).unwrap();
    assert_eq!(
        stored.badge_pathways[0].badge_ids.len(),
        1,
        "the pathway keeps the other badge"
    );
    assert!(stored.issuing_routes[0].badge_ids.is_empty());
    assert_eq!(stored.badges.len(), 1);
}

#[test]
fn a_badge_pathway_or_route_with_bad_fields_is_refused_naming_each_and_nothing_is_written() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Pilot", now()).unwrap();
    let mut b = badge(" ");
    b.expiry_months = Some(0);
    let err = put(&mut store, &plan.id, Entity::Badge(b))
        .unwrap_err()
        .to_string();
    for needle in [
        "badge.name",
        "badge.expiry_months",
        "or none for a badge that does not expire",
    ] {
        assert!(err.contains(needle), "{needle:?} in {err}");
    }
    let mut b = badge("Unknown level");
    b.level_id = Some("no-such-level".into());
    let err = put(&mut store, &plan.id, Entity::Badge(b))
        .unwrap_err()
        .to_string();
    assert!(err.contains("level_id"), "{err}");
    let ok = badge("Twice");
    put(&mut store, &plan.id, Entity::Badge(ok.clone())).unwrap();
    let p = BadgePathway {
        id: "p".into(),
        name: String::new(),
        credential: String::new(),
        description: String::new(),
        badge_ids: vec![ok.id.clone(), ok.id.clone()],
    };
    let err = put(&mut store, &plan.id, Entity::BadgePathway(p))
        .unwrap_err()
        .to_string();
    for needle in [
        "badge_pathway.name",
        "badge_pathway.badge_ids",
        "the same badge twice",
    ] {
        assert!(err.contains(needle), "{needle:?} in {err}");
    }
    let r = IssuingRoute {
        id: "r".into(),
        platform: "".into(),
        courses: String::new(),
        badge_ids: vec!["no-such-badge".into()],
        cohorts: String::new(),
        sis_name: String::new(),
        issued_by: String::new(),
        pilot: false,
    };
    let err = put(&mut store, &plan.id, Entity::IssuingRoute(r))
        .unwrap_err()
        .to_string();
    assert!(err.contains("issuing_route.platform"), "{err}");
    let stored = db.open().plan(&plan.id).unwrap();
    assert_eq!(stored.badges, vec![ok]);
    assert!(stored.badge_pathways.is_empty() && stored.issuing_routes.is_empty());
}

#[test]
fn the_badges_step_counts_each_badge_ready_to_publish_a_pathway_a_route_and_a_pilot() {
    let mut plan = Plan::new("Pilot", now());
    let empty = step_progress(&plan, Step::Badges);
    assert_eq!((empty.done, empty.total), (0, 4));
    assert_eq!(Step::Badges.number(), 7, "right after governance");
    let mut b = badge("Data Literacy");
    plan.badges.push(b.clone());
    let one = step_progress(&plan, Step::Badges);
    assert_eq!((one.done, one.total), (0, 4));
    assert!(
        one.missing[0]
            .starts_with("badge \u{201c}Data Literacy\u{201d} lacks description, level, criteria"),
        "{:?}",
        one.missing
    );
    b.description = "d".into();
    b.level_id = Some("l".into());
    b.criteria = "c".into();
    b.evidence = "e".into();
    b.skills = "s".into();
    b.issuer = "i".into();
    b.owner = "o".into();
    plan.badges[0] = b.clone();
    let second = badge("SQL");
    plan.badges.push(second.clone());
    assert_eq!(step_progress(&plan, Step::Badges).done, 1);
    plan.badge_pathways.push(BadgePathway {
        id: "p".into(),
        name: "Analytics".into(),
        credential: "Certificate".into(),
        description: String::new(),
        badge_ids: vec![b.id.clone(), second.id.clone()],
    });
    plan.issuing_routes.push(IssuingRoute {
        id: "r".into(),
        platform: "Platform".into(),
        courses: String::new(),
        badge_ids: vec![b.id.clone()],
        cohorts: String::new(),
        sis_name: String::new(),
        issued_by: "Badge administrators".into(),
        pilot: false,
    });
    assert_eq!(step_progress(&plan, Step::Badges).done, 3);
    plan.issuing_routes[0].pilot = true;
    let p = step_progress(&plan, Step::Badges);
    assert_eq!((p.done, p.total), (4, 5));
    let parts: Vec<String> = step_checks(&plan, Step::Badges)
        .into_iter()
        .map(|c| c.part)
        .collect();
    assert_eq!(
        parts,
        [b.id.as_str(), &second.id, "pathways", "issuing", "pilot"]
    );
}

#[test]
fn the_plan_file_carries_badges_pathways_routes_and_the_committees_texts_and_an_older_file_imports_with_none(
) {
    let plan = demo_plan(now());
    assert_eq!(
        (
            plan.badges.len(),
            plan.badge_pathways.len(),
            plan.issuing_routes.len()
        ),
        (8, 1, 2)
    );
    assert!(plan
        .settings
        .approval_criteria
        .contains("The committee approves a badge"));
    let file = planfile::to_json(&plan, now());
    let back = planfile::parse(file.as_bytes()).unwrap();
    assert_eq!(back.badges, plan.badges);
    assert_eq!(back.badge_pathways, plan.badge_pathways);
    assert_eq!(back.issuing_routes, plan.issuing_routes);
    assert_eq!(back.settings, plan.settings);

    let mut old: serde_json::Value = serde_json::from_str(&file).unwrap();
    old["version"] = 6.into();
    let p = old["plan"].as_object_mut().unwrap();
    for list in ["badges", "badge_pathways", "issuing_routes"] {
        p.remove(list);
    }
    let s = p["settings"].as_object_mut().unwrap();
    s.remove("approval_criteria");
    s.remove("badge_requirements");
    let back = planfile::parse(old.to_string().as_bytes()).unwrap();
    assert!(
        back.badges.is_empty() && back.badge_pathways.is_empty() && back.issuing_routes.is_empty()
    );
    assert_eq!(back.settings.approval_criteria, "");
    assert_eq!(back.frameworks, plan.frameworks, "the rest is untouched");
}

#[test]
fn show_and_check_name_each_badge_with_what_it_lacks_the_pathway_and_the_pilot() {
    let db = TempDb::new();
    let id = demo_via_cli(&db.path);
    let show = String::from_utf8(stepwise(&db.path, &["show", &id]).stdout).unwrap();
    assert!(
        show.contains(
            "badges: 8 (8 ready to publish)  pathways to a credential: 1  issuing routes: 2"
        ),
        "{show}"
    );
    // A badge still being written says what it lacks.
    let mut plan = db.open().plan(&id).unwrap();
    let b = plan
        .badges
        .iter_mut()
        .find(|b| b.name == "Visual Storytelling")
        .unwrap();
    b.criteria.clear();
    b.evidence.clear();
    b.owner.clear();
    db.open()
        .apply(
            &id,
            &Edit::Put {
                entity: Entity::Badge(b.clone()),
            },
            now(),
        )
        .unwrap();
    let check = String::from_utf8(stepwise(&db.path, &["check", &id]).stdout).unwrap();
    for needle in [
        "Badges:",
        "  Piloting  Compass: Campus Navigator",
        "  Proposed  Visual Storytelling\n      lacks for publication: criteria, evidence, owner",
        "Applied Data Analytics: Data Literacy -> SQL for Analysis -> Python for Data -> Visual Storytelling -> Applied Data Analytics certificate",
        "(pilot): 3 badge(s); issued by: Badge administrators",
    ] {
        assert!(check.contains(needle), "{needle:?} in {check}");
    }
}

#[test]
fn the_workbook_and_the_pdf_hold_every_badge_its_gaps_the_chain_and_the_pilot() {
    let mut plan = demo_plan(now());
    let b = plan
        .badges
        .iter_mut()
        .find(|b| b.name == "Visual Storytelling")
        .unwrap();
    b.criteria.clear();
    b.evidence.clear();
    b.owner.clear();
    let db = TempDb::new();
    let mut store = db.open();
    store.insert_plan(&plan).unwrap();

    let xlsx = db.dir.path().join("plan.xlsx");
    let bytes = stepwise::export::render(&store, &plan.id, Format::Xlsx, now()).unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    wb.load_tables().unwrap();
    let badges = wb.table_by_name("BadgeCatalogue").unwrap();
    assert_eq!(badges.data().height(), 8);
    let rows: Vec<Vec<String>> = badges
        .data()
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.get_string().unwrap_or("").to_string())
                .collect()
        })
        .collect();
    let visual = rows.iter().find(|r| r[0] == "Visual Storytelling").unwrap();
    assert_eq!(visual[2], "Proposed");
    assert_eq!(visual[9], "criteria, evidence, owner");
    let literacy = rows.iter().find(|r| r[0] == "Data Literacy").unwrap();
    assert_eq!(literacy[9], "Ready to publish");
    let pathways = wb.table_by_name("BadgePathways").unwrap();
    let chain = pathways.data().rows().next().unwrap().to_vec();
    assert_eq!(
        chain[2].get_string(),
        Some("Data Literacy → SQL for Analysis → Python for Data → Visual Storytelling")
    );
    let routes = wb.table_by_name("IssuingRoutes").unwrap();
    let first = routes.data().rows().next().unwrap().to_vec();
    assert_eq!(first[1].get_string(), Some("Yes"));
    assert!(wb.sheet_names().contains(&"Issuing".to_string()));
    let gov = wb.worksheet_range("Governance").unwrap();
    assert!(gov.rows().any(|r| r.iter().any(|c| c
        .get_string()
        .is_some_and(|s| s.starts_with("The committee approves a badge")))));

    let pdf = db.dir.path().join("plan.pdf");
    let bytes = stepwise::export::render(&store, &plan.id, Format::Pdf, now()).unwrap();
    std::fs::write(&pdf, bytes).unwrap();
    let text = pages(&pdf).join(" ");
    for needle in [
        "7. Badges and issuing",
        "8 badges in the catalogue, 7 ready to publish; the pilot issues 3 badges",
        "Badge catalogue",
        "Compass: Campus Navigator",
        "Missing for publication",
        "Pathways to a credential",
        "Applied Data Analytics certificate (12 credits",
        "Issuing plan",
        "In the student system: Co-curricular code CCR-COMPASS",
        "Approval criteria",
        "Published badge requirements",
    ] {
        assert!(text.contains(needle), "{needle:?} in the PDF");
    }
}
