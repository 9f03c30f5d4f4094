//! The room's log, one sheet per list: the questions parked (and how each was settled), the
//! decisions the room took, and the actions with their owners, dates and status.

use super::formats::{GOOD, WATCH};
use super::sheet::{Col, V};
use super::Ctx;
use crate::model::{origin_label, ActionStatus, Kind};
use crate::roomlog::{became, heading};
use rust_xlsxwriter::{Worksheet, XlsxError};

const OPEN: &str = "Open";
const RESOLVED: &str = "Resolved";

/// A sheet titled and introduced by the catalog's words for `kind`.
fn titled<'c>(
    ctx: &'c Ctx,
    kind: Kind,
    widths: &[f64],
) -> Result<super::sheet::Sheet<'c>, XlsxError> {
    let h = heading(kind);
    let mut sh = ctx.sheet(&h.name, widths)?;
    sh.title(&h.name, &h.description)?;
    Ok(sh)
}

pub(super) fn parked(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let mut sh = titled(
        ctx,
        Kind::ParkedItem,
        &[54.0, 24.0, 30.0, 13.0, 12.0, 13.0, 44.0],
    )?;
    let rows: Vec<Vec<V>> = ctx
        .plan
        .parked_items
        .iter()
        .map(|p| {
            let state = if p.resolved_on.is_some() {
                RESOLVED
            } else {
                OPEN
            };
            vec![
                V::s(&p.text),
                V::s(&p.raised_by),
                V::s(origin_label(p.step, p.subfacet_id.as_deref())),
                V::d(Some(p.created_on)),
                V::s(state),
                V::d(p.resolved_on),
                V::s(&p.resolution),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Question"),
        Col::text("Raised by"),
        Col::text("Came up in"),
        Col::date("Parked on"),
        Col::center("State"),
        Col::date("Resolved on"),
        Col::text("Resolution"),
    ];
    if rows.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no questions parked yet.")?;
        return Ok(sh.finish());
    }
    if let Some(t) = sh.table("ParkedQuestions", &cols, &rows, "")? {
        sh.freeze_header(&t, 1)?;
        sh.colour_text(
            (t.first, t.last),
            (4, 4),
            &[(OPEN, WATCH), (RESOLVED, GOOD)],
        )?;
    }
    Ok(sh.finish())
}

pub(super) fn decisions(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let mut sh = titled(ctx, Kind::Decision, &[70.0, 26.0, 34.0, 13.0])?;
    let rows: Vec<Vec<V>> = ctx
        .plan
        .decisions
        .iter()
        .map(|d| {
            vec![
                V::s(&d.text),
                V::s(&d.raised_by),
                V::s(origin_label(d.step, d.subfacet_id.as_deref())),
                V::d(Some(d.created_on)),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Decision"),
        Col::text("Proposed by"),
        Col::text("Came up in"),
        Col::date("Taken on"),
    ];
    if rows.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no decisions recorded yet.")?;
        return Ok(sh.finish());
    }
    if let Some(t) = sh.table("Decisions", &cols, &rows, "")? {
        sh.freeze_header(&t, 1)?;
    }
    Ok(sh.finish())
}

pub(super) fn actions(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let mut sh = titled(
        ctx,
        Kind::Action,
        &[54.0, 26.0, 13.0, 11.0, 30.0, 13.0, 40.0],
    )?;
    let rows: Vec<Vec<V>> = ctx
        .plan
        .actions
        .iter()
        .map(|a| {
            vec![
                V::s(&a.text),
                V::s(&a.owner),
                V::d(a.due),
                V::s(a.status.label()),
                V::s(origin_label(a.step, a.subfacet_id.as_deref())),
                V::d(Some(a.created_on)),
                V::s(became(ctx.plan, a)),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Action"),
        Col::text("Owner"),
        Col::date("Due"),
        Col::center("Status").choices(ActionStatus::ALL.map(ActionStatus::label)),
        Col::text("Came up in"),
        Col::date("Agreed on"),
        Col::text("Became"),
    ];
    if rows.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no actions recorded yet.")?;
        return Ok(sh.finish());
    }
    if let Some(t) = sh.table("Actions", &cols, &rows, "")? {
        sh.freeze_header(&t, 1)?;
        sh.colour_text(
            (t.first, t.last),
            (3, 3),
            &[(ActionStatus::Done.label(), GOOD)],
        )?;
    }
    Ok(sh.finish())
}
