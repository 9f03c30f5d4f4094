//! The strategic plan as a PDF for leadership: a cover, linked contents, an executive
//! summary and one section per step of the journey, with the maturity charts, the workflow
//! diagram and the roadmap's timeline drawn in. Laid out by hand on printpdf's drawing
//! operations with the embedded font's real metrics, so text wraps where it will print.

mod canvas;
mod charts;
mod document;
mod fonts;
mod front;
mod layout;
mod sections;
mod table;
mod text;
mod theme;

use crate::error::Result;
use crate::model::Plan;
use chrono::{DateTime, Utc};
use document::{Entry, Finish};
use fonts::Fonts;
use layout::Writer;
use printpdf::ExtendedGraphicsStateId;

/// The plan as PDF bytes, as of `now`: the date on the cover, the day statuses are judged
/// on, and the document's creation date. The same plan and `now` give the same bytes.
pub fn render(plan: &Plan, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let fonts = Fonts::get()?;
    let today = now.date_naive();
    let alpha = ExtendedGraphicsStateId("GSTRANSLUCENT".into());
    let ctx = sections::Ctx::new(plan, today);

    let mut body = Writer::new(fonts, alpha.clone());
    sections::body(&mut body, &ctx);
    let mut cover = Writer::new(fonts, alpha.clone());
    front::cover(&mut cover, plan, today);
    // The contents are laid out twice: once to learn how many pages they take (which moves
    // every page number after them), then with the numbers.
    let mut probe = Writer::new(fonts, alpha.clone());
    front::contents(&mut probe, &body.anchors, 0);
    let first_body_page = cover.pages.len() + probe.pages.len() + 1;
    let mut contents = Writer::new(fonts, alpha.clone());
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
    }
    .save(pages, &outline)
}
