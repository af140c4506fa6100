//! The rows of a sheet as report appendices lay them out: below the header, rows of
//! tasks between section rows ("I. NHIỆM VỤ ĐÃ HOÀN THÀNH (05 nhiệm vụ)", "1. Nhiệm vụ
//! quá hạn"), a totals row ("Tổng cộng") and a signature block ("Nơi nhận:", "KT. CHỦ
//! TỊCH", a name) to close the sheet; the column numbers and a repeated header on each
//! printed page. Only the rows of data are read; the others are counted.

use super::ImportKind;
use super::columns::{Columns, Field, header_key, score};
use super::header::is_number_row;
use super::read::{Cell, MAX_COLUMNS, MAX_TEXT_BYTES, Merge, Row};
use crate::domain::status_words::{ReportedStatus, parse_status};
use crate::domain::text::fold;

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

/// A section row and the data rows under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub row: usize,
    pub label: String,
    /// A, B… 0; I, II… 1; 1, 2… 2; 1.1, a)… 3.
    level: u8,
    /// What its title says of its tasks' state ("ĐÃ HOÀN THÀNH").
    pub status: Option<ReportedStatus>,
    /// "(05 nhiệm vụ)".
    pub declared: Option<usize>,
    /// Data rows read under it (its sub-sections' included).
    pub read: usize,
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

#[derive(Debug, Clone, Copy, PartialEq)]
enum Marker {
    Letter,
    Roman,
    /// Dots inside it: "1" 0, "1.2" 1.
    Number(usize),
    Small,
}

impl Marker {
    fn level(self) -> u8 {
        match self {
            Marker::Letter => 0,
            Marker::Roman => 1,
            Marker::Number(0) => 2,
            Marker::Number(_) | Marker::Small => 3,
        }
    }
}

fn is_roman(t: &str) -> bool {
    !t.is_empty() && t.len() <= 5 && t.chars().all(|c| "IVXL".contains(c))
}

/// The numbering a label starts with ("II.", "1.2", "a)") and what follows it.
fn marker(s: &str) -> (Option<Marker>, &str) {
    let s = s.trim();
    let end = s
        .find(|c: char| c.is_whitespace() || ".)-–:/".contains(c))
        .unwrap_or(s.len());
    let (token, after) = s.split_at(end);
    // "1.2." is one token: digits and the dots between them.
    let (token, after) = if token.bytes().all(|b| b.is_ascii_digit()) && !token.is_empty() {
        let more = s
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(s.len());
        let t = s[..more].trim_end_matches('.');
        (t, &s[t.len()..])
    } else {
        (token, after)
    };
    let punct = after.starts_with(['.', ')']);
    let m = if is_roman(token) {
        Some(Marker::Roman)
    } else if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        Some(Marker::Number(token.matches('.').count()))
    } else if token.len() == 1 && token.bytes().all(|b| b.is_ascii_uppercase()) && punct {
        Some(Marker::Letter)
    } else if token.len() == 1 && token.bytes().all(|b| b.is_ascii_lowercase()) && punct {
        Some(Marker::Small)
    } else {
        None
    };
    match m {
        Some(m) => (
            Some(m),
            after.trim_start_matches(|c: char| c.is_whitespace() || ".)-–:".contains(c)),
        ),
        None => (None, s),
    }
}

/// "(05 nhiệm vụ)" in a label: the number of tasks it declares.
fn declared(label: &str) -> Option<usize> {
    let mut rest = label;
    while let Some(open) = rest.find('(') {
        let inner = &rest[open + 1..];
        let close = inner.find(')').unwrap_or(inner.len());
        let words = header_key(&inner[..close]);
        let mut w = words.split(' ');
        if let Some(n) = w.next().and_then(|n| n.parse::<usize>().ok()) {
            let tail: Vec<&str> = w.collect();
            if tail.is_empty() || tail.join(" ").starts_with("nhiem vu") {
                return Some(n);
            }
        }
        rest = &inner[close.min(inner.len())..];
    }
    None
}

const SECTION_WORDS: &[&str] = &["nhiem vu", "cac nhiem vu", "linh vuc", "nhom nhiem vu"];

/// The status a section's title names ("NHIỆM VỤ ĐÃ HOÀN THÀNH NĂM 2022" is done):
/// the longest run of its first words that reads as one.
fn status_named(rest: &str) -> Option<ReportedStatus> {
    let key = header_key(rest);
    let key = ["cac nhiem vu ", "nhiem vu "]
        .iter()
        .find_map(|w| key.strip_prefix(w))
        .unwrap_or(&key);
    let words: Vec<&str> = key.split(' ').collect();
    (1..=words.len().min(8))
        .rev()
        .find_map(|n| parse_status(&words[..n].join(" ")).ok().flatten())
}

fn is_upper(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase())
}

/// A section row: its label in one cell (or a bare number and the label), nothing in
/// the lead unit's column, and words that read as a section: a Roman numeral or a
/// letter; a number followed by "nhiệm vụ…", a status or capitals; or, unnumbered,
/// capitals or "nhiệm vụ…" with a status or a count.
fn section(row: &Row, cols: &Columns) -> Option<Section> {
    let cells = filled(row);
    if cells.is_empty()
        || cells.len() > 2
        || cols
            .col(second_key(cols.kind))
            .is_some_and(|c| row.cells.get(c).is_some_and(|x| !x.is_empty()))
    {
        return None;
    }
    let (m, label) = match cells.as_slice() {
        [(_, first), (_, second)] => {
            let first = match first {
                Cell::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
                c => text(c)?.to_string(),
            };
            let (m, rest) = marker(&first);
            if m.is_none() || !rest.is_empty() {
                return None;
            }
            (m, format!("{first}. {}", text(second)?))
        }
        [(_, only)] => {
            let s = text(only)?;
            (marker(s).0, s.to_string())
        }
        _ => return None,
    };
    let rest = marker(&label).1.to_string();
    let key = header_key(&rest);
    if key.is_empty() {
        return None;
    }
    let status = status_named(&rest);
    let count = declared(&rest);
    let worded = SECTION_WORDS.iter().any(|w| key.starts_with(w));
    let is = match m {
        Some(Marker::Roman | Marker::Letter) => true,
        Some(_) => worded || status.is_some() || is_upper(&rest),
        None => (worded || is_upper(&rest)) && (status.is_some() || count.is_some()),
    };
    is.then(|| Section {
        row: row.number,
        label,
        level: m.map_or(1, Marker::level),
        status,
        declared: count,
        read: 0,
    })
}

/// "Tổng cộng", "Tổng số: 20 nhiệm vụ", "Cộng", with nothing but figures after it.
fn totals(row: &Row, cols: &Columns) -> bool {
    // Asked of every row: a first cell not starting "T" or "C" is no total, unfolded.
    let Some((at, first)) = row.cells.iter().enumerate().find(|(_, c)| !c.is_empty()) else {
        return false;
    };
    let Some(label) = text(first).filter(|s| s.starts_with(['T', 't', 'C', 'c'])) else {
        return false;
    };
    let cells = filled(row);
    let key = header_key(label);
    let words: Vec<&str> = key.split(' ').collect();
    let figure = |w: Option<&&str>| w.is_none_or(|w| w.bytes().all(|b| b.is_ascii_digit()));
    let named = match words.as_slice() {
        ["tong", "cong" | "so", ..] => true,
        ["tong" | "cong", rest @ ..] => figure(rest.first()),
        _ => false,
    };
    // The figures may stand in any column, the lead unit's too; the title's holds
    // nothing else.
    let title = cols.col(Field::Title);
    named
        && title.is_none_or(|c| c == at || row.cells.get(c).is_none_or(Cell::is_empty))
        && cells[1..].iter().all(|(_, c)| match c {
            Cell::Text(s) => s.chars().any(|c| c.is_ascii_digit()),
            _ => true,
        })
}

/// A cell of a signature block: "Nơi nhận:", "NGƯỜI LẬP BIỂU", "KT. CHỦ TỊCH", "PHÓ
/// CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "Lạng Sơn, ngày 15 tháng 11 năm 2022".
fn is_signature(c: &Cell) -> bool {
    let Some(s) = text(c) else { return false };
    let key = header_key(s);
    const STARTS: &[&str] = &[
        "noi nhan",
        "nguoi lap",
        "nguoi tong hop",
        "nguoi ky",
        "kt ",
        "tm ",
        "tl ",
        "q chu tich",
        "xac nhan cua",
        "ky ghi ro ho ten",
    ];
    const ROLES: &[&str] = &[
        "chu tich",
        "pho chu tich",
        "giam doc",
        "pho giam doc",
        "thu truong don vi",
        "thu truong co quan",
        "chanh van phong",
        "truong phong",
    ];
    let folded = fold(s);
    let dated = folded.contains(", ngay") && folded.contains("thang") && folded.contains("nam");
    STARTS.iter().any(|p| key.starts_with(p)) || ROLES.contains(&key.as_str()) || dated
}

/// The first row of the signature block: three cells at most, one a signature's, and
/// no task in the lead unit's and title's columns.
fn signature_starts(row: &Row, cols: &Columns) -> bool {
    // A task row fills more cells than a signature line does.
    if row.cells.iter().filter(|c| !c.is_empty()).count() > 3 {
        return false;
    }
    let key_free = |f: Field| {
        cols.col(f)
            .and_then(|c| row.cells.get(c))
            .is_none_or(|c| c.is_empty() || is_signature(c))
    };
    // The key columns first: most rows are tasks, and this is asked of each.
    key_free(second_key(cols.kind))
        && (cols.kind != ImportKind::Tasks || key_free(Field::Title))
        && row.cells.iter().any(is_signature)
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
mod tests {
    use super::*;
    use crate::import::read::Sheet;

    fn row(number: usize, cells: &[&str]) -> Row {
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

    const HEAD: &[&str] = &[
        "STT",
        "Số, ký hiệu",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Tình trạng",
    ];

    fn cols() -> Columns {
        let sheet = Sheet {
            rows: vec![row(1, HEAD)],
            merges: Vec::new(),
        };
        crate::import::columns::locate(&sheet, None).unwrap()
    }

    fn section_of(cells: &[&str]) -> Option<Section> {
        section(&row(5, cells), &cols())
    }

    #[test]
    fn markers_and_counts() {
        assert_eq!(marker("II. NHIỆM VỤ"), (Some(Marker::Roman), "NHIỆM VỤ"));
        assert_eq!(marker("1.2. Quá hạn"), (Some(Marker::Number(1)), "Quá hạn"));
        assert_eq!(marker("a) Trong hạn"), (Some(Marker::Small), "Trong hạn"));
        assert_eq!(marker("B. PHẦN"), (Some(Marker::Letter), "PHẦN"));
        assert_eq!(marker("Rà soát"), (None, "Rà soát"));
        assert_eq!(marker("IV"), (Some(Marker::Roman), ""));
        assert_eq!(declared("NHIỆM VỤ ĐÃ HOÀN THÀNH (05 nhiệm vụ)"), Some(5));
        assert_eq!(declared("Nhiệm vụ quá hạn (3)"), Some(3));
        assert_eq!(declared("Rà soát (theo Kế hoạch 12)"), None);
    }

    #[test]
    fn sections_and_their_status() {
        let s = section_of(&["I. NHIỆM VỤ ĐÃ HOÀN THÀNH (05 nhiệm vụ)"]).unwrap();
        assert_eq!(s.status, Some(ReportedStatus::Done { late: None }));
        assert_eq!((s.level, s.declared), (1, Some(5)));
        let s = section_of(&["II", "NHIỆM VỤ ĐANG THỰC HIỆN"]).unwrap();
        assert_eq!((s.status, s.level), (Some(ReportedStatus::Open), 1));
        assert_eq!(s.label, "II. NHIỆM VỤ ĐANG THỰC HIỆN");
        let s = section_of(&["1", "Nhiệm vụ quá hạn"]).unwrap();
        assert_eq!((s.status, s.level), (Some(ReportedStatus::Open), 2));
        let s = section_of(&["III. LĨNH VỰC VĂN HÓA - XÃ HỘI"]).unwrap();
        assert_eq!(s.status, None);
        assert!(section_of(&["NHIỆM VỤ ĐÃ HOÀN THÀNH (3 nhiệm vụ)"]).is_some());
    }

    #[test]
    fn task_rows_are_not_sections() {
        // A numbered task without its unit stays a row of data (and a problem).
        assert!(section_of(&["1", "Rà soát quy hoạch ba loại rừng"]).is_none());
        assert!(section_of(&["Rà soát quy hoạch ba loại rừng"]).is_none());
        assert!(section_of(&["Nhiệm vụ chuyển đổi số"]).is_none());
        // A task whose title reads like a section has a unit.
        assert!(
            section_of(&[
                "",
                "",
                "Nhiệm vụ quá hạn của ngành thuế (03 nhiệm vụ)",
                "Sở Tài chính"
            ])
            .is_none()
        );
        assert!(section_of(&["2", "12/UBND", "Nhiệm vụ đã hoàn thành"]).is_none());
    }

    #[test]
    fn totals_and_signatures() {
        let c = cols();
        assert!(totals(&row(30, &["Tổng cộng", "", "", "", "20"]), &c));
        assert!(totals(&row(30, &["Tổng số: 20 nhiệm vụ"]), &c));
        assert!(totals(&row(30, &["", "Cộng"]), &c));
        assert!(!totals(
            &row(30, &["", "", "Tổng hợp số liệu", "Sở Nội vụ"]),
            &c
        ));
        assert!(!totals(&row(30, &["Tổng kết công tác thi đua"]), &c));
        for s in [
            "Nơi nhận:",
            "NGƯỜI LẬP BIỂU",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "TM. ỦY BAN NHÂN DÂN",
            "Lạng Sơn, ngày 15 tháng 11 năm 2022",
        ] {
            assert!(is_signature(&Cell::Text(s.into())), "{s}");
        }
        assert!(signature_starts(
            &row(31, &["Nơi nhận:", "", "", "KT. CHỦ TỊCH"]),
            &c
        ));
        assert!(!signature_starts(
            &row(31, &["3", "", "Chủ tịch xã ký", "Cao Lộc"]),
            &c
        ));
        assert!(!is_signature(&Cell::Text(
            "Rà soát, ký kết hợp đồng".into()
        )));
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
