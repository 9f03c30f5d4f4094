//! WordprocessingML pieces: escaped text, runs in a span's style, measures in Word's units.

use crate::export::pdf::fonts::Face;
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{Rgb, Style};
use std::fmt::Write;

/// Points to twentieths of a point, Word's unit for lengths.
pub fn twips(pt: f32) -> i64 {
    (pt * 20.0).round() as i64
}

pub fn hex(c: Rgb) -> String {
    let b = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("{:02X}{:02X}{:02X}", b(c.0), b(c.1), b(c.2))
}

/// Text for an element or an attribute: the five XML specials escaped, and the control
/// characters XML 1.0 cannot hold dropped (a pasted form feed must not make the file
/// unreadable).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// The run properties of a style, where they differ from the paragraph's.
pub fn rpr(style: &Style) -> String {
    let mut p = String::from("<w:rPr>");
    match style.face {
        Face::Bold => p.push_str("<w:b/><w:bCs/>"),
        Face::Italic => p.push_str("<w:i/><w:iCs/>"),
        Face::Regular => {}
    }
    let _ = write!(p, "<w:color w:val=\"{}\"/>", hex(style.color));
    let half = (style.size * 2.0).round() as i64;
    let _ = write!(p, "<w:sz w:val=\"{half}\"/><w:szCs w:val=\"{half}\"/>");
    if let Some(bg) = style.background {
        let _ = write!(
            p,
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{}\"/>",
            hex(bg)
        );
    }
    p.push_str("</w:rPr>");
    p
}

/// One run of text in a style; line breaks and tabs become Word's own.
pub fn run(text: &str, style: &Style) -> String {
    let props = rpr(style);
    let mut out = String::new();
    let _ = write!(out, "<w:r>{props}");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", esc(piece));
            }
        }
    }
    out.push_str("</w:r>");
    out
}

/// A status label keeps a space of its colour either side, as the PDF's rounded label does,
/// and a kept span (a label, a date) is never broken across lines: its spaces do not break.
pub fn runs(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let text = if s.keep {
                s.text.replace(' ', "\u{a0}")
            } else {
                s.text.clone()
            };
            if s.style.background.is_some() {
                run(&format!("\u{a0}{}\u{a0}", text.trim()), &s.style)
            } else {
                run(&text, &s.style)
            }
        })
        .collect()
}

/// Plain text in the paragraph style's own look.
pub fn plain(text: &str) -> String {
    let mut out = String::from("<w:r>");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", esc(line));
    }
    out.push_str("</w:r>");
    out
}

/// A field (PAGE, NUMPAGES, PAGEREF …) with the text it shows until it is updated.
pub fn field(instruction: &str, shown: &str, props: &str) -> String {
    format!(
        "<w:r>{props}<w:fldChar w:fldCharType=\"begin\"/></w:r>\
         <w:r>{props}<w:instrText xml:space=\"preserve\"> {} </w:instrText></w:r>\
         <w:r>{props}<w:fldChar w:fldCharType=\"separate\"/></w:r>\
         <w:r>{props}<w:t>{}</w:t></w:r>\
         <w:r>{props}<w:fldChar w:fldCharType=\"end\"/></w:r>",
        esc(instruction),
        esc(shown)
    )
}
