//! Each measure's check-ins as a small line chart, three to a row under its goal's table: the
//! values over time, with the on-track value, the red line and the target drawn across, so a
//! reader sees the trend and not only the latest value (the app draws the same chart).

use crate::export::pdf::fonts::{Face, Fonts};
use crate::export::pdf::layout::{Writer, MARGIN_X, WIDTH};
use crate::export::pdf::sections::short_date;
use crate::export::pdf::theme::{Rgb, Style, INK, MUTED, NAVY, RULE, WHITE};
use crate::figures::number;
use crate::model::{CheckIn, Measure};

const PER_ROW: usize = 3;
const GUTTER: f32 = 14.0;
/// Two lines of title.
const TITLE: f32 = 19.0;
const PLOT_H: f32 = 52.0;
const AXIS_W: f32 = 30.0;
const DATES: f32 = 11.0;
/// The height of one chart: its title, the plot and the dates under it.
const HEIGHT: f32 = TITLE + 4.0 + PLOT_H + DATES;

const ON_TRACK: Rgb = Rgb::hex(0x2E7D4F);
const RED_LINE: Rgb = Rgb::hex(0xA62E2E);
const TARGET: Rgb = Rgb::hex(0x1B4F72);

/// One measure with its check-ins, oldest first.
#[derive(Debug, Clone)]
pub struct History<'a> {
    pub measure: &'a Measure,
    pub check_ins: Vec<&'a CheckIn>,
}

/// How much room the charts take, for keeping them with what comes before.
pub fn height(n: usize) -> f32 {
    let rows = n.div_ceil(PER_ROW);
    rows as f32 * HEIGHT + rows.saturating_sub(1) as f32 * GUTTER
}

pub fn draw(w: &mut Writer, charts: &[History]) {
    let charts: Vec<&History> = charts.iter().filter(|h| !h.check_ins.is_empty()).collect();
    if charts.is_empty() {
        return;
    }
    let cw = (WIDTH - GUTTER * (PER_ROW - 1) as f32) / PER_ROW as f32;
    for row in charts.chunks(PER_ROW) {
        w.ensure(HEIGHT + 4.0);
        let top = w.y;
        let title = Style::new(Face::Bold, 7.4, NAVY);
        let titles: Vec<(String, String)> = row
            .iter()
            .map(|h| two_lines(w.fonts, &h.measure.indicator, title, cw))
            .collect();
        let mut c = w.canvas();
        for (i, (h, (first, second))) in row.iter().zip(&titles).enumerate() {
            let x = MARGIN_X + i as f32 * (cw + GUTTER);
            c.label(x, top + 7.5, cw, 0.0, title, first);
            c.label(x, top + 16.5, cw, 0.0, title, second);
            plot(&mut c, h, x, top + TITLE + 4.0, cw);
        }
        w.y = top + HEIGHT + GUTTER;
    }
    w.y -= GUTTER - 4.0;
}

fn plot(c: &mut crate::export::pdf::canvas::Canvas<'_>, h: &History, x: f32, top: f32, width: f32) {
    let m = h.measure;
    let mut values: Vec<f64> = h.check_ins.iter().map(|c| c.value).collect();
    values.extend([m.on_track_at, m.red_line, m.target].into_iter().flatten());
    let mut min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let mut max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if min == max {
        min -= 1.0;
        max += 1.0;
    }
    let left = x + AXIS_W;
    let right = x + width - 4.0;
    let bottom = top + PLOT_H;
    let y = |v: f64| top + ((max - v) / (max - min)) as f32 * PLOT_H;
    let first = h.check_ins[0].date;
    let last = h.check_ins[h.check_ins.len() - 1].date;
    let span = (last - first).num_days() as f32;
    let px = |d: chrono::NaiveDate| {
        if span == 0.0 {
            (left + right) / 2.0
        } else {
            left + (d - first).num_days() as f32 / span * (right - left)
        }
    };
    c.fill_rect(left, top, right - left, PLOT_H, Rgb::hex(0xF6F8FA));
    c.hline(left, right, bottom, RULE, 0.8);
    c.polyline(&[(left, top), (left, bottom)], false, RULE, 0.8, None);
    let tick = Style::new(Face::Regular, 6.4, MUTED);
    let unit = if m.unit.trim() == "%" { "%" } else { "" };
    c.label(
        x,
        top + 5.0,
        AXIS_W - 3.0,
        1.0,
        tick,
        &format!("{}{unit}", number(max)),
    );
    c.label(
        x,
        bottom,
        AXIS_W - 3.0,
        1.0,
        tick,
        &format!("{}{unit}", number(min)),
    );
    if let Some(t) = m.target {
        c.polyline(
            &[(left, y(t)), (right, y(t))],
            false,
            TARGET,
            0.8,
            Some(&[1.5, 2.0]),
        );
    }
    if let Some(on) = m.on_track_at {
        c.polyline(
            &[(left, y(on)), (right, y(on))],
            false,
            ON_TRACK,
            1.0,
            Some(&[4.0, 2.0]),
        );
    }
    if let Some(red) = m.red_line {
        c.hline(left, right, y(red), RED_LINE, 1.2);
    }
    let pts: Vec<(f32, f32)> = h
        .check_ins
        .iter()
        .map(|k| (px(k.date), y(k.value)))
        .collect();
    if pts.len() > 1 {
        c.polyline(&pts, false, INK, 1.3, None);
    }
    for &(cx, cy) in &pts {
        c.polygon(&diamond(cx, cy, 2.4), Some(WHITE), Some((INK, 1.0)));
    }
    let dates = Style::new(Face::Regular, 6.4, MUTED);
    let half = (right - left) / 2.0;
    if pts.len() > 1 {
        c.label(left, bottom + 8.5, half, 0.0, dates, &short_date(first));
        c.label(
            left + half,
            bottom + 8.5,
            half,
            1.0,
            dates,
            &short_date(last),
        );
    } else {
        c.label(
            left,
            bottom + 8.5,
            right - left,
            0.5,
            dates,
            &short_date(first),
        );
    }
}

/// A title on at most two lines, broken between words; what the second cannot hold is cut
/// with an ellipsis by the label that draws it.
fn two_lines(fonts: &Fonts, text: &str, style: Style, width: f32) -> (String, String) {
    let mut first = String::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.peek() {
        let tried = if first.is_empty() {
            word.to_string()
        } else {
            format!("{first} {word}")
        };
        if fonts.width(style.face, style.size, &tried) > width && !first.is_empty() {
            break;
        }
        first = tried;
        words.next();
    }
    (first, words.collect::<Vec<_>>().join(" "))
}

/// A small diamond around a point: a check-in's mark.
fn diamond(x: f32, y: f32, r: f32) -> [(f32, f32); 4] {
    [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
}
