//! Workbooks through `calamine`: XLSX, XLSB, XLS and ODS, a sheet named or the first,
//! within the bounds of `grid`.

use std::path::Path;

use calamine::{Data, Reader, Xlsb, Xlsx};
use chrono::NaiveDate;

use super::grid::Grid;
use super::package::{self, Kind};
use super::{Cell, Merge, Sheet};
use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{T, t};

/// A sheet read cell by cell into a grid that keeps to the bounds, whatever the
/// workbook declares.
macro_rules! cells_into_grid {
    ($book:ty, $path:expr, $sheet:expr) => {{
        let mut wb: $book = calamine::open_workbook($path).map_err(cannot_read)?;
        let name = pick(wb.sheet_names(), $sheet)?;
        let mut cells = wb.worksheet_cells_reader(&name).map_err(cannot_read)?;
        let mut grid = Grid::default();
        while let Some(c) = cells.next_cell().map_err(cannot_read)? {
            put(&mut grid, c.get_position(), c.get_value().clone().into())?;
        }
        drop(cells);
        (wb, name, grid.finish())
    }};
}

/// Worksheets up to this size (unpacked) have their merged cells read: calamine holds
/// them all (16 bytes each, one per ~25 bytes of XML at worst). Report sheets are far
/// smaller; above it, a two-row header's parents are found as in CSV.
const MERGES_UP_TO_BYTES: u64 = 64 << 20;

/// The rows of a workbook's sheet. XLSX and XLSB are read cell by cell into a grid
/// that keeps to the bounds; ODS is checked first (`package`), XLS is bounded by its
/// format (65,536 × 256 cells a sheet).
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet> {
    let (kind, sheet_bytes) = package::inspect(path)?;
    match kind {
        // The two readers have the same methods and no trait in common.
        Kind::Xlsx => {
            let (mut wb, name, rows): (Xlsx<_>, _, _) = cells_into_grid!(Xlsx<_>, path, sheet);
            let mut merges = Vec::new();
            if sheet_bytes <= MERGES_UP_TO_BYTES {
                merges = wb
                    .merge_cells_by_sheet_name(&name)
                    .map_err(cannot_read)?
                    .iter()
                    .map(|d| Merge {
                        first_row: d.start.0 as usize + 1,
                        last_row: d.end.0 as usize + 1,
                        first_col: d.start.1 as usize,
                        last_col: d.end.1 as usize,
                    })
                    .collect();
            }
            Ok(Sheet { rows, merges })
        }
        Kind::Xlsb => {
            let (_, _, rows): (Xlsb<_>, String, _) = cells_into_grid!(Xlsb<_>, path, sheet);
            Ok(Sheet {
                rows,
                merges: Vec::new(),
            })
        }
        Kind::Ods | Kind::Other => {
            let mut wb = calamine::open_workbook_auto(path).map_err(cannot_read)?;
            let name = pick(wb.sheet_names(), sheet)?;
            let range = wb.worksheet_range(&name).map_err(cannot_read)?;
            let mut grid = Grid::default();
            for (row, col, d) in range.used_cells() {
                let (r0, c0) = range.start().unwrap_or((0, 0));
                put(&mut grid, (r0 + row as u32, c0 + col as u32), d.clone())?;
            }
            Ok(Sheet {
                rows: grid.finish(),
                merges: Vec::new(),
            })
        }
    }
}

fn cannot_read(e: impl std::fmt::Display) -> Error {
    let why = crate::error::library_words(&e.to_string(), T::ImpNotReadable);
    Error::User(format!("{}: {why}", t(T::ImpCannotRead)))
}

fn put(grid: &mut Grid, (row, col): (u32, u32), d: Data) -> Result<()> {
    grid.put(row as usize, col as usize, cell_of(&d))
}

/// The sheet asked for (as written, else without diacritics), or the first.
fn pick(names: Vec<String>, sheet: Option<&str>) -> Result<String> {
    match sheet {
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::User(t(T::ImpNoSheets).to_string())),
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
            }),
    }
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
