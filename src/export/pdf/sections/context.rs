//! Sections 1 and 2: who the organisation is (programs in scope, stakeholders, strategic
//! priorities, core values) and where it wants credentials to take it (the answers to the
//! guided questions and the vision statements drawn from them).

use super::{or_dash, Ctx};
use crate::catalog::catalog;
use crate::export::doc::table::{col, with_heading, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::{body, bold, note};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{Style, MUTED};
use crate::model::Plan;

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

pub fn context(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    let s = &plan.settings;
    let empty = !filled(&s.organisation)
        && !filled(&s.size)
        && s.organisation_kind.is_none()
        && plan.programs.is_empty()
        && plan.stakeholders.is_empty()
        && plan.priorities.is_empty()
        && plan.core_values.is_empty();
    if empty {
        w.not_yet_written();
        return;
    }
    let kind = s
        .organisation_kind
        .as_ref()
        .and_then(|k| catalog().organisation_kinds.iter().find(|x| &x.id == k))
        .map(|k| k.name.clone())
        .unwrap_or_default();
    let mut t = Table::new(vec![col("", 1.3), col("", 5.0)]).without_header();
    for (label, value) in [
        ("Organisation", s.organisation.as_str()),
        ("Kind", kind.as_str()),
        ("Size", s.size.as_str()),
    ] {
        t.row(vec![
            Cell::spans(vec![Span::new(label, Style::cell_bold())]),
            Cell::text(or_dash(value)),
        ]);
    }
    with_heading(w, "The organisation", 1, &t);

    w.heading("Programs in scope", 1, 40.0);
    if plan.programs.is_empty() {
        w.not_yet_written();
    }
    for p in &plan.programs {
        w.heading(&p.name, 2, 20.0);
        if filled(&p.description) {
            w.text(&p.description);
        }
    }

    if plan.stakeholders.is_empty() {
        w.heading("Stakeholder groups", 1, 40.0);
        w.not_yet_written();
    } else {
        let mut t = Table::new(vec![col("Group", 1.6), col("What matters to them", 5.0)]);
        for st in &plan.stakeholders {
            t.row(vec![
                Cell::spans(vec![Span::new(&st.name, Style::cell_bold())]),
                Cell::text(or_dash(&st.notes)),
            ]);
        }
        with_heading(w, "Stakeholder groups", 1, &t);
    }

    w.heading("Strategic-plan priorities", 1, 40.0);
    if plan.priorities.is_empty() {
        w.not_yet_written();
    }
    for (i, p) in plan.priorities.iter().enumerate() {
        let mut spans = vec![bold(format!("{}. {}", i + 1, p.title))];
        if filled(&p.description) {
            spans.push(body(format!(" — {}", p.description)));
        }
        w.paragraph(&spans);
    }

    w.heading("Core values", 1, 40.0);
    if plan.core_values.is_empty() {
        w.not_yet_written();
    }
    for v in &plan.core_values {
        let mut spans = vec![bold(&v.name)];
        if filled(&v.description) {
            spans.push(body(format!(": {}", v.description)));
        }
        w.bullet(&spans);
    }
}

/// The titles of the priorities with the given ids, in the plan's order.
pub fn priority_titles(plan: &Plan, ids: &[String]) -> Vec<String> {
    plan.priorities
        .iter()
        .filter(|p| ids.contains(&p.id))
        .map(|p| p.title.clone())
        .collect()
}

pub fn vision(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    if plan.vision_statements.is_empty() && plan.vision_answers.iter().all(|a| !filled(&a.text)) {
        w.not_yet_written();
        return;
    }
    w.heading("Vision statements", 1, 40.0);
    if plan.vision_statements.is_empty() {
        w.not_yet_written();
    }
    for v in &plan.vision_statements {
        let serves = priority_titles(plan, &v.priority_ids);
        let after = if serves.is_empty() {
            vec![note("Not yet linked to a strategic priority.")]
        } else {
            vec![
                Span::new("Serves: ", Style::small_bold()),
                note(serves.join("; ")),
            ]
        };
        w.quote(&[Span::new(&v.text, Style::italic().sized(10.5))], &after);
    }

    w.heading("Answers to the guided questions", 1, 40.0);
    for q in &catalog().vision_questions {
        let answers: Vec<_> = plan
            .vision_answers
            .iter()
            .filter(|a| a.question_id == q.id && filled(&a.text))
            .collect();
        if answers.is_empty() {
            w.heading(&q.text, 2, 24.0);
            w.paragraph(&[Span::new("Not yet answered.", Style::muted())]);
            continue;
        }
        if !q.per_perspective {
            w.heading(&q.text, 2, 40.0);
            for a in answers {
                w.text(&a.text);
            }
            continue;
        }
        let mut t = Table::new(vec![col("Perspective", 1.4), col("Answer", 5.0)]).without_header();
        for a in answers {
            let who = a
                .perspective
                .as_deref()
                .and_then(|p| catalog().perspective(p))
                .map_or_else(|| "General".to_string(), |p| p.name.clone());
            t.row(vec![
                Cell::spans(vec![Span::new(who, Style::cell_bold().colored(MUTED))]),
                Cell::text(&a.text),
            ]);
        }
        with_heading(w, &q.text, 2, &t);
    }
}
