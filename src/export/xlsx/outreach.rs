//! Step 8: the communication plan (who hears what, from whom, through which channel, when)
//! and the training plan.

use super::sheet::{Col, V};
use super::Ctx;
use crate::catalog::catalog;
use rust_xlsxwriter::{Worksheet, XlsxError};

fn prompt_name(id: &str) -> &str {
    catalog()
        .key_message_prompts
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.name.as_str())
}

/// "Why now? Because…", "Benefits: a clear path…": a question needs no colon after it.
fn labelled(prompt: &str, text: &str) -> String {
    if prompt.ends_with('?') {
        format!("{prompt} {text}")
    } else {
        format!("{prompt}: {text}")
    }
}

pub(super) fn communication(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Communication", &[28.0, 26.0, 70.0, 26.0, 24.0, 16.0])?;
    sh.title(
        "Communication plan",
        "Step 8: each audience, the channel and messenger that reach it, when and how often, and the key \
         messages it hears. Under the plan, every key message has a row of its own.",
    )?;
    if plan.communications.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no communication plan yet (step 8).")?;
        return Ok(sh.finish());
    }
    let rows: Vec<Vec<V>> = plan
        .communications
        .iter()
        .map(|c| {
            let messages: Vec<String> = c
                .messages
                .iter()
                .map(|m| labelled(prompt_name(&m.prompt_id), &m.text))
                .collect();
            vec![
                V::s(&c.audience),
                V::s(&c.channel),
                V::s(messages.join("\n\n")),
                V::s(&c.messenger),
                V::s(&c.timing),
                V::s(&c.frequency),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Audience"),
        Col::text("Channel"),
        Col::text("Key messages"),
        Col::text("Messenger"),
        Col::text("Timing"),
        Col::text("Frequency"),
    ];
    sh.freeze_title()?;
    sh.table("Communication", &cols, &rows, "")?;

    sh.section("Key messages")?;
    let rows: Vec<Vec<V>> = plan
        .communications
        .iter()
        .flat_map(|c| {
            c.messages.iter().map(|m| {
                vec![
                    V::s(&c.audience),
                    V::s(prompt_name(&m.prompt_id)),
                    V::s(&m.text),
                ]
            })
        })
        .collect();
    let cols = [
        Col::bold("Audience"),
        Col::text("Message about"),
        Col::text("Message"),
    ];
    sh.table("KeyMessages", &cols, &rows, "No key messages written yet.")?;
    Ok(sh.finish())
}

pub(super) fn training(ctx: &Ctx) -> Result<Worksheet, XlsxError> {
    let plan = ctx.plan;
    let mut sh = ctx.sheet("Training", &[28.0, 60.0, 16.0, 40.0, 32.0])?;
    sh.title(
        "Training plan",
        "Step 8: who needs to learn what (from the needs assessment), how it is delivered, when, and who runs it.",
    )?;
    if plan.trainings.is_empty() {
        sh.freeze_title()?;
        sh.not_yet_written("no training plan yet (step 8).")?;
        return Ok(sh.finish());
    }
    let modes = &catalog().delivery_modes;
    let rows: Vec<Vec<V>> = plan
        .trainings
        .iter()
        .map(|t| {
            let delivery = t
                .delivery
                .as_deref()
                .map(|d| {
                    modes
                        .iter()
                        .find(|m| m.id == d)
                        .map_or(d, |m| m.name.as_str())
                })
                .unwrap_or("");
            vec![
                V::s(&t.audience),
                V::s(&t.needs),
                V::s(delivery),
                V::s(&t.schedule),
                V::s(&t.owner),
            ]
        })
        .collect();
    let cols = [
        Col::bold("Audience"),
        Col::text("What they need to learn"),
        Col::center("Delivery").choices(modes.iter().map(|m| m.name.clone())),
        Col::text("Schedule"),
        Col::text("Owner"),
    ];
    if let Some(t) = sh.table("Training", &cols, &rows, "")? {
        sh.freeze_header(&t, 1)?;
    }
    Ok(sh.finish())
}
