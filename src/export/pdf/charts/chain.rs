//! A badge pathway as a chain of boxes: each badge in the order an earner takes it, with its
//! level under its name, joined by arrows to the credential they stack to, drawn last and
//! filled so the eye lands on it. Four boxes to a row; a longer chain turns down to the next.

use crate::export::pdf::canvas::Canvas;
use crate::export::pdf::fonts::Face;
use crate::export::pdf::layout::{Writer, MARGIN_X, TOP, WIDTH};
use crate::export::pdf::text::{self, Line, Span};
use crate::export::pdf::theme::{Style, MUTED, NAVY, PANEL, TEAL, TEAL_LIGHT, WHITE};

/// One box of the chain: a badge, or the credential at its end.
#[derive(Debug, Clone)]
pub struct Link {
    pub name: String,
    /// A badge's level, or what the credential is ("Credential").
    pub detail: String,
}

const PER_ROW: usize = 4;
const GUTTER: f32 = 20.0;
const ROW_GAP: f32 = 20.0;
const PAD: f32 = 6.0;

fn lay(w: &Writer, link: &Link, width: f32, last: bool) -> Vec<Line> {
    let inner = width - 2.0 * PAD;
    let (name_ink, detail_ink) = if last {
        (WHITE, TEAL_LIGHT)
    } else {
        (NAVY, MUTED)
    };
    let mut lines = text::wrap(
        w.fonts,
        &[Span::new(&link.name, Style::new(Face::Bold, 8.6, name_ink))],
        inner,
    );
    if !link.detail.is_empty() {
        lines.push(Line::blank(2.0));
        lines.extend(text::wrap(
            w.fonts,
            &[Span::new(
                &link.detail,
                Style::new(Face::Regular, 7.4, detail_ink),
            )],
            inner,
        ));
    }
    lines
}

/// The boxes' width, each link laid out, and each row's first link and height.
type Laid = (f32, Vec<Vec<Line>>, Vec<(usize, f32)>);

fn lay_all(w: &Writer, links: &[Link]) -> Laid {
    let per_row = links.len().clamp(1, PER_ROW);
    let bw = (WIDTH - GUTTER * (PER_ROW - 1) as f32) / PER_ROW as f32;
    let laid: Vec<Vec<Line>> = links
        .iter()
        .enumerate()
        .map(|(i, l)| lay(w, l, bw, i + 1 == links.len()))
        .collect();
    let rows = laid
        .chunks(per_row)
        .enumerate()
        .map(|(r, chunk)| {
            let h = chunk.iter().map(|l| text::height(l)).fold(0.0, f32::max) + 2.0 * PAD;
            (r * per_row, h)
        })
        .collect();
    (bw, laid, rows)
}

fn total(rows: &[(usize, f32)]) -> f32 {
    rows.iter().map(|r| r.1).sum::<f32>() + ROW_GAP * rows.len().saturating_sub(1) as f32
}

/// The room the chain needs, so a heading before it keeps it on the same page.
pub fn keep(w: &Writer, links: &[Link]) -> f32 {
    if links.is_empty() {
        return 0.0;
    }
    let (_, _, rows) = lay_all(w, links);
    total(&rows).min(w.bottom() - TOP) + 6.0
}

fn arrow(c: &mut Canvas, from: (f32, f32), to: (f32, f32)) {
    c.polyline(&[from, (to.0 - 4.0, to.1)], false, TEAL, 1.2, None);
    c.polygon(
        &[
            (to.0, to.1),
            (to.0 - 6.0, to.1 - 3.2),
            (to.0 - 6.0, to.1 + 3.2),
        ],
        Some(TEAL),
        None,
    );
}

pub fn draw(w: &mut Writer, links: &[Link]) {
    if links.is_empty() {
        return;
    }
    let (bw, laid, rows) = lay_all(w, links);
    let per_row = links.len().clamp(1, PER_ROW);
    if total(&rows) <= w.bottom() - TOP {
        w.ensure(total(&rows) + 6.0);
    }
    let mut previous: Option<(f32, f32)> = None;
    for (start, h) in rows {
        w.ensure(h);
        let y = w.y;
        let mut c = w.canvas();
        // From the end of the row above, down and back to the start of this one.
        if let Some((px, pbottom)) = previous.filter(|p| p.1 < y) {
            let mid = pbottom + (y - pbottom) / 2.0;
            let fx = MARGIN_X + bw / 2.0;
            c.polyline(
                &[(px, pbottom), (px, mid), (fx, mid), (fx, y - 5.0)],
                false,
                TEAL,
                1.2,
                None,
            );
            c.polygon(
                &[(fx, y - 0.5), (fx - 3.2, y - 6.0), (fx + 3.2, y - 6.0)],
                Some(TEAL),
                None,
            );
        }
        let end = (start + per_row).min(links.len());
        for (i, lines) in laid.iter().enumerate().take(end).skip(start) {
            let x = MARGIN_X + (i - start) as f32 * (bw + GUTTER);
            let last = i + 1 == links.len();
            if last {
                c.round_box(x, y, bw, h, NAVY, NAVY);
            } else {
                c.round_box(x, y, bw, h, PANEL, TEAL);
            }
            let mut top = y + PAD;
            for l in lines {
                c.draw_line(l, x + PAD, top);
                top += l.height;
            }
            if i + 1 < end {
                let ay = y + h / 2.0;
                arrow(&mut c, (x + bw + 2.0, ay), (x + bw + GUTTER - 2.0, ay));
            }
        }
        previous = Some((
            MARGIN_X + (end - 1 - start) as f32 * (bw + GUTTER) + bw / 2.0,
            y + h,
        ));
        w.y += h + ROW_GAP;
    }
    w.y -= ROW_GAP - 8.0;
}
