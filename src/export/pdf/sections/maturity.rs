//! Section 7, the maturity self-assessment: one heatmap of the current stage and every
//! phase's targets, the radar of facets, the gaps grouped by the phase that closes them, where the raters disagreed, what moved since the
//! assessment before, and the critical-success-factor checklist.

use super::{long_date, or_dash, Ctx};
use crate::catalog::catalog;
use crate::export::doc::charts::{heatmap, radar};
use crate::export::doc::table::{
    self, col, col_aligned, draw, keep, with_heading, Align, Cell, Table,
};
use crate::export::doc::Doc;
use crate::export::pdf::layout::{bold, note, pill};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{self, Rgb, Style, INK, WHITE};
use crate::figures::{MaturityFigures, StageMean};
use crate::maturity::{self, ordered_phases};
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
        Some(Score::Abstained(_)) | None => "Not scored".into(),
    }
}

pub fn section(w: &mut Doc, ctx: &Ctx) {
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

fn heatmaps(w: &mut Doc, ctx: &Ctx, m: &MaturityFigures) {
    let h = maturity::phased_heatmap(ctx.plan, &m.results, &m.phases);
    let chart = heatmap::Chart {
        colors: phase_colors(ctx.plan, &m.phases),
        h: &h,
    };
    let keep = heatmap::keep(w, &chart);
    let title = match m.phases.as_slice() {
        [] => "Heatmap: current stage".to_string(),
        [one] => format!("Heatmap: current stage and {}", one.name),
        more => format!(
            "Heatmap: current stage and targets for {}",
            in_list(more.iter().map(|p| heatmap::short_phase(&p.name)))
        ),
    };
    w.heading(&title, 1, keep + 20.0);
    if m.phases.is_empty() {
        w.caption("No targets are set for a future phase yet, so the heatmap shows the current stage only.");
    }
    heatmap::draw(w, &chart);
}

/// Each phase's colour by its place in the roadmap, so the heatmap and the timeline agree.
pub fn phase_colors(plan: &crate::model::Plan, phases: &[&crate::model::Phase]) -> Vec<Rgb> {
    let order = ordered_phases(plan);
    phases
        .iter()
        .map(|p| theme::phase_color(order.iter().position(|o| o.id == p.id).unwrap_or(0)))
        .collect()
}

/// "A, B and C".
fn in_list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn facets(w: &mut Doc, ctx: &Ctx, m: &MaturityFigures) {
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

fn gaps(w: &mut Doc, m: &MaturityFigures) {
    let title = "Gaps to close, by phase";
    // The targets behind these gaps are a choice, not a climb to Immersive everywhere; the
    // model says so, and leadership reads this table as the plan's ambition.
    let targets_note = &catalog().targets_note;
    let groups = climbs_by_phase(m);
    if groups.is_empty() {
        w.heading(title, 1, 110.0);
        w.caption(targets_note);
        w.paragraph(&[Span::new(
            "No sub-facet has a target above its current stage.",
            Style::muted(),
        )]);
        return;
    }
    let mut first = true;
    let mut n = 0;
    for (phase, climbs) in groups {
        let mut t = Table::new(vec![
            col_aligned("#", 0.45, Align::Right),
            col("Sub-facet", 2.4),
            col("Current → target", 2.1),
            col("What the next stage looks like", 5.0),
        ]);
        for gaps in &climbs {
            n += 1;
            let g = gaps[0];
            let facet = catalog()
                .facet(&g.facet_id)
                .map(|f| f.name.clone())
                .unwrap_or_default();
            let mut path = vec![Span::kept(g.current.to_string(), Style::cell_bold())];
            let mut by = Vec::new();
            for g in gaps {
                path.push(Span::kept(format!(" → {}", g.target), Style::cell_bold()));
                by.push(vec![note(format!(
                    "{} by {}",
                    g.target,
                    heatmap::short_phase(&g.phase_name)
                ))]);
            }
            let next = &g.steps[0];
            t.row(vec![
                Cell::text(n.to_string()),
                Cell::blocks(vec![
                    vec![Span::new(&g.subfacet_name, Style::cell_bold())],
                    vec![note(facet)],
                ]),
                Cell::blocks(std::iter::once(path).chain(by).collect()),
                Cell::spans(vec![
                    Span::new(
                        format!("{} {}: ", next.stage, next.stage_name),
                        Style::cell_bold(),
                    ),
                    Span::new(&next.descriptor, Style::cell()),
                ]),
            ]);
        }
        let sub = format!(
            "To raise in {}: {} sub-facet{}",
            phase,
            climbs.len(),
            if climbs.len() == 1 { "" } else { "s" }
        );
        if first {
            w.heading(title, 1, keep(w, &t) + 60.0);
            w.caption(targets_note);
            first = false;
        }
        with_heading(w, &sub, 2, &t);
    }
}

/// Each sub-facet with a gap once, under the first phase that must raise it, with its gaps in
/// phase order; the phases in time order, and within one the longest climb first.
fn climbs_by_phase<'m>(m: &'m MaturityFigures) -> Vec<(String, Vec<Vec<&'m maturity::Gap>>)> {
    let order = |g: &maturity::Gap| m.phases.iter().position(|p| p.id == g.phase_id);
    let mut per_subfacet: Vec<Vec<&maturity::Gap>> = Vec::new();
    for g in &m.gaps {
        match per_subfacet
            .iter_mut()
            .find(|c| c[0].subfacet_id == g.subfacet_id)
        {
            Some(c) => c.push(g),
            None => per_subfacet.push(vec![g]),
        }
    }
    for c in &mut per_subfacet {
        c.sort_by_key(|g| order(g));
        // A later phase that keeps the stage an earlier one reached is no further climb.
        c.dedup_by_key(|g| g.target);
    }
    let mut groups: Vec<(String, Vec<Vec<&maturity::Gap>>)> = Vec::new();
    for phase in &m.phases {
        let mut climbs: Vec<Vec<&maturity::Gap>> = per_subfacet
            .iter()
            .filter(|c| c[0].phase_id == phase.id)
            .cloned()
            .collect();
        // Stable: equal climbs keep the order of the gaps, largest single step first.
        climbs.sort_by_key(|c| std::cmp::Reverse(c.last().map_or(0, |g| g.target) - c[0].current));
        if !climbs.is_empty() {
            groups.push((phase.name.clone(), climbs));
        }
    }
    groups
}

fn disagreements(w: &mut Doc, m: &MaturityFigures) {
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
fn firmness(w: &mut Doc, m: &MaturityFigures) {
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

fn progress(w: &mut Doc, ctx: &Ctx, m: &MaturityFigures) {
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

fn factors(w: &mut Doc, ctx: &Ctx) {
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
fn rater_evidence_only(w: &mut Doc, m: &MaturityFigures) {
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
