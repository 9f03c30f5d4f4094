//! The executive summary: one or two pages a busy reader can stop after — the vision, the
//! goals and when they fall due, where the program stands against the maturity model and
//! where the next phase aims it, the largest gaps, how the measures are doing, and when the
//! plan is next reviewed.

use super::maturity::mean_label;
use super::{long_date, short_date, Ctx};
use crate::export::pdf::layout::{body, bold, note, pill, Writer};
use crate::export::pdf::table::{self, col, draw, with_heading, Cell, Table};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{self, Style};
use crate::figures::{measure_standings, measure_tally, StatusCount, NO_ASSESSMENT};
use crate::status::MeasureStatus;

/// How many goals and gaps the summary lists before pointing to their sections.
const TOP: usize = 6;
const TOP_GAPS: usize = 5;

pub fn section(w: &mut Writer, ctx: &Ctx) {
    let plan = ctx.plan;
    let s = &plan.settings;
    w.section(None, "Executive summary");
    let org = if s.organisation.trim().is_empty() {
        "The organisation"
    } else {
        s.organisation.as_str()
    };
    let mut intro = vec![bold(org), body(" sets out in this plan how it will adopt micro-credentials: what it wants them to achieve, the goals that mark the way, how progress is measured, who governs the program, and how mature its practice is today.")];
    if !s.size.trim().is_empty() {
        intro.push(body(format!(
            " Size: {}.",
            s.size.trim().trim_end_matches('.')
        )));
    }
    w.paragraph(&intro);

    w.heading("Vision", 1, 40.0);
    if plan.vision_statements.is_empty() {
        w.not_yet_written();
    }
    for v in &plan.vision_statements {
        w.quote(&[Span::new(&v.text, Style::italic().sized(10.5))], &[]);
    }

    top_goals(w, ctx);
    headline(w, ctx);
    measures(w, ctx);

    w.heading("Next review", 1, 30.0);
    let mut spans = Vec::new();
    match s.next_review {
        Some(d) => spans.extend([
            body("The plan is next reviewed on "),
            bold(long_date(d)),
            body(". "),
        ]),
        None => spans.push(body("No date is set for the next review yet. ")),
    }
    if !s.review_cadence.trim().is_empty() {
        spans.push(body(s.review_cadence.trim()));
    }
    w.paragraph(&spans);
}

fn top_goals(w: &mut Writer, ctx: &Ctx) {
    let plan = ctx.plan;
    if plan.goals.is_empty() {
        w.heading("Goals and when they fall due", 1, 60.0);
        w.not_yet_written();
        return;
    }
    let mut goals: Vec<_> = plan.goals.iter().collect();
    // Soonest first; undated goals after the dated ones, in the plan's order.
    goals.sort_by_key(|g| (g.due.is_none(), g.due));
    let mut t = Table::new(vec![col("Goal", 5.0), col("Owner", 3.0), col("Due", 1.5)]);
    for g in goals.iter().take(TOP) {
        t.row(vec![
            Cell::spans(vec![Span::new(&g.title, Style::cell_bold())]),
            Cell::text(super::or_dash(&g.owner)),
            Cell::text(g.due.map_or("no date".into(), short_date)),
        ]);
    }
    with_heading(w, "Goals and when they fall due", 1, &t);
    if goals.len() > TOP {
        w.caption(&format!(
            "…and {} more goals, all in section 3.",
            goals.len() - TOP
        ));
    }
}

fn headline(w: &mut Writer, ctx: &Ctx) {
    let plan = ctx.plan;
    let title = "Maturity: where we are and where the next phase takes us";
    let Some(m) = &ctx.maturity else {
        w.heading(title, 1, 40.0);
        w.paragraph(&[Span::new(NO_ASSESSMENT, Style::muted())]);
        return;
    };
    // The same words as the workbook's summary and the app's results.
    let spans = vec![body(&m.headline.sentence)];
    let Some(next) = m.next else {
        w.heading(title, 1, 40.0);
        w.paragraph(&spans);
        return;
    };
    let targets = m.target_means(plan, &next.id);
    let mut t = Table::new(vec![
        col("Facet", 3.0),
        col("Current profile", 2.5),
        col(&format!("Target, {}", next.name), 2.5),
    ]);
    for (f, target) in m.results.facets.iter().zip(targets) {
        t.row(vec![
            Cell::spans(vec![Span::new(&f.name, Style::cell_bold())]),
            Cell::text(mean_label(f.mean)),
            Cell::text(mean_label(target)),
        ]);
    }
    // The sentence and the table read as one: keep them together.
    w.heading(
        title,
        1,
        table::keep(w, &t) + 3.0 * theme::BODY * theme::LEADING,
    );
    w.paragraph(&spans);
    draw(w, &t);
    let gaps: Vec<_> = m.next_gaps().take(TOP_GAPS).collect();
    if !gaps.is_empty() {
        w.heading(
            &format!("The largest gaps to close in {}", next.name),
            2,
            40.0,
        );
        for g in gaps {
            let step = &g.steps[0];
            w.bullet(&[
                bold(&g.subfacet_name),
                body(format!(
                    ": stage {} → {} ({} to climb). ",
                    g.current, g.target, g.gap
                )),
                Span::new(
                    format!("Next stage: {}", step.descriptor),
                    Style::body().colored(theme::MUTED),
                ),
            ]);
        }
    }
}

fn measures(w: &mut Writer, ctx: &Ctx) {
    let plan = ctx.plan;
    w.heading("Success measures at a glance", 1, 40.0);
    if plan.measures.is_empty() {
        w.not_yet_written();
        return;
    }
    let standings = measure_standings(plan, ctx.today);
    let mut attention = Vec::new();
    for m in &plan.measures {
        let Some(s) = standings.get(&m.id) else {
            continue;
        };
        if s.stale || matches!(s.status, MeasureStatus::AtRisk | MeasureStatus::OffTrack) {
            attention.push((s, m));
        }
    }
    let mut spans = vec![body(format!("{} measures: ", plan.measures.len()))];
    for StatusCount { status, count: n } in measure_tally(plan, ctx.today)
        .into_iter()
        .filter(|t| t.count > 0)
    {
        let (fill, ink) = theme::measure_status(status);
        spans.push(pill(
            format!("{n} {}", status.label().to_lowercase()),
            fill,
            ink,
        ));
        spans.push(body("  "));
    }
    w.paragraph(&spans);
    if !attention.is_empty() {
        w.gap(2.0);
        w.paragraph(&[note("Needing attention:")]);
        for (s, m) in attention.iter().take(TOP) {
            let (fill, ink) = theme::measure_status(s.status);
            let mut spans = vec![pill(s.status.label(), fill, ink)];
            if s.stale {
                spans.push(body(" "));
                spans.push(pill("Stale", theme::AMBER, theme::INK));
            }
            spans.push(body(format!(" {}", m.indicator)));
            w.bullet(&spans);
        }
        if attention.len() > TOP {
            w.caption(&format!(
                "…and {} more, listed in section 4.",
                attention.len() - TOP
            ));
        }
    }
}
