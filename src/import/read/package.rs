//! A workbook looked at before `calamine` reads it, since calamine holds what a file
//! declares: XLSX's shared strings whole, and ODS's sheets as grids spanning every
//! repeated row and column. What kind of workbook a file is; that no part of a zip
//! unpacks past the bound (zip reading stops at the size a part declares, so the
//! declared size is the true bound); and, for ODS, that no sheet spans more than tct
//! reads, counted from the XML before any grid is made.

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::grid::{
    MAX_CELLS, MAX_COLUMNS, MAX_PART_BYTES, MAX_ROWS, MAX_TEXT_BYTES, at_cell, at_most,
    beyond_columns, too_much_text,
};
use crate::error::{Error, Result};
use crate::i18n::{T, t};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Xlsb,
    Ods,
    /// Excel 97–2003 (an OLE file), or anything else calamine may know.
    Other,
}

fn cannot_read(e: impl std::fmt::Display) -> Error {
    let why = crate::error::library_words(&e.to_string(), T::ImpNotReadable);
    Error::User(format!("{}: {why}", t(T::ImpCannotRead)))
}

/// What kind of workbook a file is, its parts checked against the bound, and how many
/// bytes its worksheets unpack to (XLSX; 0 for the others).
pub fn inspect(path: &Path) -> Result<(Kind, u64)> {
    let mut file = File::open(path).map_err(cannot_read)?;
    let mut magic = [0u8; 4];
    let is_zip = file.read_exact(&mut magic).is_ok() && &magic == b"PK\x03\x04";
    if !is_zip {
        return Ok((Kind::Other, 0));
    }
    file.rewind().map_err(cannot_read)?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(cannot_read)?;
    let mut kind = Kind::Other;
    let mut sheet_bytes = 0u64;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(cannot_read)?;
        let name = part.name().map_err(cannot_read)?.to_string();
        if part.size() > MAX_PART_BYTES {
            return Err(Error::User(format!(
                "{} ({name}: {} MB, {} {} MB)",
                t(T::ImpPartTooBig),
                part.size() >> 20,
                t(T::ImpAtMost),
                MAX_PART_BYTES >> 20
            )));
        }
        if name.starts_with("xl/worksheets/") {
            sheet_bytes += part.size();
        }
        kind = match name.as_str() {
            "xl/workbook.xml" => Kind::Xlsx,
            "xl/workbook.bin" => Kind::Xlsb,
            "content.xml" if kind == Kind::Other => Kind::Ods,
            _ => kind,
        };
    }
    if kind == Kind::Ods {
        let content = zip.by_name("content.xml").map_err(cannot_read)?;
        check_ods_sheets(BufReader::new(content))?;
    }
    Ok((kind, sheet_bytes))
}

/// How far a sheet of an ODS spans, counted as calamine will lay it out: rows and
/// columns up to the last filled cell, repeats included.
#[derive(Default)]
struct Span {
    name: String,
    /// Rows so far, repeats included.
    rows: usize,
    /// The row after the last one with a filled cell.
    last_row: usize,
    /// The column after the last filled cell of any row.
    last_col: usize,
    /// Text of the filled cells, repeats included, in bytes.
    text: usize,
}

impl Span {
    fn check(&self) -> Result<()> {
        let sheet = |e: Error| Error::User(format!("{} «{}»: {e}", t(T::ImpSheet), self.name));
        let (row, col) = (self.last_row.max(1) - 1, self.last_col.max(1) - 1);
        if self.last_row > MAX_ROWS {
            let why = format!("{} {}", t(T::ImpTooManyRows), at_most(MAX_ROWS));
            return Err(sheet(at_cell(row, col, why)));
        }
        if self.last_col > MAX_COLUMNS {
            return Err(sheet(at_cell(row, col, beyond_columns())));
        }
        if self.last_row.saturating_mul(self.last_col) > MAX_CELLS {
            let why = format!("{} {}", t(T::ImpTooManyCells), at_most(MAX_CELLS));
            return Err(sheet(at_cell(row, col, why)));
        }
        if self.text > MAX_TEXT_BYTES {
            return Err(sheet(at_cell(row, col, too_much_text())));
        }
        Ok(())
    }
}

/// A repeat count of an ODS element (1 when not given).
fn repeats(e: &BytesStart, attr: &str) -> Result<usize> {
    match e.try_get_attribute(attr).map_err(cannot_read)? {
        None => Ok(1),
        Some(a) => a.value.trim().parse().map_err(|_| cannot_read(&a.value)),
    }
}

/// Every sheet of an ODS's content.xml within the bounds, read as a stream.
fn check_ods_sheets(content: impl std::io::BufRead) -> Result<()> {
    let mut xml = quick_xml::Reader::from_reader(content);
    let mut buf = Vec::new();
    let mut span = Span::default();
    // Within a row: its repeat count, the column reached, the end of its last filled
    // cell, and the text of its filled cells.
    let (mut row_repeats, mut col, mut row_end, mut row_text) = (1usize, 0usize, 0usize, 0usize);
    // Within a cell: its repeat count, whether it holds a value, and its text.
    let mut cell: Option<(usize, bool, usize)> = None;
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(cannot_read)?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => {
                    span = Span::default();
                    if let Some(a) = e.try_get_attribute("table:name").map_err(cannot_read)? {
                        span.name = a.value.into_owned();
                    }
                }
                "table:table-row" => {
                    row_repeats = repeats(&e, "table:number-rows-repeated")?;
                    (col, row_end, row_text) = (0, 0, 0);
                    if empty {
                        span.rows = span.rows.saturating_add(row_repeats);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let n = repeats(&e, "table:number-columns-repeated")?;
                    let valued = e
                        .try_get_attribute("office:value-type")
                        .map_err(cannot_read)?
                        .is_some();
                    cell = Some((n, valued, 0));
                    if empty {
                        end_cell(&mut cell, &mut col, &mut row_end, &mut row_text);
                    }
                }
                _ => {}
            },
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                if let Some((_, valued, text)) = &mut cell {
                    *valued = true;
                    *text = text.saturating_add(buf.len());
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table-cell" | "table:covered-table-cell" => {
                    end_cell(&mut cell, &mut col, &mut row_end, &mut row_text);
                }
                "table:table-row" => {
                    if row_end > 0 {
                        span.last_row = span.rows.saturating_add(row_repeats);
                        span.last_col = span.last_col.max(row_end);
                        span.text = span
                            .text
                            .saturating_add(row_text.saturating_mul(row_repeats));
                    }
                    span.rows = span.rows.saturating_add(row_repeats);
                    // Checked as it grows, so a sheet that spans too far stops early.
                    span.check()?;
                }
                "table:table" => span.check()?,
                _ => {}
            },
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The end of a cell: the columns it takes, and how far its row is filled.
fn end_cell(
    cell: &mut Option<(usize, bool, usize)>,
    col: &mut usize,
    row_end: &mut usize,
    row_text: &mut usize,
) {
    if let Some((n, valued, text)) = cell.take() {
        *col = col.saturating_add(n);
        if valued {
            *row_end = *col;
            *row_text = row_text.saturating_add(text.max(1).saturating_mul(n));
        }
    }
}
