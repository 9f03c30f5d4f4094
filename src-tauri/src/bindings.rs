//! What the UI knows of the Rust side is generated from it into `ui/src/lib/bindings/` and
//! committed: the TypeScript types of everything that crosses (ts-rs), the typed invoke table
//! of the commands (`commands.ts`, from the `commands!` list), and the core's constants the
//! screens use (`constants.ts`: the steps in order, each kind's list in the plan, the labels
//! of enums). This test regenerates them and fails when the committed files differ;
//! `UPDATE_BINDINGS=1 cargo test -p stepwise-app bindings` rewrites them.

use crate::commands::{signatures, Signature};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use stepwise::model::{ActionStatus, Better, CheckInConfidence, FactorStatus, Frequency, Kind};
use stepwise::smart::Severity;
use stepwise::status::MeasureStatus;
use stepwise::Step;
use ts_rs::{Config, TS};

const GENERATED: &str = "// Generated from the Rust side by src-tauri/src/bindings.rs; do not edit. Run\n// `UPDATE_BINDINGS=1 cargo test -p stepwise-app bindings` after changing it.\n";

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

fn config(dir: &Path) -> Config {
    Config::new().with_out_dir(dir).with_large_int("number")
}

/// Every type a command takes or returns; their dependencies come along.
fn export_all(dir: &Path) {
    let cfg = config(dir);
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
        stepwise::Intent,
        stepwise::api::Applied,
        stepwise::smart::Finding,
        stepwise::export::Format,
        stepwise::export::ExportOptions,
        stepwise::export::Appendices,
        stepwise::export::Paper,
        stepwise::api::MaturityResults,
        stepwise::api::ImportedForm,
        stepwise::maturity::forms::FoundForm,
        stepwise::maturity::AssessmentView,
        stepwise::maturity::Viewer,
        stepwise::maturity::ScoreEntry,
        stepwise::maturity::AgreedStage,
        stepwise::maturity::HeatmapView,
        stepwise::maturity::Comparison,
        stepwise::maturity::FactorRow,
        stepwise::maturity::FocusView,
        stepwise::maturity::FocusQueue,
        stepwise::maturity::AudienceRequest,
        stepwise::maturity::AudienceView,
        stepwise::maturity::AudienceRoom,
        stepwise::room::RoomOptions,
        stepwise::room::RoomInfo,
        stepwise::room::RoomStatus,
        stepwise::room::PersonalCode,
        stepwise::room::Interface,
        stepwise::room::RoomWelcome,
        stepwise::room::Joined,
        stepwise::room::JoinRequest,
        stepwise::room::RaterPage,
        stepwise::room::RaterAnswer,
        stepwise::room::RoomError,
        stepwise::figures::RiskBand,
    );
    std::fs::write(dir.join("commands.ts"), commands_ts(&signatures(&cfg)))
        .expect("write the commands");
    std::fs::write(dir.join("constants.ts"), constants_ts()).expect("write the constants");
    // One module to import the types from, so the UI never lists the files by hand. The two
    // generated modules hold values, imported from their own files.
    let mut names: Vec<String> = files(dir).into_keys().collect();
    names.sort();
    let index: String = names
        .iter()
        .map(|n| n.trim_end_matches(".ts"))
        .filter(|n| !["commands", "constants"].contains(n))
        .map(|n| format!("export type * from './{n}';\n"))
        .collect();
    std::fs::write(dir.join("index.ts"), index).expect("write the bindings index");
}

/// `plan_id` → `planId`, the way Tauri names a command's arguments on the JavaScript side.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The types a TypeScript type expression names (`Array<Exported>` → `Exported`).
fn named_types(ts: &str) -> impl Iterator<Item = String> + '_ {
    ts.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter(|w| !["Array", "Record", "Partial"].contains(w))
        .map(str::to_string)
}

/// The `Commands` interface (one method per command, named and ordered as in Rust) and
/// `tauriCommands`, which invokes each.
fn commands_ts(commands: &[Signature]) -> String {
    let answer = |s: &Signature| match s.returns.as_str() {
        "null" => "void".to_string(),
        other => other.to_string(),
    };
    let types: BTreeSet<String> = commands
        .iter()
        .flat_map(|s| {
            s.args
                .iter()
                .map(|(_, t)| t.clone())
                .chain([s.returns.clone()])
        })
        .flat_map(|t| named_types(&t).collect::<Vec<_>>())
        .collect();
    let mut out = String::from(GENERATED);
    out.push_str("import { invoke } from '@tauri-apps/api/core';\n");
    for t in &types {
        let _ = writeln!(out, "import type {{ {t} }} from './{t}';");
    }
    out.push_str("\n/** The desktop shell's commands, one method each, as declared in src-tauri/src/commands. */\nexport interface Commands {\n");
    for s in commands {
        let docs: Vec<&str> = s.docs.iter().map(|d| d.trim()).collect();
        if !docs.is_empty() {
            let _ = writeln!(out, "  /** {} */", docs.join(" "));
        }
        let args: Vec<String> = s
            .args
            .iter()
            .map(|(n, t)| format!("{}: {t}", camel(n)))
            .collect();
        let _ = writeln!(
            out,
            "  {}({}): Promise<{}>;",
            camel(s.name),
            args.join(", "),
            answer(s)
        );
    }
    out.push_str("}\n\nexport const tauriCommands: Commands = {\n");
    for s in commands {
        let names: Vec<String> = s.args.iter().map(|(n, _)| camel(n)).collect();
        let payload = if names.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", names.join(", "))
        };
        let _ = writeln!(
            out,
            "  {}: ({}) => invoke<{}>('{}'{payload}),",
            camel(s.name),
            names.join(", "),
            answer(s),
            s.name
        );
    }
    out.push_str("};\n");
    out
}

/// The serialized name of an enum value, as the UI holds it.
fn key<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .expect("a unit variant serializes as a string")
}

fn record<T: Serialize + Copy>(
    out: &mut String,
    doc: &str,
    name: &str,
    ty: &str,
    all: &[T],
    value: impl Fn(T) -> String,
) {
    let _ = writeln!(
        out,
        "\n/** {doc} */\nexport const {name}: Record<{ty}, string> = {{"
    );
    for v in all {
        let _ = writeln!(out, "  {}: {},", key(*v), json(&value(*v)));
    }
    out.push_str("};\n");
}

fn json(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// The core's constants the screens use, so the UI never copies them.
fn constants_ts() -> String {
    let mut out = String::from(GENERATED);
    out.push_str("import type { ActionStatus } from './ActionStatus';\nimport type { BadgeStatus } from './BadgeStatus';\nimport type { ChangeArea } from './ChangeArea';\nimport type { ReviewKind } from './ReviewKind';\nimport type { ReviewStatus } from './ReviewStatus';\nimport type { Better } from './Better';\nimport type { CheckInConfidence } from './CheckInConfidence';\nimport type { Confidence } from './Confidence';\nimport type { FactorStatus } from './FactorStatus';\nimport type { ObjectionStatus } from './ObjectionStatus';\nimport type { Frequency } from './Frequency';\nimport type { Kind } from './Kind';\nimport type { MeasureStatus } from './MeasureStatus';\nimport type { Plan } from './Plan';\nimport type { RiskBand } from './RiskBand';\nimport type { RiskStatus } from './RiskStatus';\nimport type { Severity } from './Severity';\nimport type { Step } from './Step';\n");
    out.push_str(
        "\n/** The steps of the journey, in order. */\nexport const STEPS: readonly Step[] = [\n",
    );
    for step in Step::ALL {
        let _ = writeln!(out, "  {},", json(&key(step)));
    }
    out.push_str("];\n\n/** The plan's list of records of each kind (`goal` → `plan.goals`). */\nexport const LIST_OF: Record<Kind, keyof Plan> = {\n");
    for kind in Kind::ALL {
        let _ = writeln!(out, "  {}: {},", key(*kind), json(kind.field()));
    }
    out.push_str("};\n");
    record(
        &mut out,
        "How often a measure is checked, as the app, the PDF and the workbook say it.",
        "FREQUENCY_LABEL",
        "Frequency",
        &Frequency::ALL,
        |f| f.label().into(),
    );
    record(
        &mut out,
        "Which way a measure improves, for reading its thresholds.",
        "BETTER_LABEL",
        "Better",
        &Better::ALL,
        |b| b.label().into(),
    );
    record(
        &mut out,
        "How sure the team is of a check-in's figure.",
        "CHECK_IN_CONFIDENCE_LABEL",
        "CheckInConfidence",
        &CheckInConfidence::ALL,
        |c| c.label().into(),
    );
    let _ = writeln!(
        out,
        "\n/** Days a check-in may be overdue before its measure is stale. */\nexport const STALE_GRACE_DAYS = {};",
        stepwise::figures::GRACE_DAYS
    );
    record(
        &mut out,
        "Where a measure stands.",
        "MEASURE_STATUS_LABEL",
        "MeasureStatus",
        &MeasureStatus::ALL,
        |s| s.label().into(),
    );
    record(
        &mut out,
        "Where the plan stands on a critical success factor.",
        "FACTOR_STATUS_LABEL",
        "FactorStatus",
        &FactorStatus::ALL,
        |s| s.label().into(),
    );
    record(
        &mut out,
        "How sure a rater is of a score.",
        "CONFIDENCE_LABEL",
        "Confidence",
        &stepwise::maturity::CONFIDENCES,
        |c| stepwise::maturity::confidence_label(c).into(),
    );
    record(
        &mut out,
        "Where a badge is in its life, from an idea to being withdrawn.",
        "BADGE_STATUS_LABEL",
        "BadgeStatus",
        &stepwise::model::BadgeStatus::ALL,
        |s| s.label().into(),
    );
    record(
        &mut out,
        "Whether a doubt about rigour has been answered.",
        "OBJECTION_STATUS_LABEL",
        "ObjectionStatus",
        &stepwise::model::ObjectionStatus::ALL,
        |s| s.label().into(),
    );
    record(
        &mut out,
        "Which review of the evaluation cycle this is.",
        "REVIEW_KIND_LABEL",
        "ReviewKind",
        &stepwise::model::ReviewKind::ALL,
        |k| k.label().into(),
    );
    record(
        &mut out,
        "Whether a review has taken place.",
        "REVIEW_STATUS_LABEL",
        "ReviewStatus",
        &stepwise::model::ReviewStatus::ALL,
        |s| s.label().into(),
    );
    record(
        &mut out,
        "What part of the plan a review's change is to.",
        "CHANGE_AREA_LABEL",
        "ChangeArea",
        &stepwise::model::ChangeArea::ALL,
        |a| a.label().into(),
    );
    record(
        &mut out,
        "Where a risk stands.",
        "RISK_STATUS_LABEL",
        "RiskStatus",
        &stepwise::model::RiskStatus::ALL,
        |s| s.label().into(),
    );
    record(
        &mut out,
        "How a risk's likelihood × impact score is read.",
        "RISK_BAND_LABEL",
        "RiskBand",
        &stepwise::figures::RiskBand::ALL,
        |b| b.label().into(),
    );
    let _ = writeln!(
        out,
        "\n/** The lowest likelihood × impact score read as high, and as medium. */\nexport const RISK_HIGH = {};\nexport const RISK_MEDIUM = {};",
        stepwise::figures::RISK_HIGH,
        stepwise::figures::RISK_MEDIUM
    );
    record(
        &mut out,
        "How much a SMART finding matters.",
        "SEVERITY_LABEL",
        "Severity",
        &Severity::ALL,
        |s| s.label().into(),
    );
    record(
        &mut out,
        "Where an action of the room's log stands.",
        "ACTION_STATUS_LABEL",
        "ActionStatus",
        &ActionStatus::ALL,
        |s| s.label().into(),
    );
    out
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
        "ui/src/lib/bindings is out of date with the Rust side ({stale:?}); \
         run `UPDATE_BINDINGS=1 cargo test -p stepwise-app bindings` and commit the result"
    );
}

#[test]
fn the_invoke_table_has_every_command_once_with_its_rust_argument_types() {
    let cfg = config(Path::new("."));
    let commands = signatures(&cfg);
    let ts = commands_ts(&commands);
    let names: BTreeSet<&str> = commands.iter().map(|s| s.name).collect();
    assert_eq!(names.len(), commands.len(), "no command is declared twice");
    assert!(
        ts.contains("  applyIntent(id: string, intent: Intent): Promise<Applied>;"),
        "{ts}"
    );
    assert!(
        ts.contains("  exportPlan: (id, format, path, options) => invoke<Exported>('export_plan', { id, format, path, options }),"),
        "{ts}"
    );
    assert!(
        ts.contains("  deletePlan(id: string): Promise<void>;"),
        "a command answering nothing resolves to void: {ts}"
    );
    assert!(
        ts.contains("import type { Intent } from './Intent';"),
        "every named type is imported: {ts}"
    );
}

#[test]
fn the_constants_carry_the_cores_labels_and_every_kind() {
    let ts = constants_ts();
    assert!(ts.contains("  quarterly: \"Every quarter\","), "{ts}");
    for kind in Kind::ALL {
        assert!(ts.contains(&format!("  {}: \"{}\",", key(*kind), kind.field())));
    }
    assert_eq!(
        ts.matches("\n  \"").count(),
        Step::ALL.len(),
        "every step once: {ts}"
    );
}
