//! The body of the document: the executive summary, then one section per step of the
//! journey, in the journey's order. Each section prints "Not yet written." where the team has
//! not filled the step in, so a reader sees the gap instead of missing it.

mod badges;
mod board;
mod context;
mod goals;
mod governance;
mod maturity;
mod outreach;
mod ratings;
mod reviews;
mod roadmap;
mod roomlog;
mod standards;
mod summary;

use crate::export::doc::Doc;
use crate::figures::{section_headline, MaturityFigures};
use crate::model::Plan;
use crate::progress::Step;
use chrono::NaiveDate;

/// What every section needs: the plan, the day the plan is judged on, and the maturity
/// results worked out once for the summary and the maturity section alike.
pub struct Ctx<'a> {
    pub plan: &'a Plan,
    pub today: NaiveDate,
    pub maturity: Option<MaturityFigures<'a>>,
    pub appendices: crate::export::Appendices,
}

impl<'a> Ctx<'a> {
    pub fn new(plan: &'a Plan, today: NaiveDate) -> Ctx<'a> {
        Ctx {
            plan,
            today,
            // A plan whose results cannot be worked out reports no maturity rather than no PDF.
            maturity: MaturityFigures::of(plan, today).ok().flatten(),
            appendices: crate::export::Appendices::default(),
        }
    }
}

pub fn body<'a>(w: &mut Doc<'a>, ctx: &Ctx<'a>) {
    summary::section(w, ctx);
    // The summary is read on its own: the first section starts the next page.
    w.page_break();
    // Every step is a section but the export step, which is the document itself.
    for step in Step::ALL.into_iter().filter(|s| *s != Step::Export) {
        w.section(Some(step.number()), step.title());
        if let Some(line) = section_headline(ctx.plan, step, ctx.today, ctx.maturity.as_ref()) {
            w.conclusion(&line);
        }
        match step {
            Step::Context => context::context(w, ctx),
            Step::Vision => context::vision(w, ctx),
            Step::Goals => goals::goals(w, ctx),
            Step::Measures => goals::measures(w, ctx),
            Step::Requirements => goals::requirements(w, ctx),
            Step::Governance => governance::section(w, ctx),
            Step::Badges => badges::section(w, ctx.plan),
            Step::Maturity => maturity::section(w, ctx),
            Step::Communication => outreach::section(w, ctx),
            Step::Roadmap => roadmap::section(w, ctx),
            Step::Export => {}
        }
    }
    if ctx.appendices.goals {
        goals::appendix(w, ctx);
    }
    if ctx.appendices.ratings {
        ratings::appendix(w, ctx);
    }
    if ctx.appendices.room_log {
        roomlog::appendix(w, ctx);
    }
}

pub use crate::figures::{long_date, short_date};

pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "no date".into(), short_date)
}

pub use crate::figures::quantity;

/// Empty text shown as a dash in a table cell, so an empty cell reads as deliberate.
pub fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() {
        "—"
    } else {
        s
    }
}
