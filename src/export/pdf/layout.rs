//! Pages and the flow of content down them. `Writer` keeps the cursor, starts a new page
//! whenever the next thing would cross the bottom margin, and records where each section
//! starts for the contents and the outline.

use super::canvas::Canvas;
use super::fonts::{Face, Fonts};
use super::tags::Tags;
use super::text::{self, Line, Span};
use super::theme::{self, Rgb, Style, INK, MUTED, NAVY, RULE, TEAL};
use printpdf::{ExtendedGraphicsStateId, Op};

/// A4 portrait, in points: the space everything is laid out and drawn in. On Letter the same
/// column is centred on the wider page and the pages are shorter (see `Sheet`).
pub const PAGE_W: f32 = 595.276;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 56.0;
/// Where content starts below the running header.
pub const TOP: f32 = 74.0;
/// The footer's band below the content.
const FOOTER: f32 = 62.0;
pub const WIDTH: f32 = PAGE_W - 2.0 * MARGIN_X;
/// A section starts a new page when less than this share of the page is left.
const SECTION_ROOM: f32 = 1.0 / 3.0;
/// The least a heading inside a section keeps under it: three lines of body text.
const HEADING_KEEP: f32 = 3.0 * theme::BODY * theme::LEADING;
/// The space above and below the rule between two sections that share a page.
const SECTION_RULE: f32 = 22.0;

/// The paper the pages print on, in points. Content keeps A4's column width on every paper,
/// so tables and charts lay out alike; a page's drawing is moved to centre that column on a
/// wider sheet, and a shorter sheet simply holds less before the footer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sheet {
    pub w: f32,
    pub h: f32,
}

impl Sheet {
    pub fn of(paper: crate::export::Paper) -> Sheet {
        match paper {
            crate::export::Paper::A4 => Sheet {
                w: PAGE_W,
                h: PAGE_H,
            },
            crate::export::Paper::Letter => Sheet { w: 612.0, h: 792.0 },
        }
    }

    /// How far the drawing moves right, and down, from where it is drawn on A4.
    pub fn shift(self) -> (f32, f32) {
        ((self.w - PAGE_W) / 2.0, PAGE_H - self.h)
    }

    /// Where content stops above the footer.
    pub fn bottom(self) -> f32 {
        self.h - FOOTER
    }
}

pub struct Page {
    pub ops: Vec<Op>,
    /// The running header's right-hand text: the section the page belongs to.
    pub section: String,
}

/// A place in the document the contents and the outline point to.
#[derive(Debug, Clone)]
pub struct Anchor {
    pub title: String,
    /// 0 for a section, 1 for a part of one.
    pub level: u8,
    /// Index into the writer's pages.
    pub page: usize,
}

pub struct Writer<'a> {
    pub fonts: &'a Fonts,
    pub pages: Vec<Page>,
    /// Distance of the cursor from the top of the current page.
    pub y: f32,
    pub anchors: Vec<Anchor>,
    section: String,
    alpha: ExtendedGraphicsStateId,
    pub sheet: Sheet,
    /// The structure of what has been laid out, for the tagged PDF.
    pub tags: Tags,
}

impl<'a> Writer<'a> {
    pub fn new(fonts: &'a Fonts, alpha: ExtendedGraphicsStateId, sheet: Sheet) -> Writer<'a> {
        Writer {
            fonts,
            pages: Vec::new(),
            y: TOP,
            anchors: Vec::new(),
            section: String::new(),
            alpha,
            sheet,
            tags: Tags::default(),
        }
    }

    /// Where content stops above the footer.
    pub fn bottom(&self) -> f32 {
        self.sheet.bottom()
    }

    /// An empty writer on the same paper, to learn how much room something takes.
    pub fn probe(&self) -> Writer<'a> {
        Writer::new(self.fonts, self.alpha.clone(), self.sheet)
    }

    pub fn canvas(&mut self) -> Canvas<'_> {
        if self.pages.is_empty() {
            self.new_page();
        }
        let index = self.pages.len() - 1;
        let begin = self.tags.drawing_on(index);
        let page = self.pages.last_mut().expect("a page exists");
        page.ops.extend(begin);
        Canvas {
            ops: &mut page.ops,
            fonts: self.fonts,
            alpha: &self.alpha,
            sheet: self.sheet,
        }
    }

    pub fn new_page(&mut self) {
        let open = self.tags.page_ends();
        self.end_sequence_on(open);
        self.pages.push(Page {
            ops: Vec::new(),
            section: self.section.clone(),
        });
        self.y = TOP;
    }

    fn end_sequence_on(&mut self, page: Option<usize>) {
        if let Some(p) = page.and_then(|p| self.pages.get_mut(p)) {
            p.ops.push(Op::EndMarkedContent);
        }
    }

    /// Starts a structure element of `role` whose drawing follows, up to `end`; a block
    /// started inside another belongs to the outer one.
    pub fn begin(&mut self, role: &'static str) {
        self.tags.begin(role, None);
    }

    /// Continues recording into an element made earlier (a table cell split over pages).
    pub fn mark(&mut self, elem: usize) {
        self.tags.mark(elem);
    }

    pub fn end(&mut self) {
        let page = self.tags.end();
        self.end_sequence_on(page);
    }

    /// The running header's section title for pages started from now on.
    pub fn running(&mut self, title: &str) {
        self.section = title.to_string();
    }

    pub fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    pub fn at_top(&self) -> bool {
        self.y <= TOP + 0.01
    }

    /// Starts a new page unless `h` points still fit on this one (or this one is empty, in
    /// which case a taller block has to be split by its caller).
    pub fn ensure(&mut self, h: f32) {
        if self.pages.is_empty() || (h > self.room() && !self.at_top()) {
            self.new_page();
        }
    }

    /// Vertical space, dropped at the top of a page where it would only push content down.
    pub fn gap(&mut self, h: f32) {
        if !self.at_top() {
            self.y += h;
        }
    }

    /// Starts a new page unless this one is still empty; the page takes the running header
    /// set from now on.
    pub fn page_break(&mut self) {
        if self.pages.is_empty() || !self.at_top() {
            self.new_page();
        } else if let Some(page) = self.pages.last_mut() {
            page.section = self.section.clone();
        }
    }

    /// A section follows the previous one on its page, after a rule, when at least a third of
    /// the page is left (so a section ending in a few lines leaves no near-empty page), else it
    /// starts a new page. The executive summary comes first and is followed by a page break,
    /// so it is always a page of its own; appendices follow the body as sections do.
    pub fn section(&mut self, number: Option<usize>, title: &str) {
        self.section = match number {
            Some(n) => format!("{n}. {title}"),
            None => title.to_string(),
        };
        let page = self.bottom() - TOP;
        if self.at_top() || self.room() < page * SECTION_ROOM {
            self.page_break();
        } else {
            self.y += SECTION_RULE;
            let y = self.y;
            self.canvas()
                .hline(MARGIN_X, MARGIN_X + WIDTH, y, RULE, 0.8);
            self.y += SECTION_RULE;
        }
        self.anchors.push(Anchor {
            title: self.section.clone(),
            level: 0,
            page: self.pages.len() - 1,
        });
        let y = self.y;
        self.begin("H1");
        let mut c = self.canvas();
        if let Some(n) = number {
            c.text(
                MARGIN_X,
                y + 9.0,
                Style::new(Face::Bold, 9.0, TEAL),
                &format!("SECTION {n}"),
            );
        }
        let title_style = Style::new(Face::Bold, 21.0, NAVY);
        let lines = text::wrap(c.fonts, &[Span::new(title, title_style)], WIDTH);
        // The kicker's room is kept only where there is a kicker.
        let mut top = y + if number.is_some() { 16.0 } else { 0.0 };
        for l in &lines {
            c.draw_line(l, MARGIN_X, top);
            top += l.height;
        }
        self.end();
        self.canvas()
            .fill_rect(MARGIN_X, top + 6.0, 42.0, 3.0, TEAL);
        self.y = top + 24.0;
    }

    /// The section's conclusion, set under its title: what the data says, not the topic.
    pub fn conclusion(&mut self, text: &str) {
        let lines = text::wrap(
            self.fonts,
            &[Span::new(text, Style::new(Face::Bold, 11.5, TEAL))],
            WIDTH,
        );
        self.y -= 8.0;
        self.begin("P");
        self.lines(&lines, MARGIN_X);
        self.end();
        self.y += 8.0;
    }

    /// A heading inside a section, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, title: &str, level: u8, keep: f32) {
        // Level 3 is the summary page's: teal and set close, so six parts fit on one page.
        let (style, before, after) = match level {
            1 => (Style::new(Face::Bold, 13.0, NAVY), 14.0, 10.0),
            2 => (Style::new(Face::Bold, 10.5, INK), 8.0, 4.0),
            _ => (Style::new(Face::Bold, 10.5, TEAL), 5.0, 2.5),
        };
        let lines = text::wrap(self.fonts, &[Span::new(title, style)], WIDTH);
        let h = text::height(&lines) + after;
        // A section's heading keeps at least three lines of body text under it.
        let keep = if level <= 2 {
            keep.max(HEADING_KEEP)
        } else {
            keep
        };
        self.gap(before);
        self.ensure(h + keep);
        if level == 1 {
            self.anchors.push(Anchor {
                title: title.to_string(),
                level: 1,
                page: self.pages.len() - 1,
            });
        }
        let mut y = self.y;
        // Level 3 heads the summary page's parts, which stand where a section's parts do.
        self.begin(if level == 2 { "H3" } else { "H2" });
        let mut c = self.canvas();
        for l in &lines {
            c.draw_line(l, MARGIN_X, y);
            y += l.height;
        }
        self.end();
        let mut c = self.canvas();
        if level == 1 {
            c.hline(MARGIN_X, MARGIN_X + WIDTH, y + 3.0, RULE, 0.6);
        }
        self.y = y + after;
    }

    /// Lines flowed down the page at `x`, breaking between lines.
    pub fn lines(&mut self, lines: &[Line], x: f32) {
        for l in lines {
            self.ensure(l.height);
            let y = self.y;
            self.canvas().draw_line(l, x, y);
            self.y += l.height;
        }
    }

    pub fn paragraph(&mut self, spans: &[Span]) {
        self.paragraph_at(spans, 0.0);
        self.y += 4.0;
    }

    pub fn paragraph_at(&mut self, spans: &[Span], indent: f32) {
        let lines = text::wrap(self.fonts, spans, WIDTH - indent);
        self.begin("P");
        self.lines(&lines, MARGIN_X + indent);
        self.end();
    }

    pub fn text(&mut self, text: &str) {
        self.paragraph(&[Span::new(text, Style::body())]);
    }

    /// What an empty part of the plan prints, so a reader sees the gap instead of missing it.
    pub fn not_yet_written(&mut self) {
        self.paragraph(&[Span::new("Not yet written.", Style::muted())]);
    }

    /// An item of a list; the caller opens the list (`L`) around a run of them.
    pub fn bullet(&mut self, spans: &[Span]) {
        let lines = text::wrap(self.fonts, spans, WIDTH - 14.0);
        self.tags.open("LI");
        if let Some(first) = lines.first() {
            self.ensure(first.height);
            let (y, dot) = (self.y, first.baseline - first.height * 0.24);
            self.canvas()
                .round_rect(MARGIN_X + 3.0, y + dot - 1.8, 3.6, 3.6, 1.8, TEAL);
        }
        self.begin("LBody");
        self.lines(&lines, MARGIN_X + 14.0);
        self.end();
        self.tags.close();
        self.y += 2.5;
    }

    /// A quotation set off by a bar at its left (vision statements).
    pub fn quote(&mut self, spans: &[Span], after: &[Span]) {
        let mut lines = text::wrap(self.fonts, spans, WIDTH - 18.0);
        if !after.is_empty() {
            lines.push(Line::blank(3.0));
            lines.extend(text::wrap(self.fonts, after, WIDTH - 18.0));
        }
        self.ensure(text::height(&lines[..lines.len().min(3)]));
        let quote = self.tags.elem("BlockQuote", None);
        for l in &lines {
            self.ensure(l.height);
            let y = self.y;
            // The bar is decoration: drawn outside the quotation's text.
            self.canvas().fill_rect(MARGIN_X, y, 3.0, l.height, TEAL);
            self.mark(quote);
            self.canvas().draw_line(l, MARGIN_X + 14.0, y);
            self.end();
            self.y += l.height;
        }
        self.y += 8.0;
    }

    /// A short muted line under a heading (dates, counts, who).
    pub fn caption(&mut self, text: &str) {
        self.paragraph(&[Span::new(text, Style::small().colored(MUTED))]);
    }
}

/// The greyish text used for notes inside tables and under headings.
pub fn note(text: impl Into<String>) -> Span {
    Span::new(text, Style::small())
}

pub fn bold(text: impl Into<String>) -> Span {
    Span::new(text, Style::bold())
}

pub fn body(text: impl Into<String>) -> Span {
    Span::new(text, Style::body())
}

/// A status label: white (or dark) text on a coloured, rounded background.
pub fn pill(text: impl Into<String>, fill: Rgb, ink: Rgb) -> Span {
    Span::kept(
        text,
        Style::new(Face::Bold, theme::SMALL - 0.5, ink).on(fill),
    )
}
