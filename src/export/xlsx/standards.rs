//! Step 6's standards and skills on one sheet: the frameworks badges align to, and the register
//! of doubts about rigour with the plan's answers, open ones first.

use super::formats::{BAD, GOOD};
use super::sheet::{Col, V};
use super::Ctx;
use crate::model::ObjectionStatus;
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) fn sheet(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Standards and skills", &[40.0, 60.0, 30.0, 50.0, 12.0])?;
    sh.title(
        "Standards and skills",
        "Step 6: the skills frameworks and standards the badges align to and how, and the doubts raised about the \
         program's rigour and credibility, who raised each, the plan's answer and the evidence behind it.",
    )?;
    sh.freeze_title()?;
    if plan.frameworks.is_empty() && plan.objections.is_empty() {
        sh.not_yet_written("no frameworks or objections recorded yet (step 6).")?;
        return Ok(sh.finish());
    }

    sh.section("Skills frameworks and standards")?;
    let rows: Vec<Vec<V>> = plan
        .frameworks
        .iter()
        .map(|f| {
            let levels: Vec<String> = f
                .level_ids
                .iter()
                .filter_map(|id| plan.badge_levels.iter().find(|l| &l.id == id))
                .map(|l| l.name.clone())
                .collect();
            let levels = if levels.is_empty() {
                "Every level".to_string()
            } else {
                levels.join("\n")
            };
            vec![V::s(&f.name), V::s(&f.alignment), V::s(levels)]
        })
        .collect();
    let cols = [
        Col::bold("Framework"),
        Col::text("How badges align to it"),
        Col::text("Badge levels"),
    ];
    sh.table("Frameworks", &cols, &rows, "No frameworks named yet.")?;

    sh.section("Objections about rigour")?;
    let mut objections: Vec<_> = plan.objections.iter().collect();
    // Open doubts first: they are what the committee still has to answer.
    objections.sort_by_key(|o| o.status != ObjectionStatus::Open);
    let rows: Vec<Vec<V>> = objections
        .iter()
        .map(|o| {
            vec![
                V::s(&o.objection),
                V::s(&o.answer),
                V::s(&o.raised_by),
                V::s(&o.evidence),
                V::s(o.status.label()),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Objection"),
        Col::text("Answer"),
        Col::text("Raised by"),
        Col::text("Evidence"),
        Col::center("Status").choices(ObjectionStatus::ALL.map(ObjectionStatus::label)),
    ];
    if let Some(t) = sh.table("Objections", &cols, &rows, "No objections recorded yet.")? {
        sh.colour_text(
            (t.first, t.last),
            (4, 4),
            &[
                (ObjectionStatus::Open.label(), BAD),
                (ObjectionStatus::Answered.label(), GOOD),
            ],
        )?;
    }
    Ok(sh.finish())
}
