//! Section 8: the communication plan (per audience: the key messages, who says them, through
//! which channel, when) and the training plan (who needs to learn what, and how).

use super::{or_dash, Ctx};
use crate::catalog::catalog;
use crate::export::doc::table::{self, col, draw, with_heading, Cell, Table};
use crate::export::doc::Doc;
use crate::export::pdf::layout::note;
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{Style, NAVY};
use crate::model::Communication;

pub fn section(w: &mut Doc, ctx: &Ctx) {
    let plan = ctx.plan;
    if plan.communications.is_empty() && plan.trainings.is_empty() {
        w.not_yet_written();
        return;
    }
    // Every audience's part is built first: the section's heading keeps the first of them
    // under it, so it never ends a page alone.
    let parts: Vec<(&str, Vec<Span>, Option<Table>)> = plan
        .communications
        .iter()
        .map(|c| (c.audience.as_str(), how(c), messages(c)))
        .collect();
    let first = parts.first().map_or(60.0.into(), |(_, how, t)| {
        let how = if how.is_empty() { 0.0 } else { 16.0 };
        t.as_ref().map_or(60.0.into(), |t| table::keep(w, t)) + how + 40.0
    });
    w.heading("Communication plan", 1, first);
    if plan.communications.is_empty() {
        w.not_yet_written();
    }
    for (audience, how, t) in parts {
        let Some(t) = t else {
            w.heading(audience, 2, 40.0);
            if !how.is_empty() {
                w.paragraph(&how);
            }
            w.paragraph(&[Span::new("No key messages yet.", Style::muted())]);
            continue;
        };
        w.heading(audience, 2, table::keep(w, &t) + 24.0);
        if !how.is_empty() {
            w.paragraph(&how);
        }
        draw(w, &t);
    }

    if plan.trainings.is_empty() {
        w.heading("Training plan", 1, 60.0);
        w.not_yet_written();
        return;
    }
    let mut t = Table::new(vec![
        col("Audience", 1.9),
        col("What they need to learn", 3.4),
        col("Delivery", 1.6),
        col("Schedule", 2.2),
        col("Owner", 1.6),
    ]);
    for tr in &plan.trainings {
        let delivery = tr
            .delivery
            .as_ref()
            .map(|d| {
                catalog()
                    .delivery_modes
                    .iter()
                    .find(|m| &m.id == d)
                    .map_or_else(|| d.clone(), |m| m.name.clone())
            })
            .unwrap_or_else(|| "—".into());
        t.row(vec![
            Cell::spans(vec![Span::new(&tr.audience, Style::cell_bold())]),
            Cell::text(or_dash(&tr.needs)),
            Cell::text(delivery),
            Cell::text(or_dash(&tr.schedule)),
            Cell::text(or_dash(&tr.owner)),
        ]);
    }
    with_heading(w, "Training plan", 1, &t);
}

/// How an audience is reached: channel, messenger, timing and frequency, where written.
fn how(c: &Communication) -> Vec<Span> {
    let mut how = Vec::new();
    for (label, value) in [
        ("Channel", &c.channel),
        ("Messenger", &c.messenger),
        ("Timing", &c.timing),
        ("Frequency", &c.frequency),
    ] {
        if !value.trim().is_empty() {
            how.push(Span::new(format!("{label}: "), Style::small_bold()));
            how.push(note(format!("{}   ", value.trim())));
        }
    }
    how
}

/// The audience's key messages in the catalog's order of prompts, so every audience reads
/// the same way; none when it has no messages yet.
fn messages(c: &Communication) -> Option<Table> {
    if c.messages.is_empty() {
        return None;
    }
    let mut t = Table::new(vec![col("", 1.5), col("", 6.0)]).without_header();
    let prompts = &catalog().key_message_prompts;
    let mut messages: Vec<_> = c.messages.iter().collect();
    messages.sort_by_key(|m| {
        prompts
            .iter()
            .position(|p| p.id == m.prompt_id)
            .unwrap_or(usize::MAX)
    });
    for m in messages {
        let prompt = prompts
            .iter()
            .find(|p| p.id == m.prompt_id)
            .map_or_else(|| m.prompt_id.clone(), |p| p.name.clone());
        t.row(vec![
            Cell::spans(vec![Span::new(prompt, Style::cell_bold().colored(NAVY))]),
            Cell::text(or_dash(&m.text)),
        ]);
    }
    Some(t)
}
