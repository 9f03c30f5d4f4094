//! The heatmap in the maturity model's own layout: facets and their sub-facets down the left,
//! the five stages across, and a marked cell where a sub-facet is now and where each phase
//! aims it — one grid for the whole climb, labelled as the model's worked examples label
//! cells ("Current", "Phase 2", "Current & Phase 2"), so the chart reads without colour.

use crate::catalog::catalog;
use crate::export::pdf::fonts::Face;
use crate::export::pdf::layout::{Writer, MARGIN_X, TOP, WIDTH};
use crate::export::pdf::text::{self, Line, Span};
use crate::export::pdf::theme::{self, Rgb, Style, GRID, INK, MUTED, NAVY, PANEL, WHITE};
use crate::maturity::{PhasedHeatmap, PhasedRow, StageMarks};

/// The heatmap with its phases' short names and colours, in the order of `h.phases`.
pub struct Chart<'a> {
    pub h: &'a PhasedHeatmap,
    pub colors: Vec<Rgb>,
}

impl Chart<'_> {
    pub fn short(&self) -> Vec<String> {
        self.h.phases.iter().map(|p| short_phase(p)).collect()
    }
}

const FACET_W: f32 = 84.0;
const NAME_W: f32 = 132.0;
const PAD: f32 = 4.0;
const HEADER_H: f32 = 30.0;
const LABEL: f32 = 6.6;

fn stage_w() -> f32 {
    (WIDTH - FACET_W - NAME_W) / 5.0
}

/// "Phase 2" from "Phase 2 — Launch": the short name the model's examples print in a cell.
pub fn short_phase(name: &str) -> String {
    let head = name.split([':', '—', '–']).next().unwrap_or(name).trim();
    if head.is_empty() || head.chars().count() > 14 {
        "Target".into()
    } else {
        head.to_string()
    }
}

/// "Current", "Phase 2", "Current & Phase 2", "Phase 2 & Phase 3".
pub fn cell_label(marks: &StageMarks, short: &[String]) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if marks.current {
        parts.push("Current");
    }
    parts.extend(marks.phases.iter().map(|i| short[*i].as_str()));
    parts.join(" & ")
}

/// Fill, ink and (for a target only) the border of a cell.
pub fn cell_colors(chart: &Chart, marks: &StageMarks) -> Option<(Rgb, Rgb, Option<Rgb>)> {
    if marks.current {
        let (fill, ink) = theme::heatmap_current(!marks.phases.is_empty());
        return Some((fill, ink, None));
    }
    let last = *marks.phases.last()?;
    let border = chart.colors[last];
    let (fill, ink) = theme::heatmap_target(border);
    Some((fill, ink, Some(border)))
}

fn draw_header(w: &mut Writer) {
    let y = w.y;
    let sw = stage_w();
    let mut c = w.canvas();
    c.fill_rect(MARGIN_X, y, WIDTH, HEADER_H, NAVY);
    let head = Style::small_bold().colored(WHITE);
    c.text(MARGIN_X + PAD, y + 18.5, head, "Facet");
    c.text(MARGIN_X + FACET_W + PAD, y + 18.5, head, "Sub-facet");
    for stage in catalog().stages.iter() {
        let x = MARGIN_X + FACET_W + NAME_W + sw * f32::from(stage.number - 1);
        let lines = text::wrap(
            c.fonts,
            &[Span::new(
                format!("{} {}", stage.number, stage.name),
                head.sized(7.2),
            )],
            sw - 4.0,
        );
        let mut top = y + (HEADER_H - text::height(&lines)) / 2.0;
        for l in &lines {
            c.draw_line(l, x + (sw - l.width) / 2.0, top);
            top += l.height;
        }
    }
    w.y += HEADER_H;
}

struct Laid {
    name: Vec<Line>,
    cells: Vec<Vec<Line>>,
    height: f32,
}

fn lay_row(w: &Writer, chart: &Chart, row: &PhasedRow, short: &[String]) -> Laid {
    let name = text::wrap(
        w.fonts,
        &[Span::new(&row.name, Style::new(Face::Regular, 7.8, INK))],
        NAME_W - 2.0 * PAD,
    );
    let cells: Vec<Vec<Line>> = match &row.not_applicable {
        Some(reason) => vec![text::wrap(
            w.fonts,
            &[Span::new(
                format!("Not applicable — {reason}"),
                Style::new(Face::Italic, 7.4, MUTED),
            )],
            stage_w() * 5.0 - 2.0 * PAD,
        )],
        None => row
            .stages
            .iter()
            .map(|m| {
                let ink = cell_colors(chart, m).map_or(INK, |c| c.1);
                let style = Style::new(Face::Bold, LABEL, ink);
                text::wrap(
                    w.fonts,
                    &[Span::new(cell_label(m, short), style)],
                    stage_w() - 2.0 * PAD,
                )
            })
            .collect(),
    };
    let tallest = cells
        .iter()
        .map(|l| text::height(l))
        .fold(text::height(&name), f32::max);
    Laid {
        name,
        cells,
        height: (tallest + 2.0 * PAD).max(19.0),
    }
}

/// The most a heading over the heatmap takes, with its space.
const HEADING: f32 = 40.0;

/// Each facet's name with its laid-out rows.
fn lay(w: &Writer, chart: &Chart) -> Vec<(String, Vec<Laid>)> {
    let short = chart.short();
    chart
        .h
        .facets
        .iter()
        .map(|f| {
            let mut rows: Vec<Laid> = f
                .rows
                .iter()
                .map(|r| lay_row(w, chart, r, &short))
                .collect();
            // A facet with few sub-facets still needs room for its own (wrapped) name.
            let need = text::height(&facet_lines(w, &f.name)) + 2.0 * PAD;
            let have: f32 = rows.iter().map(|r| r.height).sum();
            if let Some(last) = rows.last_mut() {
                last.height += (need - have).max(0.0);
            }
            (f.name.clone(), rows)
        })
        .collect()
}

/// The grid, its header and its legend: the legend names the phases, so it stays with them.
fn whole(w: &Writer, chart: &Chart, facets: &[(String, Vec<Laid>)]) -> f32 {
    let legend = text::height(&text::wrap(w.fonts, &legend_spans(chart), WIDTH));
    facets
        .iter()
        .flat_map(|f| &f.1)
        .map(|r| r.height)
        .sum::<f32>()
        + HEADER_H
        + legend
        + 16.0
}

/// The room the heatmap needs where it starts: all of it when one page can hold it (it is
/// read as a whole), else its header and a few rows. A heading before it keeps this much.
pub fn keep(w: &Writer, chart: &Chart) -> f32 {
    let total = whole(w, chart, &lay(w, chart));
    let page = w.bottom() - TOP;
    // Moving it whole to the next page is worth it only where that leaves less than half of
    // this one empty; else it starts here and continues under its header.
    // (The room counts a heading's before it.)
    if total <= page && (total + HEADING <= w.room() || w.room() < page / 2.0) {
        total
    } else {
        HEADER_H + 60.0
    }
}

/// Draws the heatmap and its legend.
pub fn draw(w: &mut Writer, chart: &Chart) {
    let h = chart.h;
    // The grid is read as a whole: keep it on one page whenever one page can hold it.
    let facets = lay(w, chart);
    let need = keep(w, chart);
    w.ensure(need);
    draw_header(w);
    let sw = stage_w();
    for (fi, (facet, rows)) in facets.iter().enumerate() {
        let mut start = w.y;
        for (ri, (row, src)) in rows.iter().zip(&h.facets[fi].rows).enumerate() {
            if row.height > w.room() {
                finish_facet(w, facet, start);
                w.new_page();
                draw_header(w);
                start = w.y;
            }
            let y = w.y;
            let mut c = w.canvas();
            let mut top = y + PAD;
            for l in &row.name {
                c.draw_line(l, MARGIN_X + FACET_W + PAD, top);
                top += l.height;
            }
            let x0 = MARGIN_X + FACET_W + NAME_W;
            if src.not_applicable.is_some() {
                c.fill_rect(x0 + 1.0, y + 1.0, sw * 5.0 - 2.0, row.height - 2.0, GRID);
                draw_lines(
                    &mut c,
                    &row.cells[0],
                    x0 + PAD,
                    y + (row.height - text::height(&row.cells[0])) / 2.0,
                    None,
                );
            } else {
                for (i, marks) in src.stages.iter().enumerate() {
                    let x = x0 + sw * i as f32;
                    let colors = cell_colors(chart, marks);
                    let fill = colors.map_or(GRID, |c| c.0);
                    c.fill_rect(x + 1.0, y + 1.0, sw - 2.0, row.height - 2.0, fill);
                    if let Some((_, _, Some(border))) = colors {
                        c.stroke_rect(x + 1.5, y + 1.5, sw - 3.0, row.height - 3.0, border, 1.2);
                    }
                    let lines = &row.cells[i];
                    draw_lines(
                        &mut c,
                        lines,
                        x,
                        y + (row.height - text::height(lines)) / 2.0,
                        Some(sw),
                    );
                }
            }
            if ri + 1 < rows.len() {
                c.hline(MARGIN_X + FACET_W, x0, y + row.height, theme::RULE, 0.4);
            }
            w.y += row.height;
        }
        finish_facet(w, facet, start);
    }
    w.y += 8.0;
    legend(w, chart);
}

fn draw_lines(
    c: &mut crate::export::pdf::canvas::Canvas,
    lines: &[Line],
    x: f32,
    mut top: f32,
    centre_in: Option<f32>,
) {
    for l in lines {
        let lx = centre_in.map_or(x, |cw| x + (cw - l.width) / 2.0);
        c.draw_line(l, lx, top);
        top += l.height;
    }
}

/// The facet's cell spans its sub-facets' rows, drawn once their height is known.
fn finish_facet(w: &mut Writer, facet: &str, start: f32) {
    let h = w.y - start;
    if h <= 0.0 {
        return;
    }
    let lines = facet_lines(w, facet);
    let mut c = w.canvas();
    c.fill_rect(MARGIN_X, start, FACET_W - 1.0, h - 1.0, PANEL);
    let mut top = start + PAD;
    for l in &lines {
        c.draw_line(l, MARGIN_X + PAD, top);
        top += l.height;
    }
    c.hline(MARGIN_X, MARGIN_X + WIDTH, start + h, theme::NAVY, 0.8);
}

fn facet_lines(w: &Writer, facet: &str) -> Vec<Line> {
    text::wrap(
        w.fonts,
        &[Span::new(facet, Style::new(Face::Bold, 8.2, NAVY))],
        FACET_W - 2.0 * PAD,
    )
}

fn legend(w: &mut Writer, chart: &Chart) {
    let spans = legend_spans(chart);
    w.paragraph(&spans);
}

pub fn legend_spans(chart: &Chart) -> Vec<Span> {
    let short = chart.short();
    let chip = |label: String, (fill, ink): (Rgb, Rgb)| {
        Span::kept(label, Style::new(Face::Bold, LABEL + 0.4, ink).on(fill))
    };
    let mut spans = vec![
        chip("Current".into(), theme::heatmap_current(false)),
        Span::new(" current stage     ", Style::small()),
    ];
    for (i, name) in chart.h.phases.iter().enumerate() {
        spans.push(chip(
            short[i].clone(),
            theme::heatmap_target(chart.colors[i]),
        ));
        spans.push(Span::new(
            format!(" target for {name}     "),
            Style::small(),
        ));
    }
    if let Some(first) = short.first() {
        spans.push(chip(
            format!("Current & {first}"),
            theme::heatmap_current(true),
        ));
        spans.push(Span::new(" already at the target", Style::small()));
    }
    spans
}
