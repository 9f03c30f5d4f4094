//! Step 9's evaluation cycle on one sheet: the plan's cycle, then every finding and every
//! change decided at each review, one row each, so a team can filter by goal, measure or
//! review when it prepares the next one.

use super::sheet::{Col, V};
use super::Ctx;
use crate::cycle::{reviews_in_order, subject};
use crate::model::{ChangeArea, ReviewKind, ReviewStatus};
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) fn sheet(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Reviews", &[34.0, 20.0, 11.0, 10.0, 12.0, 40.0, 70.0])?;
    sh.title(
        "Reviews",
        "Step 9: the reviews of the evaluation cycle, what each found about the goals and measures, and the \
         changes it decided, with what each changed.",
    )?;
    let s = &plan.settings;
    let cycle = match s.cycle.trim() {
        "" => "Not named yet".to_string(),
        named => named.to_string(),
    };
    let mut pairs = vec![("Cycle", V::s(cycle))];
    // Only a plan rolled forward says where from: an empty merged cell reads badly.
    if let Some(f) = &s.rolled_from {
        pairs.push((
            "Rolled forward from",
            V::s(format!("{} ({})", f.plan_name, f.cycle)),
        ));
    }
    sh.pairs(&pairs)?;
    sh.freeze_title()?;
    let reviews = reviews_in_order(plan);
    if reviews.is_empty() {
        sh.not_yet_written("no reviews planned or held yet (step 9).")?;
        return Ok(sh.finish());
    }
    let mut rows = Vec::new();
    for r in reviews {
        let head = |what: &str| {
            vec![
                V::s(&r.name),
                V::s(r.kind.label()),
                V::D(r.held_on),
                V::s(r.status.label()),
                V::s(what),
            ]
        };
        if r.written_findings().next().is_none() && r.written_changes().next().is_none() {
            let mut row = head("");
            row.extend([V::Blank, V::s("Nothing recorded yet")]);
            rows.push(row);
        }
        for f in r.written_findings() {
            let mut row = head("Finding");
            row.extend([
                V::s(subject(plan, f.goal_id.as_deref(), f.measure_id.as_deref())),
                V::s(f.text.trim()),
            ]);
            rows.push(row);
        }
        for c in r.written_changes() {
            let mut row = head(&format!("Change: {}", c.area.label().to_lowercase()));
            row.extend([
                V::s(subject(plan, c.goal_id.as_deref(), c.measure_id.as_deref())),
                V::s(c.text.trim()),
            ]);
            rows.push(row);
        }
    }
    let mut entries = vec!["Finding".to_string()];
    entries.extend(ChangeArea::ALL.map(|a| format!("Change: {}", a.label().to_lowercase())));
    let cols = [
        Col::bold("Review"),
        Col::center("Kind").choices(ReviewKind::ALL.map(ReviewKind::label)),
        Col::date("Date"),
        Col::center("Status").choices(ReviewStatus::ALL.map(ReviewStatus::label)),
        Col::center("Entry").choices(entries),
        Col::text("About"),
        Col::text("Found or decided"),
    ];
    if let Some(t) = sh.table("Reviews", &cols, &rows, "")? {
        sh.freeze_header(&t, 1)?;
    }
    Ok(sh.finish())
}
