//! What the board reads first, worked out once: the decisions asked of it with their costs,
//! the risks in the order the register is read, the key measures against their targets, the
//! goals that matter most and the milestones due in the next 90 days. The PDF's executive
//! summary, the workbook and the CLI print these; none of them ranks or totals on its own.

use super::measures::{latest, measure_standing, measure_status};
use super::numbers::{number, quantity};
use crate::model::{Ask, Goal, Measure, Milestone, MilestoneStatus, Plan, Risk, RiskStatus};
use crate::status::MeasureStatus;
use chrono::{Duration, NaiveDate};

/// How far ahead "the next 90 days" looks.
pub const HORIZON_DAYS: i64 = 90;

/// What a decision costs, in one line: "CAD 96,000 · 2 FTE · 8 months"; "No cost given" when
/// nothing is written down. The note is not part of it: it is text, printed beside.
pub fn ask_cost(ask: &Ask) -> String {
    let mut parts = Vec::new();
    if let Some(v) = ask.cost_amount {
        parts.push(money(v, &ask.currency));
    }
    if let Some(v) = ask.cost_fte {
        parts.push(format!("{} FTE", number(v)));
    }
    if let Some(v) = ask.cost_months {
        parts.push(format!(
            "{} month{}",
            number(v),
            if v == 1.0 { "" } else { "s" }
        ));
    }
    if parts.is_empty() {
        if ask.cost_note.trim().is_empty() {
            "No cost given".into()
        } else {
            "See the note".into()
        }
    } else {
        parts.join(" · ")
    }
}

/// "CAD 96,000", or the number alone when no currency is named.
pub fn money(v: f64, currency: &str) -> String {
    match currency.trim() {
        "" => number(v),
        c => format!("{c} {}", number(v)),
    }
}

/// Every decision's cost added up: money per currency (in the order currencies first appear),
/// then people. "CAD 182,000 and 2.9 FTE"; `None` when no decision names a cost figure.
pub fn asks_total(plan: &Plan) -> Option<String> {
    let mut money_by: Vec<(String, f64)> = Vec::new();
    for a in &plan.asks {
        if let Some(v) = a.cost_amount {
            let c = a.currency.trim().to_string();
            match money_by.iter_mut().find(|(k, _)| *k == c) {
                Some((_, sum)) => *sum += v,
                None => money_by.push((c, v)),
            }
        }
    }
    let mut parts: Vec<String> = money_by.iter().map(|(c, v)| money(*v, c)).collect();
    let fte: f64 = plan.asks.iter().filter_map(|a| a.cost_fte).sum();
    if plan.asks.iter().any(|a| a.cost_fte.is_some()) {
        parts.push(format!("{} FTE", number(fte)));
    }
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => {
            let last = parts.pop().unwrap_or_default();
            Some(format!("{} and {last}", parts.join(", ")))
        }
    }
}

/// The decisions in the order they are needed: dated ones soonest first, then the rest in the
/// plan's order.
pub fn asks_by_date(plan: &Plan) -> Vec<&Ask> {
    let mut asks: Vec<&Ask> = plan.asks.iter().collect();
    asks.sort_by_key(|a| (a.decide_by.is_none(), a.decide_by));
    asks
}

/// The risks still live (not closed), highest likelihood × impact first; a tie goes to the
/// larger impact, then to the plan's order.
pub fn risks_ranked(plan: &Plan) -> Vec<&Risk> {
    let mut risks: Vec<&Risk> = plan
        .risks
        .iter()
        .filter(|r| r.status != RiskStatus::Closed)
        .collect();
    risks.sort_by_key(|r| (std::cmp::Reverse(r.score()), std::cmp::Reverse(r.impact)));
    risks
}

/// The lowest likelihood × impact score read as high, and as medium.
pub const RISK_HIGH: u8 = 15;
pub const RISK_MEDIUM: u8 = 8;

/// How a likelihood × impact score is read: 15 and over high, 8 and over medium, else low.
pub fn risk_band(score: u8) -> RiskBand {
    if score >= RISK_HIGH {
        RiskBand::High
    } else if score >= RISK_MEDIUM {
        RiskBand::Medium
    } else {
        RiskBand::Low
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskBand {
    Low,
    Medium,
    High,
}

impl RiskBand {
    pub const ALL: [RiskBand; 3] = [RiskBand::Low, RiskBand::Medium, RiskBand::High];

    pub fn label(self) -> &'static str {
        match self {
            RiskBand::Low => "Low",
            RiskBand::Medium => "Medium",
            RiskBand::High => "High",
        }
    }
}

/// The goals that matter most: those the decisions asked for enable most, then those serving
/// the most strategic priorities, then in the team's own order.
pub fn goals_that_matter(plan: &Plan, n: usize) -> Vec<&Goal> {
    let asks_for = |g: &Goal| {
        plan.asks
            .iter()
            .filter(|a| a.goal_ids.contains(&g.id))
            .count()
    };
    let mut goals: Vec<&Goal> = plan.goals.iter().collect();
    goals.sort_by_key(|g| {
        (
            std::cmp::Reverse(asks_for(g)),
            std::cmp::Reverse(g.priority_ids.len()),
        )
    });
    goals.truncate(n);
    goals
}

/// One row of the key measures: a measure against its target, with its status.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi<'a> {
    pub measure: &'a Measure,
    pub goal: Option<&'a Goal>,
    pub status: MeasureStatus,
    /// The latest check-in against the target, the unit said once: "4 → 12 employers",
    /// "91% → 93%"; "—" stands for no check-in yet or no target.
    pub latest_to_target: String,
    pub target_date: Option<NaiveDate>,
    /// No check-in since one was due (see `measure_standing`).
    pub stale: bool,
}

/// The key measures: for each goal, the one of its measures most in need of attention (the
/// first of them on a tie), so an off-track measure is always among them; goals without
/// measures have none.
pub fn key_measures(plan: &Plan, today: NaiveDate) -> Vec<Kpi<'_>> {
    let mut out = Vec::new();
    for g in &plan.goals {
        let worst = plan
            .measures
            .iter()
            .filter(|m| m.goal_id == g.id)
            .map(|m| kpi(plan, m, Some(g), today))
            .min_by_key(|k| attention(k.status));
        out.extend(worst);
    }
    out
}

/// How urgently a status asks for attention, 0 first: off track, at risk, not measured, on
/// track, achieved.
pub fn attention(status: MeasureStatus) -> u8 {
    match status {
        MeasureStatus::OffTrack => 0,
        MeasureStatus::AtRisk => 1,
        MeasureStatus::NotMeasured => 2,
        MeasureStatus::OnTrack => 3,
        MeasureStatus::Achieved => 4,
    }
}

fn kpi<'a>(plan: &'a Plan, m: &'a Measure, goal: Option<&'a Goal>, today: NaiveDate) -> Kpi<'a> {
    let mine = plan.check_ins.iter().filter(|c| c.measure_id == m.id);
    let standing = measure_standing(m, mine.clone(), today);
    let (status, stale) = (standing.status, standing.stale);
    let unit = m.unit.trim();
    let figure = |v: f64| {
        if unit == "%" {
            quantity(v, unit)
        } else {
            number(v)
        }
    };
    let now = latest(mine).map_or_else(|| "—".to_string(), |c| figure(c.value));
    let latest_to_target = match m.target {
        Some(t) => format!("{now} → {}", quantity(t, unit)),
        None if unit.is_empty() || unit == "%" => format!("{now} → —"),
        None => format!("{now} {unit} → —"),
    };
    Kpi {
        measure: m,
        goal,
        status,
        latest_to_target,
        target_date: m.target_date,
        stale,
    }
}

/// The measures off track and at risk, in the plan's order.
pub fn measures_behind(plan: &Plan, today: NaiveDate) -> Vec<(MeasureStatus, &Measure)> {
    plan.measures
        .iter()
        .map(|m| {
            let mine = plan.check_ins.iter().filter(|c| c.measure_id == m.id);
            (measure_status(m, mine, today), m)
        })
        .filter(|(s, _)| matches!(s, MeasureStatus::OffTrack | MeasureStatus::AtRisk))
        .collect()
}

/// The milestones still planned that fall due within the next 90 days, soonest first, with
/// those already past their date (and neither done nor missed) before them.
pub fn next_90_days(plan: &Plan, today: NaiveDate) -> Vec<&Milestone> {
    let end = today + Duration::days(HORIZON_DAYS);
    let mut due: Vec<&Milestone> = plan
        .milestones
        .iter()
        .filter(|m| m.status == MilestoneStatus::Planned && m.due.is_some_and(|d| d <= end))
        .collect();
    due.sort_by_key(|m| (!m.overdue(today), m.due));
    due
}

/// The register counted by band and status, for summaries: (live, high).
pub fn risk_counts(plan: &Plan) -> (usize, usize) {
    let live = risks_ranked(plan);
    let high = live
        .iter()
        .filter(|r| risk_band(r.score()) == RiskBand::High)
        .count();
    (live.len(), high)
}

/// "3 decisions requested (CAD 182,000 and 2.9 FTE); 5 risks, 1 high" — the line the
/// workbook's summary and the CLI print.
pub fn board_line(plan: &Plan) -> String {
    let asks = match (plan.asks.len(), asks_total(plan)) {
        (0, _) => "No decisions requested".to_string(),
        (n, Some(total)) => format!("{n} decision{} requested ({total})", plural(n)),
        (n, None) => format!("{n} decision{} requested", plural(n)),
    };
    let (live, high) = risk_counts(plan);
    let closed = plan.risks.len() - live;
    let mut risks = format!("{live} open risk{}", plural(live));
    if live > 0 {
        risks.push_str(&format!(", {high} high"));
    }
    if closed > 0 {
        risks.push_str(&format!(" ({closed} closed)"));
    }
    format!("{asks}; {risks}")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
