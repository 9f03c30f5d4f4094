//! The gaps of the latest revealed assessment, largest first: how far each sub-facet has to
//! climb to reach each phase's target, and what the next stage looks like when it gets there.

use super::sheet::{Col, V};
use super::Ctx;
use crate::maturity::{gaps_from, stage_label};
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) fn sheet(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let mut sh = ctx.sheet(
        "Gaps",
        &[6.0, 18.0, 16.0, 24.0, 8.0, 8.0, 6.0, 16.0, 50.0, 50.0],
    )?;
    sh.title(
        "Gaps",
        "Where each sub-facet stands against each phase's target, largest gap first, with the model's \
         description of the next stage and of every stage on the way to the target.",
    )?;
    let Some(m) = &ctx.maturity else {
        sh.freeze_title()?;
        sh.not_yet_written(
            "no maturity assessment has been revealed yet, so there are no gaps to rank (step 7).",
        )?;
        return Ok(sh.finish());
    };
    sh.note(&format!("From {}.", m.assessment.name))?;
    sh.row += 1;
    let facet = |id: &str| {
        crate::catalog::catalog()
            .facet(id)
            .map_or(String::new(), |f| f.name.clone())
    };
    let rows: Vec<Vec<V>> = gaps_from(ctx.plan, &m.results, None)
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let next = g.steps.first();
            let later: Vec<String> = g
                .steps
                .iter()
                .skip(1)
                .map(|s| format!("{}: {}", stage_label(s.stage), s.descriptor))
                .collect();
            vec![
                V::count(i + 1),
                V::s(&g.phase_name),
                V::s(facet(&g.facet_id)),
                V::s(&g.subfacet_name),
                V::N(f64::from(g.current)),
                V::N(f64::from(g.target)),
                V::N(f64::from(g.gap)),
                V::s(next.map_or(String::new(), |s| stage_label(s.stage))),
                V::s(next.map_or("", |s| s.descriptor.as_str())),
                V::s(later.join("\n\n")),
            ]
        })
        .collect();
    let cols = [
        Col::number("Rank"),
        Col::text("Phase"),
        Col::text("Facet"),
        Col::bold("Sub-facet"),
        Col::number("Current"),
        Col::number("Target"),
        Col::number("Gap"),
        Col::center("Next stage"),
        Col::text("What the next stage looks like"),
        Col::text("Further stages to the target"),
    ];
    let empty =
        "No gaps: every target of this assessment is already met, or no targets are set yet.";
    if let Some(t) = sh.table("Gaps", &cols, &rows, empty)? {
        sh.freeze_header(&t, 4)?;
        sh.stage_scale((t.first, t.last), (4, 5))?;
        sh.bars((t.first, t.last), 6, 0.0, 4.0)?;
    } else {
        sh.freeze_title()?;
    }
    Ok(sh.finish())
}
