//! A report as rows of typed cells, written as an aligned table, CSV or XLSX. Text
//! that a spreadsheet would run as a formula is neutralised; dates stay dates.

use std::io::Write;

use chrono::NaiveDate;
use rust_xlsxwriter::{Format as XFormat, Workbook, Worksheet};
use unicode_width::UnicodeWidthStr;

use crate::domain::format::{fmt_date, fmt_number};
use crate::domain::text::printable;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A number and how it reads (Vietnamese separators).
    Num(f64, String),
    /// A count out of a total, `02/14`: text everywhere, never a date.
    Frac(u32, u32),
    Date(Option<NaiveDate>),
}

/// Which CSV: the one Excel opens right on an office's Vietnamese Windows, or the
/// comma and the decimal point, for scripts and Excel set up elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvStyle {
    /// `;` between cells (the list separator of a Vietnamese Windows), `1,5`, CRLF.
    Excel,
    /// `,` between cells, `1.5`, LF.
    Comma,
}

impl CsvStyle {
    fn separator(self) -> u8 {
        match self {
            CsvStyle::Excel => b';',
            CsvStyle::Comma => b',',
        }
    }

    /// A number as the spreadsheet reads it: no thousands separator (Excel would
    /// take a lone `.` or `,` for the decimal mark), the style's decimal mark.
    pub fn number(self, x: f64) -> String {
        let vi: String = fmt_number(x, 6).chars().filter(|c| *c != '.').collect();
        match self {
            CsvStyle::Excel => vi,
            CsvStyle::Comma => vi.replace(',', "."),
        }
    }
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Num(_, shown) => shown.clone(),
            Cell::Frac(n, total) => format!("{n:02}/{total:02}"),
            Cell::Date(d) => d.map(fmt_date).unwrap_or_default(),
        }
    }
}

pub struct Sheet {
    pub head: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a leading tab
/// or carriage return) gets a leading apostrophe, so it is shown, never run.
pub fn neutralise(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

pub fn write_table(out: &mut dyn Write, sheet: &Sheet) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> = sheet
        .rows
        .iter()
        .map(|r| r.iter().map(|c| printable(&c.display())).collect())
        .collect();
    let mut widths: Vec<usize> = sheet.head.iter().map(|h| h.width()).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.width());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(widths[i].saturating_sub(c.width())));
            }
        }
        s
    };
    writeln!(out, "{}", line(&sheet.head))?;
    for r in &cells {
        writeln!(out, "{}", line(r))?;
    }
    Ok(())
}

/// CSV in `style`: with a UTF-8 byte-order mark when `bom` (Excel then reads the
/// diacritics right), and text made safe to draw when `terminal`.
pub fn write_csv(
    out: &mut dyn Write,
    sheet: &Sheet,
    style: CsvStyle,
    bom: bool,
    terminal: bool,
) -> std::io::Result<()> {
    let mut w = CsvOut::new(out, &sheet.head, style, bom, terminal)?;
    for row in &sheet.rows {
        w.row(row)?;
    }
    w.finish()
}

/// CSV written row by row as the rows come, so a large report is never held whole.
pub struct CsvOut<'w> {
    w: csv::Writer<&'w mut dyn Write>,
    style: CsvStyle,
    terminal: bool,
}

impl<'w> CsvOut<'w> {
    /// Starts the file: the byte-order mark when `bom`, then the header.
    pub fn new(
        out: &'w mut dyn Write,
        head: &[String],
        style: CsvStyle,
        bom: bool,
        terminal: bool,
    ) -> std::io::Result<Self> {
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let terminator = match style {
            CsvStyle::Excel => csv::Terminator::CRLF,
            CsvStyle::Comma => csv::Terminator::Any(b'\n'),
        };
        let mut w = csv::WriterBuilder::new()
            .delimiter(style.separator())
            .terminator(terminator)
            .from_writer(out);
        w.write_record(head)?;
        Ok(CsvOut { w, style, terminal })
    }

    pub fn row(&mut self, row: &[Cell]) -> std::io::Result<()> {
        let rec: Vec<String> = row
            .iter()
            .map(|c| {
                let s = match c {
                    Cell::Text(s) => neutralise(s),
                    Cell::Int(n) => n.to_string(),
                    Cell::Num(x, _) => self.style.number(*x),
                    // A division slash: `02/10` is a date to Excel (2 October).
                    Cell::Frac(n, total) => format!("{n:02}\u{2215}{total:02}"),
                    other => other.display(),
                };
                if self.terminal { printable(&s) } else { s }
            })
            .collect();
        self.w.write_record(&rec)?;
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// An XLSX sheet filled row by row, numbers as numbers, dates as dates (dd/mm/yyyy),
/// text as text; the workbook is assembled (in memory, as the format is a zip of
/// whole parts) when it is finished.
pub struct XlsxOut {
    ws: Worksheet,
    next: u32,
    date: XFormat,
}

impl XlsxOut {
    pub fn new(name: &str, head: &[String]) -> Result<Self> {
        let mut ws = Worksheet::new();
        ws.set_name(sheet_name(name))?;
        let bold = XFormat::new().set_bold();
        for (c, h) in head.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)?;
        }
        Ok(XlsxOut {
            ws,
            next: 1,
            date: XFormat::new().set_num_format("dd/mm/yyyy"),
        })
    }

    pub fn row(&mut self, row: &[Cell]) -> Result<()> {
        let (ws, r) = (&mut self.ws, self.next);
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) => {
                    ws.write_string(r, c, neutralise(s))?;
                }
                Cell::Int(n) => {
                    ws.write_number(r, c, *n as f64)?;
                }
                Cell::Num(x, _) => {
                    ws.write_number(r, c, *x)?;
                }
                Cell::Frac(..) => {
                    ws.write_string(r, c, cell.display())?;
                }
                Cell::Date(Some(d)) => {
                    ws.write_datetime_with_format(r, c, d, &self.date)?;
                }
                Cell::Date(None) => {}
            }
        }
        self.next += 1;
        Ok(())
    }

    pub fn finish(self, out: &mut dyn Write) -> Result<()> {
        finish_all(vec![self], out)
    }
}

/// Several sheets as one workbook, in the order given.
pub fn finish_all(sheets: Vec<XlsxOut>, out: &mut dyn Write) -> Result<()> {
    let mut book = Workbook::new();
    for mut s in sheets {
        s.ws.set_freeze_panes(1, 0)?;
        s.ws.autofit();
        book.push_worksheet(s.ws);
    }
    out.write_all(&book.save_to_buffer()?)?;
    Ok(())
}

/// Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if cleaned.is_empty() {
        "tct".into()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("+84 912"), "'+84 912");
        assert_eq!(neutralise("-x"), "'-x");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Tràng Định"), "Tràng Định");
    }

    #[test]
    fn csv_has_a_bom_and_safe_cells() {
        let sheet = Sheet {
            head: vec!["a".into(), "b".into()],
            rows: vec![vec![Cell::text("=cmd|' /C calc'!A0"), Cell::Int(-5)]],
        };
        let mut out = Vec::new();
        write_csv(&mut out, &sheet, CsvStyle::Comma, true, false).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with('\u{feff}'));
        assert!(s.contains("'=cmd"), "{s}");
        assert!(s.contains(",-5"), "numbers are not text: {s}");
    }

    #[test]
    fn excel_csv_has_semicolons_decimal_commas_and_crlf() {
        let sheet = Sheet {
            head: vec!["Tên".into(), "Số".into(), "Tỷ lệ".into(), "Đạt".into()],
            rows: vec![vec![
                Cell::text("Tràng Định; Lạng Sơn"),
                Cell::Num(118_800.0, "118.800".into()),
                Cell::Num(-46.25, "-46,25".into()),
                Cell::Frac(2, 10),
            ]],
        };
        let mut out = Vec::new();
        write_csv(&mut out, &sheet, CsvStyle::Excel, true, false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}Tên;Số;Tỷ lệ;Đạt\r\n\"Tràng Định; Lạng Sơn\";118800;-46,25;02\u{2215}10\r\n"
        );
        let mut out = Vec::new();
        write_csv(&mut out, &sheet, CsvStyle::Comma, false, false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Tên,Số,Tỷ lệ,Đạt\nTràng Định; Lạng Sơn,118800,-46.25,02\u{2215}10\n"
        );
    }

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(sheet_name("Quá hạn: 2022/09"), "Quá hạn 202209");
        assert_eq!(sheet_name(""), "tct");
    }
}
