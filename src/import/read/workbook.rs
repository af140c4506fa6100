//! Workbooks through `calamine`: XLSX, XLSB, XLS and ODS, a sheet named or the first.

use std::path::Path;

use calamine::{Data, Reader};
use chrono::NaiveDate;

use super::{Cell, Row};
use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{T, t};

/// The rows of a workbook's sheet.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Vec<Row>> {
    let mut wb = calamine::open_workbook_auto(path)
        .map_err(|e| Error::User(format!("{}: {e}", t(T::ImpCannotRead))))?;
    let names = wb.sheet_names();
    let name = match sheet {
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::User(t(T::ImpNoSheets).to_string()))?,
        Some(want) => names
            .iter()
            .find(|n| n.as_str() == want)
            .or_else(|| names.iter().find(|n| fold(n.trim()) == fold(want.trim())))
            .cloned()
            .ok_or_else(|| {
                Error::User(format!(
                    "{} «{want}» ({}: {})",
                    t(T::ImpNoSuchSheet),
                    t(T::ImpSheets),
                    names.join(", ")
                ))
            })?,
    };
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| Error::User(format!("{}: {e}", t(T::ImpCannotRead))))?;
    let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: first_row + i + 1,
            cells: cells.iter().map(cell_of).collect(),
        })
        .collect())
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::String(s) => {
            let s = s.trim();
            if s.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.to_string())
            }
        }
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)
                .map(Cell::Date)
                .unwrap_or(Cell::Number(dt.as_f64()))
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(Cell::Date)
            .unwrap_or_else(|| Cell::Text(s.clone())),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}
