//! Drawing on one page in top-left coordinates: PDF's origin is the bottom-left corner, and
//! the flip happens here and nowhere else. Rectangles, rounded labels, lines, translucent
//! areas, text runs, the symbols the font lacks, and links.

use super::fonts::Fonts;
use super::layout::{Sheet, PAGE_H};
use super::text::{self, Content, Line, Symbol, PILL_PAD};
use super::theme::{Rgb, Style};
use printpdf::{
    Actions, BorderArray, Destination, ExtendedGraphicsStateId, Line as PdfLine, LineDashPattern,
    LinePoint, LinkAnnotation, Op, PaintMode, Point, Polygon, PolygonRing, Pt, Rect, TextItem,
    TextMatrix, WindingOrder,
};

pub struct Canvas<'a> {
    pub ops: &'a mut Vec<Op>,
    pub fonts: &'a Fonts,
    pub alpha: &'a ExtendedGraphicsStateId,
    /// The paper: link areas are placed on it directly, outside the drawing's shift.
    pub sheet: Sheet,
}

fn pt(x: f32, top: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(PAGE_H - top),
        },
        bezier: false,
    }
}

fn ctl(x: f32, top: f32) -> LinePoint {
    LinePoint {
        bezier: true,
        ..pt(x, top)
    }
}

impl Canvas<'_> {
    pub fn fill_rect(&mut self, x: f32, top: f32, w: f32, h: f32, color: Rgb) {
        self.ops.push(Op::SetFillColor { col: color.color() });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(PAGE_H - top - h),
                width: Pt(w),
                height: Pt(h),
                // printpdf paints nothing for a rectangle without a mode.
                mode: Some(PaintMode::Fill),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    pub fn stroke_rect(&mut self, x: f32, top: f32, w: f32, h: f32, color: Rgb, width: f32) {
        let pts = [(x, top), (x + w, top), (x + w, top + h), (x, top + h)];
        self.polyline(&pts, true, color, width, None);
    }

    /// A filled rectangle with rounded corners (labels, markers, bars).
    pub fn round_rect(&mut self, x: f32, top: f32, w: f32, h: f32, r: f32, fill: Rgb) {
        self.rounded([x, top, w, h, r], Some(fill), None);
    }

    /// A diagram box: rounded, filled and outlined.
    pub fn round_box(&mut self, x: f32, top: f32, w: f32, h: f32, fill: Rgb, stroke: Rgb) {
        self.rounded([x, top, w, h, 5.0], Some(fill), Some((stroke, 0.9)));
    }

    /// `b` is x, top, width, height and corner radius.
    fn rounded(&mut self, b: [f32; 5], fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
        let [x, top, w, h, r] = b;
        let r = r.min(w / 2.0).min(h / 2.0);
        // Handles 0.45 r from the corner (1 − 0.552) make each corner a close quarter circle.
        let k = r * 0.45;
        let (x2, y2) = (x + w, top + h);
        let points = vec![
            pt(x + r, top),
            pt(x2 - r, top),
            ctl(x2 - k, top),
            ctl(x2, top + k),
            pt(x2, top + r),
            pt(x2, y2 - r),
            ctl(x2, y2 - k),
            ctl(x2 - k, y2),
            pt(x2 - r, y2),
            pt(x + r, y2),
            ctl(x + k, y2),
            ctl(x, y2 - k),
            pt(x, y2 - r),
            pt(x, top + r),
            ctl(x, top + k),
            ctl(x + k, top),
            pt(x + r, top),
        ];
        self.shape(points, fill, stroke);
    }

    fn shape(&mut self, points: Vec<LinePoint>, fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
        if let Some(f) = fill {
            self.ops.push(Op::SetFillColor { col: f.color() });
        }
        if let Some((c, w)) = stroke {
            self.ops.push(Op::SetOutlineColor { col: c.color() });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(w) });
        }
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (None, Some(_)) => PaintMode::Stroke,
            _ => PaintMode::Fill,
        };
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    pub fn polygon(&mut self, pts: &[(f32, f32)], fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
        let points = pts.iter().map(|&(x, y)| pt(x, y)).collect();
        self.shape(points, fill, stroke);
    }

    /// A filled polygon seen through: the radar's target area must not hide the current one.
    pub fn translucent(&mut self, pts: &[(f32, f32)], fill: Rgb) {
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::LoadGraphicsState {
            gs: self.alpha.clone(),
        });
        self.polygon(pts, Some(fill), None);
        self.ops.push(Op::RestoreGraphicsState);
    }

    pub fn polyline(
        &mut self,
        pts: &[(f32, f32)],
        closed: bool,
        color: Rgb,
        width: f32,
        dash: Option<&[f32]>,
    ) {
        self.ops.push(Op::SetOutlineColor { col: color.color() });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        if let Some(d) = dash {
            self.ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, d),
            });
        }
        self.ops.push(Op::DrawLine {
            line: PdfLine {
                points: pts.iter().map(|&(x, y)| pt(x, y)).collect(),
                is_closed: closed,
            },
        });
        if dash.is_some() {
            self.ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, &[]),
            });
        }
    }

    pub fn hline(&mut self, x1: f32, x2: f32, top: f32, color: Rgb, width: f32) {
        self.polyline(&[(x1, top), (x2, top)], false, color, width, None);
    }

    /// Text that the caller has already fitted (one run, no wrapping), in logical order: it
    /// is drawn in visual order, each piece in the font that has its glyphs.
    pub fn text(&mut self, x: f32, baseline: f32, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        let visual = super::shaping::visual(text);
        let mut x = x;
        for (font, piece, width) in self.fonts.segments(style.face, style.size, &visual) {
            self.ops.extend([
                Op::StartTextSection,
                Op::SetFont {
                    font: self.fonts.handle_of(font),
                    size: Pt(style.size),
                },
                Op::SetFillColor {
                    col: style.color.color(),
                },
                Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(x), Pt(PAGE_H - baseline)),
                },
                Op::ShowText {
                    items: vec![TextItem::Text(piece)],
                },
                Op::EndTextSection,
            ]);
            x += width;
        }
    }

    /// A single line of plain text in one style, cut with an ellipsis if it is too wide,
    /// aligned within `width` from `x`: 0 left, 0.5 centre, 1 right.
    pub fn label(
        &mut self,
        x: f32,
        baseline: f32,
        width: f32,
        align: f32,
        style: Style,
        text: &str,
    ) {
        let text = text::fit(self.fonts, text, style, width);
        let w = self.fonts.width(style.face, style.size, &text);
        self.text(x + (width - w) * align, baseline, style, &text);
    }

    /// A wrapped line at `x`, its box starting at `top`.
    pub fn draw_line(&mut self, line: &Line, x: f32, top: f32) {
        let baseline = top + line.baseline;
        // Backgrounds first: a label made of a symbol and text is two runs whose padded
        // backgrounds overlap, and the second must not paint over the first one's symbol.
        for run in &line.runs {
            let s = run.style;
            if let Some(bg) = s.background {
                let pad = PILL_PAD * s.size;
                let h = s.size * 1.32;
                self.round_rect(
                    x + run.x - pad,
                    baseline - s.size * 0.98,
                    run.width + 2.0 * pad,
                    h,
                    s.size * 0.35,
                    bg,
                );
            }
        }
        for run in &line.runs {
            let s = run.style;
            match &run.content {
                Content::Text(t) => self.text(x + run.x, baseline, s, t),
                Content::Symbol(sym) => self.symbol(*sym, x + run.x, baseline, s.size, s.color),
            }
        }
    }

    /// The symbols the font has no glyph for, drawn: an arrow, a tick, an empty box.
    pub fn symbol(&mut self, sym: Symbol, x: f32, baseline: f32, size: f32, color: Rgb) {
        let mid = baseline - size * 0.33;
        match sym {
            Symbol::Arrow => {
                let (x1, x2) = (x + size * 0.12, x + size * 0.86);
                self.polyline(
                    &[(x1, mid), (x2 - size * 0.1, mid)],
                    false,
                    color,
                    size * 0.075,
                    None,
                );
                let head = [
                    (x2, mid),
                    (x2 - size * 0.3, mid - size * 0.2),
                    (x2 - size * 0.3, mid + size * 0.2),
                ];
                self.polygon(&head, Some(color), None);
            }
            Symbol::Tick => self.tick(x + size * 0.05, baseline - size * 0.72, size * 0.7, color),
            Symbol::Missing => self.stroke_rect(
                x + size * 0.08,
                baseline - size * 0.7,
                size * 0.44,
                size * 0.7,
                color,
                0.5,
            ),
        }
    }

    /// A tick mark in a `s`-point square whose top-left is (`x`, `top`).
    pub fn tick(&mut self, x: f32, top: f32, s: f32, color: Rgb) {
        let pts = [
            (x + s * 0.1, top + s * 0.55),
            (x + s * 0.38, top + s * 0.85),
            (x + s * 0.92, top + s * 0.15),
        ];
        self.polyline(&pts, false, color, s * 0.16, None);
    }

    /// A link over a rectangle to the top of a page (1-based, as printpdf numbers them).
    pub fn link(&mut self, x: f32, top: f32, w: f32, h: f32, page: usize) {
        self.ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                Rect::from_xywh(
                    Pt(x + self.sheet.shift().0),
                    Pt(self.sheet.h - top - h),
                    Pt(w),
                    Pt(h),
                ),
                Actions::go_to(Destination::Xyz {
                    page,
                    left: Some(0.0),
                    top: Some(self.sheet.h),
                    zoom: None,
                }),
                // The default border is a visible box around every contents entry.
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            ),
        });
    }
}
