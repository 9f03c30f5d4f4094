//! The figures in Word: the heatmap as a real table shaded as the PDF shades it (so it stays
//! editable and readable by a screen reader), every other chart as a picture drawn by the
//! PDF's own chart code, with a description as its alt text.

use super::body::{cell_paragraphs, header_size, open_table, shade, Body, Image};
use super::xml::{esc, plain};
use crate::catalog::catalog;
use crate::export::doc::charts::Chart;
use crate::export::doc::table::Align;
use crate::export::pdf::charts::heatmap::{
    self as pdf_heatmap, cell_colors, cell_label, legend_spans,
};
use crate::export::pdf::fonts::Face;
use crate::export::pdf::layout::WIDTH;
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{self, Style, INK, MUTED};
use std::fmt::Write;

/// English Metric Units per point, the unit of a picture's size.
const EMU: f32 = 12700.0;

pub fn chart(b: &mut Body, c: &Chart) {
    match c {
        Chart::Heatmap(h, colors) => heatmap(
            b,
            &pdf_heatmap::Chart {
                h,
                colors: colors.clone(),
            },
        ),
        other => match b
            .drawn
            .remove(&super::raster::key(other))
            .unwrap_or_else(|| super::raster::picture(other))
        {
            Some(p) => image(b, p.png, p.width, p.height, &other.describe()),
            // Nothing to draw from: the description stands in for it.
            None => b.para("Caption", "", &plain(&other.describe())),
        },
    }
}

fn image(b: &mut Body, png: Vec<u8>, width: f32, height: f32, alt: &str) {
    b.images.push(Image { png });
    let n = b.images.len();
    let scale = (WIDTH / width).min(1.0);
    let (cx, cy) = (
        (width * scale * EMU).round() as i64,
        (height * scale * EMU).round() as i64,
    );
    let alt = esc(alt);
    let drawing = format!(
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
<wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Figure {n}\" descr=\"{alt}\"/>\
<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">\
<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"image{n}.png\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"rIdImg{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
</wp:inline></w:drawing></w:r>"
    );
    b.para("Normal", "<w:jc w:val=\"center\"/>", &drawing);
}

/// The heatmap as a table: facet, sub-facet, then the five stages, each marked cell filled
/// and labelled as in the PDF, the facet's name merged down its rows, and the PDF's legend
/// under it.
fn heatmap(b: &mut Body, chart: &pdf_heatmap::Chart) {
    b.before_table();
    let h = chart.h;
    let short = chart.short();
    let stage = (WIDTH - 84.0 - 132.0) / 5.0;
    let widths: Vec<i64> = [84.0, 132.0, stage, stage, stage, stage, stage]
        .iter()
        .map(|w| super::xml::twips(*w))
        .collect();
    // Narrow stage columns: less padding, so "Exploratory" fits whole.
    let pad = 2.0;
    let mut x = open_table(&widths, Some(pad));
    x.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    let mut titles = vec!["Facet".to_string(), "Sub-facet".to_string()];
    titles.extend(
        catalog()
            .stages
            .iter()
            .map(|s| format!("{} {}", s.number, s.name)),
    );
    let header = header_size(
        titles.iter().map(|t| t.as_str()),
        &widths
            .iter()
            .map(|w| w + super::xml::twips(2.0 * (super::body::PAD_X - pad)))
            .collect::<Vec<_>>(),
    );
    let head = |t: &str| vec![vec![Span::new(t, header)]];
    for (i, (t, w)) in titles.iter().zip(&widths).enumerate() {
        let _ = write!(
            x,
            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{}</w:tcPr>",
            shade(theme::NAVY)
        );
        let align = if i >= 2 { Align::Center } else { Align::Left };
        cell_paragraphs(&mut x, &head(t), align, true);
        x.push_str("</w:tc>");
    }
    x.push_str("</w:tr>");
    // The heatmap is read as a whole: every row keeps with the next, so Word moves it to a
    // page of its own when it fits one (and breaks it only when it cannot).
    let total: usize = h.facets.iter().map(|f| f.rows.len()).sum();
    let mut seen = 0;
    for f in &h.facets {
        for (i, row) in f.rows.iter().enumerate() {
            x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            seen += 1;
            let keep = seen < total;
            let merge = if i == 0 {
                "<w:vMerge w:val=\"restart\"/>"
            } else {
                "<w:vMerge/>"
            };
            let _ = write!(
                x,
                "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{merge}{}</w:tcPr>",
                widths[0],
                shade(theme::PANEL)
            );
            let name = if i == 0 { f.name.as_str() } else { "" };
            cell_paragraphs(
                &mut x,
                &[vec![Span::new(name, Style::new(Face::Bold, 7.8, INK))]],
                Align::Left,
                keep,
            );
            let _ = write!(
                x,
                "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>",
                widths[1]
            );
            cell_paragraphs(
                &mut x,
                &[vec![Span::new(
                    &row.name,
                    Style::new(Face::Regular, 7.8, INK),
                )]],
                Align::Left,
                keep,
            );
            x.push_str("</w:tc>");
            match &row.not_applicable {
                Some(reason) => {
                    let span: i64 = widths[2..].iter().sum();
                    let _ = write!(
                        x,
                        "<w:tc><w:tcPr><w:tcW w:w=\"{span}\" w:type=\"dxa\"/><w:gridSpan w:val=\"5\"/></w:tcPr>"
                    );
                    cell_paragraphs(
                        &mut x,
                        &[vec![Span::new(
                            format!("Not applicable — {reason}"),
                            Style::new(Face::Italic, 7.4, MUTED),
                        )]],
                        Align::Left,
                        keep,
                    );
                    x.push_str("</w:tc>");
                }
                None => {
                    for (marks, w) in row.stages.iter().zip(&widths[2..]) {
                        let colours = cell_colors(chart, marks);
                        // A target alone is outlined in its phase's colour, as in the PDF.
                        let border = colours.and_then(|c| c.2).map_or(String::new(), |c| {
                            let c = super::xml::hex(c);
                            format!(
                                "<w:tcBorders><w:top w:val=\"single\" w:sz=\"8\" w:color=\"{c}\"/><w:left w:val=\"single\" w:sz=\"8\" w:color=\"{c}\"/><w:bottom w:val=\"single\" w:sz=\"8\" w:color=\"{c}\"/><w:right w:val=\"single\" w:sz=\"8\" w:color=\"{c}\"/></w:tcBorders>"
                            )
                        });
                        let _ = write!(
                            x,
                            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{border}{}<w:vAlign w:val=\"center\"/></w:tcPr>",
                            colours.map(|c| shade(c.0)).unwrap_or_default()
                        );
                        let ink = colours.map_or(INK, |c| c.1);
                        cell_paragraphs(
                            &mut x,
                            &[vec![Span::new(
                                cell_label(marks, &short),
                                Style::new(Face::Bold, 6.6, ink),
                            )]],
                            Align::Center,
                            keep,
                        );
                        x.push_str("</w:tc>");
                    }
                }
            }
            x.push_str("</w:tr>");
        }
    }
    x.push_str("</w:tbl>");
    b.xml.push_str(&x);
    b.para("AfterTable", "", "");
    b.para("Caption", "", &super::xml::runs(&legend_spans(chart)));
}
