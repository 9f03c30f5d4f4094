//! The board pack as an editable Word document (.docx), written from the same document model
//! as the PDF: a title page, a table of contents Word fills in, then the same sections with
//! real heading styles, real tables and the charts as pictures with alt text.
//!
//! The WordprocessingML is written here directly into a zip. docx-rs (0.4.22, the maintained
//! Rust writer) was weighed: it cannot write a picture's alt text (`descr`), a table's
//! repeated header row (`w:tblHeader`) or the document's language, all of which the board
//! pack needs, and it would bring second copies of zip and quick-xml; the few parts this
//! document needs are short and are checked by reading them back in the tests.

mod body;
mod figures;
mod parts;
mod raster;
mod xml;

use crate::error::{Error, Result};
use crate::export::doc::Doc;
use crate::export::pdf::fonts::Fonts;
use crate::export::pdf::layout::{Sheet, WIDTH};
use crate::export::pdf::sections;
use crate::model::Plan;
use chrono::{DateTime, Utc};
use std::io::Write;

/// The language the board pack's own words are written in.
const LANG: &str = "en-GB";

fn fail(reason: impl Into<String>) -> Error {
    Error::Export {
        format: "docx",
        reason: reason.into(),
    }
}

/// The plan as DOCX bytes, as of `now`, laid out for `paper`.
pub fn render(plan: &Plan, now: DateTime<Utc>, paper: super::Paper) -> Result<Vec<u8>> {
    let fonts = Fonts::get()?;
    let today = now.date_naive();
    let ctx = sections::Ctx::new(plan, today);
    let mut doc = Doc::new(fonts);
    sections::body(&mut doc, &ctx);
    // The executive summary prints what fitted on the PDF's page.
    let blocks = crate::export::pdf::settle(doc.blocks, paper);

    let mut body = body::Body::default();
    body.drawn = raster::draw_all(&blocks);
    body.blocks(&blocks);
    let mut front = body::Body::default();
    body::cover(&mut front, plan, today);

    let sheet = Sheet::of(paper);
    let document = document(
        &front.xml,
        &body::contents(&body.contents),
        &body.xml,
        sheet,
    );

    let s = &plan.settings;
    let author = [s.prepared_by.trim(), s.organisation.trim()]
        .into_iter()
        .find(|a| !a.is_empty())
        .unwrap_or("Stepwise");
    let subject = match s.organisation.trim() {
        "" => "Micro-credential strategic plan".to_string(),
        org => format!("Micro-credential strategic plan for {org}"),
    };
    let running = if s.organisation.trim().is_empty() || plan.name.contains(s.organisation.trim()) {
        plan.name.clone()
    } else {
        format!("{} · {}", s.organisation.trim(), plan.name)
    };
    let footer_left = if !s.confidentiality.trim().is_empty() {
        s.confidentiality.trim().to_string()
    } else if !s.prepared_for.trim().is_empty() {
        format!("Prepared for {}", s.prepared_for.trim())
    } else {
        String::new()
    };
    let props = parts::Properties {
        title: &plan.name,
        author,
        subject: &subject,
        lang: LANG,
        now,
    };
    let images = body.images.len();
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            parts::content_types(images).into_bytes(),
        ),
        ("_rels/.rels".into(), parts::ROOT_RELS.as_bytes().to_vec()),
        ("docProps/core.xml".into(), parts::core(&props).into_bytes()),
        ("docProps/app.xml".into(), parts::APP.as_bytes().to_vec()),
        ("word/document.xml".into(), document.into_bytes()),
        (
            "word/_rels/document.xml.rels".into(),
            parts::document_rels(images).into_bytes(),
        ),
        ("word/styles.xml".into(), parts::styles(LANG).into_bytes()),
        (
            "word/settings.xml".into(),
            parts::settings(LANG).into_bytes(),
        ),
        ("word/numbering.xml".into(), parts::numbering().into_bytes()),
        (
            "word/header1.xml".into(),
            parts::header(&running).into_bytes(),
        ),
        (
            "word/footer1.xml".into(),
            parts::footer(&footer_left).into_bytes(),
        ),
    ];
    for (i, img) in body.images.into_iter().enumerate() {
        files.push((format!("word/media/image{}.png", i + 1), img.png));
    }
    zip(files)
}

/// The body and its page setup: the PDF's paper and column width, the header and footer on
/// every page but the title page.
fn document(front: &str, contents: &str, body: &str, sheet: Sheet) -> String {
    let (w, h) = (xml::twips(sheet.w), xml::twips(sheet.h));
    let side = xml::twips((sheet.w - WIDTH) / 2.0);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:document {} xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>\
{front}{contents}{body}\
<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
<w:pgSz w:w=\"{w}\" w:h=\"{h}\"/>\
<w:pgMar w:top=\"1480\" w:right=\"{side}\" w:bottom=\"1240\" w:left=\"{side}\" w:header=\"700\" w:footer=\"560\" w:gutter=\"0\"/>\
<w:titlePg/></w:sectPr></w:body></w:document>",
        parts::W_NS
    )
}

fn zip(files: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // A fixed date keeps two exports of the same plan byte-identical.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in files {
        out.start_file(name.as_str(), options)
            .map_err(|e| fail(format!("{name} could not be added: {e}")))?;
        out.write_all(&bytes)
            .map_err(|e| fail(format!("{name} could not be written: {e}")))?;
    }
    let cursor = out
        .finish()
        .map_err(|e| fail(format!("the package could not be finished: {e}")))?;
    Ok(cursor.into_inner())
}
