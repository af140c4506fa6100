//! The rows of a sheet as report appendices lay them out: below the header, rows of
//! tasks between section rows ("I. NHIỆM VỤ ĐÃ HOÀN THÀNH (05 nhiệm vụ)", "1. Nhiệm vụ
//! quá hạn"), a totals row ("Tổng cộng") and a signature block ("Nơi nhận:", "KT. CHỦ
//! TỊCH", a name) to close the sheet; the column numbers and a repeated header on each
//! printed page. Only the rows of data are read; the others are counted.

mod closing;
mod section;

use super::ImportKind;
use super::columns::{Columns, Field, score};
use super::header::is_number_row;
use super::read::{Cell, MAX_COLUMNS, MAX_TEXT_BYTES, Merge, Row};
use closing::{is_signature, signature_starts, totals};
use section::section;

pub use section::Section;

/// Rows that are not data, by what they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// Above the header: heading block, title, "(Kèm theo …)".
    Title,
    /// Column numbers "(1) … (n)", or the header again.
    Header,
    Section,
    Totals,
    /// Signature, "Nơi nhận", names, from the first of them to the end.
    Signature,
}

/// What each row after the header is.
#[derive(Debug, Default)]
pub struct Layout {
    /// Data rows (index in the rows) with the section whose status they take.
    pub data: Vec<(usize, Option<usize>)>,
    pub sections: Vec<Section>,
    pub skipped: Vec<(Skip, usize)>,
}

impl Layout {
    fn skip(&mut self, what: Skip) {
        match self.skipped.iter_mut().find(|(s, _)| *s == what) {
            Some((_, n)) => *n += 1,
            None => self.skipped.push((what, 1)),
        }
    }

    /// Sections whose declared count is not the rows read under them.
    pub fn miscounted(&self) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(|s| s.declared.is_some_and(|d| d != s.read))
    }
}

fn filled(row: &Row) -> Vec<(usize, &Cell)> {
    row.cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .collect()
}

fn text(c: &Cell) -> Option<&str> {
    match c {
        Cell::Text(s) => Some(s.trim()),
        _ => None,
    }
}

/// The column that makes a row a record rather than a label: a task's lead unit, a
/// target's unit, a unit's kind.
fn second_key(kind: ImportKind) -> Field {
    match kind {
        ImportKind::Tasks => Field::LeadUnit,
        ImportKind::Targets => Field::TargetUnit,
        ImportKind::Units => Field::UnitKind,
    }
}

/// Fills down what a cell merged over several rows of data holds ("123/UBND-KT"
/// over the tasks of one document, a unit over its tasks), in the columns read:
/// each of those rows says it. Merges above the data, across one row (sections) or
/// in ignored columns are left as they are. However merges overlap, the cells
/// filled are at most a dozen a row and their text a quarter of what a sheet may
/// hold; past that the rows are read as they are.
pub fn fill_merged_down(rows: &mut [Row], merges: &[Merge], cols: &Columns) {
    let Some(first) = rows.get(cols.first_data).map(|r| r.number) else {
        return;
    };
    let mut cells_left = rows.len().saturating_mul(12);
    let mut text_left = MAX_TEXT_BYTES / 4;
    for m in merges {
        if m.last_row <= m.first_row || m.first_row < first || m.first_col >= MAX_COLUMNS {
            continue;
        }
        if !cols.is_read(m.first_col) {
            continue;
        }
        let at = rows.partition_point(|r| r.number < m.first_row);
        let Some(value) = rows
            .get(at)
            .filter(|r| r.number == m.first_row)
            .and_then(|r| r.cells.get(m.first_col))
            .filter(|c| !c.is_empty())
            .cloned()
        else {
            continue;
        };
        for row in rows[at + 1..]
            .iter_mut()
            .take_while(|r| r.number <= m.last_row)
        {
            let size = match &value {
                Cell::Text(t) => t.len(),
                _ => 0,
            };
            if cells_left == 0 || text_left < size {
                return;
            }
            cells_left -= 1;
            text_left -= size;
            if row.cells.len() <= m.first_col {
                row.cells.resize(m.first_col + 1, Cell::Empty);
            }
            if row.cells[m.first_col].is_empty() {
                row.cells[m.first_col] = value.clone();
            }
        }
    }
}

/// The header again, as printed pages repeat it: two cells or more named as headers.
/// Only rows whose first key column is empty or a header's words are scored, so a
/// row of data costs one comparison.
fn repeats_header(row: &Row, cols: &Columns) -> bool {
    let key = match cols.kind {
        ImportKind::Tasks => Field::Title,
        ImportKind::Targets => Field::TargetName,
        ImportKind::Units => Field::UnitName,
    };
    let cell = cols.cell(row, key);
    let headerish = match cell {
        Cell::Empty => true,
        Cell::Text(s) => cols
            .col(key)
            .is_some_and(|c| cols.heading_text(c) == s.trim()),
        _ => false,
    };
    headerish && score(Some(cols.kind), &row.cells) >= 2
}

/// What each row of the sheet is. Sections, totals and signatures are looked for in
/// task files only: the others are tct's own tables and office lists.
pub fn read(rows: &[Row], cols: &Columns) -> Layout {
    let mut out = Layout::default();
    let first = cols.first_data.min(rows.len());
    let above = first.saturating_sub(cols.header_rows.len());
    for _ in rows[..above].iter().filter(|r| !filled(r).is_empty()) {
        out.skip(Skip::Title);
    }
    let laid_out = cols.kind == ImportKind::Tasks;
    let mut open: Vec<usize> = Vec::new();
    let mut signed = false;
    for (i, row) in rows.iter().enumerate().skip(first) {
        let cells = filled(row);
        if cells.is_empty() {
            continue;
        }
        if laid_out && signed && (cells.len() <= 2 || cells.iter().any(|(_, c)| is_signature(c))) {
            out.skip(Skip::Signature);
            continue;
        }
        if laid_out && !signed && signature_starts(row, cols) {
            signed = true;
            out.skip(Skip::Signature);
            continue;
        }
        if is_number_row(row) || repeats_header(row, cols) {
            out.skip(Skip::Header);
            continue;
        }
        if laid_out && totals(row, cols) {
            open.clear();
            out.skip(Skip::Totals);
            continue;
        }
        if let Some(s) = laid_out.then(|| section(row, cols)).flatten() {
            while open
                .last()
                .is_some_and(|&o| out.sections[o].level >= s.level)
            {
                open.pop();
            }
            open.push(out.sections.len());
            out.sections.push(s);
            out.skip(Skip::Section);
            continue;
        }
        for &o in &open {
            out.sections[o].read += 1;
        }
        let status_from = open
            .iter()
            .rev()
            .find(|&&o| out.sections[o].status.is_some())
            .copied();
        out.data.push((i, status_from));
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    //! Rows and a task header, shared with `section` and `closing`.
    use super::*;
    use crate::import::read::Sheet;

    pub fn row(number: usize, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells
                .iter()
                .map(|s| match *s {
                    "" => Cell::Empty,
                    s => Cell::Text(s.into()),
                })
                .collect(),
        }
    }

    pub const HEAD: &[&str] = &[
        "STT",
        "Số, ký hiệu",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Tình trạng",
    ];

    pub fn cols() -> Columns {
        let sheet = Sheet {
            rows: vec![row(1, HEAD)],
            merges: Vec::new(),
        };
        crate::import::columns::locate(&sheet, None).unwrap()
    }

    #[test]
    fn merged_cells_are_filled_down_in_the_columns_read_within_a_bound() {
        let mut rows = vec![
            row(1, HEAD),
            row(2, &["1", "5/UB", "Việc một", "Cao Lộc", "", "ghi chú"]),
            row(3, &["2", "", "Việc hai"]),
            row(4, &["3", "", "Việc ba"]),
        ];
        let merge = |col, last_row| Merge {
            first_row: 2,
            last_row,
            first_col: col,
            last_col: col,
        };
        // B and D are read, F is not; a merge over the header is not data.
        let mut merges = vec![merge(1, 4), merge(3, 3), merge(5, 4)];
        merges.push(Merge {
            first_row: 1,
            last_row: 2,
            first_col: 0,
            last_col: 0,
        });
        // The same merge a thousand times: each row is visited within the bound.
        merges.extend(std::iter::repeat_n(merge(2, 4), 1000));
        fill_merged_down(&mut rows, &merges, &cols());
        let at = |r: usize, c: usize| rows[r].cells.get(c).cloned().unwrap_or(Cell::Empty);
        assert_eq!(at(2, 1), Cell::Text("5/UB".into()));
        assert_eq!(at(3, 1), Cell::Text("5/UB".into()));
        assert_eq!(at(2, 3), Cell::Text("Cao Lộc".into()));
        assert_eq!(at(3, 3), Cell::Empty, "D is merged over rows 2–3 only");
        assert_eq!(at(2, 5), Cell::Empty, "F is not read");
        assert_eq!(
            at(2, 2),
            Cell::Text("Việc hai".into()),
            "a filled cell stays"
        );
    }

    #[test]
    fn a_header_repeated_on_a_later_page_is_not_data() {
        let c = cols();
        assert!(repeats_header(&row(40, HEAD), &c));
        assert!(repeats_header(
            &row(40, &["", "Số, ký hiệu", "", "", "Tình trạng"]),
            &c
        ));
        assert!(!repeats_header(
            &row(40, &["1", "1/UB", "Việc một", "Cao Lộc", "Tình trạng"]),
            &c
        ));
    }

    #[test]
    fn rows_after_the_header_by_what_they_are() {
        let rows = vec![
            row(1, &["PHỤ LỤC"]),
            row(2, HEAD),
            row(3, &["(1)", "(2)", "(3)", "(4)", "(5)"]),
            row(4, &["I", "NHIỆM VỤ ĐANG THỰC HIỆN (02 nhiệm vụ)"]),
            row(5, &["1", "1/UB", "Việc một", "Cao Lộc"]),
            row(6, &["1", "Nhiệm vụ quá hạn"]),
            row(7, &["1", "2/UB", "Việc hai", "Cao Lộc"]),
            row(8, &["2", "3/UB", "Việc ba", "Cao Lộc"]),
            row(9, &["II. LĨNH VỰC KHÁC"]),
            row(10, &["1", "4/UB", "Việc bốn", "Cao Lộc"]),
            row(11, &["Tổng cộng", "", "", "", "4"]),
            row(12, &["Nơi nhận:", "", "", "KT. CHỦ TỊCH"]),
            row(13, &["- Như trên;", "", "", "PHÓ CHỦ TỊCH"]),
            row(14, &["", "", "", "Nguyễn Văn A"]),
        ];
        let sheet = Sheet {
            rows: rows.clone(),
            merges: Vec::new(),
        };
        let cols = crate::import::columns::locate(&sheet, None).unwrap();
        let l = read(&rows, &cols);
        let data: Vec<(usize, Option<usize>)> =
            l.data.iter().map(|(i, s)| (rows[*i].number, *s)).collect();
        assert_eq!(data, [(5, Some(0)), (7, Some(1)), (8, Some(1)), (10, None)]);
        assert_eq!(
            l.skipped,
            [
                (Skip::Title, 1),
                (Skip::Header, 1),
                (Skip::Section, 3),
                (Skip::Totals, 1),
                (Skip::Signature, 3)
            ]
        );
        let miscounted: Vec<(usize, usize)> = l.miscounted().map(|s| (s.row, s.read)).collect();
        assert_eq!(miscounted, [(4, 3)]);
    }
}
