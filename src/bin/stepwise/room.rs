//! `stepwise room …`: the workshop room's log from a terminal — parked questions, decisions
//! taken, actions — written through the same edits and intents as the app. Where an item,
//! goal or milestone is created, its id is the last line printed. Items are named by their id
//! or its first few characters.

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Subcommand, ValueEnum};
use stepwise::model::{ActionStatus, Entity, Plan};
use stepwise::roomlog::{self, Origin, PromoteTo};
use stepwise::workspace::Workspace;
use stepwise::{api, Edit, Error, Intent, Result, Step};

#[derive(Subcommand)]
pub enum RoomCommand {
    /// List the parked questions, decisions and actions.
    List { plan: String },
    /// Park a question for later.
    Park {
        plan: String,
        text: String,
        /// Who raised it.
        #[arg(long, default_value = "")]
        by: String,
        #[command(flatten)]
        origin: OriginArgs,
    },
    /// Record a decision the room took.
    Decide {
        plan: String,
        text: String,
        /// Who proposed it.
        #[arg(long, default_value = "")]
        by: String,
        #[command(flatten)]
        origin: OriginArgs,
    },
    /// Record an action: who does what by when.
    Act {
        plan: String,
        text: String,
        #[arg(long, default_value = "")]
        owner: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: Option<NaiveDate>,
        #[command(flatten)]
        origin: OriginArgs,
    },
    /// Resolve a parked question with a note.
    Resolve {
        plan: String,
        item: String,
        #[arg(long)]
        note: String,
    },
    /// Mark an action done.
    Done { plan: String, item: String },
    /// Open the room's server: raters score from their own phones over the local network.
    Serve(crate::serve::ServeArgs),
    /// Turn an action into a goal or a milestone of the plan.
    Promote {
        plan: String,
        item: String,
        #[arg(long, value_enum)]
        to: PromoteArg,
    },
}

#[derive(clap::Args)]
pub struct OriginArgs {
    /// The step it came up on, e.g. maturity.
    #[arg(long, value_enum)]
    step: Option<StepArg>,
    /// The maturity sub-facet it came up on, by id (e.g. integration).
    #[arg(long)]
    subfacet: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StepArg {
    Context,
    Vision,
    Goals,
    Measures,
    Requirements,
    Governance,
    Maturity,
    Communication,
    Roadmap,
    Export,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PromoteArg {
    Goal,
    Milestone,
}

impl From<OriginArgs> for Origin {
    fn from(o: OriginArgs) -> Origin {
        // StepArg lists the steps in the journey's order, as Step::ALL does.
        let step = o.step.map(|s| Step::ALL[s as usize]);
        Origin {
            step,
            subfacet_id: o.subfacet,
        }
    }
}

/// The one item of the log whose id starts with `prefix`, as an entity.
fn find(plan: &Plan, prefix: &str) -> Result<Entity> {
    let ids = roomlog::KINDS
        .iter()
        .flat_map(|&k| plan.ids(k).into_iter().map(move |id| (k, id)));
    let found: Vec<_> = ids.filter(|(_, id)| id.starts_with(prefix)).collect();
    match found.as_slice() {
        [(kind, id)] => Ok(plan.entity(*kind, id).expect("listed just now")),
        [] => Err(Error::not_found(format!("item {prefix} in the room's log"))),
        _ => Err(Error::invalid(
            "item",
            format!("\"{prefix}\" starts {} ids; give more of it", found.len()),
        )),
    }
}

fn put(ws: &mut Workspace, id: &str, entity: Entity, now: DateTime<Utc>) -> Result<()> {
    api::apply_edits(ws, id, &[Edit::Put { entity }], now)?;
    Ok(())
}

pub fn run(ws: &mut Workspace, cmd: RoomCommand, now: DateTime<Utc>) -> Result<()> {
    use RoomCommand as C;
    let today = now.date_naive();
    let resolve = |ws: &Workspace, p: &str| api::resolve_plan(ws, p);
    match cmd {
        C::List { plan } => {
            let id = resolve(ws, &plan)?;
            out!("{}", roomlog::log_text(&api::plan(ws, &id)?));
        }
        C::Park {
            plan,
            text,
            by,
            origin,
        } => {
            let id = resolve(ws, &plan)?;
            let item = roomlog::parked(&text, &by, origin.into(), today);
            let item_id = item.id.clone();
            put(ws, &id, Entity::ParkedItem(item), now)?;
            outln!("{item_id}");
        }
        C::Decide {
            plan,
            text,
            by,
            origin,
        } => {
            let id = resolve(ws, &plan)?;
            let item = roomlog::decision(&text, &by, origin.into(), today);
            let item_id = item.id.clone();
            put(ws, &id, Entity::Decision(item), now)?;
            outln!("{item_id}");
        }
        C::Act {
            plan,
            text,
            owner,
            due,
            origin,
        } => {
            let id = resolve(ws, &plan)?;
            let item = roomlog::action(&text, &owner, due, origin.into(), today);
            let item_id = item.id.clone();
            put(ws, &id, Entity::Action(item), now)?;
            outln!("{item_id}");
        }
        C::Resolve { plan, item, note } => {
            let id = resolve(ws, &plan)?;
            let Entity::ParkedItem(mut p) = find(&api::plan(ws, &id)?, &item)? else {
                return Err(Error::invalid("item", "only a parked question is resolved"));
            };
            p.resolved_on = Some(today.max(p.created_on));
            p.resolution = note;
            put(ws, &id, Entity::ParkedItem(p), now)?;
        }
        C::Done { plan, item } => {
            let id = resolve(ws, &plan)?;
            let Entity::Action(mut a) = find(&api::plan(ws, &id)?, &item)? else {
                return Err(Error::invalid("item", "only an action is marked done"));
            };
            a.status = ActionStatus::Done;
            put(ws, &id, Entity::Action(a), now)?;
        }
        C::Serve(_) => {
            return Err(Error::invalid(
                "room serve",
                "the room's server runs on its own, not inside another command",
            ))
        }
        C::Promote { plan, item, to } => {
            let id = resolve(ws, &plan)?;
            let Entity::Action(a) = find(&api::plan(ws, &id)?, &item)? else {
                return Err(Error::invalid(
                    "item",
                    "only an action becomes a goal or a milestone",
                ));
            };
            let to = match to {
                PromoteArg::Goal => PromoteTo::Goal,
                PromoteArg::Milestone => PromoteTo::Milestone,
            };
            let intent = Intent::PromoteAction {
                action_id: a.id,
                to,
            };
            let applied = api::apply_intent(ws, &id, &intent, now)?;
            outln!("{}", applied.created.unwrap_or_default());
        }
    }
    Ok(())
}
