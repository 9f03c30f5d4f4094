//! The TypeScript types of everything that crosses to the UI are generated from the Rust types
//! (ts-rs) into `ui/src/lib/bindings/` and committed. This test regenerates them and fails when
//! the committed files differ; `UPDATE_BINDINGS=1 cargo test -p stepwise-app bindings` rewrites
//! them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS};

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

/// Every type a command takes or returns; their dependencies come along.
fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    macro_rules! export {
        ($($t:ty),* $(,)?) => { $( <$t>::export_all(&cfg).expect(concat!("export ", stringify!($t))); )* };
    }
    export!(
        crate::ApiError,
        crate::AppInfo,
        crate::Exported,
        stepwise::PlanSummary,
        stepwise::workspace::PlanState,
        stepwise::workspace::PlanUpdate,
        stepwise::catalog::Catalog,
        stepwise::Edit,
        stepwise::smart::Finding,
        stepwise::export::Format,
        crate::backend::maturity::Created,
        crate::backend::maturity::MaturityResults,
        crate::backend::maturity::FoundForm,
        crate::backend::maturity::ImportedForm,
        stepwise::maturity::AssessmentView,
        stepwise::maturity::Viewer,
        stepwise::maturity::ScoreEntry,
        stepwise::maturity::AgreedStage,
        stepwise::maturity::HeatmapView,
        stepwise::maturity::Comparison,
        stepwise::maturity::FactorRow,
    );
    // One module to import from, so the UI never lists the files by hand.
    let mut names: Vec<String> = files(dir).into_keys().collect();
    names.sort();
    let index: String = names
        .iter()
        .map(|n| format!("export type * from './{}';\n", n.trim_end_matches(".ts")))
        .collect();
    std::fs::write(dir.join("index.ts"), index).expect("write the bindings index");
}

fn files(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                .map(|e| {
                    let text = std::fs::read_to_string(e.path()).expect("read a binding");
                    (e.file_name().to_string_lossy().into_owned(), text)
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_committed_typescript_types_match_the_rust_types() {
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    let generated = files(fresh.path());
    assert!(generated.len() > 20, "the bindings cover the plan model");
    let committed_dir = committed_dir();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        if committed_dir.exists() {
            std::fs::remove_dir_all(&committed_dir).unwrap();
        }
        std::fs::create_dir_all(&committed_dir).unwrap();
        for (name, text) in &generated {
            std::fs::write(committed_dir.join(name), text).unwrap();
        }
        return;
    }
    let committed = files(&committed_dir);
    let stale: Vec<_> = generated
        .iter()
        .filter(|(name, text)| committed.get(*name) != Some(*text))
        .map(|(name, _)| name.as_str())
        .chain(
            committed
                .keys()
                .filter(|name| !generated.contains_key(*name))
                .map(String::as_str),
        )
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/lib/bindings is out of date with the Rust types ({stale:?}); \
         run `UPDATE_BINDINGS=1 cargo test -p stepwise-app bindings` and commit the result"
    );
}
