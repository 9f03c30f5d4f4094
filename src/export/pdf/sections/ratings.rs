//! The appendix of every rater's score: the body reports what the committee agreed, this is
//! the record behind it for whoever wants to see how each person scored. With rater names
//! anonymised in the export, the columns read "Rater 1"…; a long committee is split into
//! tables of a few raters each so every column keeps a readable width.

use super::Ctx;
use crate::catalog::catalog;
use crate::export::doc::table::{col, col_aligned, with_heading, Align, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::note;
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::Style;
use crate::model::{Rater, Score};

/// The appendix's title, in the contents and on its pages.
pub const TITLE: &str = "Appendix — Scores by rater";

/// The most raters one table shows side by side.
const PER_TABLE: usize = 7;

fn score(s: Option<&Score>) -> String {
    match s {
        Some(Score::Stage(n)) => n.to_string(),
        Some(Score::NotApplicable(_)) => "n/a".into(),
        Some(Score::Abstained(_)) => "?".into(),
        None => "—".into(),
    }
}

pub fn appendix(w: &mut Doc, ctx: &Ctx) {
    let Some(m) = &ctx.maturity else { return };
    let plan = ctx.plan;
    let raters: Vec<&Rater> = plan
        .raters
        .iter()
        .filter(|r| r.assessment_id == m.assessment.id)
        .collect();
    if raters.is_empty() {
        return;
    }
    w.section(None, TITLE);
    let who: Vec<String> = raters
        .iter()
        .map(|r| {
            if r.role.trim().is_empty() {
                r.name.clone()
            } else {
                format!("{} ({})", r.name, r.role.trim())
            }
        })
        .collect();
    w.paragraph(&[
        Span::new(
            format!("The scores given in \u{201c}{}\u{201d} by ", m.assessment.name),
            Style::body(),
        ),
        Span::new(who.join(", "), Style::body()),
        Span::new(
            ". Stages are numbered 1 (Exploratory) to 5 (Immersive); n/a is not applicable, ? is \"don't know\", a dash is not scored. The last column is the stage the committee agreed.",
            Style::body(),
        ),
    ]);
    let parts = raters.chunks(PER_TABLE).count();
    for (part, group) in raters.chunks(PER_TABLE).enumerate() {
        // One line a row, so the whole model fits one page: the facet has its own column and
        // is named on its first sub-facet only.
        let mut cols = vec![col("Facet", 1.7), col("Sub-facet", 2.9)];
        cols.extend(
            group
                .iter()
                .map(|r| col_aligned(&r.name, 1.0, Align::Center)),
        );
        cols.push(col_aligned("Agreed", 1.1, Align::Center));
        let mut t = Table::new(cols);
        for facet in &catalog().facets {
            for (i, sf) in facet.subfacets.iter().enumerate() {
                let mut row = vec![
                    Cell::spans(vec![note(if i == 0 { facet.name.as_str() } else { "" })]),
                    Cell::spans(vec![Span::new(&sf.name, Style::cell_bold())]),
                ];
                // The round the results stand on; earlier rounds are in the workbook.
                let round = crate::maturity::results_round(plan, m.assessment, &sf.id);
                for r in group {
                    let given = plan
                        .ratings
                        .iter()
                        .find(|x| x.rater_id == r.id && x.subfacet_id == sf.id && x.round == round);
                    row.push(Cell::text(score(given.map(|x| &x.score))));
                }
                let agreed = m
                    .results
                    .subfacet(&sf.id)
                    .and_then(|x| x.agreement.as_ref());
                row.push(Cell::spans(vec![Span::new(
                    score(agreed.map(|a| &a.score)),
                    Style::cell_bold(),
                )]));
                t.row(row);
            }
        }
        let title = if parts == 1 {
            "Every score given".to_string()
        } else {
            format!("Every score given, part {} of {parts}", part + 1)
        };
        with_heading(w, &title, 2, &t);
    }
}
