//! The model's ten critical success factors as a checklist, with where the plan stands on each.

use super::formats::{GOOD, NONE, WATCH};
use super::sheet::{Col, V};
use super::Ctx;
use crate::maturity::checklist;
use crate::model::FactorStatus;
use rust_xlsxwriter::{Worksheet, XlsxError};

const STATUSES: [FactorStatus; 3] = [
    FactorStatus::NotStarted,
    FactorStatus::InProgress,
    FactorStatus::InPlace,
];

pub(super) fn sheet(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let mut sh = ctx.sheet("Success factors", &[5.0, 32.0, 60.0, 14.0, 60.0])?;
    sh.title(
        "Critical success factors",
        "The maturity model's ten critical success factors, and where the program stands on each. A factor \
         nobody has looked at yet reads as not started.",
    )?;
    let rows: Vec<Vec<V>> = checklist(ctx.plan)
        .iter()
        .enumerate()
        .map(|(i, f)| {
            vec![
                V::count(i + 1),
                V::s(&f.name),
                V::s(&f.description),
                V::s(f.status.label()),
                V::s(&f.note),
            ]
        })
        .collect();
    let cols = [
        Col::number("#"),
        Col::bold("Factor"),
        Col::text("What it means"),
        Col::center("Status").choices(STATUSES.map(FactorStatus::label)),
        Col::text("Note"),
    ];
    if let Some(t) = sh.table("SuccessFactors", &cols, &rows, "")? {
        sh.freeze_header(&t, 2)?;
        sh.colour_text(
            (t.first, t.last),
            (3, 3),
            &[
                (FactorStatus::InPlace.label(), GOOD),
                (FactorStatus::InProgress.label(), WATCH),
                (FactorStatus::NotStarted.label(), NONE),
            ],
        )?;
    }
    Ok(sh.finish())
}
