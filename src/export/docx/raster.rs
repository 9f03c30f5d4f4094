//! Charts as pictures for the Word file, drawn by the PDF's own chart code so the two agree:
//! the chart is laid out on one page tall enough to hold it, its drawing operations are
//! turned into SVG, and resvg rasterises that with the PDF's faces.

use super::xml::{esc, hex};
use crate::export::doc::charts::Chart;
use crate::export::doc::Block;
use crate::export::pdf::charts::{chain, heatmap, history, radar, timeline, workflow};
use crate::export::pdf::fonts::Fonts;
use crate::export::pdf::layout::{Sheet, Writer, MARGIN_X, PAGE_H, PAGE_W, TOP, WIDTH};
use crate::export::pdf::theme::Rgb;
use printpdf::{
    Color, ExtendedGraphicsStateId, LinePoint, Op, PaintMode, PdfFontHandle, TextItem, TextMatrix,
};
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

/// Pixels per point: 3 gives about 216 dots per inch, sharp on paper and on screen.
const SCALE: f32 = 3.0;
/// Room around the chart for strokes and labels that reach past its column.
const BLEED: f32 = 6.0;
/// The translucent fill's opacity, as the PDF's graphics state sets it.
const TRANSLUCENT: f32 = 0.16;

pub struct Picture {
    pub png: Vec<u8>,
    /// The drawing's size in points.
    pub width: f32,
    pub height: f32,
}

/// Where a chart sits in the model, to find its picture drawn ahead.
pub fn key(c: &Chart) -> usize {
    c as *const Chart as usize
}

/// The pictures of every chart the Word file shows as one (all but the heatmap), drawn on
/// as many threads as the machine has cores: a plan with a history chart per measure has
/// hundreds. Each picture depends on its chart alone, so the file is the same either way.
pub fn draw_all(blocks: &[Block]) -> HashMap<usize, Option<Picture>> {
    fn charts<'b, 'a>(blocks: &'b [Block<'a>], out: &mut Vec<&'b Chart<'a>>) {
        for b in blocks {
            match b {
                Block::Chart(Chart::Heatmap(..)) => {}
                Block::Chart(c) => out.push(c),
                // The Word file writes a choice's roomy branch and a settled one-page part.
                Block::Choice { roomy, .. } => charts(roomy, out),
                Block::OnePage(tries) => {
                    if let Some(t) = tries.first() {
                        charts(t, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut all = Vec::new();
    charts(blocks, &mut all);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = all.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        let jobs: Vec<_> = all
            .chunks(per)
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|c| (key(c), picture(c)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        jobs.into_iter()
            .flat_map(|j| j.join().unwrap_or_default())
            .collect()
    })
}

/// A chart as a PNG, or `None` when it draws nothing.
pub fn picture(c: &Chart) -> Option<Picture> {
    let fonts = Fonts::get().ok()?;
    // One page as tall as the chart needs: the chart code never breaks it.
    let sheet = Sheet {
        w: PAGE_W,
        h: 50_000.0,
    };
    let mut w = Writer::new(
        fonts,
        ExtendedGraphicsStateId("GSTRANSLUCENT".into()),
        sheet,
    );
    match c {
        Chart::Heatmap(h, colors) => heatmap::draw(
            &mut w,
            &heatmap::Chart {
                h,
                colors: colors.clone(),
            },
        ),
        Chart::Chain(links) => chain::draw(&mut w, links),
        Chart::Radar(spokes, phase) => radar::draw(&mut w, spokes, phase),
        Chart::Timeline(r) => {
            if !timeline::draw(&mut w, r) {
                return None;
            }
        }
        Chart::History(h) => history::draw(&mut w, h),
        Chart::Workflow(stages) => workflow::draw(&mut w, stages),
    }
    let page = w.pages.first()?;
    let (x0, y0) = (MARGIN_X - BLEED, TOP - BLEED);
    let (width, height) = (WIDTH + 2.0 * BLEED, w.y - TOP + 2.0 * BLEED);
    if height <= 2.0 * BLEED {
        return None;
    }
    let svg = svg(&page.ops, x0, y0, width, height);
    let png = rasterise(&svg, width, height)?;
    Some(Picture { png, width, height })
}

fn color(c: &Color) -> String {
    match c {
        Color::Rgb(rgb) => hex(Rgb(rgb.r, rgb.g, rgb.b)),
        Color::Greyscale(g) => hex(Rgb(g.percent, g.percent, g.percent)),
        _ => "000000".into(),
    }
}

/// The top-left coordinates the chart code drew in, from the PDF's bottom-left ones.
fn point(p: &LinePoint) -> (f32, f32) {
    (p.p.x.0, PAGE_H - p.p.y.0)
}

/// A path through points, where two control points before a point make a cubic curve to it.
fn path(points: &[LinePoint], closed: bool) -> String {
    let mut d = String::new();
    let mut i = 0;
    while i < points.len() {
        let (x, y) = point(&points[i]);
        if i == 0 {
            let _ = write!(d, "M{x:.2} {y:.2}");
            i += 1;
        } else if points[i].bezier && i + 2 < points.len() {
            let (x2, y2) = point(&points[i + 1]);
            let (x3, y3) = point(&points[i + 2]);
            let _ = write!(d, "C{x:.2} {y:.2} {x2:.2} {y2:.2} {x3:.2} {y3:.2}");
            i += 3;
        } else {
            let _ = write!(d, "L{x:.2} {y:.2}");
            i += 1;
        }
    }
    if closed {
        d.push('Z');
    }
    d
}

struct Pen {
    fill: String,
    stroke: String,
    width: f32,
    dash: Vec<f32>,
    opacity: f32,
    font: (&'static str, u16, &'static str),
    size: f32,
    at: (f32, f32),
}

/// The family, weight and style each of the PDF's font resources stands for.
fn face(handle: &PdfFontHandle) -> (&'static str, u16, &'static str) {
    let PdfFontHandle::External(id) = handle else {
        return ("Noto Sans", 400, "normal");
    };
    match id.0.as_str() {
        "NOTOSB" => ("Noto Sans", 700, "normal"),
        "NOTOSI" => ("Noto Sans", 400, "italic"),
        "NOTOHE" => ("Noto Sans Hebrew", 400, "normal"),
        "NOTOAR" => ("Noto Sans Arabic", 400, "normal"),
        "NOTOCJ" => ("Noto Sans CJK JP", 400, "normal"),
        "SYMBOL" => ("Symbola", 400, "normal"),
        _ => ("Noto Sans", 400, "normal"),
    }
}

fn paint(pen: &Pen, mode: PaintMode) -> String {
    let dash = if pen.dash.is_empty() {
        String::new()
    } else {
        let d: Vec<String> = pen.dash.iter().map(|v| format!("{v}")).collect();
        format!(" stroke-dasharray=\"{}\"", d.join(" "))
    };
    let stroke = format!(
        " stroke=\"#{}\" stroke-width=\"{}\"{dash}",
        pen.stroke, pen.width
    );
    let fill = format!(" fill=\"#{}\" fill-opacity=\"{}\"", pen.fill, pen.opacity);
    match mode {
        PaintMode::Stroke => format!(" fill=\"none\"{stroke}"),
        PaintMode::FillStroke => format!("{fill}{stroke}"),
        _ => fill,
    }
}

/// The drawing operations of one page as SVG, cropped to the box at (`x0`, `y0`).
fn svg(ops: &[Op], x0: f32, y0: f32, width: f32, height: f32) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"{x0} {y0} {width} {height}\">\
<rect x=\"{x0}\" y=\"{y0}\" width=\"{width}\" height=\"{height}\" fill=\"#FFFFFF\"/>"
    );
    let mut pen = Pen {
        fill: "000000".into(),
        stroke: "000000".into(),
        width: 1.0,
        dash: Vec::new(),
        opacity: 1.0,
        font: ("Noto Sans", 400, "normal"),
        size: 10.0,
        at: (0.0, 0.0),
    };
    let mut saved: Vec<f32> = Vec::new();
    for op in ops {
        match op {
            Op::SetFillColor { col } => pen.fill = color(col),
            Op::SetOutlineColor { col } => pen.stroke = color(col),
            Op::SetOutlineThickness { pt } => pen.width = pt.0,
            Op::SetLineDashPattern { dash } => pen.dash = dash.pattern.to_vec(),
            Op::SaveGraphicsState => saved.push(pen.opacity),
            Op::RestoreGraphicsState => pen.opacity = saved.pop().unwrap_or(1.0),
            Op::LoadGraphicsState { .. } => pen.opacity = TRANSLUCENT,
            Op::DrawRectangle { rectangle: r } => {
                let top = PAGE_H - r.y.0 - r.height.0;
                let _ = write!(
                    out,
                    "<rect x=\"{:.2}\" y=\"{top:.2}\" width=\"{:.2}\" height=\"{:.2}\"{}/>",
                    r.x.0,
                    r.width.0,
                    r.height.0,
                    paint(&pen, r.mode.unwrap_or(PaintMode::Fill))
                );
            }
            Op::DrawPolygon { polygon } => {
                let d: String = polygon
                    .rings
                    .iter()
                    .map(|r| path(&r.points, true))
                    .collect();
                let _ = write!(out, "<path d=\"{d}\"{}/>", paint(&pen, polygon.mode));
            }
            Op::DrawLine { line } => {
                let _ = write!(
                    out,
                    "<path d=\"{}\"{} stroke-linejoin=\"round\"/>",
                    path(&line.points, line.is_closed),
                    paint(&pen, PaintMode::Stroke)
                );
            }
            Op::SetFont { font, size } => {
                pen.font = face(font);
                pen.size = size.0;
            }
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(x, y),
            } => pen.at = (x.0, PAGE_H - y.0),
            Op::ShowText { items } => {
                let text: String = items
                    .iter()
                    .filter_map(|i| match i {
                        TextItem::Text(t) => Some(t.as_str()),
                        _ => None,
                    })
                    .collect();
                let (family, weight, style) = pen.font;
                // The pieces arrive in visual order, already shaped: drawn left to right.
                let _ = write!(
                    out,
                    "<text x=\"{:.2}\" y=\"{:.2}\" font-family=\"{family}\" font-weight=\"{weight}\" font-style=\"{style}\" font-size=\"{}\" fill=\"#{}\" xml:space=\"preserve\" direction=\"ltr\" unicode-bidi=\"bidi-override\">{}</text>",
                    pen.at.0,
                    pen.at.1,
                    pen.size,
                    pen.fill,
                    esc(&text)
                );
            }
            _ => {}
        }
    }
    out.push_str("</svg>");
    out
}

/// The faces loaded once for every picture.
fn options() -> &'static resvg::usvg::Options<'static> {
    static OPTIONS: OnceLock<resvg::usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut options = resvg::usvg::Options {
            font_family: "Noto Sans".into(),
            ..Default::default()
        };
        let db = options.fontdb_mut();
        for (_, bytes) in Fonts::faces() {
            db.load_font_data(bytes.into_owned());
        }
        options
    })
}

fn rasterise(svg: &str, width: f32, height: f32) -> Option<Vec<u8>> {
    let tree = resvg::usvg::Tree::from_str(svg, options()).ok()?;
    let (pw, ph) = (
        (width * SCALE).ceil() as u32,
        (height * SCALE).ceil() as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(pw, ph)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().ok()
}
