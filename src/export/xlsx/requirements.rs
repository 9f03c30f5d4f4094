//! Step 5: the business requirements the team ranked, and each metric it picked with the
//! success measure (and goal) it became.

use super::formats::{GOOD, NONE};
use super::sheet::{Col, V};
use super::Ctx;
use crate::catalog::{catalog, RequirementSource};
use crate::model::{RequirementChoice, RequirementMetric};
use rust_xlsxwriter::{Worksheet, XlsxError};

fn source(r: &RequirementChoice) -> &'static str {
    match r
        .catalog_id
        .as_deref()
        .and_then(|id| catalog().requirement(id))
    {
        Some(c) if c.source == RequirementSource::Accredible => "Accredible",
        Some(_) => "WCET",
        None => "Own",
    }
}

pub(super) fn sheet(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Requirements", &[7.0, 32.0, 12.0, 60.0, 44.0, 38.0])?;
    sh.title(
        "Business requirements and metrics",
        "Step 5: the requirements that matter (Accredible's nine, WCET's institutional drivers, or the team's \
         own), ranked, with the metrics picked for each and the success measures they became.",
    )?;
    sh.freeze_title()?;
    if plan.requirements.is_empty() {
        sh.not_yet_written("no business requirements chosen yet (step 5).")?;
        return Ok(sh.finish());
    }
    let mut ranked: Vec<&RequirementChoice> = plan.requirements.iter().collect();
    ranked.sort_by_key(|r| (r.rank.is_none(), r.rank));
    let metrics_of = |r: &RequirementChoice| -> Vec<&RequirementMetric> {
        plan.requirement_metrics
            .iter()
            .filter(|m| m.requirement_id == r.id)
            .collect()
    };

    sh.section("Ranked requirements")?;
    let rows: Vec<Vec<V>> = ranked
        .iter()
        .map(|r| {
            let metrics: Vec<&str> = metrics_of(r).iter().map(|m| m.name.as_str()).collect();
            vec![
                V::n(r.rank.map(f64::from)),
                V::s(&r.name),
                V::s(source(r)),
                V::s(&r.description),
                V::s(metrics.join("\n")),
            ]
        })
        .collect();
    let cols = [
        Col::number("Rank"),
        Col::bold("Requirement"),
        Col::center("Source"),
        Col::text("Why it matters"),
        Col::text("Metrics picked"),
    ];
    sh.table("Requirements", &cols, &rows, "")?;

    sh.section("Metrics and the measures they became")?;
    let mut rows = Vec::new();
    for r in &ranked {
        for m in metrics_of(r) {
            let measure = m
                .measure_id
                .as_deref()
                .and_then(|id| plan.measures.iter().find(|x| x.id == id));
            rows.push(vec![
                V::n(r.rank.map(f64::from)),
                V::s(&r.name),
                V::s(if measure.is_some() { "Yes" } else { "No" }),
                V::s(&m.name),
                V::s(measure.map_or("", |x| x.indicator.as_str())),
                V::s(
                    measure
                        .map(|x| ctx.goal_title(&x.goal_id))
                        .unwrap_or_default(),
                ),
            ]);
        }
    }
    let cols = [
        Col::number("Rank"),
        Col::bold("Requirement"),
        Col::center("Measured"),
        Col::text("Metric"),
        Col::text("Success measure"),
        Col::text("Goal"),
    ];
    if let Some(t) = sh.table("RequirementMetrics", &cols, &rows, "No metric picked yet.")? {
        sh.colour_text((t.first, t.last), (2, 2), &[("Yes", GOOD), ("No", NONE)])?;
    }
    Ok(sh.finish())
}
