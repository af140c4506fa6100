//! Column headers: Vietnamese as provincial task-tracking exports and office sheets
//! write them, or English. Matched folded (no diacritics, lower case, punctuation and
//! spacing ignored, text in brackets dropped), so "SỐ/KÝ HIỆU VĂN BẢN", "Số, ký hiệu"
//! and "so ky hieu van ban" are the same column.

use super::ImportKind;
use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{T, t};

use super::read::{Cell, Row, column_name};

/// A column the import understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    // Tasks.
    TaskId,
    DocNumber,
    DocDate,
    AssignedOn,
    Leader,
    Title,
    LeadUnit,
    Cooperating,
    Deadline,
    CompletedOn,
    Origin,
    /// "Tình trạng": read to skip cancelled tasks and check done ones have a date.
    Status,
    // Targets.
    TargetUnit,
    Year,
    TargetName,
    Measure,
    Plan,
    Direction,
    Actual,
    ActualOn,
    // Units.
    UnitName,
    UnitKind,
    Code,
    Parent,
    ValidFrom,
    ValidTo,
    Successor,
}

struct Spec {
    field: Field,
    /// The header shown when the column is missing.
    name: &'static str,
    required: bool,
    /// Folded headers, the preferred first: when two columns of a file mean the same
    /// field, the one with the earlier synonym wins.
    synonyms: &'static [&'static str],
}

const TASKS: &[Spec] = &[
    Spec {
        field: Field::TaskId,
        name: "id",
        required: false,
        synonyms: &["id", "ma nhiem vu tct"],
    },
    Spec {
        field: Field::DocNumber,
        name: "Số/ký hiệu văn bản",
        required: false,
        synonyms: &[
            "so ky hieu van ban",
            "so ky hieu van ban giao",
            "so ky hieu",
            "so hieu van ban",
            "so van ban",
            "ky hieu van ban",
            "van ban giao",
            "doc number",
            "document number",
            "doc no",
        ],
    },
    Spec {
        field: Field::DocDate,
        name: "Ngày văn bản",
        required: false,
        synonyms: &["ngay van ban", "ngay ban hanh", "doc date"],
    },
    Spec {
        field: Field::AssignedOn,
        name: "Ngày giao",
        required: false,
        synonyms: &["ngay giao", "ngay giao nhiem vu", "assigned on", "assigned"],
    },
    Spec {
        field: Field::Leader,
        name: "Lãnh đạo chỉ đạo",
        required: false,
        synonyms: &[
            "lanh dao chi dao",
            "lanh dao giao",
            "nguoi chi dao",
            "leader",
        ],
    },
    Spec {
        field: Field::Title,
        name: "Tên nhiệm vụ",
        required: true,
        synonyms: &[
            "ten nhiem vu",
            "noi dung nhiem vu",
            "nhiem vu",
            "trich yeu",
            "noi dung",
            "title",
            "task",
        ],
    },
    Spec {
        field: Field::LeadUnit,
        name: "Đơn vị chủ trì",
        required: true,
        synonyms: &[
            "don vi chu tri",
            "co quan chu tri",
            "don vi thuc hien",
            "don vi",
            "unit",
            "lead unit",
        ],
    },
    Spec {
        field: Field::Cooperating,
        name: "Đơn vị phối hợp",
        required: false,
        synonyms: &["don vi phoi hop", "co quan phoi hop", "cooperating"],
    },
    Spec {
        field: Field::Deadline,
        name: "Hạn xử lý",
        required: false,
        synonyms: &[
            "han xu ly",
            "thoi han",
            "han hoan thanh",
            "thoi han hoan thanh",
            "thoi han xu ly",
            "han",
            "deadline",
            "due",
        ],
    },
    Spec {
        field: Field::CompletedOn,
        name: "Ngày hoàn thành",
        required: false,
        synonyms: &["ngay hoan thanh", "completed on", "completed"],
    },
    Spec {
        field: Field::Origin,
        name: "Nguồn",
        required: false,
        synonyms: &["nguon", "origin"],
    },
    Spec {
        field: Field::Status,
        name: "Tình trạng",
        required: false,
        synonyms: &[
            "tinh trang",
            "trang thai",
            "tinh trang thuc hien",
            "trang thai thuc hien",
            "tinh trang xu ly",
            "trang thai xu ly",
            "status",
        ],
    },
];

const TARGETS: &[Spec] = &[
    Spec {
        field: Field::TargetUnit,
        name: "Đơn vị",
        required: true,
        synonyms: &["don vi", "ten don vi", "don vi thuc hien", "unit"],
    },
    Spec {
        field: Field::Year,
        name: "Năm",
        required: true,
        synonyms: &["nam", "nam ke hoach", "year"],
    },
    Spec {
        field: Field::TargetName,
        name: "Chỉ tiêu",
        required: true,
        synonyms: &[
            "chi tieu",
            "ten chi tieu",
            "chi tieu chu yeu",
            "name",
            "target",
        ],
    },
    Spec {
        field: Field::Measure,
        name: "Đơn vị tính",
        required: false,
        synonyms: &["don vi tinh", "dvt", "measure", "unit of measure"],
    },
    Spec {
        field: Field::Plan,
        name: "Kế hoạch",
        required: true,
        synonyms: &[
            "ke hoach",
            "ke hoach nam",
            "chi tieu ke hoach",
            "muc tieu",
            "plan",
        ],
    },
    Spec {
        field: Field::Direction,
        name: "Chiều",
        required: false,
        synonyms: &["chieu", "chieu danh gia", "huong", "direction"],
    },
    Spec {
        field: Field::Actual,
        name: "Thực hiện",
        required: false,
        synonyms: &[
            "thuc hien",
            "uoc thuc hien",
            "ket qua thuc hien",
            "ket qua",
            "actual",
        ],
    },
    Spec {
        field: Field::ActualOn,
        name: "Ngày số liệu",
        required: false,
        synonyms: &[
            "ngay so lieu",
            "ngay cap nhat",
            "actual on",
            "reading date",
            "as of",
        ],
    },
];

const UNITS: &[Spec] = &[
    Spec {
        field: Field::UnitName,
        name: "Tên đơn vị",
        required: true,
        synonyms: &["ten don vi", "don vi", "ten", "name"],
    },
    Spec {
        field: Field::UnitKind,
        name: "Loại",
        required: true,
        synonyms: &["loai", "loai don vi", "cap", "kind"],
    },
    Spec {
        field: Field::Code,
        name: "Mã",
        required: false,
        synonyms: &["ma", "ma so", "ma don vi", "ma thong ke", "code"],
    },
    Spec {
        field: Field::Parent,
        name: "Đơn vị cấp trên",
        required: false,
        synonyms: &["don vi cap tren", "cap tren", "truc thuoc", "parent"],
    },
    Spec {
        field: Field::ValidFrom,
        name: "Hiệu lực từ",
        required: false,
        synonyms: &["hieu luc tu", "tu ngay", "valid from"],
    },
    Spec {
        field: Field::ValidTo,
        name: "Hiệu lực đến",
        required: false,
        synonyms: &["hieu luc den", "den ngay", "valid to"],
    },
    Spec {
        field: Field::Successor,
        name: "Đơn vị kế thừa",
        required: false,
        synonyms: &[
            "don vi ke thua",
            "ke thua",
            "don vi tiep nhan",
            "successor",
            "successors",
        ],
    },
];

fn specs(kind: ImportKind) -> &'static [Spec] {
    match kind {
        ImportKind::Tasks => TASKS,
        ImportKind::Targets => TARGETS,
        ImportKind::Units => UNITS,
    }
}

/// A header folded for matching: bracketed notes dropped ("Hạn xử lý (dd/mm/yyyy)"),
/// diacritics and case folded, punctuation and `_` as spaces, spaces collapsed.
pub fn header_key(h: &str) -> String {
    let mut plain = String::with_capacity(h.len());
    let mut depth = 0usize;
    for c in h.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let folded: String = fold(&plain)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn header_text(c: &Cell) -> Option<String> {
    match c {
        Cell::Text(s) => Some(s.clone()),
        _ => None,
    }
}

/// The fields of `kind` found in a header row, and how well (synonym rank).
fn matches(kind: ImportKind, cells: &[Cell]) -> Vec<(Field, usize, usize)> {
    let mut found: Vec<(Field, usize, usize)> = Vec::new();
    for (col, cell) in cells.iter().enumerate() {
        let Some(text) = header_text(cell) else {
            continue;
        };
        let key = header_key(&text);
        for spec in specs(kind) {
            if let Some(rank) = spec.synonyms.iter().position(|s| *s == key) {
                match found.iter_mut().find(|(f, _, _)| *f == spec.field) {
                    Some(slot) if slot.2 > rank => *slot = (spec.field, col, rank),
                    Some(_) => {}
                    None => found.push((spec.field, col, rank)),
                }
            }
        }
    }
    found
}

/// Two columns with the same header for one field (the best-ranked synonym twice):
/// which one to read cannot be told. Their positions and the header.
fn twice(kind: ImportKind, cells: &[Cell]) -> Option<(usize, usize, String)> {
    matches(kind, cells)
        .into_iter()
        .find_map(|(field, col, rank)| {
            let spec = specs(kind).iter().find(|s| s.field == field)?;
            let other = cells.iter().enumerate().position(|(c, cell)| {
                c != col && header_text(cell).is_some_and(|h| header_key(&h) == spec.synonyms[rank])
            })?;
            let (a, b) = (col.min(other), col.max(other));
            Some((a, b, header_text(&cells[a]).unwrap_or_default()))
        })
}

/// How many cells of a row are headers of `kind` (of any kind when `None`).
pub fn score(kind: Option<ImportKind>, cells: &[Cell]) -> usize {
    let kinds = match kind {
        Some(k) => vec![k],
        None => vec![ImportKind::Tasks, ImportKind::Targets, ImportKind::Units],
    };
    kinds
        .into_iter()
        .map(|k| matches(k, cells).len())
        .max()
        .unwrap_or(0)
}

/// Where each field is, in a file whose header row was found.
#[derive(Debug, Clone)]
pub struct Columns {
    pub kind: ImportKind,
    /// Index in `rows` of the first data row.
    pub first_data: usize,
    found: Vec<(Field, usize)>,
    headers: Vec<String>,
}

impl Columns {
    pub fn col(&self, f: Field) -> Option<usize> {
        self.found.iter().find(|(g, _)| *g == f).map(|(_, c)| *c)
    }

    pub fn has(&self, f: Field) -> bool {
        self.col(f).is_some()
    }

    /// The header as the file writes it, else the field's usual name.
    pub fn header(&self, f: Field) -> String {
        match self.col(f) {
            Some(c) => self.headers.get(c).cloned().unwrap_or_default(),
            None => name_of(self.kind, f).to_string(),
        }
    }

    /// The cell of a field in a row (`Empty` when the column is absent or short).
    pub fn cell<'r>(&self, row: &'r Row, f: Field) -> &'r Cell {
        const EMPTY: &Cell = &Cell::Empty;
        self.col(f).and_then(|c| row.cells.get(c)).unwrap_or(EMPTY)
    }
}

fn name_of(kind: ImportKind, f: Field) -> &'static str {
    specs(kind)
        .iter()
        .find(|s| s.field == f)
        .map(|s| s.name)
        .unwrap_or("")
}

/// Rows scanned for the header: office sheets put a title and a blank line above it.
const HEADER_SCAN: usize = 20;

/// Finds the header row (the best-scoring of the first rows), guesses the kind when
/// not given, and checks the required columns are there.
pub fn locate(rows: &[Row], kind: Option<ImportKind>) -> Result<Columns> {
    let mut best: Option<(usize, usize)> = None;
    for (i, row) in rows.iter().enumerate().take(HEADER_SCAN) {
        let s = score(kind, &row.cells);
        if s > best.map_or(0, |b| b.1) {
            best = Some((i, s));
        }
    }
    if best.is_none() && kind.is_some() {
        // A header of another kind: say which columns the chosen kind lacks.
        for (i, row) in rows.iter().enumerate().take(HEADER_SCAN) {
            let s = score(None, &row.cells);
            if s > best.map_or(0, |b| b.1) {
                best = Some((i, s));
            }
        }
    }
    let Some((idx, _)) = best else {
        return Err(Error::User(t(T::ImpNoHeader).to_string()));
    };
    let cells = &rows[idx].cells;
    let kind = match kind {
        Some(k) => k,
        None => guess(cells).ok_or_else(|| Error::User(t(T::ImpUnknownKind).to_string()))?,
    };
    if let Some((a, b, header)) = twice(kind, cells) {
        return Err(Error::User(format!(
            "{} {}: {} «{header}» ({} {}, {})",
            t(T::ImpRow),
            rows[idx].number,
            t(T::ImpDuplicateColumn),
            t(T::ImpColumn),
            column_name(a),
            column_name(b)
        )));
    }
    let found: Vec<(Field, usize)> = matches(kind, cells)
        .into_iter()
        .map(|(f, c, _)| (f, c))
        .collect();
    let missing: Vec<&'static str> = specs(kind)
        .iter()
        .filter(|s| s.required && !found.iter().any(|(f, _)| *f == s.field))
        .map(|s| s.name)
        .collect();
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|n| format!("«{n}»")).collect();
        return Err(Error::User(format!(
            "{} {}",
            t(T::ImpMissingColumn),
            names.join(", ")
        )));
    }
    Ok(Columns {
        kind,
        first_data: idx + 1,
        found,
        headers: cells
            .iter()
            .map(|c| header_text(c).unwrap_or_default())
            .collect(),
    })
}

/// What a file holds, from its headers: a task title means tasks; a plan, targets; a
/// unit name with a kind, units.
fn guess(cells: &[Cell]) -> Option<ImportKind> {
    let has = |k: ImportKind, f: Field| matches(k, cells).iter().any(|(g, _, _)| *g == f);
    if has(ImportKind::Tasks, Field::Title) {
        Some(ImportKind::Tasks)
    } else if has(ImportKind::Targets, Field::Plan) || has(ImportKind::Targets, Field::Year) {
        Some(ImportKind::Targets)
    } else if has(ImportKind::Units, Field::UnitKind) || has(ImportKind::Units, Field::Parent) {
        Some(ImportKind::Units)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(headers: &[&str]) -> Row {
        Row {
            number: 1,
            cells: headers.iter().map(|h| Cell::Text(h.to_string())).collect(),
        }
    }

    #[test]
    fn headers_match_folded() {
        assert_eq!(header_key("SỐ/KÝ HIỆU VĂN BẢN"), "so ky hieu van ban");
        assert_eq!(header_key(" Số, ký hiệu "), "so ky hieu");
        assert_eq!(header_key("Hạn xử lý (dd/mm/yyyy)"), "han xu ly");
        assert_eq!(header_key("doc_number"), "doc number");
    }

    #[test]
    fn kind_is_guessed_and_required_columns_checked() {
        let rows = vec![row(&[
            "STT",
            "SỐ/KÝ HIỆU VĂN BẢN",
            "Trích yếu",
            "Đơn vị chủ trì",
        ])];
        let cols = locate(&rows, None).unwrap();
        assert_eq!(cols.kind, ImportKind::Tasks);
        assert_eq!(cols.col(Field::Title), Some(2));
        let rows = vec![row(&["Đơn vị", "Năm", "Chỉ tiêu", "ĐVT", "Kế hoạch"])];
        assert_eq!(locate(&rows, None).unwrap().kind, ImportKind::Targets);
        let rows = vec![row(&["Tên đơn vị", "Loại", "Mã"])];
        assert_eq!(locate(&rows, None).unwrap().kind, ImportKind::Units);
        let rows = vec![row(&["so ky hieu van ban", "ten nhiem vu", "han xu ly"])];
        let e = locate(&rows, None).unwrap_err().to_string();
        assert!(e.ends_with(" «Đơn vị chủ trì»"), "{e}");
    }

    #[test]
    fn the_preferred_synonym_wins() {
        let rows = vec![row(&["Trích yếu", "Tên nhiệm vụ", "Đơn vị chủ trì"])];
        assert_eq!(locate(&rows, None).unwrap().col(Field::Title), Some(1));
        let rows = vec![row(&[
            "Trích yếu",
            "Tên nhiệm vụ",
            "Đơn vị chủ trì",
            "Trích yếu",
        ])];
        assert_eq!(locate(&rows, None).unwrap().col(Field::Title), Some(1));
    }

    #[test]
    fn the_same_column_twice_is_refused() {
        let rows = vec![row(&[
            "Tên nhiệm vụ",
            "Hạn xử lý",
            "Đơn vị chủ trì",
            "HẠN XỬ LÝ (dd/mm/yyyy)",
        ])];
        let e = locate(&rows, None).unwrap_err().to_string();
        assert_eq!(e, "dòng 1: có hai cột cùng là «Hạn xử lý» (cột B, D)");
    }
}
