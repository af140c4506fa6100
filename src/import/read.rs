//! Reading a sheet into rows of cells: CSV as Excel and office tools write it, or a
//! workbook (XLSX, also XLS and ODS) through `calamine`.
//!
//! CSV: UTF-8 with or without BOM, UTF-16 LE/BE (with BOM, or guessed from its NUL
//! bytes), and Windows-1258 when the bytes are not UTF-8 (what Excel on a Vietnamese
//! Windows saves as "CSV"); `;`, `,` or tab between fields, chosen by which one makes
//! a recognisable header row (or Excel's `sep=` first line); quoted fields may hold
//! line breaks. Rows are numbered as a spreadsheet shows them.

use std::path::Path;

use calamine::{Data, Reader};
use chrono::NaiveDate;

use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{T, t};

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
pub fn read_sheet(path: &Path, sheet: Option<&str>, score: HeaderScore) -> Result<Vec<Row>> {
    let bytes =
        std::fs::read(path).map_err(|e| Error::User(format!("{}: {e}", t(T::ImpCannotRead))))?;
    if is_workbook(path, &bytes) {
        read_workbook(path, sheet)
    } else {
        if sheet.is_some() {
            return Err(Error::User(t(T::ImpSheetNotCsv).to_string()));
        }
        let text = decode(&bytes)?;
        read_csv(&text, score)
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

/// Text of a CSV file, whichever encoding an office tool saved it in.
pub fn decode(bytes: &[u8]) -> Result<String> {
    let (enc, body) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) => (enc, &bytes[bom..]),
        None => (guess_encoding(bytes), bytes),
    };
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    if had_errors {
        return Err(Error::User(format!(
            "{} ({})",
            t(T::ImpBadEncoding),
            enc.name()
        )));
    }
    Ok(text.into_owned())
}

fn guess_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    // UTF-16 without a BOM shows itself by NUL bytes in every other place.
    let head = &bytes[..bytes.len().min(400) & !1];
    let pairs = head.len() / 2;
    if pairs >= 2 {
        let even = head.iter().step_by(2).filter(|b| **b == 0).count();
        let odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
        if odd * 10 >= pairs * 4 && even == 0 {
            return encoding_rs::UTF_16LE;
        }
        if even * 10 >= pairs * 4 && odd == 0 {
            return encoding_rs::UTF_16BE;
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        encoding_rs::UTF_8
    } else {
        encoding_rs::WINDOWS_1258
    }
}

const SEPARATORS: [u8; 3] = [b';', b',', b'\t'];

/// Rows of a CSV text. The separator is Excel's `sep=` line if there is one, else the
/// candidate under which a header row is recognised best.
pub fn read_csv(text: &str, score: HeaderScore) -> Result<Vec<Row>> {
    let (text, forced) = match sep_line(text) {
        Some((sep, rest)) => (rest, Some(sep)),
        None => (text, None),
    };
    let sep = match forced {
        Some(s) => s,
        None => sniff(text, score),
    };
    parse_csv(text, sep, usize::MAX)
}

/// `sep=;` on the first line, as Excel writes and reads it.
fn sep_line(text: &str) -> Option<(u8, &str)> {
    let first = text.lines().next()?;
    let rest = first
        .strip_prefix("sep=")
        .or_else(|| first.strip_prefix("SEP="))?;
    let sep = rest.trim_end_matches('\r');
    if sep.len() != 1 {
        return None;
    }
    let after = text[first.len()..].trim_start_matches('\r');
    let after = after.strip_prefix('\n').unwrap_or(after);
    Some((sep.as_bytes()[0], after))
}

fn sniff(text: &str, score: HeaderScore) -> u8 {
    let mut best: Option<(usize, usize, u8)> = None;
    for sep in SEPARATORS {
        let Ok(rows) = parse_csv(text, sep, 20) else {
            continue;
        };
        for row in &rows {
            let s = score(&row.cells);
            let width = row.cells.iter().filter(|c| !c.is_empty()).count();
            if best.is_none_or(|(bs, bw, _)| (s, width) > (bs, bw)) {
                best = Some((s, width, sep));
            }
        }
    }
    match best {
        Some((s, _, sep)) if s > 0 => sep,
        // Nothing recognised: the separator most used on the first line.
        _ => {
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            SEPARATORS
                .into_iter()
                .max_by_key(|s| first.bytes().filter(|b| b == s).count())
                .unwrap_or(b';')
        }
    }
}

fn parse_csv(text: &str, sep: u8, max_rows: usize) -> Result<Vec<Row>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Lines inside quoted fields do not start spreadsheet rows.
    let mut inner_breaks = 0usize;
    let mut record = csv::StringRecord::new();
    while rows.len() < max_rows {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                return Err(Error::User(format!("{} {line}: {e}", t(T::ImpCsvError))));
            }
        }
        // The reader's own record positions count the blank lines it skips as part
        // of the next record, so work back from where the record ends.
        let after = reader.position();
        let ended_by_newline = (after.byte() as usize)
            .checked_sub(1)
            .and_then(|i| text.as_bytes().get(i))
            == Some(&b'\n');
        let last_line = after.line() as usize - usize::from(ended_by_newline);
        let breaks: usize = record.iter().map(|f| f.matches('\n').count()).sum();
        let number = last_line
            .saturating_sub(breaks)
            .saturating_sub(inner_breaks)
            .max(1);
        inner_breaks += breaks;
        let mut cells = Vec::with_capacity(record.len());
        for field in record.iter() {
            let f = field.trim();
            cells.push(if f.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(f.to_string())
            });
        }
        rows.push(Row { number, cells });
    }
    Ok(rows)
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Vec<Row>> {
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

    fn none(_: &[Cell]) -> usize {
        0
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let text = "a;b\n1;\"two\nlines\"\n\n3;x\n\n\n4;y";
        let rows = read_csv(text, &none).unwrap();
        let numbers: Vec<usize> = rows.iter().map(|r| r.number).collect();
        // The blank line is row 3 in a spreadsheet; the csv reader skips it.
        assert_eq!(numbers.first(), Some(&1));
        assert_eq!(rows[1].number, 2);
        assert_eq!(rows[1].cells[1], Cell::Text("two\nlines".into()));
        assert_eq!(rows[2].number, 4);
        assert_eq!(rows.last().unwrap().number, 7);
    }

    #[test]
    fn decodes_boms_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFa;b").unwrap(), "a;b");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Số;x".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le).unwrap(), "Số;x");
        let be: Vec<u8> = "Tên;x"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap(), "Tên;x");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_windows_1258() {
        // What Excel on a Vietnamese Windows saves as plain "CSV".
        // Tones come as combining marks there; the import stores NFC.
        let text = decode(b"T\xEAn;\xD0\xF5n vi\xF2").unwrap();
        assert_eq!(crate::domain::text::nfc(&text), "Tên;Đơn vị");
    }

    #[test]
    fn excel_sep_line_sets_the_separator() {
        let rows = read_csv("sep=,\na,b;c\n", &none).unwrap();
        assert_eq!(rows[0].cells.len(), 2);
        assert_eq!(rows[0].number, 1);
    }

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
