//! Generated plans: the demo plan with every piece of prose replaced by generated text (any
//! Unicode: every script, emoji, right-to-left, combining marks, texts of thousands of
//! characters; the 20,000-character limit itself is in export_xlsx::ordinary) and with extra
//! goals and roles. For every plan the store accepts, the plan
//! file round trip loses nothing, and the PDF and the workbook both export.

use crate::{now, TempDb};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::OnceLock;
use stepwise::export::{self, Format};
use stepwise::{planfile, Plan};

/// Texts in the scripts and shapes plans are written in, mixed with arbitrary characters.
const SAMPLES: &[&str] = &[
    "École supérieure",
    "école supérieure",
    "北京大学 继续教育学院",
    "東京大学の学び直し",
    "서울대학교 평생교육원",
    "מיקרו-תעודות באוניברסיטה העברית",
    "الشهادات المصغرة في الجامعة",
    "Вышая школа",
    "ΣΤΡΑΤΗΓΙΚΗ",
    "हिन्दी विश्वविद्यालय",
    "👩‍🎓 badges 🎓✨",
    "Associate Vice-President, Teaching & Learning",
    "Straße & STRASSE",
    "a\u{0301}e\u{0308} combining",
    "<script>alert(1)</script> =SUM(A1)",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => prop::sample::select(SAMPLES).prop_map(String::from),
        8 => "\\PC{1,60}",
        1 => (prop::sample::select(SAMPLES), 1usize..2_000).prop_map(|(s, n)| {
            // Long texts, up to the store's limit in characters (and past Excel's cell in
            // UTF-16 units when they are emoji).
            s.chars().cycle().take(n).collect()
        }),
    ]
    .prop_filter("a text with something in it", |s| !s.trim().is_empty())
}

/// Every string under `v` held by a key in `keys` (or by any key, with `None`) is passed to
/// `f`, with its key.
fn strings(v: &mut Value, key: &str, f: &mut impl FnMut(&str, &mut String)) {
    match v {
        Value::String(s) => f(key, s),
        Value::Array(items) => items.iter_mut().for_each(|x| strings(x, key, f)),
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                strings(x, k, f);
            }
        }
        _ => {}
    }
}

/// The keys whose strings are free text: found by trying, so ids, enum values, catalog
/// references and dates are left alone whatever they are called.
fn prose_keys() -> &'static HashSet<String> {
    static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let demo = serde_json::to_value(stepwise::demo::demo_plan(now())).unwrap();
        let mut keys = HashSet::new();
        strings(&mut demo.clone(), "", &mut |k, _| {
            keys.insert(k.to_string());
        });
        keys.into_iter()
            .filter(|key| key != "id" && !key.ends_with("_id") && !key.ends_with("_ids"))
            .filter(|key| {
                let mut v = demo.clone();
                strings(&mut v, "", &mut |k, s| {
                    if k == key {
                        *s = "Ω free text".into();
                    }
                });
                serde_json::from_value::<Plan>(v)
                    .is_ok_and(|p| stepwise::validate::plan_problems(&p).is_empty())
            })
            .collect()
    })
}

/// Replaces every prose string under `v`, taking texts from `pool` in turn.
fn rewrite(v: &mut Value, pool: &[String]) {
    let keys = prose_keys();
    let mut next = 0;
    strings(v, "", &mut |k, s| {
        if keys.contains(k) {
            *s = pool[next % pool.len()].clone();
            next += 1;
        }
    });
}

/// `n` copies of the first record of `kind`, each with its own id and a text from the pool.
fn more(plan: &mut Value, kind: &str, n: usize, pool: &[String]) {
    let Some(list) = plan[kind].as_array_mut() else {
        return;
    };
    let Some(first) = list.first().cloned() else {
        return;
    };
    for i in 0..n {
        let mut copy = first.clone();
        copy["id"] = Value::String(format!("gen-{kind}-{i}"));
        for field in ["name", "title"] {
            if copy.get(field).is_some() {
                copy[field] = Value::String(pool[(i + field.len()) % pool.len()].clone());
            }
        }
        list.push(copy);
    }
}

fn generated(pool: Vec<String>, goals: usize, roles: usize, name: String) -> Plan {
    let mut v = serde_json::to_value(stepwise::demo::demo_plan(now())).unwrap();
    rewrite(&mut v, &pool);
    more(&mut v, "goals", goals, &pool);
    more(&mut v, "roles", roles, &pool);
    more(&mut v, "risks", roles, &pool);
    v["name"] = Value::String(name.chars().take(200).collect());
    serde_json::from_value(v).expect("a generated plan is still a plan")
}

/// The plan file with what an export or import may change blanked out.
fn comparable(text: &str) -> Value {
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["exported_at"] = Value::Null;
    for k in ["id", "created_at", "updated_at"] {
        v["plan"][k] = Value::Null;
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3, ..ProptestConfig::default() })]

    #[test]
    fn every_plan_the_store_accepts_round_trips_and_exports_to_pdf_and_xlsx(
        pool in prop::collection::vec(text(), 8..40),
        goals in 0usize..15,
        roles in 0usize..8,
        name in text(),
    ) {
        let plan = generated(pool, goals, roles, name);
        let db = TempDb::new();
        let mut store = db.open();
        if store.insert_plan(&plan).is_err() {
            // Only plans the store accepts are promised an export.
            return Err(TestCaseError::reject("the store refuses this plan"));
        }
        let first = planfile::export(&store, &plan.id, now()).unwrap();
        prop_assert_eq!(
            comparable(&planfile::to_json(&plan, now())),
            comparable(&first),
            "the store keeps the plan as given"
        );
        let imported = planfile::import(&mut store, first.as_bytes(), now()).unwrap();
        let second = planfile::export(&store, &imported.id, now()).unwrap();
        prop_assert_eq!(comparable(&first), comparable(&second), "the plan file is lossless");

        let pdf = export::render(&store, &plan.id, Format::Pdf, now());
        prop_assert!(pdf.is_ok(), "the PDF exports: {:?}", pdf.err());
        let xlsx = export::render(&store, &plan.id, Format::Xlsx, now());
        prop_assert!(xlsx.is_ok(), "the workbook exports: {:?}", xlsx.err());
        let wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx.unwrap())).unwrap();
        use calamine::Reader;
        prop_assert_eq!(wb.sheet_names().len(), 28, "and every sheet is in it");
    }
}
