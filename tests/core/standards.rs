//! Standards and skills: the frameworks badges align to and the register of objections about
//! rigour are stored and checked field by field, counted on the governance step, carried by
//! the plan file (an older file imports with neither), said by `stepwise show` and `check`,
//! and found in the workbook (calamine) and the PDF (pdftotext).

use crate::export_pdf::read::pages;
use crate::{demo_via_cli, now, stepwise, TempDb};
use calamine::{open_workbook, DataType, Xlsx};
use stepwise::demo::demo_plan;
use stepwise::export::Format;
use stepwise::model::{BadgeLevel, Framework, Objection, ObjectionStatus};
use stepwise::progress::{step_progress, Step};
use stepwise::{planfile, Edit, Entity, Plan, Store};

fn framework(name: &str) -> Framework {
    Framework {
        id: stepwise::model::new_id(),
        catalog_id: None,
        name: name.into(),
        alignment: String::new(),
        level_ids: vec![],
    }
}

fn objection(text: &str) -> Objection {
    Objection {
        id: stepwise::model::new_id(),
        objection: text.into(),
        raised_by: String::new(),
        answer: String::new(),
        evidence: String::new(),
        status: ObjectionStatus::Open,
    }
}

fn put(store: &mut Store, plan: &str, entity: Entity) -> stepwise::Result<()> {
    store.apply(plan, &Edit::Put { entity }, now())
}

#[test]
fn a_framework_and_an_objection_are_stored_and_a_deleted_level_leaves_the_framework() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Pilot", now()).unwrap();
    let level = BadgeLevel {
        id: "level-performance".into(),
        name: "Performance".into(),
        description: String::new(),
        assessment: String::new(),
        evidence: String::new(),
        visual_cue: String::new(),
    };
    put(&mut store, &plan.id, Entity::BadgeLevel(level.clone())).unwrap();
    let mut f = framework("ESCO");
    f.catalog_id = Some("esco".into());
    f.alignment = "Skills tagged with ESCO addresses".into();
    f.level_ids = vec![level.id.clone()];
    let mut o = objection("Badges lack rigour");
    o.raised_by = "Faculty of Arts".into();
    o.answer = "Only assessed levels align to the framework".into();
    o.status = ObjectionStatus::Answered;
    put(&mut store, &plan.id, Entity::Framework(f.clone())).unwrap();
    put(&mut store, &plan.id, Entity::Objection(o.clone())).unwrap();

    let stored = db.open().plan(&plan.id).unwrap();
    assert_eq!(stored.frameworks, vec![f.clone()]);
    assert_eq!(stored.objections, vec![o]);

    store
        .apply(
            &plan.id,
            &Edit::Delete {
                kind: stepwise::Kind::BadgeLevel,
                id: level.id.clone(),
            },
            now(),
        )
        .unwrap();
    let stored = db.open().plan(&plan.id).unwrap();
    assert_eq!(stored.frameworks.len(), 1, "the framework stays");
    assert!(
        stored.frameworks[0].level_ids.is_empty(),
        "without the deleted level"
    );
}

#[test]
fn a_framework_or_objection_with_bad_fields_is_refused_naming_each_and_nothing_is_written() {
    let db = TempDb::new();
    let mut store = db.open();
    let plan = store.create_plan("Pilot", now()).unwrap();
    let mut f = framework("  ");
    f.catalog_id = Some("no-such-framework".into());
    let err = put(&mut store, &plan.id, Entity::Framework(f))
        .unwrap_err()
        .to_string();
    for needle in ["skills_framework.name", "skills_framework.catalog_id"] {
        assert!(err.contains(needle), "{needle:?} in {err}");
    }
    let mut o = objection("");
    o.status = ObjectionStatus::Answered;
    let err = put(&mut store, &plan.id, Entity::Objection(o))
        .unwrap_err()
        .to_string();
    for needle in [
        "objection.objection",
        "objection.status",
        "cannot be Answered until the answer is written",
    ] {
        assert!(err.contains(needle), "{needle:?} in {err}");
    }
    let mut f = framework("Our own");
    f.level_ids = vec!["no-such-level".into()];
    assert!(put(&mut store, &plan.id, Entity::Framework(f)).is_err());
    let stored = db.open().plan(&plan.id).unwrap();
    assert!(
        stored.frameworks.is_empty() && stored.objections.is_empty(),
        "nothing was written"
    );
}

#[test]
fn the_governance_step_counts_a_framework_and_an_answer_to_every_objection() {
    let mut plan = Plan::new("Pilot", now());
    let before = step_progress(&plan, Step::Governance);
    plan.frameworks.push(framework("SFIA"));
    let with_framework = step_progress(&plan, Step::Governance);
    assert_eq!(with_framework.done, before.done + 1);
    assert!(with_framework
        .missing
        .iter()
        .any(|m| m.contains("doubts about rigour")));
    plan.objections
        .push(objection("Employers will not recognise badges"));
    let open = step_progress(&plan, Step::Governance);
    assert_eq!(
        open.done, with_framework.done,
        "an open objection does not count"
    );
    assert!(open.missing.iter().any(|m| m.contains("(1 open)")));
    plan.objections[0].answer = "Employers endorse the skills".into();
    plan.objections[0].status = ObjectionStatus::Answered;
    assert_eq!(
        step_progress(&plan, Step::Governance).done,
        with_framework.done + 1
    );
}

#[test]
fn the_plan_file_carries_frameworks_and_objections_and_an_older_file_imports_with_none() {
    let plan = demo_plan(now());
    assert_eq!((plan.frameworks.len(), plan.objections.len()), (2, 2));
    let file = planfile::to_json(&plan, now());
    let back = planfile::parse(file.as_bytes()).unwrap();
    assert_eq!(back.frameworks, plan.frameworks);
    assert_eq!(back.objections, plan.objections);

    let mut old: serde_json::Value = serde_json::from_str(&file).unwrap();
    old["version"] = 5.into();
    let p = old["plan"].as_object_mut().unwrap();
    // Version 5 had neither these nor the badges that cite the frameworks.
    for list in [
        "frameworks",
        "objections",
        "badges",
        "badge_pathways",
        "issuing_routes",
    ] {
        p.remove(list);
    }
    let back = planfile::parse(old.to_string().as_bytes()).unwrap();
    assert!(back.frameworks.is_empty() && back.objections.is_empty());
    assert_eq!(
        back.badge_levels, plan.badge_levels,
        "the rest is untouched"
    );
}

#[test]
fn show_and_check_name_the_frameworks_and_each_objection_with_its_status() {
    let db = TempDb::new();
    let id = demo_via_cli(&db.path);
    let show = String::from_utf8(stepwise(&db.path, &["show", &id]).stdout).unwrap();
    assert!(
        show.contains("skills frameworks: 2  objections about rigour: 2 (0 open)"),
        "{show}"
    );
    let check = String::from_utf8(stepwise(&db.path, &["check", &id]).stdout).unwrap();
    for needle in [
        "Skills frameworks and standards:",
        "  Provincial qualifications framework",
        "  ESCO",
        "Objections about rigour:",
        "Answered  Employers and accrediting bodies may not recognise a digital badge at all.",
    ] {
        assert!(check.contains(needle), "{needle:?} in {check}");
    }
}

#[test]
fn the_workbook_and_the_pdf_hold_every_framework_and_objection() {
    let mut plan = demo_plan(now());
    let mut open = objection("Senate will not accept credit for badges");
    open.raised_by = "Senate Academic Planning Committee".into();
    plan.objections.push(open);
    let db = TempDb::new();
    let mut store = db.open();
    store.insert_plan(&plan).unwrap();

    let xlsx = db.dir.path().join("plan.xlsx");
    let bytes = stepwise::export::render(&store, &plan.id, Format::Xlsx, now()).unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    wb.load_tables().unwrap();
    let frameworks = wb.table_by_name("Frameworks").unwrap();
    assert_eq!(
        frameworks.columns(),
        ["Framework", "How badges align to it", "Badge levels"]
    );
    let names: Vec<_> = frameworks
        .data()
        .rows()
        .map(|r| r[0].get_string().unwrap().to_string())
        .collect();
    assert_eq!(names, ["Provincial qualifications framework", "ESCO"]);
    let objections = wb.table_by_name("Objections").unwrap();
    assert_eq!(objections.data().height(), 3);
    let first = &objections.data().rows().next().unwrap().to_vec();
    assert_eq!(
        first[0].get_string(),
        Some("Senate will not accept credit for badges"),
        "the open objection comes first"
    );
    assert_eq!(first[4].get_string(), Some("Open"));

    let pdf = db.dir.path().join("plan.pdf");
    let bytes = stepwise::export::render(&store, &plan.id, Format::Pdf, now()).unwrap();
    std::fs::write(&pdf, bytes).unwrap();
    let text = pages(&pdf).join(" ");
    for needle in [
        "Standards and skills",
        "1 of 3 doubts about rigour are still open.",
        "Provincial qualifications framework",
        "Senate will not accept credit for badges",
        "Raised by Sofía Castellanos, Students’ Union",
        "Evidence: The goal that regional employers endorse the analytics skills",
    ] {
        assert!(text.contains(needle), "{needle:?} in the PDF");
    }
}
