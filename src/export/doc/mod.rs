//! The board pack as a document model: sections, headings, paragraphs of styled spans,
//! tables and charts, in reading order. The sections build it once; the PDF and the Word
//! file are both written from it, so the two never say different things.
//!
//! Decisions only a page can make (how much room a heading keeps under it, which executive
//! summary fits on one page, whether a caption must say what it continues) are kept as hints
//! the PDF resolves against its pages; the Word file reads the same content and lets Word
//! break its own pages.

pub mod charts;
pub mod table;

use crate::export::pdf::fonts::Fonts;
use crate::export::pdf::text::Span;
use charts::Chart;
use table::Table;

/// How much room a heading keeps under it on its page: points, or what the block after it
/// needs where it starts (worked out by the PDF at the page it falls on).
#[derive(Debug, Clone)]
pub enum Keep {
    Points(f32),
    Table(Box<Table>),
    Heatmap(
        Box<crate::maturity::PhasedHeatmap>,
        Vec<crate::export::pdf::theme::Rgb>,
    ),
    Chain(Vec<charts::chain::Link>),
    Workflow(Vec<charts::workflow::Stage>),
    Plus(Box<Keep>, f32),
    AtLeast(Box<Keep>, f32),
}

impl Keep {
    /// At least `points`.
    pub fn max(self, points: f32) -> Keep {
        Keep::AtLeast(Box::new(self), points)
    }
}

impl From<f32> for Keep {
    fn from(points: f32) -> Keep {
        Keep::Points(points)
    }
}

impl std::ops::Add<f32> for Keep {
    type Output = Keep;
    fn add(self, points: f32) -> Keep {
        Keep::Plus(Box::new(self), points)
    }
}

#[derive(Debug, Clone)]
pub enum Block<'a> {
    /// A numbered step of the journey, or an unnumbered part (the summary, an appendix).
    Section {
        number: Option<usize>,
        title: String,
    },
    /// What the section's data says, under its title.
    Conclusion(String),
    /// Level 1 and 2 inside a section; level 3 the summary page's compact headings.
    Heading {
        title: String,
        level: u8,
        keep: Keep,
    },
    Paragraph(Vec<Span>),
    Text(String),
    NotYetWritten,
    Bullet(Vec<Span>),
    Quote(Vec<Span>, Vec<Span>),
    Caption(String),
    Table(Table),
    Chart(Chart<'a>),
    /// Vertical space in points (dropped at a page's top).
    Gap(f32),
    PageBreak,
    /// The next `points` stay on one page.
    Ensure(f32),
    /// `roomy` when `needed` points are left on the page, else `cramped` (a caption that
    /// starts a page names what it continues).
    Choice {
        needed: f32,
        roomy: Vec<Block<'a>>,
        cramped: Vec<Block<'a>>,
    },
    /// The first of these that fits on one page, else the last (the executive summary, from
    /// its fullest to its barest).
    OnePage(Vec<Vec<Block<'a>>>),
}

/// The model as it is built: the blocks so far, and the fonts that measure text where a
/// section needs to know how long something is.
pub struct Doc<'a> {
    pub fonts: &'a Fonts,
    pub blocks: Vec<Block<'a>>,
}

impl<'a> Doc<'a> {
    pub fn new(fonts: &'a Fonts) -> Doc<'a> {
        Doc {
            fonts,
            blocks: Vec::new(),
        }
    }

    /// An empty model to build a part in (a choice's branches).
    pub fn part(&self) -> Doc<'a> {
        Doc::new(self.fonts)
    }

    fn push(&mut self, b: Block<'a>) {
        self.blocks.push(b);
    }

    pub fn section(&mut self, number: Option<usize>, title: &str) {
        self.push(Block::Section {
            number,
            title: title.to_string(),
        });
    }

    pub fn conclusion(&mut self, text: &str) {
        self.push(Block::Conclusion(text.to_string()));
    }

    pub fn heading(&mut self, title: &str, level: u8, keep: impl Into<Keep>) {
        self.push(Block::Heading {
            title: title.to_string(),
            level,
            keep: keep.into(),
        });
    }

    pub fn paragraph(&mut self, spans: &[Span]) {
        self.push(Block::Paragraph(spans.to_vec()));
    }

    pub fn text(&mut self, text: &str) {
        self.push(Block::Text(text.to_string()));
    }

    pub fn not_yet_written(&mut self) {
        self.push(Block::NotYetWritten);
    }

    pub fn bullet(&mut self, spans: &[Span]) {
        self.push(Block::Bullet(spans.to_vec()));
    }

    pub fn quote(&mut self, spans: &[Span], after: &[Span]) {
        self.push(Block::Quote(spans.to_vec(), after.to_vec()));
    }

    pub fn caption(&mut self, text: &str) {
        self.push(Block::Caption(text.to_string()));
    }

    pub fn table(&mut self, t: &Table) {
        self.push(Block::Table(t.clone()));
    }

    pub fn chart(&mut self, c: Chart<'a>) {
        self.push(Block::Chart(c));
    }

    pub fn gap(&mut self, h: f32) {
        self.push(Block::Gap(h));
    }

    pub fn page_break(&mut self) {
        self.push(Block::PageBreak);
    }

    pub fn ensure(&mut self, h: f32) {
        self.push(Block::Ensure(h));
    }

    /// `roomy` where `needed` points are left on the page, else `cramped`.
    pub fn choice(
        &mut self,
        needed: f32,
        roomy: impl FnOnce(&mut Doc<'a>),
        cramped: impl FnOnce(&mut Doc<'a>),
    ) {
        let (mut a, mut b) = (self.part(), self.part());
        roomy(&mut a);
        cramped(&mut b);
        self.push(Block::Choice {
            needed,
            roomy: a.blocks,
            cramped: b.blocks,
        });
    }

    /// The first of `tries` that fits on one page, else the last.
    pub fn one_page(&mut self, tries: Vec<Doc<'a>>) {
        self.push(Block::OnePage(
            tries.into_iter().map(|d| d.blocks).collect(),
        ));
    }
}
