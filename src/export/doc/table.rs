//! Tables in the model: columns with their share of the width, rows of cells of styled
//! paragraphs. The PDF flows them across pages under a repeated header; the Word file writes
//! them as Word tables whose header row repeats.

use super::{Doc, Keep};
use crate::export::pdf::text::Span;
use crate::export::pdf::theme::{Rgb, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
}

impl Align {
    pub fn factor(self) -> f32 {
        match self {
            Align::Left => 0.0,
            Align::Center => 0.5,
            Align::Right => 1.0,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Share of the table's width, relative to the other columns.
    pub weight: f32,
    pub align: Align,
}

pub fn col(title: &str, weight: f32) -> Column {
    Column {
        title: title.to_string(),
        weight,
        align: Align::Left,
    }
}

pub fn col_aligned(title: &str, weight: f32, align: Align) -> Column {
    Column {
        title: title.to_string(),
        weight,
        align,
    }
}

#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// Paragraphs, one under the other.
    pub blocks: Vec<Vec<Span>>,
    pub fill: Option<Rgb>,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::spans(vec![Span::new(text, Style::cell())])
    }
    pub fn spans(spans: Vec<Span>) -> Cell {
        Cell {
            blocks: vec![spans],
            fill: None,
        }
    }
    pub fn blocks(blocks: Vec<Vec<Span>>) -> Cell {
        Cell { blocks, fill: None }
    }
}

#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Set false for label–value blocks, which read better without a header bar.
    pub header: bool,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
            header: true,
        }
    }
    pub fn without_header(mut self) -> Table {
        self.header = false;
        self
    }
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }
}

/// The room the table needs where it starts (the PDF works it out on its page).
pub fn keep(_w: &Doc, t: &Table) -> Keep {
    Keep::Table(Box::new(t.clone()))
}

/// A heading kept on the same page as the table under it.
pub fn with_heading(w: &mut Doc, title: &str, level: u8, t: &Table) {
    w.heading(title, level, keep(w, t));
    draw(w, t);
}

pub fn draw(w: &mut Doc, t: &Table) {
    w.table(t);
}
