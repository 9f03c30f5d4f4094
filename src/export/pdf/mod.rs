//! The strategic plan as a PDF for leadership: a cover, linked contents, an executive
//! summary and one section per step of the journey, with the maturity charts, the workflow
//! diagram and the roadmap's timeline drawn in. Laid out by hand on printpdf's drawing
//! operations with the embedded font's real metrics, so text wraps where it will print.

mod canvas;
pub(crate) mod charts;
mod document;
pub(crate) mod fonts;
mod front;
pub(crate) mod layout;
mod play;
pub(crate) mod sections;
mod shaping;
pub(crate) mod table;
mod tags;
pub(crate) mod text;
pub(crate) mod theme;

use crate::error::Result;
use crate::model::Plan;
use chrono::{DateTime, Utc};
use document::{Entry, Finish};
use fonts::Fonts;
use layout::Writer;
use printpdf::ExtendedGraphicsStateId;

/// What the PDF of a plan cannot show as written: characters no font here has a glyph for
/// (drawn as empty boxes), and the system font packages whose absence caused some of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub missing: Vec<char>,
    pub absent_fonts: Vec<String>,
}

impl Report {
    /// One line for a person, or `None` when everything can be drawn.
    pub fn warning(&self) -> Option<String> {
        if self.missing.is_empty() {
            return None;
        }
        let shown: Vec<String> = self
            .missing
            .iter()
            .take(20)
            .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
            .collect();
        let more = self.missing.len().saturating_sub(shown.len());
        let mut line =
            format!(
            "the PDF shows {} character{} as empty boxes, no font here having a glyph for {}: {}{}",
            self.missing.len(),
            if self.missing.len() == 1 { "" } else { "s" },
            if self.missing.len() == 1 { "it" } else { "them" },
            shown.join(", "),
            if more > 0 { format!(" and {more} more") } else { String::new() }
        );
        if !self.absent_fonts.is_empty() {
            line.push_str(&format!(
                " (installing {} may help)",
                self.absent_fonts.join(" and ")
            ));
        }
        Some(line)
    }
}

/// Which of the plan's characters the PDF cannot draw.
pub fn report(plan: &Plan) -> Result<Report> {
    fn strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::String(s) => out.push(s),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let fonts = Fonts::get()?;
    let value = serde_json::to_value(plan).unwrap_or_default();
    let mut texts = Vec::new();
    strings(&value, &mut texts);
    let missing = fonts::missing(fonts, texts);
    let absent_fonts = if missing.is_empty() {
        Vec::new()
    } else {
        fonts.absent().iter().map(|p| p.to_string()).collect()
    };
    Ok(Report {
        missing,
        absent_fonts,
    })
}

/// The model's one-page choices (the executive summary's budget) settled as the PDF on
/// `paper` settles them, for a backend that has no pages of its own to try them on.
pub(crate) fn settle(
    blocks: Vec<crate::export::doc::Block<'_>>,
    paper: super::Paper,
) -> Vec<crate::export::doc::Block<'_>> {
    let Ok(fonts) = Fonts::get() else {
        return blocks;
    };
    let probe = Writer::new(
        fonts,
        ExtendedGraphicsStateId("GSTRANSLUCENT".into()),
        layout::Sheet::of(paper),
    );
    play::settle(&probe, blocks)
}

/// The plan as PDF bytes, as of `now`: the date on the cover, the day statuses are judged
/// on, and the document's creation date. The same plan and `now` give the same bytes.
pub fn render(plan: &Plan, now: DateTime<Utc>) -> Result<Vec<u8>> {
    render_on(plan, now, super::Paper::A4)
}

/// `render`, laid out for `paper`.
pub fn render_on(plan: &Plan, now: DateTime<Utc>, paper: super::Paper) -> Result<Vec<u8>> {
    render_pack(plan, now, paper, super::Appendices::default())
}

/// `render_on`, with only the chosen appendices.
pub fn render_pack(
    plan: &Plan,
    now: DateTime<Utc>,
    paper: super::Paper,
    appendices: super::Appendices,
) -> Result<Vec<u8>> {
    let sheet = layout::Sheet::of(paper);
    let fonts = Fonts::get()?;
    let today = now.date_naive();
    let alpha = ExtendedGraphicsStateId("GSTRANSLUCENT".into());
    let mut ctx = sections::Ctx::new(plan, today);
    ctx.appendices = appendices;

    let mut doc = crate::export::doc::Doc::new(fonts);
    sections::body(&mut doc, &ctx);
    let mut body = Writer::new(fonts, alpha.clone(), sheet);
    play::play(&mut body, &doc.blocks);
    let mut cover = Writer::new(fonts, alpha.clone(), sheet);
    front::cover(&mut cover, plan, today);
    // The contents are laid out twice: once to learn how many pages they take (which moves
    // every page number after them), then with the numbers.
    let mut probe = Writer::new(fonts, alpha.clone(), sheet);
    front::contents(&mut probe, &body.anchors, 0);
    let first_body_page = cover.pages.len() + probe.pages.len() + 1;
    let mut contents = Writer::new(fonts, alpha.clone(), sheet);
    front::contents(&mut contents, &body.anchors, first_body_page);

    let mut outline = vec![
        Entry {
            title: "Cover".into(),
            level: 0,
            page: 1,
        },
        Entry {
            title: "Contents".into(),
            level: 0,
            page: cover.pages.len() + 1,
        },
    ];
    outline.extend(body.anchors.iter().map(|a| Entry {
        title: a.title.clone(),
        level: a.level,
        page: first_body_page + a.page,
    }));
    // The structure in reading order, as the pages are: cover, contents, body.
    let mut tags = cover.tags;
    tags.append(contents.tags, cover.pages.len());
    tags.append(body.tags, cover.pages.len() + contents.pages.len());
    let pages = cover
        .pages
        .into_iter()
        .chain(contents.pages)
        .chain(body.pages)
        .collect();
    Finish {
        plan,
        now,
        fonts,
        alpha,
        sheet,
    }
    .save(pages, &outline, &tags)
}
