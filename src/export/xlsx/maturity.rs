//! Step 7's main sheet, for the latest revealed assessment: the matrix in the model's layout
//! (facets and sub-facets down, the five stages across, current and target marked and
//! coloured), then the phase targets, the raters' spread and each rater's own score; under it
//! the facet means and a radar chart drawn from those cells, and the facet means of every
//! revealed assessment side by side.

use super::formats::{Formats, BAD, BOTH, CURRENT, TARGET};
use super::sheet::{unique_headers, Col, Kind, Sheet, V};
use super::Ctx;
use crate::catalog::catalog;
use crate::figures::{MaturityFigures, StageMean};
use crate::maturity::{
    facet_target_means, heatmap, results, results_round, stage_label, Cell, HeatmapView,
    ABSTAINED_LABEL,
};
use crate::model::{Rater, Score};
use rust_xlsxwriter::{
    Chart, ChartType, ConditionalFormatCell, ConditionalFormatCellRule, Worksheet, XlsxError,
};

const MARK_CURRENT: &str = "Current";
const MARK_TARGET: &str = "Target";
const MARK_BOTH: &str = "Current & target";
const SHEET: &str = "Maturity";

fn mark(cell: Cell) -> V {
    match cell {
        Cell::Empty => V::Blank,
        Cell::Current => V::s(MARK_CURRENT),
        Cell::Target => V::s(MARK_TARGET),
        Cell::CurrentAndTarget => V::s(MARK_BOTH),
    }
}

/// Assessments that are still being scored, named so the reader knows they exist.
pub(super) fn hidden_note(ctx: &Ctx) -> Option<String> {
    let hidden: Vec<String> = ctx
        .plan
        .assessments
        .iter()
        .filter(|a| !a.revealed)
        .map(|a| format!("\u{201c}{}\u{201d}", a.name))
        .collect();
    (!hidden.is_empty()).then(|| {
        format!(
            "Still being scored: {}. Scores stay hidden until the facilitator reveals them, so they are not in this \
             workbook.",
            hidden.join(", ")
        )
    })
}

pub(super) fn sheet(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let Some(m) = &ctx.maturity else {
        let mut sh = ctx.sheet(SHEET, &[20.0, 30.0, 60.0])?;
        sh.title("Maturity self-assessment", "")?;
        sh.freeze_title()?;
        sh.not_yet_written("no maturity assessment has been revealed yet (step 7).")?;
        if let Some(note) = hidden_note(ctx) {
            sh.note(&note)?;
        }
        return Ok(sh.finish());
    };
    let raters: Vec<&Rater> = ctx
        .plan
        .raters
        .iter()
        .filter(|r| r.assessment_id == m.assessment.id)
        .collect();
    let mut widths = vec![18.0, 28.0, 12.0, 12.0, 12.0, 12.0, 12.0, 10.0];
    widths.extend(m.phases.iter().map(|_| 12.0));
    widths.extend([10.0, 9.0, 11.0]);
    widths.extend(raters.iter().map(|_| 12.0));
    widths.extend([48.0, 32.0, 18.0]);
    let mut sh = ctx.sheet(SHEET, &widths)?;
    let next = m.next;
    let target_words = next.map_or(String::new(), |p| {
        format!(
            " Target marks the stage aimed for by the end of {}; \u{201c}{MARK_BOTH}\u{201d} means no change is planned there.",
            p.name
        )
    });
    sh.title(
        "Maturity self-assessment",
        &format!(
            "Step 7: {} (assessed {}, {} raters). Current marks the agreed stage, or the raters' median until one \
             is agreed.{target_words} The spread is how many stages apart the raters were (2 or more: they \
             disagreed); each rater's own score follows.",
            m.assessment.name,
            m.assessment.assessed_on.format("%-d %B %Y"),
            raters.len()
        ),
    )?;
    sh.note(&m.headline.sentence)?;
    if let Some(note) = hidden_note(ctx) {
        sh.note(&note)?;
    }
    sh.row += 1;
    matrix(ctx, m, &raters, &mut sh)?;
    facet_profile(ctx, m, &mut sh)?;
    history(ctx, &mut sh)?;
    Ok(sh.finish())
}

fn matrix(
    ctx: &Ctx,
    m: &MaturityFigures,
    raters: &[&Rater],
    sh: &mut Sheet,
) -> Result<(), XlsxError> {
    let view = if m.next.is_none() {
        HeatmapView::Current
    } else {
        HeatmapView::Both
    };
    let map = heatmap(
        ctx.plan,
        &m.assessment.id,
        view,
        m.next.map(|p| p.id.as_str()),
    )
    .map_err(|e| XlsxError::ParameterError(e.to_string()))?;
    let mut rows = Vec::new();
    for facet in &map.facets {
        for hr in &facet.rows {
            let Some(r) = m.results.subfacet(&hr.subfacet_id) else {
                continue;
            };
            let mut row = vec![V::s(&facet.name), V::s(&hr.name)];
            row.extend(hr.cells.iter().map(|c| mark(*c)));
            row.push(match &r.current {
                Some(Score::Stage(s)) => V::N(f64::from(*s)),
                Some(Score::NotApplicable(_)) => V::s("N/A"),
                Some(Score::Abstained(_)) | None => V::Blank,
            });
            for p in &m.phases {
                let target = ctx.plan.targets.iter().find(|t| {
                    t.assessment_id == m.assessment.id
                        && t.phase_id == p.id
                        && t.subfacet_id == hr.subfacet_id
                });
                row.push(V::n(target.map(|t| f64::from(t.stage))));
            }
            row.push(V::n(r.aggregate.median));
            row.push(if r.aggregate.count > 1 {
                V::N(f64::from(r.aggregate.spread))
            } else {
                V::Blank
            });
            row.push(V::s(if r.agreement.is_some() {
                "Agreed"
            } else {
                "Median"
            }));
            let round = results_round(ctx.plan, m.assessment, &hr.subfacet_id);
            for rater in raters {
                let rating = ctx.plan.ratings.iter().find(|x| {
                    x.rater_id == rater.id && x.subfacet_id == hr.subfacet_id && x.round == round
                });
                row.push(match rating.map(|x| &x.score) {
                    Some(Score::Stage(s)) => V::N(f64::from(*s)),
                    Some(Score::NotApplicable(_)) => V::s("N/A"),
                    Some(Score::Abstained(_)) => V::s(ABSTAINED_LABEL),
                    None => V::Blank,
                });
            }
            let mut rationale = r
                .agreement
                .as_ref()
                .map_or(String::new(), |a| a.rationale.clone());
            if let Some(reason) = &hr.not_applicable {
                rationale = format!("Not applicable: {reason}\n{rationale}")
                    .trim()
                    .to_string();
            }
            row.push(V::s(rationale));
            row.push(V::s(
                r.agreement.as_ref().map_or("", |a| a.evidence.as_str()),
            ));
            row.push(if r.current.is_some() {
                V::s(crate::figures::Firmness::of(r).label())
            } else {
                V::Blank
            });
            rows.push(row);
        }
    }
    let mut cols = vec![Col::bold("Facet"), Col::bold("Sub-facet")];
    cols.extend((1..=5).map(|s| Col::center(&stage_label(s))));
    cols.push(Col::center("Current stage"));
    cols.extend(
        m.phases
            .iter()
            .map(|p| Col::center(&format!("Target: {}", p.name))),
    );
    cols.extend([
        Col::new("Median", Kind::Mean),
        Col::center("Spread"),
        Col::center("Stage set by"),
    ]);
    let first_rater = cols.len();
    cols.extend(raters.iter().map(|r| Col::center(&r.name)));
    cols.extend([
        Col::text("Rationale"),
        Col::text("Evidence"),
        Col::text("Stage rests on"),
    ]);
    let names = unique_headers(cols.iter().map(|c| c.header.as_str()), "Column");
    for (c, name) in cols.iter_mut().zip(names) {
        c.header = name;
    }
    let Some(t) = sh.table("Maturity", &cols, &rows, "")? else {
        return Ok(());
    };
    // The matrix keeps its header in view on screen; on paper it fits one page, and the
    // blocks under it start a page of their own headed by the sheet's title instead.
    sh.freeze(t.first, 2)?;
    sh.repeat(0)?;
    sh.ws.set_page_breaks(&[t.last + 1])?;
    let rows = (t.first, t.last);
    sh.colour_text(
        rows,
        (2, 6),
        &[
            (MARK_CURRENT, CURRENT),
            (MARK_TARGET, TARGET),
            (MARK_BOTH, BOTH),
        ],
    )?;
    sh.stage_scale(rows, (7, 7 + m.phases.len() as u16))?;
    let spread = (first_rater - 2) as u16;
    let wide = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::GreaterThanOrEqualTo(2))
        .set_format(Formats::fill(BAD));
    sh.ws
        .add_conditional_format(t.first, spread, t.last, spread, &wide)?;
    if !raters.is_empty() {
        let (a, b) = (first_rater as u16, (first_rater + raters.len() - 1) as u16);
        sh.stage_scale(rows, (a, b))?;
    }
    Ok(())
}

/// The facet means, current and per phase, and the radar chart drawn from them.
fn facet_profile(ctx: &Ctx, m: &MaturityFigures, sh: &mut Sheet) -> Result<(), XlsxError> {
    sh.section("Facet profile")?;
    // The same means the app's radar and the PDF draw.
    let targets: Vec<Vec<Option<f64>>> = m
        .phases
        .iter()
        .map(|p| facet_target_means(ctx.plan, &m.results, &p.id))
        .collect();
    let rows: Vec<Vec<V>> = m
        .results
        .facets
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let scored = f.profile.iter().filter(|(_, s)| s.is_some()).count();
            let mut row = vec![
                V::s(&f.name),
                V::s(format!("{scored} of {} sub-facets scored", f.profile.len())),
                mean(f.mean),
            ];
            row.extend(targets.iter().map(|means| mean(means[i])));
            row
        })
        .collect();
    let mut names = vec![
        "Facet".to_string(),
        "Sub-facets".into(),
        "Current (mean)".into(),
    ];
    names.extend(m.phases.iter().map(|p| format!("{} target (mean)", p.name)));
    let names = unique_headers(names.iter().map(String::as_str), "Column");
    let cols = mean_columns(&names, [Kind::Bold, Kind::Text]);
    let Some(t) = sh.table("FacetProfile", &cols, &rows, "")? else {
        return Ok(());
    };
    sh.stage_scale((t.first, t.last), (2, cols.len() as u16 - 1))?;

    let mut chart = Chart::new(ChartType::RadarWithMarkers);
    chart.title().set_name("Facets: current vs target");
    for (i, _) in cols.iter().enumerate().skip(2) {
        let c = i as u16;
        chart
            .add_series()
            .set_name((SHEET, t.header, c))
            .set_categories((SHEET, t.first, 0, t.last, 0))
            .set_values((SHEET, t.first, c, t.last, c));
    }
    chart.y_axis().set_min(0).set_max(5).set_major_unit(1);
    chart.set_width(620).set_height(400);
    chart
        .set_alt_text("Radar chart of the facet means: current stage against each phase's target.");
    let col = cols.len() as u16 + 1;
    sh.ws.insert_chart(t.header, col, &chart)?;
    // The chart stands beside the table and is taller than it; what follows starts below both.
    sh.row = sh.row.max(t.header + 22);
    Ok(())
}

/// A mean stage as every report shows it: to a tenth, rounded down (`StageMean`), so the
/// cell's 1.9 is the PDF's and the app's 1.9, never Excel's rounding up to 2.0.
fn mean(v: Option<f64>) -> V {
    V::n(v.map(|m| StageMean::of(m).value))
}

/// Two leading columns of the given kinds, then one column of stage means per remaining name.
fn mean_columns(names: &[String], lead: [Kind; 2]) -> Vec<Col> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| Col::new(n, lead.get(i).copied().unwrap_or(Kind::Mean)))
        .collect()
}

/// Facet means of every revealed assessment, oldest first, so progress shows across time.
fn history(ctx: &Ctx, sh: &mut Sheet) -> Result<(), XlsxError> {
    let mut revealed: Vec<_> = ctx.plan.assessments.iter().filter(|a| a.revealed).collect();
    if revealed.len() < 2 {
        return Ok(());
    }
    revealed.sort_by_key(|a| a.assessed_on);
    sh.section("Facet means by assessment")?;
    let all: Vec<_> = revealed
        .iter()
        .map(|a| results(ctx.plan, &a.id).map_err(|e| XlsxError::ParameterError(e.to_string())))
        .collect::<Result<_, _>>()?;
    let rows: Vec<Vec<V>> = catalog()
        .facets
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut row = vec![V::s(&f.name), V::count(f.subfacets.len())];
            row.extend(
                all.iter()
                    .map(|r| mean(r.facets.get(i).and_then(|x| x.mean))),
            );
            row
        })
        .collect();
    let mut names = vec!["Facet".to_string(), "Sub-facets".into()];
    names.extend(revealed.iter().map(|a| a.name.clone()));
    let names = unique_headers(names.iter().map(String::as_str), "Column");
    let cols = mean_columns(&names, [Kind::Bold, Kind::Number]);
    if let Some(t) = sh.table("FacetHistory", &cols, &rows, "")? {
        sh.stage_scale((t.first, t.last), (2, cols.len() as u16 - 1))?;
    }
    Ok(())
}
