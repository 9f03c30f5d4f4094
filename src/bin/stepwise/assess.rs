//! `stepwise assess …`: the maturity self-assessment from a terminal. Each subcommand is a
//! few lines over `stepwise::api`, writing through the same intents as the app; where an assessment, rater, phase or goal is created,
//! its id is the last line printed.

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;
use stepwise::api::{self, Applied};
use stepwise::maturity::{self as m, HeatmapView, StageAnswer, Viewer};
use stepwise::model::{Confidence, FactorStatus, Score};
use stepwise::workspace::Workspace;
use stepwise::{Error, Intent, Result};

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
    /// Record one rater's score for one sub-facet, in its current round: a stage 1–5, na with
    /// --reason, or dk ("don't know", with what would help in --reason if you like).
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
        /// What the stage rests on: a sentence, a link or a file's name.
        #[arg(long)]
        evidence: Option<String>,
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
    /// Focus mode: open the next round of scoring on one sub-facet (a second round once the
    /// first is revealed; earlier rounds stay in the record).
    OpenRound {
        plan: String,
        assessment: String,
        subfacet: String,
    },
    /// Focus mode: reveal the open round of one sub-facet.
    RevealRound {
        plan: String,
        assessment: String,
        subfacet: String,
    },
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
    if ["dk", "dont-know", "don't know", "?"].contains(&stage.trim().to_lowercase().as_str()) {
        return Ok(Score::Abstained(reason.to_string()));
    }
    match m::parse_stage(stage) {
        Some(StageAnswer::Stage(s)) => Ok(Score::Stage(s)),
        Some(StageAnswer::NotApplicable) => Ok(Score::NotApplicable(reason.to_string())),
        None => Err(Error::invalid(
            "stage",
            format!("\"{stage}\" is not a stage; give 1 to 5, na with --reason, or dk"),
        )),
    }
}

/// Reads an input file after checking its type and size (see `stepwise::files::read_input`).
fn read_file(path: &std::path::Path, kind: stepwise::files::Input) -> Result<Vec<u8>> {
    stepwise::files::read_input(path, kind)
}

/// Carries out an intent on the plan named `plan` and prints the id of what it created.
fn act(ws: &mut Workspace, plan: &str, intent: Intent, now: DateTime<Utc>) -> Result<Applied> {
    let id = api::resolve_plan(ws, plan)?;
    api::apply_intent(ws, &id, &intent, now)
}

fn created(applied: &Applied) -> &str {
    applied.created.as_deref().unwrap_or_default()
}

pub fn run(ws: &mut Workspace, cmd: AssessCommand, now: DateTime<Utc>) -> Result<()> {
    use AssessCommand as C;
    let read = |ws: &Workspace, p: &str| api::plan(ws, &api::resolve_plan(ws, p)?);
    match cmd {
        C::List { plan } => {
            let plan = read(ws, &plan)?;
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
                // Spaced, so the dash between two ISO days is not read as part of either.
                let dates = format!(
                    "{} – {}",
                    p.starts_on.map(|d| d.to_string()).unwrap_or_default(),
                    p.ends_on.map(|d| d.to_string()).unwrap_or_default()
                );
                outln!("phase {}  {}  {dates}", p.id, p.name);
            }
        }
        C::Create { plan, name, date } => {
            let assessed_on = date.unwrap_or(now.date_naive()).to_string();
            let applied = act(
                ws,
                &plan,
                Intent::CreateAssessment { name, assessed_on },
                now,
            )?;
            outln!("{}", created(&applied));
        }
        C::Rater {
            plan,
            assessment,
            name,
            role,
        } => {
            let intent = Intent::AddRater {
                assessment_id: assessment,
                name,
                role,
            };
            outln!("{}", created(&act(ws, &plan, intent, now)?));
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
            evidence,
        } => {
            let id = api::resolve_plan(ws, &plan)?;
            let score = score_arg(&stage, &reason)?;
            let confidence = confidence.map(|c| match c {
                ConfidenceArg::EvidenceSeen => Confidence::EvidenceSeen,
                ConfidenceArg::Observed => Confidence::Observed,
                ConfidenceArg::Opinion => Confidence::Opinion,
            });
            // The rater is named as people type it, so it is found in the plan as read
            // inside the write, like everything the score depends on.
            ws.apply_intent(&id, now, |p| {
                let a = m::find_assessment(p, &assessment)?;
                let entry = m::ScoreEntry {
                    rater_id: m::find_rater(p, &a.id, &rater)?.id.clone(),
                    subfacet_id: m::find_subfacet(&subfacet)?.id.clone(),
                    score,
                    confidence,
                    note,
                    evidence,
                };
                m::score_edits(p, &[entry])
            })?;
            outln!("scored");
        }
        C::ScoreCsv {
            plan,
            assessment,
            file,
        } => {
            let id = api::resolve_plan(ws, &plan)?;
            let text = String::from_utf8(read_file(&file, stepwise::files::Input::ScoresCsv)?)
                .map_err(|_| {
                    Error::invalid("csv", format!("{} is not UTF-8 text", file.display()))
                })?;
            let n = api::import_scores_csv(ws, &id, &assessment, &text, now)?;
            outln!("{n} scores recorded");
        }
        C::OpenRound {
            plan,
            assessment,
            subfacet,
        } => {
            let intent = Intent::OpenRound {
                assessment_id: assessment,
                subfacet_id: subfacet,
            };
            act(ws, &plan, intent, now)?;
            outln!("round opened");
        }
        C::RevealRound {
            plan,
            assessment,
            subfacet,
        } => {
            let intent = Intent::RevealRound {
                assessment_id: assessment,
                subfacet_id: subfacet,
            };
            act(ws, &plan, intent, now)?;
            outln!("round revealed");
        }
        C::Show {
            plan,
            assessment,
            viewer,
        } => {
            let id = api::resolve_plan(ws, &plan)?;
            let viewer = viewer.map_or(Viewer::Facilitator, Viewer::Rater);
            out!(
                "{}",
                m::view_text(&api::assessment_view(ws, &id, &assessment, &viewer)?)
            );
        }
        C::Reveal { plan, assessment } => {
            let intent = Intent::RevealAssessment {
                assessment_id: assessment.clone(),
            };
            let applied = act(ws, &plan, intent, now)?;
            let name = m::find_assessment(&applied.state.plan, &assessment)?
                .name
                .clone();
            outln!("revealed {name}");
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
            let agreed = m::AgreedStage {
                subfacet_id: m::find_subfacet(&subfacet)?.id.clone(),
                score: score_arg(&stage, &reason)?,
                rationale,
                evidence,
            };
            let subfacet_id = agreed.subfacet_id.clone();
            let intent = Intent::AgreeStage {
                assessment_id: assessment,
                agreed,
            };
            act(ws, &plan, intent, now)?;
            outln!("agreed {subfacet_id}");
        }
        C::Phase {
            plan,
            name,
            starts,
            ends,
        } => {
            let intent = Intent::AddPhase {
                name,
                starts_on: starts.map(|d| d.to_string()),
                ends_on: ends.map(|d| d.to_string()),
            };
            outln!("{}", created(&act(ws, &plan, intent, now)?));
        }
        C::Target {
            plan,
            assessment,
            phase,
            subfacet,
            stage,
        } => {
            let subfacet_id = m::find_subfacet(&subfacet)?.id.clone();
            let intent = Intent::SetTarget {
                assessment_id: assessment,
                phase_id: phase,
                subfacet_id: subfacet_id.clone(),
                stage,
            };
            act(ws, &plan, intent, now)?;
            outln!("target {subfacet_id} = {stage}");
        }
        C::Heatmap {
            plan,
            assessment,
            view,
            phase,
        } => {
            let p = read(ws, &plan)?;
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
            let p = read(ws, &plan)?;
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
            let intent = Intent::DraftGoalFromGap {
                assessment_id: assessment,
                phase_id: phase,
                subfacet_id: subfacet,
            };
            let applied = act(ws, &plan, intent, now)?;
            let id = created(&applied);
            let goal = applied.state.plan.goals.iter().find(|g| g.id == id);
            outln!(
                "{}\n{id}",
                goal.map(|g| g.title.as_str()).unwrap_or_default()
            );
        }
        C::Compare { plan, from, to } => {
            let id = api::resolve_plan(ws, &plan)?;
            out!(
                "{}",
                m::comparison_text(&api::compare_assessments(ws, &id, &from, &to)?)
            );
        }
        C::Factors { plan } => {
            let id = api::resolve_plan(ws, &plan)?;
            out!("{}", m::checklist_text(&api::success_factors(ws, &id)?));
        }
        C::Factor {
            plan,
            factor,
            status,
            note,
        } => {
            let status = match status {
                StatusArg::NotStarted => FactorStatus::NotStarted,
                StatusArg::InProgress => FactorStatus::InProgress,
                StatusArg::InPlace => FactorStatus::InPlace,
            };
            let factor_id = m::find_factor(&factor)?.id.clone();
            let intent = Intent::SetSuccessFactor {
                factor_id: factor_id.clone(),
                status,
                note,
            };
            act(ws, &plan, intent, now)?;
            outln!("{factor_id}: {}", status.label());
        }
        C::ExportForms {
            plan,
            assessment,
            out,
        } => {
            let id = api::resolve_plan(ws, &plan)?;
            for (path, _) in api::write_scoring_forms(ws, &id, &assessment, &out)? {
                outln!("{}", path.display());
            }
        }
        C::ImportForms {
            plan,
            assessment,
            files,
        } => {
            let id = api::resolve_plan(ws, &plan)?;
            let named = files
                .iter()
                .map(|f| {
                    Ok((
                        f.display().to_string(),
                        read_file(f, stepwise::files::Input::ScoringForm)?,
                    ))
                })
                .collect::<Result<Vec<_>>>()?;
            for form in api::import_scoring_forms(ws, &id, &assessment, &named, now)? {
                outln!("{}: {} answers", form.rater_name, form.entries.len());
            }
        }
    }
    Ok(())
}
