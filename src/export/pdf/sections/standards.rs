//! The end of section 6, standards and skills: the frameworks badges align to and how, and the
//! doubts raised about the program's rigour with the plan's answers. It opens with its
//! conclusion — how many doubts are still open — because that is where programs stall.

use super::or_dash;
use crate::export::doc::table::{col, with_heading, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::{bold, note, pill};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{Style, AMBER, INK, TEAL_LIGHT, WHITE};
use crate::model::{ObjectionStatus, Plan};

pub fn part(w: &mut Doc, plan: &Plan) {
    w.heading("Standards and skills", 1, 80.0);
    let open = plan
        .objections
        .iter()
        .filter(|o| o.status == ObjectionStatus::Open)
        .count();
    let verdict = match (plan.objections.len(), open) {
        (0, _) => "No doubts about rigour recorded yet.".to_string(),
        (n, 0) => format!("All {n} doubts about rigour raised so far are answered."),
        (n, open) => format!("{open} of {n} doubts about rigour are still open."),
    };
    w.paragraph(&[bold(verdict)]);
    frameworks(w, plan);
    objections(w, plan);
}

fn frameworks(w: &mut Doc, plan: &Plan) {
    if plan.frameworks.is_empty() {
        w.heading("Skills frameworks and standards", 2, 30.0);
        w.not_yet_written();
        return;
    }
    let mut t = Table::new(vec![
        col("Framework", 2.4),
        col("How badges align to it", 5.0),
        col("Badge levels", 2.0),
    ]);
    for f in &plan.frameworks {
        let levels: Vec<String> = f
            .level_ids
            .iter()
            .filter_map(|id| plan.badge_levels.iter().find(|l| &l.id == id))
            .map(|l| l.name.clone())
            .collect();
        t.row(vec![
            Cell::spans(vec![Span::new(&f.name, Style::cell_bold())]),
            Cell::text(or_dash(&f.alignment)),
            Cell::text(if levels.is_empty() {
                "Every level".to_string()
            } else {
                levels.join(", ")
            }),
        ]);
    }
    with_heading(w, "Skills frameworks and standards", 2, &t);
}

fn objections(w: &mut Doc, plan: &Plan) {
    if plan.objections.is_empty() {
        w.heading("Objections about rigour", 2, 30.0);
        w.not_yet_written();
        return;
    }
    let mut t = Table::new(vec![
        col("Objection", 3.0),
        col("Answer and evidence", 5.2),
        col("", 1.4),
    ]);
    let mut list: Vec<_> = plan.objections.iter().collect();
    // Open doubts first: they are what the committee still has to answer.
    list.sort_by_key(|o| o.status != ObjectionStatus::Open);
    for o in list {
        let mut doubt = vec![vec![Span::new(&o.objection, Style::cell_bold())]];
        if !o.raised_by.trim().is_empty() {
            doubt.push(vec![note(format!("Raised by {}", o.raised_by.trim()))]);
        }
        let mut answer = vec![vec![Span::new(or_dash(&o.answer), Style::cell())]];
        if !o.evidence.trim().is_empty() {
            answer.push(vec![note(format!("Evidence: {}", o.evidence.trim()))]);
        }
        t.row(vec![
            Cell::blocks(doubt),
            Cell::blocks(answer),
            Cell::spans(vec![match o.status {
                ObjectionStatus::Answered => pill("Answered", TEAL_LIGHT, INK),
                ObjectionStatus::Open => pill("Open", AMBER, WHITE),
            }]),
        ]);
    }
    with_heading(w, "Objections about rigour", 2, &t);
}
