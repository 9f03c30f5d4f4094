//! The badge request workflow as a diagram: numbered stage boxes left to right, three to a
//! row, joined by arrows, with who is responsible and how long each stage takes.

use crate::export::pdf::canvas::Canvas;
use crate::export::pdf::fonts::Face;
use crate::export::pdf::layout::{Writer, MARGIN_X, TOP, WIDTH};
use crate::export::pdf::text::{self, Line, Span};
use crate::export::pdf::theme::{Rgb, Style, INK, MUTED, NAVY, PANEL, TEAL, WHITE};

#[derive(Debug, Clone)]
pub struct Stage {
    pub name: String,
    pub responsible: String,
    pub time: String,
}

const PER_ROW: usize = 3;
const GUTTER: f32 = 26.0;
const ROW_GAP: f32 = 26.0;
const PAD: f32 = 7.0;
const BADGE: f32 = 15.0;

fn lay(w: &Writer, s: &Stage, width: f32) -> Vec<Line> {
    let inner = width - 2.0 * PAD;
    let mut lines = text::wrap(
        w.fonts,
        &[Span::new(&s.name, Style::new(Face::Bold, 9.0, NAVY))],
        inner - BADGE - 5.0,
    );
    lines.push(Line::blank(3.0));
    let small = Style::new(Face::Regular, 7.4, MUTED);
    let who = if s.responsible.is_empty() {
        "not assigned yet"
    } else {
        &s.responsible
    };
    lines.extend(text::wrap(
        w.fonts,
        &[
            Span::new("Responsible: ", small.colored(INK)),
            Span::new(who, small),
        ],
        inner,
    ));
    if !s.time.is_empty() {
        lines.extend(text::wrap(
            w.fonts,
            &[
                Span::new("Time: ", small.colored(INK)),
                Span::new(&s.time, small),
            ],
            inner,
        ));
    }
    lines
}

fn arrow_head(c: &mut Canvas, x: f32, y: f32, dir: (f32, f32)) {
    let (dx, dy) = dir;
    let (px, py) = (-dy, dx);
    let back = (x - dx * 6.0, y - dy * 6.0);
    c.polygon(
        &[
            (x, y),
            (back.0 + px * 3.2, back.1 + py * 3.2),
            (back.0 - px * 3.2, back.1 - py * 3.2),
        ],
        Some(TEAL),
        None,
    );
}

/// The boxes' width, each stage laid out in its box, and each row of boxes' first stage and
/// height.
type Laid = (f32, Vec<Vec<Line>>, Vec<(usize, f32)>);

fn lay_all(w: &Writer, stages: &[Stage]) -> Laid {
    let per_row = stages.len().min(PER_ROW);
    let bw = (WIDTH - GUTTER * (per_row - 1) as f32) / per_row as f32;
    let laid: Vec<Vec<Line>> = stages.iter().map(|s| lay(w, s, bw)).collect();
    let rows: Vec<(usize, f32)> = laid
        .chunks(per_row)
        .enumerate()
        .map(|(r, chunk)| {
            let h = chunk.iter().map(|l| text::height(l)).fold(BADGE, f32::max) + 2.0 * PAD;
            (r * per_row, h)
        })
        .collect();
    (bw, laid, rows)
}

fn total(rows: &[(usize, f32)]) -> f32 {
    rows.iter().map(|r| r.1).sum::<f32>() + ROW_GAP * rows.len().saturating_sub(1) as f32
}

/// The room the diagram needs where it starts: all of it when one page holds it (it is kept
/// whole), else its first row of boxes. A heading before it keeps this much.
pub fn keep(w: &Writer, stages: &[Stage]) -> f32 {
    if stages.is_empty() {
        return 0.0;
    }
    let (_, _, rows) = lay_all(w, stages);
    let total = total(&rows);
    if total <= w.bottom() - TOP {
        total + 6.0
    } else {
        rows.first().map_or(0.0, |r| r.1)
    }
}

pub fn draw(w: &mut Writer, stages: &[Stage]) {
    if stages.is_empty() {
        return;
    }
    let per_row = stages.len().min(PER_ROW);
    let (bw, laid, rows) = lay_all(w, stages);
    if total(&rows) <= w.bottom() - TOP {
        w.ensure(total(&rows) + 6.0);
    }
    let line_color: Rgb = TEAL;
    let mut previous: Option<(f32, f32)> = None;
    for (start, h) in rows {
        w.ensure(h);
        let y = w.y;
        let mut c = w.canvas();
        // From the last box of the row above: down, across, and into the first box of this one.
        if let Some((px, pbottom)) = previous.filter(|p| p.1 < y) {
            let mid = pbottom + (y - pbottom) / 2.0;
            let fx = MARGIN_X + bw / 2.0;
            c.polyline(
                &[(px, pbottom), (px, mid), (fx, mid), (fx, y - 1.0)],
                false,
                line_color,
                1.2,
                None,
            );
            arrow_head(&mut c, fx, y - 0.5, (0.0, 1.0));
        }
        let end = (start + per_row).min(stages.len());
        for (i, lines) in laid.iter().enumerate().take(end).skip(start) {
            let x = MARGIN_X + (i - start) as f32 * (bw + GUTTER);
            c.round_box(x, y, bw, h, PANEL, TEAL);
            c.round_rect(x + PAD, y + PAD, BADGE, BADGE, BADGE / 2.0, TEAL);
            c.label(
                x + PAD,
                y + PAD + 10.6,
                BADGE,
                0.5,
                Style::new(Face::Bold, 8.0, WHITE),
                &(i + 1).to_string(),
            );
            let mut top = y + PAD + 1.0;
            for (k, l) in lines.iter().enumerate() {
                // The name sits beside the number; the details run the full width under it.
                let indent = if k < name_lines(lines) {
                    BADGE + 5.0
                } else {
                    0.0
                };
                c.draw_line(l, x + PAD + indent, top);
                top += l.height;
            }
            if i + 1 < end {
                let ay = y + h / 2.0;
                c.polyline(
                    &[(x + bw + 2.0, ay), (x + bw + GUTTER - 3.0, ay)],
                    false,
                    line_color,
                    1.2,
                    None,
                );
                arrow_head(&mut c, x + bw + GUTTER - 1.5, ay, (1.0, 0.0));
            }
        }
        previous = Some((
            MARGIN_X + (end - 1 - start) as f32 * (bw + GUTTER) + bw / 2.0,
            y + h,
        ));
        w.y += h + ROW_GAP;
    }
    w.y -= ROW_GAP - 10.0;
}

/// How many of a box's lines are the stage name (they come before the blank spacer).
fn name_lines(lines: &[Line]) -> usize {
    lines
        .iter()
        .position(|l| l.runs.is_empty())
        .unwrap_or(lines.len())
}
