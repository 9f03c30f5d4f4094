//! A form's sheet read one cell at a time into a map. calamine's `worksheet_range` makes a
//! dense grid spanning the first to the last cell, so one stray value at XFD1048576 asks for
//! 549 GB; here the declared dimension is checked before any cell is read, and each cell's
//! own position as it streams by (a sheet may declare no dimension, or a false one).

use super::cell_ref;
use crate::error::{Error, Result};
use calamine::{Data, XlsxError};
use std::collections::HashMap;
use std::io::{Read, Seek};

/// The last row and column (0-based) a form's cell may sit in: the form ends at row 26 and
/// column K, and this leaves room for what a spreadsheet program writes around it.
pub const LAST_ROW: u32 = 199;
pub const LAST_COL: u32 = 31;

#[derive(Debug, Default)]
pub struct Cells(HashMap<(u32, u32), Data>);

impl Cells {
    pub fn get(&self, row: u32, col: u16) -> Option<&Data> {
        self.0.get(&(row, u32::from(col)))
    }
}

fn beyond(sheet: &str, how: &str, row: u32, col: u32) -> Error {
    let at = |row: u32, col: u32| {
        let full = cell_ref(sheet, row, u16::try_from(col).unwrap_or(u16::MAX));
        full[sheet.len() + 1..].to_string()
    };
    Error::invalid(
        sheet,
        format!(
            "the sheet {how} {}, but a scoring form's cells lie within A1:{}: clear what was written beyond the form, or export the form again",
            at(row, col),
            at(LAST_ROW, LAST_COL),
        ),
    )
}

/// The sheet's cells, or `None` when the workbook has no such sheet.
pub fn read_sheet<RS: Read + Seek>(
    wb: &mut calamine::Xlsx<RS>,
    sheet: &str,
) -> Result<Option<Cells>> {
    let unreadable = |e: XlsxError| Error::invalid(sheet, format!("the sheet cannot be read: {e}"));
    let mut reader = match wb.worksheet_cells_reader(sheet) {
        Ok(r) => r,
        Err(XlsxError::WorksheetNotFound(_)) => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    let declared = reader.dimensions();
    if declared.end.0 > LAST_ROW || declared.end.1 > LAST_COL {
        return Err(beyond(
            sheet,
            "declares cells up to",
            declared.end.0,
            declared.end.1,
        ));
    }
    let mut cells = HashMap::new();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let value = Data::from(cell.get_value().clone());
        if value == Data::Empty {
            continue;
        }
        let (row, col) = cell.get_position();
        if row > LAST_ROW || col > LAST_COL {
            return Err(beyond(sheet, "has a value at", row, col));
        }
        cells.insert((row, col), value);
    }
    Ok(Some(Cells(cells)))
}
