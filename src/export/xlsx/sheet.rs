//! One worksheet being written top to bottom: a title, notes, label/value pairs and real
//! Excel tables, each placed below the last. Row heights are estimated from the text and the
//! column widths and set explicitly, since LibreOffice does not grow a row to fit wrapped text.

use super::formats::Formats;
use super::wrap::{height, lines, BOLD, LINE_HEIGHT};
use super::xlsx_date;
use rust_xlsxwriter::{
    Color, ConditionalFormat3ColorScale, ConditionalFormatCell, ConditionalFormatCellRule,
    ConditionalFormatDataBar, ConditionalFormatType, DataValidation, Format, Formula, Table,
    TableColumn, TableStyle, Worksheet, XlsxError,
};

/// Excel's longest cell text, in UTF-16 units (an emoji takes two).
const MAX_CELL_UNITS: usize = 32_767;
/// Excel's longest data-validation title.
const MAX_TITLE_UNITS: usize = 32;
/// Excel's longest inline dropdown list, commas included.
const MAX_LIST_UNITS: usize = 255;
/// Longest table column header written (Excel's limit for a column name).
const MAX_HEADER_UNITS: usize = 255;

/// Shown at the end of a text Excel cannot hold whole. The plan's own limit (20,000
/// characters) can exceed Excel's 32,767 UTF-16 units when the text is emoji or rare CJK;
/// the cell keeps what fits and says where the rest is.
pub(super) const CUT_MARKER: &str = " … [cut: an Excel cell holds 32,767 characters; the full text is in the PDF and the plan file]";

/// `text` in at most `max` UTF-16 units, cut on a character boundary and ending in `marker`
/// when it had to be cut.
pub(super) fn fit(text: &str, max: usize, marker: &str) -> String {
    let units = |s: &str| s.encode_utf16().count();
    if units(text) <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(units(marker));
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        used += c.len_utf16();
        if used > room {
            break;
        }
        out.push(c);
    }
    out + marker
}

/// A text as a cell can hold it.
pub(super) fn fit_cell(text: &str) -> String {
    fit(text, MAX_CELL_UNITS, CUT_MARKER)
}

/// The key under which Excel (and rust_xlsxwriter) takes two names to be the same: case
/// folded for every script, so "École" and "école", or "STRASSE" and "straße", are one name.
pub(super) fn folded(name: &str) -> String {
    name.trim().to_uppercase().to_lowercase()
}

/// A cell's value.
#[derive(Debug, Clone)]
pub(super) enum V {
    S(String),
    N(f64),
    D(chrono::NaiveDate),
    /// A formula with the result it has when written, so readers that do not calculate (and
    /// the tests) see the value.
    F(String, f64),
    Blank,
}

impl V {
    pub fn s(text: impl Into<String>) -> V {
        let text: String = text.into();
        if text.trim().is_empty() {
            return V::Blank;
        }
        V::S(fit_cell(&text))
    }
    pub fn n(value: Option<f64>) -> V {
        value.filter(|v| v.is_finite()).map_or(V::Blank, V::N)
    }
    pub fn d(date: Option<chrono::NaiveDate>) -> V {
        date.map_or(V::Blank, V::D)
    }
    pub fn count(n: usize) -> V {
        V::N(n as f64)
    }
    fn text(&self) -> &str {
        match self {
            V::S(s) => s,
            _ => "",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    Bold,
    Center,
    Number,
    Mean,
    Percent,
    Date,
}

/// A table column: its header, how its cells look, and the values a dropdown offers.
#[derive(Debug, Clone)]
pub(super) struct Col {
    pub header: String,
    pub kind: Kind,
    pub choices: Vec<String>,
}

impl Col {
    pub fn new(header: impl Into<String>, kind: Kind) -> Col {
        Col {
            header: header.into(),
            kind,
            choices: Vec::new(),
        }
    }
    pub fn text(header: &str) -> Col {
        Col::new(header, Kind::Text)
    }
    pub fn bold(header: &str) -> Col {
        Col::new(header, Kind::Bold)
    }
    pub fn center(header: &str) -> Col {
        Col::new(header, Kind::Center)
    }
    pub fn number(header: &str) -> Col {
        Col::new(header, Kind::Number)
    }
    pub fn date(header: &str) -> Col {
        Col::new(header, Kind::Date)
    }
    pub fn choices(mut self, choices: impl IntoIterator<Item = impl Into<String>>) -> Col {
        self.choices = choices.into_iter().map(Into::into).collect();
        self
    }
}

/// Where a table landed: its header row and its first and last data rows.
#[derive(Debug, Clone, Copy)]
pub(super) struct Placed {
    pub header: u32,
    pub first: u32,
    pub last: u32,
}

pub(super) struct Sheet<'a> {
    pub ws: Worksheet,
    pub f: &'a Formats,
    widths: Vec<f64>,
    /// The next free row.
    pub row: u32,
}

/// Names as table headers: unique, as Excel requires, even when two roles or raters share a
/// name or differ only in case; blank ones are called `blank`; none longer than Excel takes.
pub(super) fn unique_headers<'a>(names: impl Iterator<Item = &'a str>, blank: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for name in names {
        let base = if name.trim().is_empty() {
            blank
        } else {
            name.trim()
        };
        let base = fit(base, MAX_HEADER_UNITS - 8, "…");
        let mut header = base.clone();
        let mut n = 2;
        while !seen.insert(folded(&header)) {
            header = format!("{base} ({n})");
            n += 1;
        }
        out.push(header);
    }
    out
}

/// Whether a dropdown can offer `choices` written inline. Excel splits the list at commas and
/// caps it at 255 units, so choices named by the user (delivery modes) may not fit; the
/// column is then left without a dropdown rather than offering wrong or missing values.
fn inline_list_fits(choices: &[String]) -> bool {
    let joined: usize = choices.iter().map(|c| c.encode_utf16().count() + 1).sum();
    !choices.is_empty()
        && joined <= MAX_LIST_UNITS + 1
        && choices
            .iter()
            .all(|c| !c.contains(',') && !c.trim().is_empty())
}

/// `&` starts a code in headers and footers; a plan named "Teaching & Learning" needs it doubled.
fn header_text(s: &str) -> String {
    s.chars().take(80).collect::<String>().replace('&', "&&")
}

impl<'a> Sheet<'a> {
    /// A sheet with its column widths and print set-up: landscape, one page wide, the plan's
    /// name in the page header and "page X of Y" in the footer.
    pub fn new(
        name: &str,
        f: &'a Formats,
        plan_name: &str,
        widths: &[f64],
    ) -> Result<Sheet<'a>, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        for (col, w) in widths.iter().enumerate() {
            ws.set_column_width(col as u16, *w)?;
        }
        ws.set_landscape()
            .set_print_fit_to_pages(1, 0)
            .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
            .set_header(format!("&L&9{}&R&9&A", header_text(plan_name)))
            .set_footer("&R&9Page &P of &N");
        Ok(Sheet {
            ws,
            f,
            widths: widths.to_vec(),
            row: 0,
        })
    }

    fn last_col(&self) -> u16 {
        self.widths.len().saturating_sub(1) as u16
    }

    fn width_from(&self, col: usize) -> f64 {
        self.widths.iter().skip(col).sum()
    }

    /// Text spread over the columns from `col` to the last, with the row tall enough for it.
    fn spread(&mut self, col: u16, text: &str, format: &Format) -> Result<(), XlsxError> {
        let text = &fit_cell(text);
        let last = self.last_col();
        if last > col {
            self.ws
                .merge_range(self.row, col, self.row, last, text, format)?;
        } else {
            self.ws.write_with_format(self.row, col, text, format)?;
        }
        let n = lines(text, self.width_from(col.into()));
        self.ws
            .set_row_height(self.row, height(n).max(LINE_HEIGHT))?;
        Ok(())
    }

    /// The sheet's title and, under it, what the sheet holds.
    pub fn title(&mut self, title: &str, about: &str) -> Result<(), XlsxError> {
        // 16-point bold runs about 0.6 times as many characters to the line as body text.
        let n = lines(title, self.width_from(0) * 0.6);
        let f = self.f.title.clone();
        self.spread(0, title, &f)?;
        self.ws.set_row_height(self.row, 22.0 * n as f64 + 2.0)?;
        self.row += 1;
        if !about.is_empty() {
            let f = self.f.subtitle.clone();
            self.spread(0, about, &f)?;
            self.row += 1;
        }
        self.row += 1;
        Ok(())
    }

    /// A heading over the next block of the sheet.
    pub fn section(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = self.f.section.clone();
        self.ws.write_with_format(self.row, 0, fit_cell(text), &f)?;
        self.ws.set_row_height(self.row, 20)?;
        self.row += 1;
        Ok(())
    }

    pub fn note(&mut self, text: &str) -> Result<(), XlsxError> {
        let f = self.f.note.clone();
        self.spread(0, text, &f)?;
        self.row += 1;
        Ok(())
    }

    /// What an empty step shows instead of its tables.
    pub fn not_yet_written(&mut self, what: &str) -> Result<(), XlsxError> {
        self.note(&format!("Not yet written — {what}"))?;
        self.row += 1;
        Ok(())
    }

    /// Label and value rows: the label in the first column, the value across the rest.
    pub fn pairs(&mut self, pairs: &[(&str, V)]) -> Result<(), XlsxError> {
        for (label, value) in pairs {
            self.ws
                .write_with_format(self.row, 0, fit_cell(label), &self.f.label)?;
            let last = self.last_col();
            let f = match value {
                V::D(_) => self.f.value_date.clone(),
                _ => self.f.value.clone(),
            };
            if last > 1 {
                self.ws.merge_range(self.row, 1, self.row, last, "", &f)?;
            }
            self.cell(self.row, 1, value, &f)?;
            let n =
                lines(value.text(), self.width_from(1)).max(lines(label, self.widths[0] * BOLD));
            self.ws.set_row_height(self.row, height(n))?;
            self.row += 1;
        }
        self.row += 1;
        Ok(())
    }

    pub fn cell(&mut self, row: u32, col: u16, value: &V, f: &Format) -> Result<(), XlsxError> {
        match value {
            V::S(s) => self.ws.write_string_with_format(row, col, s, f)?,
            V::N(n) => self.ws.write_number_with_format(row, col, *n, f)?,
            V::D(d) => match xlsx_date(*d) {
                Some(x) => self.ws.write_datetime_with_format(row, col, x, f)?,
                None => self
                    .ws
                    .write_string_with_format(row, col, d.to_string(), f)?,
            },
            V::F(formula, result) => self.ws.write_formula_with_format(
                row,
                col,
                Formula::new(formula).set_result(result.to_string()),
                f,
            )?,
            V::Blank => self.ws.write_blank(row, col, f)?,
        };
        Ok(())
    }

    fn format(&self, kind: Kind) -> Format {
        let f = self.f;
        match kind {
            Kind::Text => f.text.clone(),
            Kind::Bold => f.bold_text.clone(),
            Kind::Center => f.center.clone(),
            Kind::Number => f.number.clone(),
            Kind::Mean => f.mean.clone(),
            Kind::Percent => f.percent.clone(),
            Kind::Date => f.date.clone(),
        }
    }

    /// A real Excel table (banded, with a filter button on every header) at the next free
    /// row, with dropdowns on the columns that offer choices. With no rows it writes `empty`
    /// instead, since a table needs at least one.
    pub fn table(
        &mut self,
        name: &str,
        cols: &[Col],
        rows: &[Vec<V>],
        empty: &str,
    ) -> Result<Option<Placed>, XlsxError> {
        if rows.is_empty() {
            self.note(empty)?;
            self.row += 1;
            return Ok(None);
        }
        // Every table's headers are made unique and legal here, whatever they are named after
        // (roles, raters, phases), so no plan's names can make Excel refuse the table.
        let headers = unique_headers(cols.iter().map(|c| c.header.as_str()), "Column");
        let cols: Vec<Col> = cols
            .iter()
            .zip(headers)
            .map(|(c, header)| Col {
                header,
                ..c.clone()
            })
            .collect();
        let cols = cols.as_slice();
        let header = self.row;
        let widths = self.widths.clone();
        let width = |c: usize| widths.get(c).copied().unwrap_or(8.43);
        let header_lines = cols
            .iter()
            .enumerate()
            .map(|(c, col)| lines(&col.header, width(c) * BOLD))
            .max()
            .unwrap_or(1);
        self.ws.set_row_height(header, height(header_lines))?;
        let formats: Vec<Format> = cols.iter().map(|c| self.format(c.kind)).collect();
        for (i, values) in rows.iter().enumerate() {
            let row = header + 1 + i as u32;
            let mut tallest = 1;
            for (c, f) in formats.iter().enumerate() {
                let value = values.get(c).unwrap_or(&V::Blank);
                self.cell(row, c as u16, value, f)?;
                if matches!(value, V::S(_)) {
                    let w = if cols[c].kind == Kind::Bold {
                        width(c) * BOLD
                    } else {
                        width(c)
                    };
                    tallest = tallest.max(lines(value.text(), w));
                }
            }
            if tallest > 1 {
                self.ws.set_row_height(row, height(tallest))?;
            }
        }
        let last = header + rows.len() as u32;
        let columns: Vec<TableColumn> = cols
            .iter()
            .map(|c| {
                TableColumn::new()
                    .set_header(&c.header)
                    .set_header_format(&self.f.header)
            })
            .collect();
        let table = Table::new()
            .set_name(name)
            .set_style(TableStyle::Light9)
            .set_columns(&columns);
        self.ws
            .add_table(header, 0, last, cols.len() as u16 - 1, &table)?;
        for (c, col) in cols.iter().enumerate() {
            if !inline_list_fits(&col.choices) {
                continue;
            }
            let dv = DataValidation::new()
                .allow_list_strings(&col.choices)?
                .set_error_title(fit(&col.header, MAX_TITLE_UNITS, "…"))?
                .set_error_message("Pick a value from the list.")?;
            self.ws
                .add_data_validation(header + 1, c as u16, last, c as u16, &dv)?;
        }
        self.row = last + 2;
        Ok(Some(Placed {
            header,
            first: header + 1,
            last,
        }))
    }

    /// Keeps the rows above `row` and the columns left of `col` in view while scrolling.
    pub fn freeze(&mut self, row: u32, col: u16) -> Result<(), XlsxError> {
        self.ws.set_freeze_panes(row, col)?;
        Ok(())
    }

    /// Prints `row` at the top of every page.
    pub fn repeat(&mut self, row: u32) -> Result<(), XlsxError> {
        self.ws.set_repeat_rows(row, row)?;
        Ok(())
    }

    /// For a sheet that is one long table: its header stays in view and heads every page.
    pub fn freeze_header(&mut self, t: &Placed, col: u16) -> Result<(), XlsxError> {
        self.freeze(t.first, col)?;
        self.repeat(t.header)
    }

    /// For a sheet of several blocks, where no one header fits them all: the title stays.
    pub fn freeze_title(&mut self) -> Result<(), XlsxError> {
        self.freeze(1, 0)?;
        self.repeat(0)
    }

    /// Fills the cells of `first..=last` × `cols` that hold exactly one of the texts.
    pub fn colour_text(
        &mut self,
        rows: (u32, u32),
        cols: (u16, u16),
        rules: &[(&str, (u32, u32))],
    ) -> Result<(), XlsxError> {
        for (text, fill) in rules {
            let cf = ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::EqualTo(*text))
                .set_format(Formats::fill(*fill));
            self.ws
                .add_conditional_format(rows.0, cols.0, rows.1, cols.1, &cf)?;
        }
        Ok(())
    }

    /// Fills the cells of `rows` × `col` whose number lies in one of the bands (min, max, fill).
    pub fn colour_bands(
        &mut self,
        rows: (u32, u32),
        col: u16,
        bands: &[(f64, f64, (u32, u32))],
    ) -> Result<(), XlsxError> {
        for (min, max, fill) in bands {
            let cf = ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::Between(*min, *max))
                .set_format(Formats::fill(*fill));
            self.ws
                .add_conditional_format(rows.0, col, rows.1, col, &cf)?;
        }
        Ok(())
    }

    /// A bar in each cell of a column, as long as its value is between `min` and `max`.
    pub fn bars(
        &mut self,
        rows: (u32, u32),
        col: u16,
        min: f64,
        max: f64,
    ) -> Result<(), XlsxError> {
        let bar = ConditionalFormatDataBar::new()
            .set_minimum(ConditionalFormatType::Number, min)
            .set_maximum(ConditionalFormatType::Number, max)
            .set_fill_color(Color::RGB(0x9DC3E6));
        self.ws
            .add_conditional_format(rows.0, col, rows.1, col, &bar)?;
        Ok(())
    }

    /// Stages 1–5 shaded from pale to deep blue, so a column of stages reads at a glance.
    pub fn stage_scale(&mut self, rows: (u32, u32), cols: (u16, u16)) -> Result<(), XlsxError> {
        let scale = ConditionalFormat3ColorScale::new()
            .set_minimum(ConditionalFormatType::Number, 1)
            .set_midpoint(ConditionalFormatType::Number, 3)
            .set_maximum(ConditionalFormatType::Number, 5)
            .set_minimum_color(Color::RGB(0xF2F6FC))
            .set_midpoint_color(Color::RGB(0x9DC3E6))
            .set_maximum_color(Color::RGB(0x2E75B6));
        self.ws
            .add_conditional_format(rows.0, cols.0, rows.1, cols.1, &scale)?;
        Ok(())
    }

    pub fn finish(self) -> Worksheet {
        self.ws
    }
}
