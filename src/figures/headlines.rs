//! The conclusion each section of a report opens with: not its topic ("Success measures") but
//! what the plan's data says about it ("6 of 10 measures on track or achieved; off track:
//! …"). `None` where the step holds nothing to conclude from yet; the section then shows its
//! title alone.

use super::board::{next_90_days, risks_ranked, HORIZON_DAYS};
use super::maturity::{MaturityFigures, StageMean};
use super::measures::measure_tally;
use super::numbers::{number, short_date};
use crate::catalog::catalog;
use crate::model::{MilestoneStatus, Plan, ReviewStatus};
use crate::progress::{messages_written, Step};
use crate::smart::is_smart;
use crate::status::MeasureStatus;
use chrono::NaiveDate;

/// The conclusion of a step's section as of `today`.
pub fn section_headline(
    plan: &Plan,
    step: Step,
    today: NaiveDate,
    maturity: Option<&MaturityFigures>,
) -> Option<String> {
    match step {
        Step::Context => context(plan),
        Step::Vision => vision(plan),
        Step::Goals => goals(plan, today),
        Step::Measures => measures(plan, today),
        Step::Requirements => requirements(plan),
        Step::Governance => governance(plan),
        Step::Badges => badges(plan),
        Step::Maturity => maturity.and_then(maturity_line),
        Step::Communication => communication(plan),
        Step::Roadmap => roadmap(plan, today),
        Step::Export => None,
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn context(plan: &Plan) -> Option<String> {
    if plan.programs.is_empty() {
        return None;
    }
    Some(format!(
        "{} in scope, shaped with {}",
        count(plan.programs.len(), "program", "programs"),
        count(
            plan.stakeholders.len(),
            "stakeholder group",
            "stakeholder groups"
        ),
    ))
}

fn vision(plan: &Plan) -> Option<String> {
    if plan.vision_statements.is_empty() {
        return None;
    }
    let aligned = plan
        .goals
        .iter()
        .filter(|g| !g.statement_ids.is_empty())
        .count();
    let statements = count(
        plan.vision_statements.len(),
        "vision statement",
        "vision statements",
    );
    Some(if plan.goals.is_empty() {
        format!("{statements}; no goal works towards them yet")
    } else if aligned == plan.goals.len() {
        format!("{statements}, and every goal works towards one")
    } else {
        format!(
            "{statements}; {aligned} of {} goals work towards one",
            plan.goals.len()
        )
    })
}

fn goals(plan: &Plan, today: NaiveDate) -> Option<String> {
    let n = plan.goals.len();
    if n == 0 {
        return None;
    }
    let smart = plan
        .goals
        .iter()
        .filter(|g| is_smart(g, Some(today)))
        .count();
    let mut line = if smart == n {
        format!("All {} are SMART", count(n, "goal", "goals"))
    } else {
        format!(
            "{smart} of {n} goals are SMART; {} still to sharpen",
            n - smart
        )
    };
    if let Some(first) = plan
        .goals
        .iter()
        .filter_map(|g| g.due.filter(|d| *d >= today))
        .min()
    {
        line.push_str(&format!("; the next falls due {}", first.format("%B %Y")));
    }
    Some(line)
}

/// How many off-track measures a conclusion names one by one.
const NAMED: usize = 3;

/// "6 of 10 measures on track or achieved; off track: …; 2 at risk".
pub fn measures(plan: &Plan, today: NaiveDate) -> Option<String> {
    let n = plan.measures.len();
    if n == 0 {
        return None;
    }
    let tally = measure_tally(plan, today);
    let of = |s: MeasureStatus| tally.iter().find(|t| t.status == s).map_or(0, |t| t.count);
    let good = of(MeasureStatus::OnTrack) + of(MeasureStatus::Achieved);
    let mut line = format!(
        "{} of {} measures on track or achieved",
        number(f64::from(good)),
        number(n as f64)
    );
    let off: Vec<&str> = super::board::measures_behind(plan, today)
        .into_iter()
        .filter(|(s, _)| *s == MeasureStatus::OffTrack)
        .map(|(_, m)| m.indicator.trim())
        .collect();
    // Named when a reader can take them in; beyond that, counted with the first two named.
    match off.len() {
        0 => {}
        1..=NAMED => line.push_str(&format!("; off track: {}", off.join("; "))),
        n => line.push_str(&format!(
            "; {n} off track, among them {}",
            off[..2].join("; ")
        )),
    }
    let at_risk = of(MeasureStatus::AtRisk);
    if at_risk > 0 {
        line.push_str(&format!("; {at_risk} at risk"));
    }
    Some(line)
}

fn requirements(plan: &Plan) -> Option<String> {
    let n = plan.requirements.len();
    if n == 0 {
        return None;
    }
    let proved = plan
        .requirements
        .iter()
        .filter(|r| {
            plan.requirement_metrics
                .iter()
                .any(|m| m.requirement_id == r.id)
        })
        .count();
    Some(format!(
        "{} chosen; {proved} of them with a metric to show it is met",
        count(n, "business requirement", "business requirements")
    ))
}

fn governance(plan: &Plan) -> Option<String> {
    if plan.roles.is_empty() && plan.committee_members.is_empty() {
        return None;
    }
    let mut line = format!(
        "{} named and an approval committee of {}",
        count(plan.roles.len(), "role", "roles"),
        plan.committee_members.len()
    );
    if !plan.workflow_stages.is_empty() {
        line.push_str(&format!(
            "; a proposal passes {}",
            count(plan.workflow_stages.len(), "stage", "stages")
        ));
    }
    Some(line)
}

fn maturity_line(m: &MaturityFigures) -> Option<String> {
    let now = m.headline.now.as_ref()?;
    let mut line = format!("Mean stage {:.1} today", now.value);
    if let Some(aim) = &m.headline.next {
        line.push_str(&format!(
            "; {} aims for {}",
            aim.phase_name,
            aim.mean
                .as_ref()
                .map_or_else(|| "no stage".into(), |a| StageMean::figure(a.value))
        ));
    }
    if let Some(g) = m.next_gaps().next() {
        line.push_str(&format!(
            "; the largest gap is {} ({} stages to climb)",
            g.subfacet_name.to_lowercase(),
            g.gap
        ));
    }
    Some(line)
}

fn communication(plan: &Plan) -> Option<String> {
    let n = plan.communications.len();
    if n == 0 {
        return None;
    }
    let prompts = catalog().key_message_prompts.len();
    let written = plan
        .communications
        .iter()
        .filter(|c| messages_written(c) >= prompts)
        .count();
    Some(format!(
        "{written} of {} with every key message written; {} planned",
        count(n, "audience", "audiences"),
        count(plan.trainings.len(), "training", "trainings")
    ))
}

fn roadmap(plan: &Plan, today: NaiveDate) -> Option<String> {
    if plan.phases.is_empty() && plan.milestones.is_empty() {
        return None;
    }
    let mut parts = vec![count(plan.phases.len(), "phase", "phases")];
    // Milestones carried from an earlier cycle are its history, not this cycle's progress.
    let ours: Vec<_> = plan
        .milestones
        .iter()
        .filter(|m| m.cycle.is_none())
        .collect();
    if !ours.is_empty() {
        let done = ours
            .iter()
            .filter(|m| m.status == MilestoneStatus::Done)
            .count();
        let soon = next_90_days(plan, today).len();
        parts.push(format!(
            "{done} of {} milestones done, {soon} due within {HORIZON_DAYS} days",
            ours.len()
        ));
    }
    if !plan.asks.is_empty() {
        parts.push(count(
            plan.asks.len(),
            "decision asked of leadership",
            "decisions asked of leadership",
        ));
    }
    if let Some(top) = risks_ranked(plan).first() {
        parts.push(format!("the top risk scores {} of 25", top.score()));
    }
    let next_review = plan
        .reviews
        .iter()
        .filter(|r| r.status == ReviewStatus::Planned && r.held_on >= today)
        .min_by_key(|r| r.held_on);
    if let Some(r) = next_review {
        parts.push(format!("the next review is on {}", short_date(r.held_on)));
    }
    Some(parts.join("; "))
}

/// How many badges could be published today, and where the pilot starts.
fn badges(plan: &Plan) -> Option<String> {
    if plan.badges.is_empty() {
        return None;
    }
    let ready = plan
        .badges
        .iter()
        .filter(|b| crate::model::metadata_gaps(b).is_empty())
        .count();
    let n = plan.badges.len();
    let ready = if ready == n {
        format!(
            "{}, each carrying all the metadata it needs",
            count(n, "badge", "badges")
        )
    } else {
        format!(
            "{} in the catalogue, {ready} ready to publish",
            count(n, "badge", "badges")
        )
    };
    let pilot = plan
        .issuing_routes
        .iter()
        .find(|r| r.pilot && !r.badge_ids.is_empty());
    Some(match pilot {
        Some(r) => format!(
            "{ready}; the pilot issues {} through {}",
            count(r.badge_ids.len(), "badge", "badges"),
            r.platform.trim()
        ),
        None => format!("{ready}; no pilot planned yet"),
    })
}
