//! The end of section 9: the plan's cycle and the reviews of its evaluation cycle, each with
//! what it found about the goals and measures and what it changed. Kept to itself so the
//! roadmap section only calls it.

use super::{long_date, Ctx};
use crate::cycle::{kind_unless_named, reviews_in_order, subject};
use crate::export::doc::table::{col, with_heading, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::{bold, note};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::Style;
use crate::model::{Review, ReviewStatus};

pub fn part(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    let s = &plan.settings;
    let mut line = Vec::new();
    if !s.cycle.trim().is_empty() {
        line.push(format!(
            "This plan is the plan of the {} cycle.",
            s.cycle.trim()
        ));
    }
    if let Some(from) = &s.rolled_from {
        line.push(format!(
            "It was rolled forward from \u{201c}{}\u{201d} ({}) on {}.",
            from.plan_name,
            from.cycle,
            long_date(from.rolled_on)
        ));
    }
    if !line.is_empty() {
        w.paragraph(&[Span::new(line.join(" "), Style::body())]);
    }
    let reviews = reviews_in_order(plan);
    if reviews.is_empty() {
        w.heading("Reviews", 2, 30.0);
        w.not_yet_written();
        return;
    }
    for r in reviews {
        review(w, ctx, r);
    }
}

fn review(w: &mut Doc, ctx: &Ctx, r: &Review) {
    let plan = ctx.plan;
    let when = match r.status {
        ReviewStatus::Held => format!("held {}", long_date(r.held_on)),
        ReviewStatus::Planned => format!("planned for {}", long_date(r.held_on)),
    };
    let title = match kind_unless_named(r) {
        Some(kind) => format!("{} ({}, {when})", r.name, kind.to_lowercase()),
        None => format!("{} ({when})", r.name),
    };
    let assessment = r
        .assessment_id
        .as_ref()
        .and_then(|id| plan.assessments.iter().find(|a| &a.id == id));
    if r.written_findings().next().is_none() && r.written_changes().next().is_none() {
        w.heading(&title, 2, 40.0);
        w.paragraph(&[Span::new(
            "Nothing found or decided is recorded yet.",
            Style::muted(),
        )]);
    } else {
        let mut t = Table::new(vec![col("About", 3.0), col("Found or decided", 6.6)]);
        for f in r.written_findings() {
            t.row(vec![
                Cell::blocks(vec![
                    vec![Span::new(
                        subject(plan, f.goal_id.as_deref(), f.measure_id.as_deref()),
                        Style::cell_bold(),
                    )],
                    vec![note("Finding")],
                ]),
                Cell::text(f.text.trim()),
            ]);
        }
        for c in r.written_changes() {
            t.row(vec![
                Cell::blocks(vec![
                    vec![Span::new(
                        subject(plan, c.goal_id.as_deref(), c.measure_id.as_deref()),
                        Style::cell_bold(),
                    )],
                    vec![note(format!("Change to {}", c.area.label().to_lowercase()))],
                ]),
                Cell::text(c.text.trim()),
            ]);
        }
        with_heading(w, &title, 2, &t);
    }
    if let Some(a) = assessment {
        w.paragraph(&[
            bold("Maturity assessment for this review: "),
            Span::new(&a.name, Style::body()),
        ]);
    }
}
