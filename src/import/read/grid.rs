//! Rows built cell by cell within the bounds tct reads, so that memory and time grow
//! with what a file holds, never with what it declares (a dimension of A1:XFD1048576,
//! one cell far away, a string of a gigabyte). README "Data in and out" states them.

use super::{Cell, Row, column_name};
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::words::num;

/// A file on disk, CSV or workbook.
pub const MAX_FILE_BYTES: u64 = 256 << 20;
/// One part of a workbook (its XML), unpacked.
pub const MAX_PART_BYTES: u64 = 256 << 20;
/// Rows, as many as a spreadsheet has.
pub const MAX_ROWS: usize = 1 << 20;
/// Columns, A to IV: task and target sheets use a dozen.
pub const MAX_COLUMNS: usize = 256;
/// Cells held, counting the empty ones before the last filled cell of each row.
pub const MAX_CELLS: usize = 16 << 20;
/// Characters in a cell, as many as an XLSX cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Text held in all, in bytes.
pub const MAX_TEXT_BYTES: usize = 256 << 20;

/// "(at most N)" after a refusal.
pub fn at_most(n: usize) -> String {
    format!("({} {})", t(T::ImpAtMost), num(n as f64))
}

/// Why a cell past the last column is refused.
pub fn beyond_columns() -> String {
    format!(
        "{} ({} {}: A–{})",
        t(T::ImpBeyondColumns),
        t(T::ImpAtMost),
        MAX_COLUMNS,
        column_name(MAX_COLUMNS - 1)
    )
}

/// Why more text than the bound is refused.
pub fn too_much_text() -> String {
    format!(
        "{} ({} {} MB)",
        t(T::ImpTooMuchText),
        t(T::ImpAtMost),
        MAX_TEXT_BYTES >> 20
    )
}

/// A refusal at a cell: "row R, column C: why".
pub fn at_cell(row: usize, col: usize, why: String) -> Error {
    Error::User(format!(
        "{} {}, {} {}: {why}",
        t(T::ImpRow),
        row + 1,
        t(T::ImpColumn),
        column_name(col)
    ))
}

/// Rows with their cells, in the order of their numbers; rows with no filled cell
/// are left out.
pub struct Grid {
    rows: Vec<Row>,
    /// Whether the rows came in order (a workbook may list them in any).
    in_order: bool,
    cells: usize,
    text: usize,
    /// `MAX_CELLS`; smaller in a test, which need not fill half a gigabyte to see it.
    max_cells: usize,
}

impl Default for Grid {
    fn default() -> Grid {
        Grid {
            rows: Vec::new(),
            in_order: true,
            cells: 0,
            text: 0,
            max_cells: MAX_CELLS,
        }
    }
}

impl Grid {
    /// Puts a cell at a row and column (from 0), or says which bound it passes.
    pub fn put(&mut self, row: usize, col: usize, cell: Cell) -> Result<()> {
        if cell.is_empty() {
            return Ok(());
        }
        self.check(row, col, &cell)?;
        let number = row + 1;
        match self.rows.last() {
            Some(last) if last.number == number => {}
            last => {
                self.in_order &= last.is_none_or(|l| l.number < number);
                self.rows.push(Row {
                    number,
                    cells: Vec::new(),
                });
            }
        }
        let cells = &mut self.rows.last_mut().expect("a row").cells;
        if cells.len() <= col {
            self.cells += col + 1 - cells.len();
            cells.resize(col + 1, Cell::Empty);
        }
        cells[col] = cell;
        self.check_cells(row, col)
    }

    /// Puts a whole row (a CSV record), its trailing empty cells left out.
    pub fn put_row(&mut self, row: usize, mut cells: Vec<Cell>) -> Result<()> {
        let Some(last) = cells.iter().rposition(|c| !c.is_empty()) else {
            return Ok(());
        };
        cells.truncate(last + 1);
        for (col, cell) in cells.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            self.check(row, col, cell)?;
        }
        self.in_order &= self.rows.last().is_none_or(|l| l.number < row + 1);
        self.cells += cells.len();
        self.rows.push(Row {
            number: row + 1,
            cells,
        });
        self.check_cells(row, last)
    }

    /// A filled cell within the rows, columns, cell length and text in all.
    fn check(&mut self, row: usize, col: usize, cell: &Cell) -> Result<()> {
        if row >= MAX_ROWS {
            return Err(at_cell(
                row,
                col,
                format!("{} {}", t(T::ImpTooManyRows), at_most(MAX_ROWS)),
            ));
        }
        if col >= MAX_COLUMNS {
            return Err(at_cell(row, col, beyond_columns()));
        }
        if let Cell::Text(s) = cell {
            if s.len() > MAX_CELL_CHARS {
                let chars = s.chars().count();
                if chars > MAX_CELL_CHARS {
                    return Err(at_cell(
                        row,
                        col,
                        format!(
                            "{} ({} {}, {} {})",
                            t(T::ImpCellTooLong),
                            num(chars as f64),
                            t(T::ImpChars),
                            t(T::ImpAtMost),
                            num(MAX_CELL_CHARS as f64)
                        ),
                    ));
                }
            }
            self.text += s.len();
            if self.text > MAX_TEXT_BYTES {
                return Err(at_cell(row, col, too_much_text()));
            }
        }
        Ok(())
    }

    fn check_cells(&self, row: usize, col: usize) -> Result<()> {
        if self.cells > self.max_cells {
            return Err(at_cell(
                row,
                col,
                format!("{} {}", t(T::ImpTooManyCells), at_most(self.max_cells)),
            ));
        }
        Ok(())
    }

    /// The rows in order, the cells of a row listed in two places put together.
    pub fn finish(mut self) -> Vec<Row> {
        if self.in_order {
            return self.rows;
        }
        self.rows.sort_by_key(|r| r.number);
        let mut rows: Vec<Row> = Vec::with_capacity(self.rows.len());
        for r in self.rows {
            match rows.last_mut() {
                Some(prev) if prev.number == r.number => {
                    for (col, cell) in r.cells.into_iter().enumerate() {
                        if cell.is_empty() {
                            continue;
                        }
                        if prev.cells.len() <= col {
                            prev.cells.resize(col + 1, Cell::Empty);
                        }
                        prev.cells[col] = cell;
                    }
                }
                _ => rows.push(r),
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn sparse_cells_make_only_their_rows() {
        let mut g = Grid::default();
        g.put(4, 1, text("b")).unwrap();
        g.put(0, 0, text("a")).unwrap();
        g.put(4, 0, text("c")).unwrap();
        g.put(2, 3, Cell::Empty).unwrap();
        g.put(MAX_ROWS - 1, MAX_COLUMNS - 1, text("z")).unwrap();
        g.put_row(6, vec![Cell::Empty, text("d"), Cell::Empty])
            .unwrap();
        g.put_row(7, vec![Cell::Empty; 3]).unwrap();
        let rows = g.finish();
        let numbers: Vec<usize> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 5, 7, MAX_ROWS]);
        assert_eq!(rows[1].cells, [text("c"), text("b")]);
        assert_eq!(rows[2].cells, [Cell::Empty, text("d")]);
        assert_eq!(rows[3].cells.len(), MAX_COLUMNS);
    }

    #[test]
    fn cells_past_a_bound_are_refused_where_they_are() {
        let long = "ạ".repeat(MAX_CELL_CHARS + 1);
        let cases = [
            (
                MAX_ROWS,
                0,
                text("x"),
                "dòng 1048577, cột A: quá nhiều dòng (tối đa 1.048.576)",
            ),
            (
                MAX_ROWS - 1,
                16383,
                text("x"),
                "dòng 1048576, cột XFD: ô nằm ngoài các cột tct đọc (tối đa 256: A–IV)",
            ),
            (2, 3, Cell::Text(long), "dòng 3, cột D: ô dài quá"),
        ];
        for (row, col, cell, expected) in cases {
            let e = Grid::default().put(row, col, cell).unwrap_err().to_string();
            assert!(e.starts_with(expected), "{e}");
        }
        // Cells count up to the last filled one of each row.
        let mut g = Grid {
            max_cells: 1000,
            ..Grid::default()
        };
        (0..4).for_each(|r| g.put(r, 249, text("x")).unwrap());
        let e = g.put(4, 0, text("x")).unwrap_err().to_string();
        assert_eq!(e, "dòng 5, cột A: bảng tính quá nhiều ô (tối đa 1.000)");
        // Exactly as long as a cell can be is fine.
        Grid::default()
            .put(0, 0, Cell::Text("ạ".repeat(MAX_CELL_CHARS)))
            .unwrap();
    }
}
