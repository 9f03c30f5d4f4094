//! Step 3: the SMART goals, one row each, with the five parts, the owner and due date, what
//! they serve, and what the SMART check still finds missing.

use super::formats::{GOOD, WATCH};
use super::sheet::{Col, Kind, V};
use super::Ctx;
use crate::smart::{goal_findings, Severity};
use rust_xlsxwriter::{Worksheet, XlsxError};

const SMART: &str = "SMART";
const NOT_YET: &str = "Not yet";

pub(super) fn sheet(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet(
        "Goals",
        &[
            4.0, 26.0, 18.0, 11.0, 34.0, 30.0, 30.0, 30.0, 16.0, 24.0, 20.0, 9.0, 9.0, 30.0,
        ],
    )?;
    sh.title(
        "SMART goals",
        "Step 3: the milestones. Each goal with its Specific, Measurable, Achievable, Relevant and Time-bound \
         parts, who answers for it, when it is due, what it serves, and what the SMART check still finds \
         missing as of the export date.",
    )?;
    if plan.goals.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no goals yet (step 3).")?;
        return Ok(sh.finish());
    }
    let statement = |id: &String| {
        plan.vision_statements
            .iter()
            .find(|v| &v.id == id)
            .map(|v| v.text.clone())
    };
    let priority = |id: &String| {
        plan.priorities
            .iter()
            .find(|p| &p.id == id)
            .map(|p| p.title.clone())
    };
    let rows: Vec<Vec<V>> = plan
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let findings = goal_findings(g, Some(ctx.today));
            let smart = !findings.iter().any(|f| f.severity == Severity::Missing);
            let measures = plan.measures.iter().filter(|m| m.goal_id == g.id).count();
            let statements: Vec<String> = g.statement_ids.iter().filter_map(statement).collect();
            let priorities: Vec<String> = g.priority_ids.iter().filter_map(priority).collect();
            let findings: Vec<String> = findings.into_iter().map(|f| f.message).collect();
            vec![
                V::count(i + 1),
                V::s(&g.title),
                V::s(&g.owner),
                V::d(g.due),
                V::s(&g.specific),
                V::s(&g.measurable),
                V::s(&g.achievable),
                V::s(&g.relevant),
                V::s(&g.time_bound),
                V::s(statements.join("\n")),
                V::s(priorities.join("\n")),
                V::count(measures),
                V::s(if smart { SMART } else { NOT_YET }),
                V::s(findings.join("\n")),
            ]
        })
        .collect();
    let cols = [
        Col::number("#"),
        Col::bold("Goal"),
        Col::text("Owner"),
        Col::date("Due"),
        Col::text("Specific"),
        Col::text("Measurable"),
        Col::text("Achievable"),
        Col::text("Relevant"),
        Col::text("Time-bound"),
        Col::text("Vision statements"),
        Col::text("Priorities"),
        Col::new("Measures", Kind::Number),
        Col::center("SMART?"),
        Col::text("SMART check findings"),
    ];
    if let Some(t) = sh.table("Goals", &cols, &rows, "")? {
        sh.freeze_header(&t, 2)?;
        sh.colour_text(
            (t.first, t.last),
            (12, 12),
            &[(SMART, GOOD), (NOT_YET, WATCH)],
        )?;
    }
    Ok(sh.finish())
}
