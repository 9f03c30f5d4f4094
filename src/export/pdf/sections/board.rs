//! Section 9's decisions requested of leadership and its risk register, in full: the case for
//! each decision and what it enables, and every risk with its score, owner and mitigation.

use super::{or_dash, short_date, Ctx};
use crate::catalog::catalog;
use crate::export::doc::table::{col, with_heading, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::{note, pill};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{self, Style};
use crate::figures::{ask_cost, asks_by_date, asks_total, risk_band};
use crate::model::{Plan, Risk, RiskStatus};

pub fn asks(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    let title = "Decisions requested of leadership";
    if plan.asks.is_empty() {
        w.heading(title, 1, 30.0);
        w.not_yet_written();
        return;
    }
    let mut t = Table::new(vec![
        // Widths in points (the page is 483 wide): a date keeps to one line.
        col("Decision and why", 160.0),
        col("Cost", 118.0),
        col("Decide by", 62.0),
        col("Who decides", 64.0),
        col("Enables", 79.0),
    ]);
    for a in asks_by_date(plan) {
        let mut what = vec![vec![Span::new(a.title.trim(), Style::cell_bold())]];
        if !a.rationale.trim().is_empty() {
            what.push(vec![note(a.rationale.trim())]);
        }
        let mut cost = vec![vec![Span::new(ask_cost(a), Style::cell())]];
        if !a.cost_note.trim().is_empty() {
            cost.push(vec![note(a.cost_note.trim())]);
        }
        let enables: Vec<String> = a
            .goal_ids
            .iter()
            .filter_map(|id| plan.goals.iter().find(|g| &g.id == id))
            .map(|g| g.title.trim().to_string())
            .chain(
                a.phase_ids
                    .iter()
                    .filter_map(|id| plan.phases.iter().find(|p| &p.id == id))
                    .map(|p| p.name.trim().to_string()),
            )
            .collect();
        t.row(vec![
            Cell::blocks(what),
            Cell::blocks(cost),
            Cell::text(a.decide_by.map_or("—".into(), short_date)),
            Cell::text(or_dash(&a.decider)),
            Cell::blocks(
                enables
                    .into_iter()
                    .map(|e| vec![note(e)])
                    .collect::<Vec<_>>(),
            ),
        ]);
    }
    with_heading(w, title, 1, &t);
    if let Some(total) = asks_total(plan) {
        w.caption(&format!("In all: {total}."));
    }
}

pub fn risks(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    let title = "Risk register";
    if plan.risks.is_empty() {
        w.heading(title, 1, 30.0);
        w.not_yet_written();
        return;
    }
    // Live risks by score, closed ones after them.
    let mut risks = crate::figures::risks_ranked(plan);
    risks.extend(plan.risks.iter().filter(|r| r.status == RiskStatus::Closed));
    let mut t = Table::new(vec![
        col("Risk and mitigation", 5.2),
        col("L × I", 1.3),
        col("Owner", 1.8),
        col("Status", 1.3),
        col("Threatens", 2.1),
    ]);
    for r in risks {
        let mut what = vec![vec![Span::new(r.title.trim(), Style::cell_bold())]];
        if !r.mitigation.trim().is_empty() {
            what.push(vec![note(format!("Mitigation: {}", r.mitigation.trim()))]);
        }
        let band = risk_band(r.score());
        let (fill, ink) = theme::risk_band(band);
        t.row(vec![
            Cell::blocks(what),
            Cell::blocks(vec![
                vec![pill(format!("{} {}", r.score(), band.label()), fill, ink)],
                vec![note(format!("{} × {}", r.likelihood, r.impact))],
            ]),
            Cell::text(or_dash(&r.owner)),
            Cell::text(r.status.label()),
            Cell::blocks(
                threatens(plan, r)
                    .into_iter()
                    .map(|s| vec![note(s)])
                    .collect(),
            ),
        ]);
    }
    with_heading(w, title, 1, &t);
    w.caption(
        "L × I: likelihood times impact, each from 1 to 5; 15 and over is high, 8 to 14 medium.",
    );
}

/// What a risk is linked to, by name: its goal, its phase and its maturity gap.
pub fn threatens(plan: &Plan, r: &Risk) -> Vec<String> {
    let goal = r
        .goal_id
        .as_ref()
        .and_then(|id| plan.goals.iter().find(|g| &g.id == id))
        .map(|g| g.title.trim().to_string());
    let phase = r
        .phase_id
        .as_ref()
        .and_then(|id| plan.phases.iter().find(|p| &p.id == id))
        .map(|p| p.name.trim().to_string());
    let gap = r
        .subfacet_id
        .as_ref()
        .and_then(|id| catalog().subfacet(id))
        .map(|s| format!("Maturity: {}", s.name));
    let out: Vec<String> = [goal, phase, gap].into_iter().flatten().collect();
    if out.is_empty() {
        vec!["—".into()]
    } else {
        out
    }
}
