//! The first sheet: who the plan is for, where it stands on each step of the journey, how its
//! measures are doing (counted by formulas over the Measures table, so they follow the
//! analyst's edits) and the maturity headline.

use super::sheet::{Col, Kind, V};
use super::Ctx;
use crate::catalog::catalog;
use crate::figures::{
    board_line, measure_tally, measures_needing_attention, steps_complete, StatusCount,
    NO_ASSESSMENT,
};
use crate::maturity::stage_label;
use crate::progress::progress;
use crate::status::MeasureStatus;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// The statuses in the order every report lists them.
pub(super) const STATUSES: [MeasureStatus; 5] = MeasureStatus::REPORT_ORDER;

fn or_unwritten(text: &str) -> V {
    if text.trim().is_empty() {
        V::s("Not yet written")
    } else {
        V::s(text)
    }
}

pub(super) fn sheet(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let s = &plan.settings;
    let mut sh = ctx.sheet("Summary", &[30.0, 11.0, 11.0, 12.0, 80.0])?;
    let org = if s.organisation.is_empty() {
        "the organisation".to_string()
    } else {
        s.organisation.clone()
    };
    sh.title(
        &plan.name,
        &format!(
            "The strategic plan of {org}'s micro-credential program, as one workbook: each sheet is a table to \
             filter, sort and extend, and the status columns offer the plan's own choices."
        ),
    )?;
    sh.freeze_title()?;

    sh.section("At a glance")?;
    let kind = s
        .organisation_kind
        .as_deref()
        .and_then(|k| catalog().organisation_kinds.iter().find(|x| x.id == k))
        .map(|k| format!(" ({})", k.name))
        .unwrap_or_default();
    let organisation = match (s.organisation.is_empty(), s.size.is_empty()) {
        (true, _) => String::new(),
        (false, true) => format!("{}{kind}", s.organisation),
        (false, false) => format!("{}{kind} — {}", s.organisation, s.size),
    };
    let vision: Vec<&str> = plan
        .vision_statements
        .iter()
        .map(|v| v.text.as_str())
        .collect();
    let mut pairs = vec![
        ("Organisation", or_unwritten(&organisation)),
        ("Prepared by", or_unwritten(&s.prepared_by)),
        ("Prepared for", or_unwritten(&s.prepared_for)),
    ];
    if !s.confidentiality.trim().is_empty() {
        pairs.push(("Confidentiality", V::s(&s.confidentiality)));
    }
    pairs.extend([
        ("Exported on", V::D(ctx.today)),
        ("Vision", or_unwritten(&vision.join("\n"))),
        (
            "Goals and measures",
            V::s(format!(
                "{} goals, {} success measures, {} check-ins",
                plan.goals.len(),
                plan.measures.len(),
                plan.check_ins.len()
            )),
        ),
        ("Review cadence", or_unwritten(&s.review_cadence)),
        (
            "Next review",
            s.next_review.map_or_else(|| V::s("Not yet set"), V::D),
        ),
    ]);
    let steps = progress(plan);
    pairs.push((
        "Journey",
        V::s(format!(
            "{} of {} steps complete",
            steps_complete(&steps),
            steps.len()
        )),
    ));
    let attention = measures_needing_attention(plan, ctx.today);
    if !attention.is_empty() {
        let lines: Vec<String> = attention
            .iter()
            .map(|(m, why)| format!("{} — {}", m.indicator, why.join("; ")))
            .collect();
        pairs.push(("Measures off track or stale", V::s(lines.join("\n"))));
    }
    pairs.push(("Decisions and risks", V::s(board_line(plan))));
    let (headline, gaps) = maturity_headline(ctx);
    pairs.push(("Maturity", V::s(headline)));
    if !gaps.is_empty() {
        pairs.push(("Largest gaps", V::s(gaps)));
    }
    sh.pairs(&pairs)?;

    sh.section("Journey progress")?;
    let rows: Vec<Vec<V>> = steps
        .iter()
        .map(|p| {
            let share = if p.total == 0 {
                1.0
            } else {
                f64::from(p.done) / f64::from(p.total)
            };
            vec![
                V::s(format!("{}. {}", p.step.number(), p.title)),
                V::N(p.done.into()),
                V::N(p.total.into()),
                V::N(share),
                V::s(p.missing.join("\n")),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Step"),
        Col::number("Done"),
        Col::number("Of"),
        Col::new("Complete", Kind::Percent),
        Col::text("Still missing"),
    ];
    if let Some(t) = sh.table("Progress", &cols, &rows, "")? {
        sh.bars((t.first, t.last), 3, 0.0, 1.0)?;
    }

    sh.section("Measures by status")?;
    let total = plan.measures.len();
    let header = sh.row;
    let rows: Vec<Vec<V>> = measure_tally(plan, ctx.today)
        .iter()
        .enumerate()
        .map(|(i, StatusCount { status, count: n })| {
            let n = *n as usize;
            let row = header + 2 + i as u32;
            vec![
                V::s(status.label()),
                V::F(
                    format!("COUNTIF(Measures[Status],\"{}\")", status.label()),
                    n as f64,
                ),
                V::F(
                    format!("IF(ROWS(Measures[Status])=0,0,B{row}/ROWS(Measures[Status]))"),
                    if total == 0 {
                        0.0
                    } else {
                        n as f64 / total as f64
                    },
                ),
            ]
        })
        .collect();
    let cols = [
        Col::center("Status"),
        Col::number("Measures"),
        Col::new("Share", Kind::Percent),
    ];
    if total == 0 {
        sh.not_yet_written("no success measures yet (step 4).")?;
    } else if let Some(t) = sh.table("MeasuresByStatus", &cols, &rows, "")? {
        super::measures::status_colours(&mut sh, t.first, t.last, 0)?;
    }
    Ok(sh.finish())
}

/// The maturity headline (the same sentence as the PDF's and the app's) and the three largest
/// gaps of the next phase.
fn maturity_headline(ctx: &Ctx) -> (String, String) {
    let Some(m) = &ctx.maturity else {
        return (NO_ASSESSMENT.into(), String::new());
    };
    let gaps: Vec<String> = m
        .next_gaps()
        .take(3)
        .map(|g| {
            format!(
                "{}: {} → {} by the end of {}",
                g.subfacet_name,
                stage_label(g.current),
                stage_label(g.target),
                g.phase_name
            )
        })
        .collect();
    (m.headline.sentence.clone(), gaps.join("\n"))
}
