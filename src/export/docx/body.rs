//! The model's blocks as the body of a Word document: sections and headings in heading
//! styles with bookmarks the contents link to, paragraphs of styled runs, tables whose header
//! row repeats, and the figures (see `figures`).

use super::figures;
use super::xml::{esc, hex, plain, run, runs, twips};
use crate::export::doc::table::{Align, Table};
use crate::export::doc::Block;
use crate::export::pdf::layout::WIDTH;
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{Style, MUTED, NAVY, TEAL, ZEBRA};
use std::fmt::Write;

/// Short tables are kept on one page, as the PDF keeps them.
const KEEP_WHOLE_ROWS: usize = 6;
/// Rows with less text than this are never split across pages.
const SHORT_ROW: usize = 600;

/// A picture of a figure, in the package as `word/media/imageN.png`.
pub struct Image {
    pub png: Vec<u8>,
}

/// An entry of the contents: its level (1 a section, 2 a part of one), title and bookmark.
pub struct Entry {
    pub level: u8,
    pub title: String,
    pub bookmark: String,
}

#[derive(Default)]
pub struct Body {
    pub xml: String,
    pub contents: Vec<Entry>,
    pub images: Vec<Image>,
    /// Pictures drawn ahead of writing, by the address of their chart in the model.
    pub drawn: std::collections::HashMap<usize, Option<super::raster::Picture>>,
    /// The next paragraph starts a new page.
    break_before: bool,
}

impl Body {
    pub fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Section { number, title } => {
                let text = match number {
                    Some(n) => format!("{n}. {title}"),
                    None => title.clone(),
                };
                // Unnumbered parts (the summary, an appendix) start a page, as in the PDF.
                if number.is_none() {
                    self.break_before = true;
                }
                self.heading(&text, 1, None);
            }
            Block::Conclusion(text) => self.para("Conclusion", "", &plain(text)),
            Block::Heading { title, level, .. } => match level {
                1 => self.heading(title, 2, None),
                2 => self.heading(title, 3, None),
                // The summary page's compact headings: teal, as the PDF sets them.
                _ => self.heading(
                    title,
                    3,
                    Some(Style::new(
                        crate::export::pdf::fonts::Face::Bold,
                        10.5,
                        TEAL,
                    )),
                ),
            },
            Block::Paragraph(spans) => self.para("Normal", "", &runs(spans)),
            Block::Text(text) => self.para("Normal", "", &plain(text)),
            Block::NotYetWritten => {
                self.para("Normal", "", &run("Not yet written.", &Style::muted()))
            }
            Block::Bullet(spans) => self.para("ListBullet", "", &runs(spans)),
            Block::Quote(spans, after) => {
                let keep = if after.is_empty() {
                    ""
                } else {
                    "<w:keepNext/>"
                };
                self.para("Quote", keep, &runs(spans));
                if !after.is_empty() {
                    self.para("Quote", "", &runs(after));
                }
            }
            Block::Caption(text) => self.para("Caption", "", &plain(text)),
            Block::Table(t) => self.table(t),
            Block::Chart(c) => figures::chart(self, c),
            Block::Gap(_) | Block::Ensure(_) => {}
            Block::PageBreak => self.break_before = true,
            // Word breaks its own pages: the choice made with room to spare.
            Block::Choice { roomy, .. } => self.blocks(roomy),
            // Settled by the PDF before the body is written: the one left is the one printed.
            Block::OnePage(tries) => {
                if let Some(t) = tries.first() {
                    self.blocks(t);
                }
            }
        }
    }

    fn heading(&mut self, title: &str, level: u8, style: Option<Style>) {
        let content = match style {
            Some(s) => run(title, &s),
            None => plain(title),
        };
        if level <= 2 {
            let bookmark = format!("_Toc{}", self.contents.len() + 1);
            let id = self.contents.len() + 1;
            self.contents.push(Entry {
                level,
                title: title.to_string(),
                bookmark: bookmark.clone(),
            });
            let inner = format!(
                "<w:bookmarkStart w:id=\"{id}\" w:name=\"{bookmark}\"/>{content}<w:bookmarkEnd w:id=\"{id}\"/>"
            );
            self.para(&format!("Heading{level}"), "", &inner);
        } else {
            self.para(&format!("Heading{level}"), "", &content);
        }
    }

    /// A paragraph in a style, with more paragraph properties and its runs.
    pub fn para(&mut self, style: &str, ppr: &str, content: &str) {
        let brk = if std::mem::take(&mut self.break_before) {
            "<w:pageBreakBefore/>"
        } else {
            ""
        };
        let _ = write!(
            self.xml,
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{brk}{ppr}</w:pPr>{content}</w:p>"
        );
    }

    /// A page break still owed is paid before a table, which cannot carry one itself.
    pub fn before_table(&mut self) {
        if self.break_before {
            self.para("AfterTable", "", "");
        }
    }

    pub fn table(&mut self, t: &Table) {
        if t.columns.is_empty() {
            return;
        }
        self.before_table();
        let total: f32 = t.columns.iter().map(|c| c.weight).sum::<f32>().max(0.001);
        let widths: Vec<i64> = t
            .columns
            .iter()
            .map(|c| twips(WIDTH * c.weight / total))
            .collect();
        let mut x = open_table(&widths, None);
        let n = t.rows.len();
        let header = header_size(t.columns.iter().map(|c| c.title.as_str()), &widths);
        if t.header {
            x.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
            for (c, w) in t.columns.iter().zip(&widths) {
                let _ = write!(
                    x,
                    "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableHeader\"/>{}</w:pPr>{}</w:p></w:tc>",
                    shade(NAVY),
                    jc(c.align),
                    run(&c.title, &header)
                );
            }
            x.push_str("</w:tr>");
        }
        for (i, row) in t.rows.iter().enumerate() {
            // Keep a short table whole, a long one's first two rows with its header, and its
            // last row with the one before it, as the PDF does.
            let keep = if n <= KEEP_WHOLE_ROWS {
                i + 1 < n
            } else {
                i < 2 || i + 2 == n
            };
            let chars: usize = row
                .iter()
                .flat_map(|c| &c.blocks)
                .flatten()
                .map(|s| s.text.len())
                .sum();
            x.push_str("<w:tr>");
            if chars < SHORT_ROW {
                x.push_str("<w:trPr><w:cantSplit/></w:trPr>");
            }
            for (col, (cell, w)) in row.iter().zip(&widths).enumerate() {
                let fill = cell.fill.or((i % 2 == 1).then_some(ZEBRA));
                let _ = write!(
                    x,
                    "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{}</w:tcPr>",
                    fill.map(shade).unwrap_or_default()
                );
                let align = t.columns.get(col).map_or(Align::Left, |c| c.align);
                cell_paragraphs(&mut x, &cell.blocks, align, keep);
                x.push_str("</w:tc>");
            }
            x.push_str("</w:tr>");
        }
        x.push_str("</w:tbl>");
        self.xml.push_str(&x);
        // Two tables in a row would merge into one; a small paragraph keeps them apart.
        self.para("AfterTable", "", "");
    }
}

/// The cells' padding either side, in points, as the board table style sets it.
pub const PAD_X: f32 = 5.0;

/// The size of a header row's titles: smaller when a word of one title would not fit its
/// column, so no word is cut in the middle (as the PDF sizes its headers); the same for the
/// whole row, so it reads as one line of type.
pub fn header_size<'t>(titles: impl Iterator<Item = &'t str> + Clone, widths: &[i64]) -> Style {
    let mut style = Style::small_bold().colored(crate::export::pdf::theme::WHITE);
    let Ok(fonts) = crate::export::pdf::fonts::Fonts::get() else {
        return style;
    };
    // A point to spare: Word and LibreOffice round advances their own way.
    let pad = twips(2.0 * PAD_X + 1.0);
    let fits = |s: &Style| {
        titles.clone().zip(widths).all(|(t, w)| {
            t.split_whitespace()
                .all(|word| twips(fonts.width(s.face, s.size, word)) <= w - pad)
        })
    };
    // Word sizes type in half points.
    while !fits(&style) && style.size > 6.0 {
        style.size -= 0.5;
    }
    style
}

/// A table's start: its style, fixed column widths, and padding either side other than the
/// style's where given (in points).
pub fn open_table(widths: &[i64], pad: Option<f32>) -> String {
    let total: i64 = widths.iter().sum();
    let margins = pad.map_or(String::new(), |p| {
        format!(
            "<w:tblCellMar><w:left w:w=\"{0}\" w:type=\"dxa\"/><w:right w:w=\"{0}\" w:type=\"dxa\"/></w:tblCellMar>",
            twips(p)
        )
    });
    let mut x = format!(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"BoardTable\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>\
<w:tblLayout w:type=\"fixed\"/>{margins}<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
    );
    for w in widths {
        let _ = write!(x, "<w:gridCol w:w=\"{w}\"/>");
    }
    x.push_str("</w:tblGrid>");
    x
}

pub fn shade(c: crate::export::pdf::theme::Rgb) -> String {
    format!(
        "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/>",
        hex(c)
    )
}

pub fn jc(a: Align) -> &'static str {
    match a {
        Align::Left => "",
        Align::Center => "<w:jc w:val=\"center\"/>",
        Align::Right => "<w:jc w:val=\"right\"/>",
    }
}

/// A cell's paragraphs; a cell holds at least one, as Word requires.
pub fn cell_paragraphs(x: &mut String, blocks: &[Vec<Span>], align: Align, keep: bool) {
    let keep = if keep { "<w:keepNext/>" } else { "" };
    let any = blocks.iter().any(|b| !b.is_empty());
    if !any {
        let _ = write!(
            x,
            "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>{keep}</w:pPr></w:p>"
        );
        return;
    }
    for (i, b) in blocks.iter().enumerate() {
        // Blocks of one cell stand a little apart, as in the PDF.
        let gap = if i + 1 < blocks.len() {
            "<w:spacing w:after=\"50\"/>"
        } else {
            ""
        };
        let _ = write!(
            x,
            "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>{keep}{gap}{}</w:pPr>{}</w:p>",
            jc(align),
            runs(b)
        );
    }
}

/// The title page: what the cover of the PDF says, in paragraphs a consultant can edit.
pub fn cover(b: &mut Body, plan: &crate::model::Plan, today: chrono::NaiveDate) {
    let s = &plan.settings;
    b.para("Kicker", "", &plain("Micro-credential strategic plan"));
    if !s.organisation.trim().is_empty() {
        b.para(
            "Normal",
            "",
            &run(
                s.organisation.trim(),
                &Style::new(crate::export::pdf::fonts::Face::Regular, 15.0, TEAL),
            ),
        );
    }
    b.para("Title", "", &plain(&plan.name));
    let facts = [
        ("Prepared for", s.prepared_for.trim().to_string()),
        ("Prepared by", s.prepared_by.trim().to_string()),
        ("Date", crate::figures::long_date(today)),
    ];
    for (label, value) in facts {
        if value.is_empty() {
            continue;
        }
        b.para(
            "Kicker",
            "<w:spacing w:before=\"360\" w:after=\"40\"/>",
            &plain(label),
        );
        b.para(
            "Normal",
            "",
            &run(
                &value,
                &Style::new(crate::export::pdf::fonts::Face::Regular, 12.0, NAVY),
            ),
        );
    }
    if !s.confidentiality.trim().is_empty() {
        b.para(
            "Normal",
            "<w:spacing w:before=\"720\"/>",
            &run(
                s.confidentiality.trim(),
                &Style::new(crate::export::pdf::fonts::Face::Italic, 9.0, MUTED),
            ),
        );
    }
}

/// The contents as a TOC field over the section headings and their parts, each entry linked
/// to its heading. Only Word knows where its pages break, so the entries are written without
/// page numbers: Word refreshes the field, numbers and all, on opening (the settings ask it
/// to), and LibreOffice on Tools → Update.
pub fn contents(entries: &[Entry]) -> String {
    let mut x = String::new();
    let _ = write!(
        x,
        "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/><w:pageBreakBefore/></w:pPr>{}</w:p>",
        plain("Contents")
    );
    let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    for (i, e) in entries.iter().enumerate() {
        let start = if i == 0 { begin } else { "" };
        let end = if i + 1 == entries.len() {
            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        } else {
            ""
        };
        let _ = write!(
            x,
            "<w:p><w:pPr><w:pStyle w:val=\"TOC{}\"/></w:pPr>{start}<w:hyperlink w:anchor=\"{}\" w:history=\"1\">\
<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:hyperlink>{end}</w:p>",
            e.level,
            esc(&e.bookmark),
            esc(&e.title),
        );
    }
    x
}
