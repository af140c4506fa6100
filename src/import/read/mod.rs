//! Reading a sheet into rows of cells: CSV as Excel and office tools write it
//! (`encoding`, `csv`), or a workbook (XLSX, also XLS and ODS) through `calamine`
//! (`workbook`). Rows are numbered as a spreadsheet shows them.

mod csv;
mod encoding;
mod grid;
mod package;
mod workbook;

use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result, io_words};
use crate::i18n::{T, t};

pub use csv::read_csv;
pub use encoding::decode;
pub use grid::{MAX_COLUMNS, MAX_TEXT_BYTES};

/// One cell, typed as far as the file says: workbooks know numbers and dates, CSV
/// only text.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }
}

/// Cells merged into one, as a workbook records them (CSV has none): rows numbered as
/// `Row::number`, columns from 0, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: usize,
    pub last_row: usize,
    pub first_col: usize,
    pub last_col: usize,
}

/// A sheet as read: its rows, and its merged cells where the format keeps them.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub rows: Vec<Row>,
    pub merges: Vec<Merge>,
}

/// Rows looked at for the header: report appendices put a heading block, a title and
/// a "(Kèm theo …)" line above it, often with blank rows between.
pub const HEADER_SCAN: usize = 30;

#[derive(Debug, Clone)]
pub struct Row {
    /// The row number a spreadsheet shows (the first row is 1).
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// A column as a spreadsheet names it: 0 is A, 25 Z, 26 AA.
pub fn column_name(i: usize) -> String {
    let mut n = i + 1;
    let mut name = Vec::new();
    while n > 0 {
        name.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Scores a candidate header row: how many cells are known column names.
pub type HeaderScore<'a> = &'a dyn Fn(&[Cell]) -> usize;

/// Reads a whole sheet. Errors are messages for the user.
pub fn read_sheet(path: &Path, sheet: Option<&str>, score: HeaderScore) -> Result<Sheet> {
    let cannot =
        |e: std::io::Error| Error::User(format!("{}: {}", t(T::ImpCannotRead), io_words(&e)));
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > grid::MAX_FILE_BYTES {
        return Err(Error::User(format!(
            "{} ({} MB, {} {} MB)",
            t(T::ImpFileTooBig),
            size >> 20,
            t(T::ImpAtMost),
            grid::MAX_FILE_BYTES >> 20
        )));
    }
    let bytes = std::fs::read(path).map_err(cannot)?;
    if is_workbook(path, &bytes) {
        workbook::read(path, sheet)
    } else {
        if sheet.is_some() {
            return Err(Error::User(t(T::ImpSheetNotCsv).to_string()));
        }
        let text = decode(&bytes)?;
        Ok(Sheet {
            rows: read_csv(&text, score)?,
            merges: Vec::new(),
        })
    }
}

fn is_workbook(path: &Path, bytes: &[u8]) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
        // A zip (XLSX, ODS) or an OLE file (XLS) whatever its name says.
        || bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// An Excel serial day number (1900 system) as a date.
pub fn excel_serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let dt =
        calamine::ExcelDateTime::new(serial.floor(), calamine::ExcelDateTimeType::DateTime, false);
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_a_spreadsheet_names_them() {
        let names: Vec<String> = [0, 25, 26, 255, 16383].map(column_name).into();
        assert_eq!(names, ["A", "Z", "AA", "IV", "XFD"]);
    }

    #[test]
    fn serial_numbers_are_dates() {
        assert_eq!(
            excel_serial_date(44827.0),
            NaiveDate::from_ymd_opt(2022, 9, 23)
        );
    }
}
