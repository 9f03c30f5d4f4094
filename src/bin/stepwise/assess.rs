//! `stepwise assess …`: the maturity self-assessment from a terminal. Each subcommand is a
//! few lines over `stepwise::maturity`; where an assessment, rater, phase or goal is created,
//! its id is the last line printed.

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;
use stepwise::maturity::{self as m, HeatmapView, StageAnswer, Viewer};
use stepwise::model::{FactorStatus, Score};
use stepwise::{Error, Result, Store};

#[derive(Subcommand)]
pub enum AssessCommand {
    /// List a plan's assessments and phases.
    List { plan: String },
    /// Create an assessment, e.g. "Baseline — March 2027".
    Create {
        plan: String,
        name: String,
        /// The day it is assessed on (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
    },
    /// Add a rater (a committee member) to an assessment.
    Rater {
        plan: String,
        assessment: String,
        name: String,
        /// Role or unit, e.g. "Registrar's office".
        #[arg(long, default_value = "")]
        role: String,
    },
    /// Record one rater's score for one sub-facet (a stage 1–5, or na with --reason).
    Score {
        plan: String,
        assessment: String,
        rater: String,
        subfacet: String,
        stage: String,
        #[arg(long, default_value = "")]
        reason: String,
        #[arg(long, value_enum)]
        confidence: Option<ConfidenceArg>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Record scores from a CSV file: rater,subfacet,stage|na,reason,confidence,note.
    ScoreCsv {
        plan: String,
        assessment: String,
        file: PathBuf,
    },
    /// Show an assessment as the facilitator (default) or as one rater sees it.
    Show {
        plan: String,
        assessment: String,
        /// See it as this rater would (before the reveal: only their own scores).
        #[arg(long = "as", value_name = "RATER")]
        viewer: Option<String>,
    },
    /// Reveal the scores to everyone (cannot be undone).
    Reveal { plan: String, assessment: String },
    /// Record the agreed stage of a sub-facet, with the rationale and evidence.
    Agree {
        plan: String,
        assessment: String,
        subfacet: String,
        stage: String,
        #[arg(long)]
        rationale: String,
        #[arg(long, default_value = "")]
        evidence: String,
        /// Why the sub-facet does not apply, when the stage is na.
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Create a phase of the roadmap (Phase 2, Phase 3…), which targets refer to.
    Phase {
        plan: String,
        name: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        starts: Option<NaiveDate>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        ends: Option<NaiveDate>,
    },
    /// Set the target stage of a sub-facet for a phase.
    Target {
        plan: String,
        assessment: String,
        phase: String,
        subfacet: String,
        stage: u8,
    },
    /// Print the heatmap: facets and sub-facets down, the five stages across.
    Heatmap {
        plan: String,
        assessment: String,
        #[arg(long, value_enum, default_value = "current")]
        view: ViewArg,
        /// The phase whose targets to show (needed for target and both).
        #[arg(long)]
        phase: Option<String>,
    },
    /// Print the gaps between current stages and targets, largest first.
    Gaps {
        plan: String,
        assessment: String,
        #[arg(long)]
        phase: Option<String>,
    },
    /// Draft a SMART goal from a gap and add it to the plan.
    Goal {
        plan: String,
        assessment: String,
        phase: String,
        subfacet: String,
    },
    /// Compare two assessments sub-facet by sub-facet.
    Compare {
        plan: String,
        from: String,
        to: String,
    },
    /// Show the critical-success-factor checklist.
    Factors { plan: String },
    /// Set where the plan stands on one critical success factor.
    Factor {
        plan: String,
        factor: String,
        #[arg(value_enum)]
        status: StatusArg,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Write one XLSX scoring form per rater into a folder.
    ExportForms {
        plan: String,
        assessment: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Read filled scoring forms back (all or nothing).
    ImportForms {
        plan: String,
        assessment: String,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ConfidenceArg {
    EvidenceSeen,
    Observed,
    Opinion,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ViewArg {
    Current,
    Target,
    Both,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StatusArg {
    NotStarted,
    InProgress,
    InPlace,
}

fn score_arg(stage: &str, reason: &str) -> Result<Score> {
    match m::parse_stage(stage) {
        Some(StageAnswer::Stage(s)) => Ok(Score::Stage(s)),
        Some(StageAnswer::NotApplicable) => Ok(Score::NotApplicable(reason.to_string())),
        None => Err(Error::invalid(
            "stage",
            format!("\"{stage}\" is not a stage; give 1 to 5, or na with --reason"),
        )),
    }
}

pub fn run(store: &mut Store, cmd: AssessCommand, now: DateTime<Utc>) -> Result<()> {
    use AssessCommand as C;
    let plan_id = |store: &Store, p: &str| store.resolve_plan_id(p);
    match cmd {
        C::List { plan } => {
            let plan = store.plan(&plan_id(store, &plan)?)?;
            for a in &plan.assessments {
                let state = if a.revealed { "revealed" } else { "hidden" };
                outln!(
                    "assessment {}  {}  {}  ({state})",
                    a.id,
                    a.assessed_on,
                    a.name
                );
            }
            for p in m::ordered_phases(&plan) {
                let dates = format!(
                    "{}–{}",
                    p.starts_on.map(|d| d.to_string()).unwrap_or_default(),
                    p.ends_on.map(|d| d.to_string()).unwrap_or_default()
                );
                outln!("phase {}  {}  {dates}", p.id, p.name);
            }
        }
        C::Create { plan, name, date } => {
            let id = plan_id(store, &plan)?;
            let a = m::create_assessment(store, &id, &name, date.unwrap_or(now.date_naive()), now)?;
            outln!("{}", a.id);
        }
        C::Rater {
            plan,
            assessment,
            name,
            role,
        } => {
            let id = plan_id(store, &plan)?;
            outln!(
                "{}",
                m::add_rater(store, &id, &assessment, &name, &role, now)?.id
            );
        }
        C::Score {
            plan,
            assessment,
            rater,
            subfacet,
            stage,
            reason,
            confidence,
            note,
        } => {
            let id = plan_id(store, &plan)?;
            let p = store.plan(&id)?;
            let a = m::find_assessment(&p, &assessment)?;
            let entry = m::ScoreEntry {
                rater_id: m::find_rater(&p, &a.id, &rater)?.id.clone(),
                subfacet_id: m::find_subfacet(&subfacet)?.id.clone(),
                score: score_arg(&stage, &reason)?,
                confidence: confidence.map(|c| match c {
                    ConfidenceArg::EvidenceSeen => stepwise::model::Confidence::EvidenceSeen,
                    ConfidenceArg::Observed => stepwise::model::Confidence::Observed,
                    ConfidenceArg::Opinion => stepwise::model::Confidence::Opinion,
                }),
                note,
            };
            m::record_score(store, &id, &entry, now)?;
            outln!("scored");
        }
        C::ScoreCsv {
            plan,
            assessment,
            file,
        } => {
            let id = plan_id(store, &plan)?;
            let text = String::from_utf8(stepwise::files::read_input(
                &file,
                stepwise::files::Input::ScoresCsv,
            )?)
            .map_err(|_| Error::invalid("csv", format!("{} is not UTF-8 text", file.display())))?;
            let entries = m::parse_scores_csv(&store.plan(&id)?, &assessment, &text)?;
            m::record_scores(store, &id, &entries, now)?;
            outln!("{} scores recorded", entries.len());
        }
        C::Show {
            plan,
            assessment,
            viewer,
        } => {
            let p = store.plan(&plan_id(store, &plan)?)?;
            let viewer = viewer.map_or(Viewer::Facilitator, Viewer::Rater);
            out!(
                "{}",
                m::view_text(&m::assessment_view(&p, &assessment, &viewer)?)
            );
        }
        C::Reveal { plan, assessment } => {
            let id = plan_id(store, &plan)?;
            let a = m::reveal(store, &id, &assessment, now)?;
            outln!("revealed {}", a.name);
        }
        C::Agree {
            plan,
            assessment,
            subfacet,
            stage,
            rationale,
            evidence,
            reason,
        } => {
            let id = plan_id(store, &plan)?;
            let agreed = m::AgreedStage {
                subfacet_id: m::find_subfacet(&subfacet)?.id.clone(),
                score: score_arg(&stage, &reason)?,
                rationale,
                evidence,
            };
            let a = m::agree(store, &id, &assessment, &agreed, now)?;
            outln!("agreed {}", a.subfacet_id);
        }
        C::Phase {
            plan,
            name,
            starts,
            ends,
        } => {
            let id = plan_id(store, &plan)?;
            outln!("{}", m::add_phase(store, &id, &name, starts, ends, now)?.id);
        }
        C::Target {
            plan,
            assessment,
            phase,
            subfacet,
            stage,
        } => {
            let id = plan_id(store, &plan)?;
            let t = m::set_target(store, &id, &assessment, &phase, &subfacet, stage, now)?;
            outln!("target {} = {}", t.subfacet_id, t.stage);
        }
        C::Heatmap {
            plan,
            assessment,
            view,
            phase,
        } => {
            let p = store.plan(&plan_id(store, &plan)?)?;
            let view = match view {
                ViewArg::Current => HeatmapView::Current,
                ViewArg::Target => HeatmapView::Target,
                ViewArg::Both => HeatmapView::Both,
            };
            out!(
                "{}",
                m::heatmap_text(&m::heatmap(&p, &assessment, view, phase.as_deref())?)
            );
        }
        C::Gaps {
            plan,
            assessment,
            phase,
        } => {
            let p = store.plan(&plan_id(store, &plan)?)?;
            out!(
                "{}",
                m::gaps_text(&p, &m::gaps(&p, &assessment, phase.as_deref())?)
            );
        }
        C::Goal {
            plan,
            assessment,
            phase,
            subfacet,
        } => {
            let id = plan_id(store, &plan)?;
            let goal = m::add_goal_from_gap(store, &id, &assessment, &phase, &subfacet, now)?;
            outln!("{}\n{}", goal.title, goal.id);
        }
        C::Compare { plan, from, to } => {
            let p = store.plan(&plan_id(store, &plan)?)?;
            out!("{}", m::comparison_text(&m::compare(&p, &from, &to)?));
        }
        C::Factors { plan } => {
            let p = store.plan(&plan_id(store, &plan)?)?;
            out!("{}", m::checklist_text(&m::checklist(&p)));
        }
        C::Factor {
            plan,
            factor,
            status,
            note,
        } => {
            let id = plan_id(store, &plan)?;
            let status = match status {
                StatusArg::NotStarted => FactorStatus::NotStarted,
                StatusArg::InProgress => FactorStatus::InProgress,
                StatusArg::InPlace => FactorStatus::InPlace,
            };
            let check = m::set_factor(store, &id, &factor, status, &note, now)?;
            outln!("{}: {}", check.factor_id, check.status.label());
        }
        C::ExportForms {
            plan,
            assessment,
            out,
        } => {
            let p = store.plan(&plan_id(store, &plan)?)?;
            std::fs::create_dir_all(&out)
                .map_err(|e| Error::io(format!("cannot create {}", out.display()), e))?;
            for (name, bytes) in m::forms::export_forms(&p, &assessment)? {
                let path = out.join(name);
                stepwise::files::write_atomic(&path, &bytes)?;
                outln!("{}", path.display());
            }
        }
        C::ImportForms {
            plan,
            assessment,
            files,
        } => {
            let id = plan_id(store, &plan)?;
            let named = files
                .iter()
                .map(|f| {
                    let bytes =
                        stepwise::files::read_input(f, stepwise::files::Input::ScoringForm)?;
                    Ok((f.display().to_string(), bytes))
                })
                .collect::<Result<Vec<_>>>()?;
            for form in m::forms::import_forms(store, &id, &assessment, &named, now)? {
                outln!("{}: {} answers", form.rater_name, form.entries.len());
            }
        }
    }
    Ok(())
}
