//! Section 9, the roadmap: the phases and the goals and milestones on a timeline, then the
//! phases and milestones in detail, the decisions asked of leadership and the risk register,
//! and how the program is evaluated as it goes.

use super::{or_dash, short_date, Ctx};
use crate::export::doc::charts::timeline::{self, Bar, Mark, Roadmap, State};
use crate::export::doc::table::{col, with_heading, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::note;
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{phase_color, Style};
use crate::maturity::ordered_phases;
use crate::model::{Milestone, MilestoneStatus};

pub fn section(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    let s = &plan.settings;
    if plan.phases.is_empty()
        && plan.milestones.is_empty()
        && plan.asks.is_empty()
        && plan.risks.is_empty()
        && s.evaluation_cycle.trim().is_empty()
        && s.cycle.trim().is_empty()
        && plan.reviews.is_empty()
    {
        w.not_yet_written();
        return;
    }
    let phases = ordered_phases(plan);
    let mut goals: Vec<_> = plan.goals.iter().filter(|g| g.due.is_some()).collect();
    goals.sort_by_key(|g| g.due);
    let mut milestones: Vec<_> = plan.milestones.iter().collect();
    milestones.sort_by_key(|m| (m.due.is_none(), m.due));
    let roadmap = Roadmap {
        phases: phases
            .iter()
            .map(|p| Bar {
                label: p.name.clone(),
                start: p.starts_on,
                end: p.ends_on,
            })
            .collect(),
        goals: goals
            .iter()
            .map(|g| Mark {
                label: g.title.clone(),
                date: g.due,
                state: None,
                color: None,
            })
            .collect(),
        milestones: milestones
            .iter()
            .map(|m| Mark {
                label: m.title.clone(),
                date: m.due,
                state: Some(match m.status {
                    MilestoneStatus::Done => State::Done,
                    MilestoneStatus::Missed => State::Missed,
                    _ if m.overdue(ctx.today) => State::Late,
                    _ => State::Planned,
                }),
                color: m
                    .phase_id
                    .as_ref()
                    .and_then(|id| phases.iter().position(|p| &p.id == id))
                    .map(phase_color),
            })
            .collect(),
        today: ctx.today,
    };
    w.heading("Timeline", 1, 120.0);
    if !timeline::draw(w, &roadmap) {
        w.paragraph(&[Span::new(
            "Nothing on the roadmap has a date yet, so there is no timeline to draw.",
            Style::muted(),
        )]);
    }

    if phases.is_empty() {
        w.heading("Phases", 1, 60.0);
        w.not_yet_written();
    } else {
        let mut t = Table::new(vec![
            col("Phase", 2.0),
            col("Dates", 2.7),
            col("What it delivers", 5.3),
        ]);
        for p in &phases {
            let dates = match (p.starts_on, p.ends_on) {
                (Some(a), Some(b)) => format!("{} – {}", short_date(a), short_date(b)),
                (Some(a), None) => format!("from {}", short_date(a)),
                (None, Some(b)) => format!("until {}", short_date(b)),
                (None, None) => "no dates yet".into(),
            };
            t.row(vec![
                Cell::spans(vec![Span::new(&p.name, Style::cell_bold())]),
                Cell::text(dates),
                Cell::text(or_dash(&p.description)),
            ]);
        }
        with_heading(w, "Phases", 1, &t);
    }

    if milestones.is_empty() {
        w.heading("Milestones", 1, 60.0);
        w.not_yet_written();
    } else {
        let mut t = Table::new(vec![
            col("Milestone", 3.5),
            col("Due", 1.3),
            col("Status", 1.9),
            col("Phase", 1.8),
            col("Goal", 2.1),
        ]);
        for m in &milestones {
            let phase = m
                .phase_id
                .as_ref()
                .and_then(|id| plan.phases.iter().find(|p| &p.id == id));
            let goal = m
                .goal_id
                .as_ref()
                .and_then(|id| plan.goals.iter().find(|g| &g.id == id));
            t.row(vec![
                Cell::spans(vec![Span::new(&m.title, Style::cell_bold())]),
                Cell::text(m.due.map_or("no date".into(), short_date)),
                Cell::text(milestone_status(m, ctx.today)),
                Cell::text(phase.map_or("—", |p| p.name.as_str())),
                Cell::spans(vec![note(goal.map_or("—", |g| g.title.as_str()))]),
            ]);
        }
        with_heading(w, "Milestones", 1, &t);
    }

    super::board::asks(w, ctx);
    super::board::risks(w, ctx);

    w.heading("Evaluation cycle", 1, 30.0);
    if s.evaluation_cycle.trim().is_empty() {
        w.not_yet_written();
    } else {
        w.text(&s.evaluation_cycle);
    }
    super::reviews::part(w, ctx);
}

fn milestone_status(m: &Milestone, today: chrono::NaiveDate) -> String {
    match (m.status, m.done_on) {
        // Carried from an earlier cycle: history, not this cycle's work.
        (status, _) if m.cycle.is_some() => format!(
            "{} ({})",
            status.label(),
            m.cycle.as_deref().unwrap_or_default()
        ),
        (MilestoneStatus::Done, Some(d)) => format!("Done {}", short_date(d)),
        _ if m.overdue(today) => "Planned, date passed".into(),
        (status, _) => status.label().into(),
    }
}
