//! Step 9's decisions requested of leadership and its risk register, each a table to update
//! as decisions are taken and risks move. A risk's score is a formula (likelihood × impact),
//! so it follows the analyst's edits, coloured by the same bands as the PDF.

use super::formats::{BAD, GOOD, NONE, WATCH};
use super::sheet::{Col, Kind, V};
use super::Ctx;
use crate::catalog::catalog;
use crate::figures::{asks_total, risks_ranked, RISK_HIGH, RISK_MEDIUM};
use crate::model::{Risk, RiskStatus};
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) fn asks(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet(
        "Decisions requested",
        &[36.0, 50.0, 12.0, 9.0, 8.0, 8.0, 34.0, 12.0, 22.0, 36.0],
    )?;
    sh.title(
        "Decisions requested of leadership",
        "Step 9: what the plan asks leadership to decide, what each decision costs in money, people and time, \
         by when it is needed, who takes it, and the goals and phases it makes possible.",
    )?;
    sh.freeze_title()?;
    if plan.asks.is_empty() {
        sh.not_yet_written("no decisions requested yet (step 9).")?;
        return Ok(sh.finish());
    }
    if let Some(total) = asks_total(plan) {
        sh.pairs(&[("In all", V::s(total))])?;
    }
    let name_of = |goal_ids: &[String], phase_ids: &[String]| -> String {
        goal_ids
            .iter()
            .map(|g| ctx.goal_title(g))
            .chain(phase_ids.iter().filter_map(|id| {
                plan.phases
                    .iter()
                    .find(|p| &p.id == id)
                    .map(|p| p.name.clone())
            }))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let rows: Vec<Vec<V>> = crate::figures::asks_by_date(plan)
        .into_iter()
        .map(|a| {
            vec![
                V::s(&a.title),
                V::s(&a.rationale),
                V::n(a.cost_amount),
                V::s(&a.currency),
                V::n(a.cost_fte),
                V::n(a.cost_months),
                V::s(&a.cost_note),
                V::d(a.decide_by),
                V::s(&a.decider),
                V::s(name_of(&a.goal_ids, &a.phase_ids)),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Decision"),
        Col::text("Why"),
        Col::number("Money"),
        Col::center("Currency"),
        Col::number("FTE"),
        Col::number("Months"),
        Col::text("Cost note"),
        Col::date("Decide by"),
        Col::text("Who decides"),
        Col::text("Enables"),
    ];
    sh.table("DecisionsRequested", &cols, &rows, "")?;
    Ok(sh.finish())
}

/// The bands of `figures::risk_band`, as cell colours.
const BANDS: [(f64, f64, (u32, u32)); 3] = [
    (RISK_HIGH as f64, 25.0, BAD),
    (RISK_MEDIUM as f64, RISK_HIGH as f64 - 1.0, WATCH),
    (1.0, RISK_MEDIUM as f64 - 1.0, GOOD),
];

pub(super) fn risks(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Risks", &[44.0, 11.0, 9.0, 8.0, 22.0, 56.0, 13.0, 40.0])?;
    sh.title(
        "Risk register",
        "Step 9: what could throw the plan off course, how likely it is and how much it would hurt (each 1 to 5), \
         the score (likelihood × impact, 15 and over high, 8 to 14 medium), who owns it and what is done about it. \
         Live risks come first, highest score first.",
    )?;
    sh.freeze_title()?;
    if plan.risks.is_empty() {
        sh.not_yet_written("no risks recorded yet (step 9).")?;
        return Ok(sh.finish());
    }
    let mut risks = risks_ranked(plan);
    risks.extend(plan.risks.iter().filter(|r| r.status == RiskStatus::Closed));
    let header = sh.row;
    let rows: Vec<Vec<V>> = risks
        .iter()
        .enumerate()
        .map(|(i, r)| {
            // Excel's row number of this risk (the header is on `header`, 0-based).
            let row = header + 2 + i as u32;
            vec![
                V::s(&r.title),
                V::N(r.likelihood.into()),
                V::N(r.impact.into()),
                V::F(format!("B{row}*C{row}"), r.score().into()),
                V::s(&r.owner),
                V::s(&r.mitigation),
                V::s(r.status.label()),
                V::s(threatens(ctx, r)),
            ]
        })
        .collect();
    let scale: Vec<String> = (1..=5).map(|n| n.to_string()).collect();
    let cols = [
        Col::bold("Risk"),
        Col::new("Likelihood", Kind::Center).choices(scale.clone()),
        Col::new("Impact", Kind::Center).choices(scale),
        Col::new("Score", Kind::Center),
        Col::text("Owner"),
        Col::text("Mitigation"),
        Col::center("Status").choices(RiskStatus::ALL.map(RiskStatus::label)),
        Col::text("Threatens"),
    ];
    if let Some(t) = sh.table("Risks", &cols, &rows, "")? {
        sh.colour_bands((t.first, t.last), 3, &BANDS)?;
        sh.colour_text(
            (t.first, t.last),
            (6, 6),
            &[(RiskStatus::Closed.label(), NONE)],
        )?;
    }
    Ok(sh.finish())
}

/// The goal, phase and maturity gap a risk threatens, one to a line.
fn threatens(ctx: &Ctx, r: &Risk) -> String {
    let plan = ctx.plan;
    let goal = r.goal_id.as_deref().map(|g| ctx.goal_title(g));
    let phase = r
        .phase_id
        .as_ref()
        .and_then(|id| plan.phases.iter().find(|p| &p.id == id))
        .map(|p| p.name.clone());
    let gap = r
        .subfacet_id
        .as_ref()
        .and_then(|id| catalog().subfacet(id))
        .map(|s| format!("Maturity: {}", s.name));
    [goal, phase, gap]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}
