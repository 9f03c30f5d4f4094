//! `stepwise`: everything the desktop app can do to a plan, from a terminal or a script.
//! Each subcommand is a few lines over the core; where a plan is created, its id is the last
//! line printed.

/// `print!`, `println!` and `eprintln!` with control characters escaped (see `terminal`).
macro_rules! out {
    ($($arg:tt)*) => { print!("{}", crate::terminal::escape(&format!($($arg)*))) };
}
macro_rules! outln {
    ($($arg:tt)*) => { println!("{}", crate::terminal::escape(&format!($($arg)*))) };
}
macro_rules! errln {
    ($($arg:tt)*) => { eprintln!("{}", crate::terminal::escape(&format!($($arg)*))) };
}

mod assess;
mod room;
mod serve;
mod terminal;

use chrono::{NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use stepwise::workspace::Workspace;
use stepwise::{api, Edit, Store};

#[derive(Parser)]
#[command(
    name = "stepwise",
    version,
    about = "Micro-credential program strategy, from vision to maturity targets"
)]
struct Cli {
    /// The database file (default: $STEPWISE_DB, else the per-user data folder).
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the plans, most recently edited first.
    List,
    /// Create an empty plan.
    Create { name: String },
    /// Rename a plan.
    Rename { plan: String, name: String },
    /// Copy a plan under a new id.
    Duplicate {
        plan: String,
        #[arg(long)]
        name: Option<String>,
    },
    /// Start next cycle's plan from this one: a new plan with the cycle advanced, its history
    /// kept and its open actions carried; prints the new plan's id.
    RollForward { plan: String },
    /// Delete a plan and everything in it.
    Delete {
        plan: String,
        /// Confirm the deletion.
        #[arg(long)]
        yes: bool,
    },
    /// Show a plan's summary and how complete each step is.
    Show { plan: String },
    /// Check a plan: SMART findings on its goals and the status of its measures.
    Check {
        plan: String,
        /// Judge dates as of this day (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Exit with status 1 when a goal is not SMART.
        #[arg(long)]
        strict: bool,
    },
    /// Apply one edit, given as JSON (see `Edit` in the core), to a plan.
    Edit {
        plan: String,
        /// The edit, e.g. '{"op":"rename_plan","name":"Pilot"}'.
        json: String,
    },
    /// Import a plan file as a new plan.
    Import { file: PathBuf },
    /// Export a plan.
    Export {
        plan: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Where to write it ("-" for standard output).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// In a PDF, DOCX or XLSX, name raters "Rater 1"…"Rater N" and leave out their roles.
        #[arg(long)]
        anonymise_raters: bool,
        /// The PDF's and the DOCX's paper (default: from the system's locale, Letter in North America).
        #[arg(long, value_enum)]
        paper: Option<Paper>,
        /// The appendices of the PDF and the Word file, comma-separated: goals, ratings, room-log, or
        /// none (default: all).
        #[arg(long, value_name = "LIST")]
        appendices: Option<String>,
    },
    /// Create the demo plan.
    Demo,
    /// Show which database is in use.
    Info,
    /// The maturity self-assessment: raters, scores, reveal, targets, gaps, scoring forms.
    Assess {
        #[command(subcommand)]
        cmd: assess::AssessCommand,
    },
    /// The workshop room's log: parked questions, decisions taken, actions.
    Room {
        #[command(subcommand)]
        cmd: room::RoomCommand,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Pdf,
    Docx,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum Paper {
    A4,
    Letter,
}

impl From<Paper> for stepwise::export::Paper {
    fn from(p: Paper) -> Self {
        match p {
            Paper::A4 => stepwise::export::Paper::A4,
            Paper::Letter => stepwise::export::Paper::Letter,
        }
    }
}

impl From<Format> for stepwise::export::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Json => stepwise::export::Format::Json,
            Format::Pdf => stepwise::export::Format::Pdf,
            Format::Docx => stepwise::export::Format::Docx,
            Format::Xlsx => stepwise::export::Format::Xlsx,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            errln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn open(db: Option<&std::path::Path>) -> stepwise::Result<Store> {
    Store::open(&stepwise::paths::resolve_db_path(db)?)
}

fn run(cli: Cli) -> stepwise::Result<ExitCode> {
    // The room's server owns its workspace: it is shared with the requests it answers.
    if let Command::Room {
        cmd: room::RoomCommand::Serve(args),
    } = cli.command
    {
        serve::run(open(cli.db.as_deref())?, args)?;
        return Ok(ExitCode::SUCCESS);
    }
    let ws = &mut Workspace::new(open(cli.db.as_deref())?);
    let now = Utc::now();
    match cli.command {
        Command::List => out!("{}", stepwise::text::plan_list(&api::list_plans(ws)?)),
        Command::Create { name } => outln!("{}", api::create_plan(ws, &name, now)?),
        Command::Rename { plan, name } => {
            let id = api::resolve_plan(ws, &plan)?;
            api::apply_edits(ws, &id, &[Edit::RenamePlan { name }], now)?;
            outln!("{id}");
        }
        Command::Duplicate { plan, name } => {
            let id = api::resolve_plan(ws, &plan)?;
            outln!("{}", api::duplicate_plan(ws, &id, name.as_deref(), now)?);
        }
        Command::RollForward { plan } => {
            let id = api::resolve_plan(ws, &plan)?;
            let next = api::roll_forward(ws, &id, now)?;
            let rolled = api::plan(ws, &next)?;
            outln!(
                "{} — cycle {}, from {}",
                rolled.name,
                rolled.settings.cycle,
                rolled
                    .settings
                    .rolled_from
                    .as_ref()
                    .map_or("", |f| f.cycle.as_str())
            );
            outln!("{next}");
        }
        Command::Delete { plan, yes } => {
            let id = api::resolve_plan(ws, &plan)?;
            if !yes {
                let name = api::plan(ws, &id)?.name;
                return Err(stepwise::Error::invalid(
                    "--yes",
                    format!("deleting \"{name}\" cannot be undone; add --yes to confirm"),
                ));
            }
            api::delete_plan(ws, &id)?;
            outln!("deleted {id}");
        }
        Command::Show { plan } => {
            let id = api::resolve_plan(ws, &plan)?;
            out!(
                "{}",
                stepwise::text::plan_summary(&api::plan(ws, &id)?, now.date_naive())
            );
        }
        Command::Check {
            plan,
            today,
            strict,
        } => {
            let id = api::resolve_plan(ws, &plan)?;
            let today = today.unwrap_or_else(|| now.date_naive());
            let plan = api::plan(ws, &id)?;
            out!("{}", stepwise::text::plan_check(&plan, today));
            if strict
                && !plan
                    .goals
                    .iter()
                    .all(|g| stepwise::smart::is_smart(g, Some(today)))
            {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Edit { plan, json } => {
            let id = api::resolve_plan(ws, &plan)?;
            let edit: Edit = serde_json::from_str(&json)
                .map_err(|e| stepwise::Error::invalid("edit", format!("not a valid edit: {e}")))?;
            api::apply_edits(ws, &id, &[edit], now)?;
            outln!("{id}");
        }
        Command::Import { file } => {
            let bytes = stepwise::files::read_input(&file, stepwise::files::Input::PlanFile)?;
            outln!("{}", api::import_plan(ws, &bytes, now)?);
        }
        Command::Export {
            plan,
            format,
            out,
            anonymise_raters,
            paper,
            appendices,
        } => {
            let options = stepwise::export::ExportOptions {
                anonymise_raters,
                paper: paper.map(Into::into),
                appendices: appendices
                    .as_deref()
                    .map(stepwise::export::Appendices::parse)
                    .transpose()?
                    .unwrap_or_default(),
            };
            let id = api::resolve_plan(ws, &plan)?;
            let store = ws.store();
            let warning = if out.as_os_str() == "-" {
                use std::io::Write;
                let rendered =
                    stepwise::export::render_with(store, &id, format.into(), now, options)?;
                std::io::stdout()
                    .write_all(&rendered.bytes)
                    .map_err(|e| stepwise::Error::io("cannot write to standard output", e))?;
                rendered.warning
            } else {
                let warning =
                    stepwise::export::export_to(store, &id, format.into(), &out, now, options)?;
                errln!("wrote {}", out.display());
                warning
            };
            // Characters the PDF could not draw are said, not silently boxed.
            if let Some(warning) = warning {
                eprintln!("warning: {warning}");
            }
        }
        Command::Demo => outln!("{}", stepwise::demo::create_demo(ws.store_mut(), now)?.id),
        Command::Assess { cmd } => assess::run(ws, cmd, now)?,
        Command::Room { cmd } => room::run(ws, cmd, now)?,
        Command::Info => {
            let store = ws.store();
            outln!("database: {}", store.path().display());
            outln!("schema version: {}", store.schema_version()?);
            outln!("plans: {}", store.list_plans()?.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
