//! The front matter: the cover, and the table of contents with page numbers and links. The
//! contents are laid out after the body, when the page of every section is known.

use super::fonts::Face;
use super::layout::{Anchor, Writer, MARGIN_X, WIDTH};
use super::sections::long_date;
use super::text::{self, Span};
use super::theme::{Style, INK, MUTED, NAVY, RULE, TEAL, TEAL_LIGHT, WHITE};
use crate::model::Plan;
use chrono::NaiveDate;

const BAND: f32 = 372.0;

pub fn cover(w: &mut Writer, plan: &Plan, today: NaiveDate) {
    let s = &plan.settings;
    w.new_page();
    let mut c = w.canvas();
    // Edge to edge on any paper: the drawing is shifted to centre the column, the band back.
    let (left, sheet_w) = (-c.sheet.shift().0, c.sheet.w);
    c.fill_rect(left, 0.0, sheet_w, BAND, NAVY);
    c.fill_rect(left, BAND, sheet_w, 5.0, TEAL);
    w.begin("P");
    w.canvas().text(
        MARGIN_X,
        96.0,
        Style::new(Face::Bold, 9.0, TEAL_LIGHT),
        "MICRO-CREDENTIAL STRATEGIC PLAN",
    );
    w.end();
    let mut top = 122.0;
    if !s.organisation.trim().is_empty() {
        w.begin("P");
        let mut c = w.canvas();
        let org = text::wrap(
            c.fonts,
            &[Span::new(
                &s.organisation,
                Style::new(Face::Regular, 15.0, TEAL_LIGHT),
            )],
            WIDTH,
        );
        for l in &org {
            c.draw_line(l, MARGIN_X, top);
            top += l.height;
        }
        w.end();
        top += 10.0;
    }
    w.begin("H1");
    let mut c = w.canvas();
    let title = text::wrap(
        c.fonts,
        &[Span::new(&plan.name, Style::new(Face::Bold, 27.0, WHITE))],
        WIDTH,
    );
    // A very long name shrinks rather than running out of the band.
    let title = if text::height(&title) > BAND - top - 30.0 {
        text::wrap(
            c.fonts,
            &[Span::new(&plan.name, Style::new(Face::Bold, 17.0, WHITE))],
            WIDTH,
        )
    } else {
        title
    };
    for l in &title {
        if top + l.height > BAND - 24.0 {
            break;
        }
        c.draw_line(l, MARGIN_X, top);
        top += l.height;
    }
    w.end();

    let mut y = BAND + 58.0;
    let facts = [
        ("PREPARED FOR", s.prepared_for.trim()),
        ("PREPARED BY", s.prepared_by.trim()),
        ("DATE", &long_date(today)),
    ];
    for (label, value) in facts {
        if value.is_empty() {
            continue;
        }
        w.begin("P");
        let mut c = w.canvas();
        c.text(MARGIN_X, y, Style::new(Face::Bold, 7.5, TEAL), label);
        let lines = text::wrap(
            c.fonts,
            &[Span::new(value, Style::new(Face::Regular, 12.0, INK))],
            WIDTH,
        );
        let mut top = y + 5.0;
        for l in lines.iter().take(3) {
            c.draw_line(l, MARGIN_X, top);
            top += l.height;
        }
        w.end();
        y = top + 24.0;
    }
    if !s.confidentiality.trim().is_empty() {
        let mut c = w.canvas();
        let style = Style::new(Face::Italic, 9.0, MUTED);
        let lines = text::wrap(
            c.fonts,
            &[Span::new(s.confidentiality.trim(), style)],
            WIDTH,
        );
        let lines = &lines[..lines.len().min(3)];
        let mut top = c.sheet.h - 96.0 - text::height(lines);
        c.hline(MARGIN_X, MARGIN_X + WIDTH, top - 8.0, RULE, 0.6);
        w.begin("P");
        let mut c = w.canvas();
        for l in lines {
            c.draw_line(l, MARGIN_X, top);
            top += l.height;
        }
        w.end();
    }
}

/// Lays out the contents; `first_body_page` is the 1-based number of the body's first page.
pub fn contents(w: &mut Writer, anchors: &[Anchor], first_body_page: usize) {
    w.running("Contents");
    w.new_page();
    let y = w.y;
    w.begin("H1");
    w.canvas().text(
        MARGIN_X,
        y + 18.0,
        Style::new(Face::Bold, 21.0, NAVY),
        "Contents",
    );
    w.end();
    w.tags.open("TOC");
    w.y += 34.0;
    let entry = |level: u8| match level {
        0 => (Style::new(Face::Bold, 10.0, NAVY), 0.0, 7.0, 1.5),
        _ => (Style::new(Face::Regular, 8.5, INK), 16.0, 0.0, 1.5),
    };
    // The contents are read as one page: when a plan's sections and parts would run over, the
    // lines close up (never below a legible leading) rather than leave a second page with a
    // line or two on it.
    let needed: f32 = anchors
        .iter()
        .map(|a| {
            let (style, _, before, leading) = entry(a.level);
            before + style.size * leading
        })
        .sum();
    let squeeze = ((w.bottom() - w.y - 2.0) / needed).clamp(0.8, 1.0);
    for a in anchors {
        let (style, indent, before, leading) = entry(a.level);
        let h = style.size * leading * squeeze;
        let before = before * squeeze;
        w.gap(before);
        w.ensure(h);
        let page = first_body_page + a.page;
        let number = page.to_string();
        let y = w.y;
        w.begin("TOCI");
        let mut c = w.canvas();
        let nw = c.fonts.width(style.face, style.size, &number);
        let room = WIDTH - indent - 40.0;
        let title = text::fit(c.fonts, &a.title, style, room);
        let tw = c.fonts.width(style.face, style.size, &title);
        let baseline = y + style.size * 1.1;
        c.text(MARGIN_X + indent, baseline, style, &title);
        c.text(MARGIN_X + WIDTH - nw, baseline, style, &number);
        // Dotted leader from the title to the number.
        let (from, to) = (MARGIN_X + indent + tw + 6.0, MARGIN_X + WIDTH - nw - 6.0);
        if to > from {
            c.polyline(
                &[(from, baseline - 1.0), (to, baseline - 1.0)],
                false,
                MUTED,
                0.6,
                Some(&[0.6, 2.4]),
            );
        }
        c.link(MARGIN_X + indent, y, WIDTH - indent, h, page);
        w.end();
        w.y += h;
    }
    w.tags.close();
}
