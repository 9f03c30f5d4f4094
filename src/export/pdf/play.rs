//! The document model laid out on pages: each block becomes the writer's call it stands for,
//! and the model's hints (what a heading keeps, which summary fits, a caption that continues)
//! are settled here against the page the cursor is on.

use super::charts::{chain, heatmap, history, radar, timeline, workflow};
use super::layout::Writer;
use super::table;
use crate::export::doc::charts::Chart;
use crate::export::doc::{Block, Keep};

pub fn play(w: &mut Writer, blocks: &[Block]) {
    // A run of bullets is one list to a reader.
    let mut in_list = false;
    for b in blocks {
        let bullet = matches!(b, Block::Bullet(_));
        if bullet && !in_list {
            w.tags.open("L");
        } else if !bullet && in_list {
            w.tags.close();
        }
        in_list = bullet;
        match b {
            Block::Section { number, title } => w.section(*number, title),
            Block::Conclusion(text) => w.conclusion(text),
            Block::Heading { title, level, keep } => {
                let keep = room(w, keep);
                w.heading(title, *level, keep);
            }
            Block::Paragraph(spans) => w.paragraph(spans),
            Block::Text(text) => w.text(text),
            Block::NotYetWritten => w.not_yet_written(),
            Block::Bullet(spans) => w.bullet(spans),
            Block::Quote(spans, after) => w.quote(spans, after),
            Block::Caption(text) => w.caption(text),
            Block::Table(t) => table::draw(w, t),
            Block::Chart(c) => chart(w, c),
            Block::Gap(h) => w.gap(*h),
            Block::PageBreak => w.page_break(),
            Block::Ensure(h) => w.ensure(*h),
            Block::Choice {
                needed,
                roomy,
                cramped,
            } => {
                if w.room() < *needed {
                    play(w, cramped);
                } else {
                    play(w, roomy);
                }
            }
            Block::OnePage(tries) => {
                let fits = tries.iter().find(|t| fits_one_page(w, t));
                if let Some(t) = fits.or(tries.last()) {
                    play(w, t);
                }
            }
        }
    }
    if in_list {
        w.tags.close();
    }
}

fn fits_one_page(w: &Writer, blocks: &[Block]) -> bool {
    let mut probe = w.probe();
    play(&mut probe, blocks);
    probe.pages.len() <= 1
}

/// Settles the model's `OnePage` choices as these pages do, so another backend prints what
/// the PDF printed (the executive summary's budget).
pub fn settle<'a>(w: &Writer, blocks: Vec<Block<'a>>) -> Vec<Block<'a>> {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::OnePage(mut tries) => {
                let at = tries
                    .iter()
                    .position(|t| fits_one_page(w, t))
                    .unwrap_or(tries.len().saturating_sub(1));
                if tries.is_empty() {
                    Block::OnePage(tries)
                } else {
                    Block::OnePage(vec![tries.swap_remove(at)])
                }
            }
            other => other,
        })
        .collect()
}

fn room(w: &Writer, keep: &Keep) -> f32 {
    match keep {
        Keep::Points(p) => *p,
        Keep::Table(t) => table::keep(w, t),
        Keep::Heatmap(h, colors) => heatmap::keep(
            w,
            &heatmap::Chart {
                h,
                colors: colors.clone(),
            },
        ),
        Keep::Chain(links) => chain::keep(w, links),
        Keep::Workflow(stages) => workflow::keep(w, stages),
        Keep::Plus(k, p) => room(w, k) + p,
        Keep::AtLeast(k, p) => room(w, k).max(*p),
    }
}

fn chart(w: &mut Writer, c: &Chart) {
    w.tags.begin("Figure", Some(c.describe()));
    draw_chart(w, c);
    w.end();
}

fn draw_chart(w: &mut Writer, c: &Chart) {
    match c {
        Chart::Heatmap(h, colors) => heatmap::draw(
            w,
            &heatmap::Chart {
                h,
                colors: colors.clone(),
            },
        ),
        Chart::Chain(links) => chain::draw(w, links),
        Chart::Radar(spokes, phase) => radar::draw(w, spokes, phase),
        Chart::Timeline(r) => {
            timeline::draw(w, r);
        }
        Chart::History(h) => history::draw(w, h),
        Chart::Workflow(stages) => workflow::draw(w, stages),
    }
}
