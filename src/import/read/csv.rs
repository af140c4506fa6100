//! CSV rows: `;`, `,` or tab between fields, chosen by which one makes a recognisable
//! header row (or Excel's `sep=` first line); quoted fields may hold line breaks.

use std::borrow::Cow;

use super::grid::{Grid, MAX_COLUMNS, at_cell, at_most, beyond_columns};
use super::{Cell, HEADER_SCAN, HeaderScore, Row, column_name};
use crate::error::{Error, Result};
use crate::i18n::{T, t};

const SEPARATORS: [u8; 3] = [b';', b',', b'\t'];

/// Fields on a line, as many as a spreadsheet has columns: more is no export.
const MAX_FIELDS: usize = 16_384;

/// Rows of a CSV text. The separator is Excel's `sep=` line if there is one, else the
/// candidate under which a header row is recognised best.
pub fn read_csv(text: &str, score: HeaderScore) -> Result<Vec<Row>> {
    // Line ends as Windows (CR LF), Unix (LF) or old Mac tools (CR alone) write them:
    // each a line break, in a cell too.
    let text: Cow<str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    let (text, forced) = match sep_line(&text) {
        Some((sep, rest)) => (rest, Some(sep)),
        None => (&*text, None),
    };
    let sep = match forced {
        Some(s) => s,
        None => sniff(text, score),
    };
    check(text, sep)?;
    parse_csv(text, sep, usize::MAX)
}

/// Refuses what the csv reader would take without a word: a byte order mark inside
/// the text (two files joined into one), and a quote never closed, which makes the
/// rest of the file one cell. The row and column are the spreadsheet's, where the
/// mark or the quote is.
fn check(text: &str, sep: u8) -> Result<()> {
    let sep = char::from(sep);
    let (mut row, mut col) = (1usize, 0usize);
    let mut opened: Option<(usize, usize)> = None;
    let mut field_start = true;
    let mut chars = text.chars().peekable();
    let at = |row: usize, col: usize, why: T| {
        Error::User(format!(
            "{} {row}, {} {}: {}",
            t(T::ImpRow),
            t(T::ImpColumn),
            column_name(col),
            t(why)
        ))
    };
    while let Some(c) = chars.next() {
        if c == '\u{FEFF}' {
            let (r, c) = opened.unwrap_or((row, col));
            return Err(at(r, c, T::ImpBomInside));
        }
        if opened.is_some() {
            if c == '"' && chars.next_if_eq(&'"').is_none() {
                opened = None;
            }
            continue;
        }
        match c {
            '"' if field_start => opened = Some((row, col)),
            '\n' => (row, col) = (row + 1, 0),
            c if c == sep => {
                col += 1;
                if col >= MAX_FIELDS {
                    let why = format!("{} {}", t(T::ImpTooManyFields), at_most(MAX_FIELDS));
                    return Err(at_cell(row - 1, col, why));
                }
            }
            _ => {}
        }
        field_start = c == '\n' || c == sep;
    }
    match opened {
        Some((r, c)) => Err(at(r, c, T::ImpUnclosedQuote)),
        None => Ok(()),
    }
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
        let Ok(rows) = parse_csv(text, sep, HEADER_SCAN + 2) else {
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
    let mut grid = Grid::default();
    // Lines inside quoted fields do not start spreadsheet rows.
    let mut inner_breaks = 0usize;
    let mut record = csv::StringRecord::new();
    for _ in 0..max_rows {
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
        // Up to the last filled field: Excel writes a row's empty columns as ";;;".
        let Some(last) = (0..record.len())
            .rev()
            .find(|i| !record[*i].trim().is_empty())
        else {
            continue;
        };
        if last >= MAX_COLUMNS {
            return Err(at_cell(number - 1, last, beyond_columns()));
        }
        let cells = record
            .iter()
            .take(last + 1)
            .map(|field| match field.trim() {
                "" => Cell::Empty,
                f => Cell::Text(f.to_string()),
            })
            .collect();
        grid.put_row(number - 1, cells)?;
    }
    Ok(grid.finish())
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
    fn line_ends_of_every_kind_break_rows() {
        for text in [
            "a;b\r\n1;2\r\n\r\n3;x",
            "a;b\r1;2\r\r3;x",
            "a;b\n1;2\n\n3;x",
        ] {
            let rows = read_csv(text, &none).unwrap();
            let numbers: Vec<usize> = rows.iter().map(|r| r.number).collect();
            assert_eq!(numbers, [1, 2, 4], "{text:?}");
        }
        let rows = read_csv("a;b\r1;\"x\ry\"\r3;z", &none).unwrap();
        assert_eq!(rows[1].cells[1], Cell::Text("x\ny".into()));
        assert_eq!(rows[2].number, 3);
    }

    #[test]
    fn an_unclosed_quote_and_a_bom_inside_are_refused_where_they_are() {
        let cases = [
            ("a;b\n1;\"x\n2;y\n", "dòng 2, cột B: dấu ngoặc kép"),
            ("a;b\n1;x\"y\n\"2;y\"\"\n", "dòng 3, cột A: dấu ngoặc kép"),
            ("a;b\n1;x\n\u{FEFF}a;b\n", "dòng 3, cột A: dấu BOM"),
            ("a;b\n1;\"x\n\u{FEFF}\"\n", "dòng 2, cột B: dấu BOM"),
        ];
        for (text, expected) in cases {
            let e = read_csv(text, &none).unwrap_err().to_string();
            assert!(e.starts_with(expected), "{text:?}: {e}");
        }
        // Empty fields after the last filled one cost nothing; too many are refused.
        let wide = format!("a;b\n1;x{}\n", ";".repeat(16_000));
        assert_eq!(read_csv(&wide, &none).unwrap()[1].cells.len(), 2);
        let wider = format!("a;b\n1;x{}\n", ";".repeat(16_384));
        let e = read_csv(&wider, &none).unwrap_err().to_string();
        assert!(e.starts_with("dòng 2, cột XFE: dòng có quá nhiều ô"), "{e}");
        let far = format!("a;b\n1{}x\n", ";".repeat(300));
        let e = read_csv(&far, &none).unwrap_err().to_string();
        assert!(e.starts_with("dòng 2, cột KO: ô nằm ngoài các cột"), "{e}");
        // Quotes inside an unquoted cell, and doubled inside a quoted one, are text.
        let rows = read_csv("a;b\n5\" màn hình;\"nói \"\"có\"\"\"\n", &none).unwrap();
        assert_eq!(rows[1].cells[1], Cell::Text("nói \"có\"".into()));
    }

    #[test]
    fn excel_sep_line_sets_the_separator() {
        let rows = read_csv("sep=,\na,b;c\n", &none).unwrap();
        assert_eq!(rows[0].cells.len(), 2);
        assert_eq!(rows[0].number, 1);
    }
}
