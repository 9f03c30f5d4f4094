//! The workshop room's log as a person works it: capturing a parked question, a decision or
//! an action, and turning an action into a goal or a milestone of the plan in one step.

use crate::catalog::{catalog, Described};
use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::model::{
    origin_label, Action, ActionStatus, Decision, Entity, Goal, Id, Kind, Milestone,
    MilestoneStatus, ParkedItem, Plan,
};
use crate::progress::Step;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// The catalog's heading and sentence for one of the log's three lists.
pub fn heading(kind: Kind) -> &'static Described {
    static NONE: Described = Described {
        id: String::new(),
        name: String::new(),
        description: String::new(),
    };
    catalog()
        .room_log
        .iter()
        .find(|d| d.id == kind_id(kind))
        .unwrap_or(&NONE)
}

/// The log's three kinds, in the order every front end lists them.
pub const KINDS: [Kind; 3] = [Kind::ParkedItem, Kind::Decision, Kind::Action];

fn kind_id(kind: Kind) -> &'static str {
    match kind {
        Kind::ParkedItem => "parked_item",
        Kind::Decision => "decision",
        _ => "action",
    }
}

/// The parked questions not yet resolved.
pub fn open_questions(plan: &Plan) -> impl Iterator<Item = &ParkedItem> {
    plan.parked_items.iter().filter(|p| p.resolved_on.is_none())
}

/// The log as plain text, for `stepwise show` and `stepwise room list`.
pub fn log_text(plan: &Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} ({} open)",
        heading(Kind::ParkedItem).name,
        plan.parked_items.len(),
        open_questions(plan).count()
    );
    for p in &plan.parked_items {
        let state = match p.resolved_on {
            Some(d) => format!("resolved {d}"),
            None => "open".into(),
        };
        let _ = writeln!(
            out,
            "  [{state}] {}{}",
            p.text,
            tail(&p.raised_by, p.step, &p.subfacet_id, p.created_on)
        );
        if !p.resolution.is_empty() {
            let _ = writeln!(out, "      resolution: {}", p.resolution);
        }
        let _ = writeln!(out, "      id: {}", p.id);
    }
    let _ = writeln!(
        out,
        "{}: {}",
        heading(Kind::Decision).name,
        plan.decisions.len()
    );
    for d in &plan.decisions {
        let _ = writeln!(
            out,
            "  {}{}",
            d.text,
            tail(&d.raised_by, d.step, &d.subfacet_id, d.created_on)
        );
        let _ = writeln!(out, "      id: {}", d.id);
    }
    let open = plan
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Open)
        .count();
    let _ = writeln!(
        out,
        "{}: {} ({open} open)",
        heading(Kind::Action).name,
        plan.actions.len()
    );
    for a in &plan.actions {
        let due = a.due.map(|d| format!(", due {d}")).unwrap_or_default();
        let owner = if a.owner.is_empty() {
            "no owner".to_string()
        } else {
            format!("owner {}", a.owner)
        };
        let _ = writeln!(
            out,
            "  [{}] {} ({owner}{due})",
            a.status.label().to_lowercase(),
            a.text
        );
        let became = became(plan, a);
        if !became.is_empty() {
            let _ = writeln!(out, "      became {became}");
        }
        let _ = writeln!(out, "      id: {}", a.id);
    }
    out
}

/// What an action became, e.g. "the goal \"Launch the pathway\"", or nothing.
pub fn became(plan: &Plan, action: &Action) -> String {
    let goal = action
        .goal_id
        .as_deref()
        .and_then(|id| plan.goals.iter().find(|g| g.id == id))
        .map(|g| format!("the goal \"{}\"", g.title));
    let milestone = action
        .milestone_id
        .as_deref()
        .and_then(|id| plan.milestones.iter().find(|m| m.id == id))
        .map(|m| format!("the milestone \"{}\"", m.title));
    goal.into_iter()
        .chain(milestone)
        .collect::<Vec<_>>()
        .join(" and ")
}

fn tail(who: &str, step: Option<Step>, subfacet_id: &Option<String>, on: NaiveDate) -> String {
    let mut parts = vec![];
    if !who.is_empty() {
        parts.push(who.to_string());
    }
    let origin = origin_label(step, subfacet_id.as_deref());
    if !origin.is_empty() {
        parts.push(origin);
    }
    parts.push(on.to_string());
    format!(" — {}", parts.join(" · "))
}

/// What an action grows into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum PromoteTo {
    Goal,
    Milestone,
}

/// Where an item came up, as captured with it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origin {
    pub step: Option<Step>,
    pub subfacet_id: Option<String>,
}

pub fn parked(text: &str, raised_by: &str, origin: Origin, today: NaiveDate) -> ParkedItem {
    ParkedItem {
        id: crate::model::new_id(),
        text: text.trim().to_string(),
        raised_by: raised_by.trim().to_string(),
        step: origin.step,
        subfacet_id: origin.subfacet_id,
        created_on: today,
        resolved_on: None,
        resolution: String::new(),
    }
}

pub fn decision(text: &str, raised_by: &str, origin: Origin, today: NaiveDate) -> Decision {
    Decision {
        id: crate::model::new_id(),
        text: text.trim().to_string(),
        raised_by: raised_by.trim().to_string(),
        step: origin.step,
        subfacet_id: origin.subfacet_id,
        created_on: today,
    }
}

pub fn action(
    text: &str,
    owner: &str,
    due: Option<NaiveDate>,
    origin: Origin,
    today: NaiveDate,
) -> Action {
    Action {
        id: crate::model::new_id(),
        text: text.trim().to_string(),
        owner: owner.trim().to_string(),
        due,
        step: origin.step,
        subfacet_id: origin.subfacet_id,
        created_on: today,
        status: ActionStatus::Open,
        goal_id: None,
        milestone_id: None,
    }
}

/// The goal or milestone an action becomes, put before the action that now points at it.
/// Its title is the action's first line (a title is one line); the rest, if any, becomes the
/// goal's "specific" part. Owner and due date carry over; a milestone is placed on the phase
/// whose dates hold its due date.
pub fn promote_action(plan: &Plan, action_id: &str, to: PromoteTo) -> Result<Vec<Edit>> {
    let action = plan
        .actions
        .iter()
        .find(|a| a.id == action_id)
        .ok_or_else(|| Error::not_found(format!("action {action_id}")))?;
    let already = match to {
        PromoteTo::Goal => action
            .goal_id
            .as_deref()
            .and_then(|id| plan.goals.iter().find(|g| g.id == id))
            .map(|g| format!("the goal \"{}\"", g.title)),
        PromoteTo::Milestone => action
            .milestone_id
            .as_deref()
            .and_then(|id| plan.milestones.iter().find(|m| m.id == id))
            .map(|m| format!("the milestone \"{}\"", m.title)),
    };
    if let Some(what) = already {
        return Err(Error::invalid(
            "action_id",
            format!("this action already became {what}"),
        ));
    }
    let mut lines = action.text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines
        .next()
        .ok_or_else(|| Error::invalid("text", "the action has no text to make a title of"))?
        .to_string();
    let rest = lines.collect::<Vec<_>>().join("\n");
    let mut linked = action.clone();
    let created = match to {
        PromoteTo::Goal => {
            let mut goal = Goal::new(&title);
            goal.specific = rest;
            goal.owner = action.owner.clone();
            goal.due = action.due;
            linked.goal_id = Some(goal.id.clone());
            Entity::Goal(goal)
        }
        PromoteTo::Milestone => {
            let milestone = Milestone {
                id: crate::model::new_id(),
                title,
                due: action.due,
                phase_id: action.due.and_then(|d| phase_holding(plan, d)),
                goal_id: None,
                status: MilestoneStatus::Planned,
                done_on: None,
                cycle: None,
            };
            linked.milestone_id = Some(milestone.id.clone());
            Entity::Milestone(milestone)
        }
    };
    Ok(vec![
        Edit::Put { entity: created },
        Edit::Put {
            entity: Entity::Action(linked),
        },
    ])
}

/// The first phase whose start and end (both set) hold `day`.
fn phase_holding(plan: &Plan, day: NaiveDate) -> Option<Id> {
    plan.phases
        .iter()
        .find(|p| matches!((p.starts_on, p.ends_on), (Some(s), Some(e)) if s <= day && day <= e))
        .map(|p| p.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Phase;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn plan_with(action: Action) -> Plan {
        let mut plan = Plan::new("p", chrono::Utc::now());
        plan.actions.push(action);
        plan
    }

    #[test]
    fn an_action_becomes_a_goal_with_its_owner_and_date_and_points_at_it() {
        let a = action(
            "Draft the badge policy\nwith the registrar's wording",
            "Dr. Okafor",
            Some(day("2027-05-01")),
            Origin::default(),
            day("2027-03-01"),
        );
        let plan = plan_with(a.clone());
        let edits = promote_action(&plan, &a.id, PromoteTo::Goal).unwrap();
        let [Edit::Put {
            entity: Entity::Goal(goal),
        }, Edit::Put {
            entity: Entity::Action(linked),
        }] = edits.as_slice()
        else {
            panic!("a goal then the action: {edits:?}");
        };
        assert_eq!(goal.title, "Draft the badge policy");
        assert_eq!(goal.specific, "with the registrar's wording");
        assert_eq!(goal.owner, "Dr. Okafor");
        assert_eq!(goal.due, Some(day("2027-05-01")));
        assert_eq!(linked.goal_id.as_deref(), Some(goal.id.as_str()));
        assert_eq!(linked.milestone_id, None);
    }

    #[test]
    fn a_milestone_lands_on_the_phase_holding_its_date_and_a_second_promotion_is_refused() {
        let a = action(
            "Pilot opens",
            "",
            Some(day("2027-09-15")),
            Origin::default(),
            day("2027-03-01"),
        );
        let mut plan = plan_with(a.clone());
        plan.phases.push(Phase {
            id: "p1".into(),
            name: "Pilot".into(),
            description: String::new(),
            starts_on: Some(day("2027-09-01")),
            ends_on: Some(day("2027-12-31")),
        });
        let edits = promote_action(&plan, &a.id, PromoteTo::Milestone).unwrap();
        let Edit::Put {
            entity: Entity::Milestone(m),
        } = &edits[0]
        else {
            panic!("a milestone first: {edits:?}");
        };
        assert_eq!(m.phase_id.as_deref(), Some("p1"));
        assert_eq!(m.status, MilestoneStatus::Planned);
        plan.milestones.push(m.clone());
        plan.actions[0].milestone_id = Some(m.id.clone());
        let err = promote_action(&plan, &a.id, PromoteTo::Milestone).unwrap_err();
        assert_eq!(err.problems()[0].path, "action_id");
        assert!(err.to_string().contains("Pilot opens"), "{err}");
        assert!(promote_action(&plan, "nope", PromoteTo::Goal).is_err());
    }
}
