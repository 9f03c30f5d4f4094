//! The radar of the seven facets: the mean current stage against the mean target of a phase,
//! on rings for the five stages. Current is a solid line with round markers, target a dashed
//! line with square ones, so the two stay apart in greyscale.

use crate::export::pdf::canvas::Canvas;
use crate::export::pdf::fonts::Face;
use crate::export::pdf::layout::{Writer, MARGIN_X, WIDTH};
use crate::export::pdf::text::{self, Span};
use crate::export::pdf::theme::{Rgb, Style, INK, MUTED, NAVY, RULE, TEAL};

/// One spoke: a facet and its mean stages (`None` where nothing is scored or targeted).
#[derive(Debug, Clone)]
pub struct Spoke {
    pub name: String,
    pub current: Option<f64>,
    pub target: Option<f64>,
}

const RADIUS: f32 = 112.0;
/// Room above and below the web for the labels at the top and bottom spokes.
const LABEL_ROOM: f32 = 34.0;

pub fn height() -> f32 {
    2.0 * (RADIUS + LABEL_ROOM) + 24.0
}

fn at(cx: f32, cy: f32, angle: f32, r: f32) -> (f32, f32) {
    (cx + r * angle.cos(), cy + r * angle.sin())
}

fn value(v: Option<f64>) -> String {
    v.map_or("n/a".into(), crate::figures::StageMean::figure)
}

pub fn draw(w: &mut Writer, spokes: &[Spoke], phase: &str) {
    if spokes.len() < 3 {
        return;
    }
    w.ensure(height());
    let (cx, cy) = (MARGIN_X + WIDTH / 2.0, w.y + LABEL_ROOM + RADIUS);
    let n = spokes.len();
    let angle =
        |i: usize| -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / n as f32;
    let mut c = w.canvas();
    for stage in 1..=5 {
        let r = RADIUS * stage as f32 / 5.0;
        let ring: Vec<(f32, f32)> = (0..n).map(|i| at(cx, cy, angle(i), r)).collect();
        c.polyline(&ring, true, RULE, if stage == 5 { 0.8 } else { 0.5 }, None);
        c.label(
            cx + 3.0,
            cy - r + 8.0,
            12.0,
            0.0,
            Style::new(Face::Regular, 6.5, MUTED),
            &stage.to_string(),
        );
    }
    for i in 0..n {
        let (x, y) = at(cx, cy, angle(i), RADIUS);
        c.polyline(&[(cx, cy), (x, y)], false, RULE, 0.5, None);
    }
    let points = |pick: &dyn Fn(&Spoke) -> Option<f64>| -> Vec<(f32, f32)> {
        spokes
            .iter()
            .enumerate()
            .map(|(i, s)| {
                at(
                    cx,
                    cy,
                    angle(i),
                    RADIUS * pick(s).unwrap_or(0.0) as f32 / 5.0,
                )
            })
            .collect()
    };
    let target = points(&|s| s.target.or(s.current));
    let current = points(&|s| s.current);
    c.translucent(&target, TEAL);
    c.translucent(&current, NAVY);
    c.polyline(&target, true, TEAL, 1.6, Some(&[4.0, 2.5]));
    c.polyline(&current, true, NAVY, 1.6, None);
    for &(x, y) in &target {
        c.polygon(
            &[
                (x - 2.4, y - 2.4),
                (x + 2.4, y - 2.4),
                (x + 2.4, y + 2.4),
                (x - 2.4, y + 2.4),
            ],
            Some(TEAL),
            None,
        );
    }
    for &(x, y) in &current {
        c.round_rect(x - 2.6, y - 2.6, 5.2, 5.2, 2.6, NAVY);
    }
    for (i, s) in spokes.iter().enumerate() {
        label(&mut c, cx, cy, angle(i), s);
    }
    w.y = cy + RADIUS + LABEL_ROOM;
    legend(w, phase);
}

/// The facet's name and its two values, outside the web, anchored away from the centre.
fn label(c: &mut Canvas, cx: f32, cy: f32, a: f32, s: &Spoke) {
    let (x, y) = at(cx, cy, a, RADIUS + 10.0);
    let name = Style::new(Face::Bold, 7.8, INK);
    let values = Style::new(Face::Regular, 7.2, MUTED);
    let lines = text::wrap(c.fonts, &[Span::new(&s.name, name)], 96.0);
    let sub = format!("{} → {}", value(s.current), value(s.target));
    let sub_lines = text::wrap(c.fonts, &[Span::new(sub, values)], 96.0);
    let all: Vec<_> = lines.iter().chain(&sub_lines).collect();
    let h: f32 = all.iter().map(|l| l.height).sum();
    let (dx, dy) = (a.cos(), a.sin());
    // Left of centre the text ends at the point, right of it the text starts there; at the
    // top and bottom it is centred and stacked away from the web.
    let align = if dx > 0.3 {
        0.0
    } else if dx < -0.3 {
        1.0
    } else {
        0.5
    };
    let mut top = if dy < -0.3 {
        y - h
    } else if dy > 0.3 {
        y
    } else {
        y - h / 2.0
    };
    for l in all {
        c.draw_line(l, x - l.width * align, top);
        top += l.height;
    }
}

fn legend(w: &mut Writer, phase: &str) {
    let y = w.y + 4.0;
    let mut c = w.canvas();
    let items: [(Rgb, bool, String); 2] = [
        (
            NAVY,
            false,
            "Current stage (mean of the facet’s sub-facets)".into(),
        ),
        (TEAL, true, format!("Target for {phase}")),
    ];
    let style = Style::small();
    let widths: Vec<f32> = items
        .iter()
        .map(|i| 30.0 + c.fonts.width(style.face, style.size, &i.2))
        .collect();
    let total = widths.iter().sum::<f32>() + 18.0;
    let mut x = MARGIN_X + (WIDTH - total) / 2.0;
    for ((color, dashed, label), width) in items.iter().zip(&widths) {
        let dash: Option<&[f32]> = if *dashed { Some(&[4.0, 2.5]) } else { None };
        c.polyline(
            &[(x, y + 4.0), (x + 22.0, y + 4.0)],
            false,
            *color,
            1.6,
            dash,
        );
        c.text(x + 28.0, y + 7.0, style, label);
        x += width + 18.0;
    }
    w.y = y + 18.0;
}
