//! The heatmap in the maturity model's own layout: facets and their sub-facets down the left,
//! the five stages across, and a marked cell where a sub-facet is now, where a phase aims it,
//! or both — labelled as the model's worked examples label them, so the chart reads without
//! colour.

use crate::catalog::catalog;
use crate::export::pdf::fonts::Face;
use crate::export::pdf::layout::{Writer, MARGIN_X, TOP, WIDTH};
use crate::export::pdf::text::{self, Line, Span};
use crate::export::pdf::theme::{self, Style, GRID, INK, MUTED, NAVY, PANEL, WHITE};
use crate::maturity::{Cell, Heatmap, HeatmapRow};

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

pub fn cell_label(cell: Cell, phase: &str) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Current => "Current".into(),
        Cell::Target => phase.into(),
        Cell::CurrentAndTarget => format!("Current & {phase}"),
    }
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

fn lay_row(w: &Writer, row: &HeatmapRow, phase: &str) -> Laid {
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
            .cells
            .iter()
            .map(|c| {
                let style = Style::new(
                    Face::Bold,
                    LABEL,
                    theme::heatmap_cell(*c).map_or(INK, |x| x.1),
                );
                text::wrap(
                    w.fonts,
                    &[Span::new(cell_label(*c, phase), style)],
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
fn lay(w: &Writer, h: &Heatmap, phase: &str) -> Vec<(String, Vec<Laid>)> {
    let short = short_phase(phase);
    h.facets
        .iter()
        .map(|f| {
            let mut rows: Vec<Laid> = f.rows.iter().map(|r| lay_row(w, r, &short)).collect();
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

fn whole(facets: &[(String, Vec<Laid>)]) -> f32 {
    facets
        .iter()
        .flat_map(|f| &f.1)
        .map(|r| r.height)
        .sum::<f32>()
        + HEADER_H
        + 40.0
}

/// The room the heatmap needs where it starts: all of it when one page can hold it (it is
/// read as a whole), else its header and a few rows. A heading before it keeps this much.
pub fn keep(w: &Writer, h: &Heatmap, phase: &str) -> f32 {
    let total = whole(&lay(w, h, phase));
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

/// Draws the heatmap and its legend; `phase` is the full name of the phase its targets are for.
pub fn draw(w: &mut Writer, h: &Heatmap, phase: &str) {
    let short = short_phase(phase);
    // The grid is read as a whole: keep it on one page whenever one page can hold it.
    let facets = lay(w, h, phase);
    let need = keep(w, h, phase);
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
                for (i, cell) in src.cells.iter().enumerate() {
                    let x = x0 + sw * i as f32;
                    let fill = theme::heatmap_cell(*cell).map_or(GRID, |x| x.0);
                    c.fill_rect(x + 1.0, y + 1.0, sw - 2.0, row.height - 2.0, fill);
                    if *cell == Cell::Target {
                        c.stroke_rect(
                            x + 1.5,
                            y + 1.5,
                            sw - 3.0,
                            row.height - 3.0,
                            theme::TEAL,
                            1.2,
                        );
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
    legend(w, phase, &short);
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

fn legend(w: &mut Writer, phase: &str, short: &str) {
    let items = [
        (
            Cell::Current,
            "Current".to_string(),
            "current stage".to_string(),
        ),
        (
            Cell::Target,
            short.to_string(),
            format!("target for {phase}"),
        ),
        (
            Cell::CurrentAndTarget,
            format!("Current & {short}"),
            "no change between phases".to_string(),
        ),
    ];
    let mut spans = Vec::new();
    for (cell, label, meaning) in items {
        let (fill, ink) = theme::heatmap_cell(cell).expect("marked cells have colours");
        spans.push(Span::kept(
            label,
            Style::new(Face::Bold, LABEL + 0.4, ink).on(fill),
        ));
        spans.push(Span::new(format!(" {meaning}     "), Style::small()));
    }
    w.paragraph(&spans);
}
