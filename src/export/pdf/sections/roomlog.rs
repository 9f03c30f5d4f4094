//! The appendix: the room's log as leadership reads it — the decisions the room took, the
//! actions with their owners and dates, and the questions still open (then those settled).
//! A plan with nothing logged has no appendix. Its parts are minor headings, so the contents
//! gain one line for it, not four.

use super::{or_dash, short_date, Ctx};
use crate::export::doc::table::{col, with_heading, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::note;
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::Style;
use crate::model::{origin_label, Kind};
use crate::progress::Step;
use crate::roomlog::{became, heading, open_questions};

/// The appendix's title, in the contents and on its pages.
pub const TITLE: &str = "Appendix — The room’s log";

fn origin(step: Option<Step>, subfacet_id: Option<&str>) -> Span {
    let o = origin_label(step, subfacet_id);
    note(if o.is_empty() { "—" } else { &o })
}

pub fn appendix(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    if plan.parked_items.is_empty() && plan.decisions.is_empty() && plan.actions.is_empty() {
        return;
    }
    w.section(None, TITLE);

    let decisions = &heading(Kind::Decision).name;
    if plan.decisions.is_empty() {
        w.heading(decisions, 2, 40.0);
        w.paragraph(&[Span::new("No decisions recorded.", Style::muted())]);
    } else {
        let mut t = Table::new(vec![
            col("Decision", 4.6),
            col("Proposed by", 1.9),
            col("Taken on", 1.3),
            col("Came up in", 2.6),
        ]);
        for d in &plan.decisions {
            t.row(vec![
                Cell::spans(vec![Span::new(&d.text, Style::cell_bold())]),
                Cell::text(or_dash(&d.raised_by)),
                Cell::text(short_date(d.created_on)),
                Cell::spans(vec![origin(d.step, d.subfacet_id.as_deref())]),
            ]);
        }
        with_heading(w, decisions, 2, &t);
    }

    let actions = &heading(Kind::Action).name;
    if plan.actions.is_empty() {
        w.heading(actions, 2, 40.0);
        w.paragraph(&[Span::new("No actions recorded.", Style::muted())]);
    } else {
        let mut t = Table::new(vec![
            col("Action", 4.0),
            col("Owner", 2.0),
            col("Due", 1.4),
            col("Status", 1.1),
            col("Became", 2.5),
        ]);
        let mut list: Vec<_> = plan.actions.iter().collect();
        // Open first, soonest due first: what leadership must chase.
        list.sort_by_key(|a| (a.status, a.due.is_none(), a.due));
        for a in list {
            let b = became(plan, a);
            t.row(vec![
                Cell::spans(vec![Span::new(&a.text, Style::cell_bold())]),
                Cell::text(or_dash(&a.owner)),
                Cell::text(a.due.map_or("no date".into(), short_date)),
                Cell::text(a.status.label()),
                Cell::spans(vec![note(if b.is_empty() { "—" } else { &b })]),
            ]);
        }
        with_heading(w, actions, 2, &t);
    }

    let open: Vec<_> = open_questions(plan).collect();
    if open.is_empty() {
        w.heading("Open questions", 2, 40.0);
        w.paragraph(&[Span::new("No questions are waiting.", Style::muted())]);
    } else {
        let mut t = Table::new(vec![
            col("Question", 4.6),
            col("Raised by", 1.9),
            col("Parked on", 1.3),
            col("Came up in", 2.6),
        ]);
        for p in open {
            t.row(vec![
                Cell::spans(vec![Span::new(&p.text, Style::cell_bold())]),
                Cell::text(or_dash(&p.raised_by)),
                Cell::text(short_date(p.created_on)),
                Cell::spans(vec![origin(p.step, p.subfacet_id.as_deref())]),
            ]);
        }
        with_heading(w, "Open questions", 2, &t);
    }

    let settled: Vec<_> = plan
        .parked_items
        .iter()
        .filter(|p| p.resolved_on.is_some())
        .collect();
    if !settled.is_empty() {
        let mut t = Table::new(vec![
            col("Question", 4.0),
            col("Resolution", 4.6),
            col("Resolved on", 1.4),
        ]);
        for p in settled {
            t.row(vec![
                Cell::spans(vec![Span::new(&p.text, Style::cell_bold())]),
                Cell::text(or_dash(&p.resolution)),
                Cell::text(p.resolved_on.map_or(String::new(), short_date)),
            ]);
        }
        with_heading(w, "Questions settled", 2, &t);
    }
}
