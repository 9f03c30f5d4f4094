//! Section 7, the maturity self-assessment: the heatmap for each phase with targets, the
//! radar of facets, the gaps ranked, where the raters disagreed, what moved since the
//! assessment before, and the critical-success-factor checklist.

use super::{long_date, or_dash, Ctx};
use crate::catalog::catalog;
use crate::export::pdf::charts::{heatmap, radar};
use crate::export::pdf::layout::{bold, note, pill, Writer};
use crate::export::pdf::table::{
    self, col, col_aligned, draw, keep, with_heading, Align, Cell, Table,
};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{self, Style, INK, WHITE};
use crate::figures::{MaturityFigures, StageMean};
use crate::maturity::{self, HeatmapView};
use crate::model::{FactorStatus, Score};

/// A mean stage as the reports word it ("1.9 — between Exploratory and Focused Launch").
pub fn mean_label(v: Option<f64>) -> String {
    StageMean::label_of(v)
}

fn subfacet_name(id: &str) -> String {
    catalog()
        .subfacet(id)
        .map_or_else(|| id.to_string(), |s| s.name.clone())
}

fn score_label(s: Option<&Score>) -> String {
    match s {
        Some(Score::Stage(n)) => format!("{n} {}", maturity::stage_name(*n)),
        Some(Score::NotApplicable(_)) => "Not applicable".into(),
        None => "Not scored".into(),
    }
}

pub fn section(w: &mut Writer, ctx: &Ctx) {
    let plan = ctx.plan;
    let Some(m) = &ctx.maturity else {
        match plan.assessments.iter().max_by_key(|a| a.assessed_on) {
            Some(a) => w.paragraph(&[Span::new(
                format!(
                    "The assessment \u{201c}{}\u{201d} is still being scored; its results appear here once the facilitator reveals them.",
                    a.name
                ),
                Style::muted(),
            )]),
            None => w.not_yet_written(),
        }
        factors(w, ctx);
        return;
    };
    let raters = plan
        .raters
        .iter()
        .filter(|r| r.assessment_id == m.assessment.id)
        .count();
    let agreed = m
        .results
        .subfacets
        .iter()
        .filter(|r| r.agreement.is_some())
        .count();
    w.paragraph(&[
        Span::new("This section reports the self-assessment ", Style::body()),
        bold(format!("\u{201c}{}\u{201d}", m.assessment.name)),
        Span::new(
            format!(
                ", held on {} with {raters} rater{}; the committee agreed a stage for {agreed} of the model\u{2019}s {} sub-facets (the others show the raters\u{2019} median).",
                long_date(m.assessment.assessed_on),
                if raters == 1 { "" } else { "s" },
                m.results.subfacets.len()
            ),
            Style::body(),
        ),
    ]);
    heatmaps(w, ctx, m);
    facets(w, ctx, m);
    gaps(w, m);
    disagreements(w, m);
    firmness(w, m);
    progress(w, ctx, m);
    factors(w, ctx);
}

fn heatmaps(w: &mut Writer, ctx: &Ctx, m: &MaturityFigures) {
    if m.phases.is_empty() {
        if let Ok(h) = maturity::heatmap(ctx.plan, &m.assessment.id, HeatmapView::Current, None) {
            let keep = heatmap::keep(w, &h, "a future phase");
            w.heading("Heatmap: current stage", 1, keep + 20.0);
            w.caption("No targets are set for a future phase yet, so the heatmap shows the current stage only.");
            heatmap::draw(w, &h, "a future phase");
        }
        return;
    }
    for phase in &m.phases {
        if let Ok(h) = maturity::heatmap(
            ctx.plan,
            &m.assessment.id,
            HeatmapView::Both,
            Some(&phase.id),
        ) {
            let keep = heatmap::keep(w, &h, &phase.name);
            w.heading(
                &format!("Heatmap: current stage and {}", phase.name),
                1,
                keep,
            );
            heatmap::draw(w, &h, &phase.name);
        }
    }
}

fn facets(w: &mut Writer, ctx: &Ctx, m: &MaturityFigures) {
    let Some(next) = m.next else { return };
    w.heading(
        &format!("Facets: current stage against {}", next.name),
        1,
        radar::height(),
    );
    let targets = m.target_means(ctx.plan, &next.id);
    let spokes: Vec<radar::Spoke> = m
        .results
        .facets
        .iter()
        .zip(&targets)
        .map(|(f, t)| radar::Spoke {
            name: f.name.clone(),
            current: f.mean,
            target: *t,
        })
        .collect();
    radar::draw(w, &spokes, &next.name);
    let any_left_out = m
        .results
        .facets
        .iter()
        .any(|f| !f.not_applicable.is_empty() || !f.unscored.is_empty());
    let mut cols = vec![
        col("Facet", 3.0),
        col("Current stage (mean)", 2.2),
        col(&format!("Target, {}", next.name), 2.2),
    ];
    if any_left_out {
        cols.push(col("Left out of the mean", 2.6));
    }
    let mut t = Table::new(cols);
    for (f, target) in m.results.facets.iter().zip(&targets) {
        let mut row = vec![
            Cell::spans(vec![Span::new(&f.name, Style::cell_bold())]),
            Cell::text(mean_label(f.mean)),
            Cell::text(mean_label(*target)),
        ];
        if any_left_out {
            let mut parts = Vec::new();
            if !f.not_applicable.is_empty() {
                parts.push(format!("{} not applicable", f.not_applicable.len()));
            }
            if !f.unscored.is_empty() {
                parts.push(format!("{} not scored", f.unscored.len()));
            }
            row.push(Cell::spans(vec![note(if parts.is_empty() {
                "—".to_string()
            } else {
                parts.join(", ")
            })]));
        }
        t.row(row);
    }
    draw(w, &t);
}

fn gaps(w: &mut Writer, m: &MaturityFigures) {
    let title = "Gaps to close, largest first";
    // The targets behind these gaps are a choice, not a climb to Immersive everywhere; the
    // model says so, and leadership reads this table as the plan's ambition.
    let targets_note = &catalog().targets_note;
    if m.gaps.is_empty() {
        w.heading(title, 1, 110.0);
        w.caption(targets_note);
        w.paragraph(&[Span::new(
            "No sub-facet has a target above its current stage.",
            Style::muted(),
        )]);
        return;
    }
    let mut t = Table::new(vec![
        col_aligned("#", 0.45, Align::Right),
        col("Sub-facet", 2.2),
        col("Phase", 1.5),
        col("Current → target", 1.9),
        col("What the next stage looks like", 4.4),
    ]);
    for (i, g) in m.gaps.iter().enumerate() {
        let facet = catalog()
            .facet(&g.facet_id)
            .map(|f| f.name.clone())
            .unwrap_or_default();
        let next = &g.steps[0];
        t.row(vec![
            Cell::text((i + 1).to_string()),
            Cell::blocks(vec![
                vec![Span::new(&g.subfacet_name, Style::cell_bold())],
                vec![note(facet)],
            ]),
            Cell::text(&g.phase_name),
            Cell::blocks(vec![
                vec![Span::new(
                    format!("{} → {}", g.current, g.target),
                    Style::cell_bold(),
                )],
                vec![note(format!(
                    "{} stage{} to climb",
                    g.gap,
                    if g.gap == 1 { "" } else { "s" }
                ))],
            ]),
            Cell::spans(vec![
                Span::new(
                    format!("{} {}: ", next.stage, next.stage_name),
                    Style::cell_bold(),
                ),
                Span::new(&next.descriptor, Style::cell()),
            ]),
        ]);
    }
    w.heading(title, 1, keep(w, &t) + 30.0);
    w.caption(targets_note);
    draw(w, &t);
}

fn disagreements(w: &mut Writer, m: &MaturityFigures) {
    let split: Vec<_> = m
        .results
        .subfacets
        .iter()
        .filter(|r| r.aggregate.disagreement)
        .collect();
    if split.is_empty() {
        w.heading("Where the raters disagreed", 1, 40.0);
        w.paragraph(&[Span::new(
            "The raters scored every sub-facet within one stage of each other.",
            Style::muted(),
        )]);
        return;
    }
    let mut t = Table::new(vec![
        col("Sub-facet", 2.3),
        col("Scores given", 2.2),
        col("Agreed stage", 1.8),
        col("Why", 4.2),
    ]);
    for r in split {
        let a = &r.aggregate;
        let mut scores: Vec<String> = (0..5usize)
            .flat_map(|i| std::iter::repeat_n((i + 1).to_string(), a.distribution[i]))
            .collect();
        if a.not_applicable > 0 {
            scores.push(format!("n/a ×{}", a.not_applicable));
        }
        let median = a.median.map(|v| format!("median {v}")).unwrap_or_default();
        t.row(vec![
            Cell::spans(vec![Span::new(
                subfacet_name(&r.subfacet_id),
                Style::cell_bold(),
            )]),
            Cell::blocks(vec![
                vec![Span::new(scores.join(", "), Style::cell())],
                vec![note(median)],
            ]),
            Cell::text(score_label(r.current.as_ref())),
            Cell::text(or_dash(
                r.agreement.as_ref().map_or("", |a| a.rationale.as_str()),
            )),
        ]);
    }
    w.heading("Where the raters disagreed", 1, table::keep(w, &t) + 20.0);
    w.caption(&format!(
        "Sub-facets whose scores lie {} or more stages apart, and what the committee agreed after discussing them.",
        maturity::DISAGREEMENT_SPREAD
    ));
    draw(w, &t);
}

/// Which stages a board should not lean on yet: those agreed without evidence and those the
/// raters split over, named in two short lists rather than a table of every sub-facet.
fn firmness(w: &mut Writer, m: &MaturityFigures) {
    let (opinion, split) = crate::figures::to_firm_up(&m.results);
    let scored = m
        .results
        .subfacets
        .iter()
        .filter(|r| r.current.is_some())
        .count();
    let names = |rs: &[&crate::maturity::SubfacetResult]| {
        rs.iter()
            .map(|r| subfacet_name(&r.subfacet_id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let title = if opinion.is_empty() && split.is_empty() {
        "How firmly the stages stand: every one cites evidence".to_string()
    } else {
        format!(
            "How firmly the stages stand: {} of {scored} rest on opinion only",
            opinion.len()
        )
    };
    // A part of the results rather than an entry of its own in the contents, which are full.
    w.heading(&title, 2, 50.0);
    if opinion.is_empty() && split.is_empty() {
        w.paragraph(&[Span::new(
            "Every stage rests on evidence the committee or a rater cited, and no sub-facet split the raters.",
            Style::body(),
        )]);
        return;
    }
    if !opinion.is_empty() {
        w.paragraph(&[
            bold("Opinion only"),
            Span::new(
                format!(
                    " (no evidence cited when the stage was agreed, nor by any rater): {}.",
                    names(&opinion)
                ),
                Style::body(),
            ),
        ]);
    }
    rater_evidence_only(w, m);
    if !split.is_empty() {
        w.paragraph(&[
            bold("Split vote"),
            Span::new(
                format!(
                    " (raters {} or more stages apart): {}.",
                    maturity::DISAGREEMENT_SPREAD,
                    names(&split)
                ),
                Style::body(),
            ),
        ]);
    }
    w.caption("Before the board relies on these stages, the committee can cite what each rests on: a report, a survey, a count.");
}

fn progress(w: &mut Writer, ctx: &Ctx, m: &MaturityFigures) {
    let earlier = ctx
        .plan
        .assessments
        .iter()
        .filter(|a| a.revealed && a.assessed_on < m.assessment.assessed_on)
        .max_by_key(|a| a.assessed_on);
    let Some(earlier) = earlier else { return };
    let Ok(cmp) = maturity::compare(ctx.plan, &earlier.id, &m.assessment.id) else {
        return;
    };
    let title = format!("Progress since {}", earlier.name);
    let moved: Vec<_> = cmp.moved().collect();
    if moved.is_empty() {
        w.heading(&title, 1, 40.0);
        w.paragraph(&[Span::new(
            "No sub-facet has changed stage since then.",
            Style::muted(),
        )]);
        return;
    }
    let mut t = Table::new(vec![
        col("Sub-facet", 3.0),
        col(&earlier.name, 2.4),
        col(&m.assessment.name, 2.4),
        col_aligned("Change", 1.2, Align::Center),
    ]);
    for mv in moved {
        let change = mv.change.map_or("—".to_string(), |c| format!("{c:+}"));
        t.row(vec![
            Cell::spans(vec![Span::new(&mv.subfacet_name, Style::cell_bold())]),
            Cell::text(score_label(mv.from.as_ref())),
            Cell::text(score_label(mv.to.as_ref())),
            Cell::spans(vec![Span::new(change, Style::cell_bold())]),
        ]);
    }
    with_heading(w, &title, 1, &t);
}

fn factors(w: &mut Writer, ctx: &Ctx) {
    let mut t = Table::new(vec![
        col("Factor", 4.2),
        col("Status", 1.6),
        col("Where the plan stands", 4.2),
    ]);
    for f in maturity::checklist(ctx.plan) {
        let fill = theme::factor_status(f.status);
        let label = match f.status {
            FactorStatus::InPlace => format!("\u{2713} {}", f.status.label()),
            _ => f.status.label().to_string(),
        };
        t.row(vec![
            Cell::blocks(vec![
                vec![Span::new(&f.name, Style::cell_bold())],
                vec![note(&f.description)],
            ]),
            Cell::spans(vec![pill(
                label,
                fill,
                if f.status == FactorStatus::InProgress {
                    INK
                } else {
                    WHITE
                },
            )]),
            Cell::text(or_dash(&f.note)),
        ]);
    }
    with_heading(w, "Critical success factors", 1, &t);
}

/// The stages whose only evidence is what raters cited for their own scores: firmer than
/// opinion, but the committee has not yet said the evidence holds for the agreed stage.
fn rater_evidence_only(w: &mut Writer, m: &MaturityFigures) {
    let only: Vec<String> = m
        .results
        .subfacets
        .iter()
        .filter(|r| r.current.is_some() && !r.rater_evidence.is_empty())
        .filter(|r| {
            r.agreement
                .as_ref()
                .is_none_or(|a| a.evidence.trim().is_empty())
        })
        .map(|r| subfacet_name(&r.subfacet_id))
        .collect();
    if only.is_empty() {
        return;
    }
    w.paragraph(&[
        bold("On raters\u{2019} evidence"),
        Span::new(
            format!(
                " (cited by a rater for their own score, not yet when the stage was agreed): {}.",
                only.join(", ")
            ),
            Style::body(),
        ),
    ]);
}
