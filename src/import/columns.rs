//! Column headers: Vietnamese as provincial task-tracking exports and office sheets
//! write them, or English. Matched folded (no diacritics, lower case, punctuation and
//! spacing ignored, text in brackets dropped), so "SỐ/KÝ HIỆU VĂN BẢN", "Số, ký hiệu"
//! and "so ky hieu van ban" are the same column.

use super::ImportKind;
use crate::domain::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{Lang, T, lang, t};

use super::header::{self, Heading};
use super::read::{Cell, Row, Sheet, column_name};

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
    /// "Gia hạn" beside the deadline given ("Thời hạn › Gia hạn"): the extension.
    ExtendedTo,
    CompletedOn,
    Origin,
    /// "Tình trạng": read to skip cancelled tasks and check done ones have a date.
    Status,
    /// "Ghi chú": free text, read for an extension ("Đã gia hạn đến 31/8/2022").
    Notes,
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
}

struct Spec {
    field: Field,
    /// The header shown when the column is missing.
    name: &'static str,
    /// What the column is, in English (the dry run).
    en: &'static str,
    required: bool,
    /// Folded headers, the preferred first: when two columns of a file mean the same
    /// field, the one with the earlier synonym wins.
    synonyms: &'static [&'static str],
}

const TASKS: &[Spec] = &[
    Spec {
        field: Field::TaskId,
        name: "id",
        en: "task id",
        required: false,
        synonyms: &["id", "ma nhiem vu tct"],
    },
    Spec {
        field: Field::DocNumber,
        name: "Số/ký hiệu văn bản",
        en: "document number",
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
        en: "document date",
        required: false,
        synonyms: &["ngay van ban", "ngay ban hanh", "doc date"],
    },
    Spec {
        field: Field::AssignedOn,
        name: "Ngày giao",
        en: "assigned on",
        required: false,
        synonyms: &["ngay giao", "ngay giao nhiem vu", "assigned on", "assigned"],
    },
    Spec {
        field: Field::Leader,
        name: "Lãnh đạo chỉ đạo",
        en: "leader",
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
        en: "task title",
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
        en: "lead unit",
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
        en: "cooperating units",
        required: false,
        synonyms: &["don vi phoi hop", "co quan phoi hop", "cooperating"],
    },
    Spec {
        field: Field::Deadline,
        name: "Hạn xử lý",
        en: "deadline",
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
        field: Field::ExtendedTo,
        name: "Gia hạn",
        en: "extended to",
        required: false,
        synonyms: &[
            "gia han den",
            "han gia han",
            "thoi han gia han",
            "ngay gia han",
            "gia han",
            "extended to",
        ],
    },
    Spec {
        field: Field::CompletedOn,
        name: "Ngày hoàn thành",
        en: "completed on",
        required: false,
        synonyms: &["ngay hoan thanh", "completed on", "completed"],
    },
    Spec {
        field: Field::Origin,
        name: "Nguồn",
        en: "origin",
        required: false,
        synonyms: &["nguon", "origin"],
    },
    Spec {
        field: Field::Status,
        name: "Tình trạng",
        en: "status",
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
    Spec {
        field: Field::Notes,
        name: "Ghi chú",
        en: "notes",
        required: false,
        synonyms: &["ghi chu", "notes", "note"],
    },
];

const TARGETS: &[Spec] = &[
    Spec {
        field: Field::TargetUnit,
        name: "Đơn vị",
        en: "unit",
        required: true,
        synonyms: &["don vi", "ten don vi", "don vi thuc hien", "unit"],
    },
    Spec {
        field: Field::Year,
        name: "Năm",
        en: "year",
        required: true,
        synonyms: &["nam", "nam ke hoach", "year"],
    },
    Spec {
        field: Field::TargetName,
        name: "Chỉ tiêu",
        en: "target",
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
        en: "unit of measure",
        required: false,
        synonyms: &["don vi tinh", "dvt", "measure", "unit of measure"],
    },
    Spec {
        field: Field::Plan,
        name: "Kế hoạch",
        en: "plan",
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
        en: "direction",
        required: false,
        synonyms: &["chieu", "chieu danh gia", "huong", "direction"],
    },
    Spec {
        field: Field::Actual,
        name: "Thực hiện",
        en: "actual",
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
        en: "actual on",
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
        en: "unit name",
        required: true,
        synonyms: &["ten don vi", "don vi", "ten", "name"],
    },
    Spec {
        field: Field::UnitKind,
        name: "Loại",
        en: "kind",
        required: true,
        synonyms: &["loai", "loai don vi", "cap", "kind"],
    },
    Spec {
        field: Field::Code,
        name: "Mã",
        en: "code",
        required: false,
        synonyms: &["ma", "ma so", "ma don vi", "ma thong ke", "code"],
    },
    Spec {
        field: Field::Parent,
        name: "Đơn vị cấp trên",
        en: "parent unit",
        required: false,
        synonyms: &["don vi cap tren", "cap tren", "truc thuoc", "parent"],
    },
    Spec {
        field: Field::ValidFrom,
        name: "Hiệu lực từ",
        en: "valid from",
        required: false,
        synonyms: &["hieu luc tu", "tu ngay", "valid from"],
    },
    Spec {
        field: Field::ValidTo,
        name: "Hiệu lực đến",
        en: "valid to",
        required: false,
        synonyms: &["hieu luc den", "den ngay", "valid to"],
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

/// Which group a parent header heads, for reading the children under it.
#[derive(Clone, Copy, PartialEq)]
enum Group {
    Document,
    Deadline,
    Result,
}

fn group(parent: &str) -> Option<Group> {
    let words = parent.split(' ').count();
    if parent.starts_with("van ban") && words <= 5 {
        Some(Group::Document)
    } else if [
        "thoi han",
        "han xu ly",
        "han hoan thanh",
        "thoi han hoan thanh",
        "thoi han xu ly",
        "han",
    ]
    .contains(&parent)
    {
        Some(Group::Deadline)
    } else if [
        "ket qua thuc hien",
        "ket qua",
        "tinh hinh thuc hien",
        "ket qua xu ly",
    ]
    .contains(&parent)
    {
        Some(Group::Result)
    } else {
        None
    }
}

/// What a child header means under its parent: "Ngày, tháng" is the document's date
/// under "Văn bản giao nhiệm vụ" and the deadline under "Thời hạn".
fn under(parent: &str, child: &str) -> Option<Field> {
    match (group(parent)?, child) {
        (Group::Document, "ngay thang" | "ngay" | "ngay ban hanh" | "ngay ky") => {
            Some(Field::DocDate)
        }
        (Group::Document, "so ky hieu" | "so" | "so hieu" | "ky hieu") => Some(Field::DocNumber),
        (
            Group::Deadline,
            "ngay thang" | "ngay" | "theo van ban" | "ban dau" | "theo ke hoach" | "theo quy dinh",
        ) => Some(Field::Deadline),
        (Group::Deadline, "gia han" | "da gia han" | "sau gia han" | "dieu chinh" | "han moi") => {
            Some(Field::ExtendedTo)
        }
        (Group::Result, "ngay thang" | "ngay" | "thoi gian hoan thanh") => Some(Field::CompletedOn),
        _ => None,
    }
}

/// How well a heading names a spec's field (0 best), if it does: the child read
/// under its parent, the child alone, or both as one ("Văn bản giao" + "Số").
fn rank(spec: &Spec, h: &Heading) -> Option<usize> {
    let key = header_key(&h.text);
    let own = spec.synonyms.iter().position(|s| *s == key);
    let Some(parent) = &h.parent else { return own };
    let parent = header_key(parent);
    if under(&parent, &key) == Some(spec.field) {
        return Some(0);
    }
    let joined = format!("{parent} {key}");
    let both = spec.synonyms.iter().position(|s| *s == joined);
    match (own, both) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The fields of `kind` found among the headings, each at its best-ranked column.
fn matches(kind: ImportKind, headings: &[Heading]) -> Vec<(Field, usize, usize)> {
    let mut found: Vec<(Field, usize, usize)> = Vec::new();
    for (col, h) in headings.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        for spec in specs(kind) {
            if let Some(rank) = rank(spec, h) {
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

/// Two columns naming one field equally well (the best-ranked header twice): which
/// one to read cannot be told. Their positions and the header.
fn twice(kind: ImportKind, headings: &[Heading]) -> Option<(usize, usize, String)> {
    matches(kind, headings)
        .into_iter()
        .find_map(|(field, col, best)| {
            let spec = specs(kind).iter().find(|s| s.field == field)?;
            let other = headings
                .iter()
                .enumerate()
                .position(|(c, h)| c != col && !h.is_empty() && rank(spec, h) == Some(best))?;
            let (a, b) = (col.min(other), col.max(other));
            Some((a, b, headings[a].shown()))
        })
}

fn kinds(kind: Option<ImportKind>) -> Vec<ImportKind> {
    match kind {
        Some(k) => vec![k],
        None => vec![ImportKind::Tasks, ImportKind::Targets, ImportKind::Units],
    }
}

fn score_headings(kind: Option<ImportKind>, headings: &[Heading]) -> usize {
    kinds(kind)
        .into_iter()
        .map(|k| matches(k, headings).len())
        .max()
        .unwrap_or(0)
}

/// How many cells of a row are headers of `kind` (of any kind when `None`).
pub fn score(kind: Option<ImportKind>, cells: &[Cell]) -> usize {
    let row = Row {
        number: 0,
        cells: cells.to_vec(),
    };
    score_headings(kind, &header::one_row(&row))
}

/// Where each field is, in a file whose header was found.
#[derive(Debug, Clone)]
pub struct Columns {
    pub kind: ImportKind,
    /// Index in `rows` of the first row after the header.
    pub first_data: usize,
    /// Numbers of the header's rows (one or two).
    pub header_rows: Vec<usize>,
    found: Vec<(Field, usize)>,
    headings: Vec<Heading>,
}

/// A column as the dry run shows it: its letter, its header as the file writes it,
/// and the field read from it (`None`: ignored).
#[derive(Debug, Clone, PartialEq)]
pub struct Understood {
    pub column: String,
    pub header: String,
    pub field: Option<&'static str>,
}

impl Columns {
    pub fn col(&self, f: Field) -> Option<usize> {
        self.found.iter().find(|(g, _)| *g == f).map(|(_, c)| *c)
    }

    pub fn has(&self, f: Field) -> bool {
        self.col(f).is_some()
    }

    /// The header as the file writes it ("parent › child"), else the field's usual name.
    pub fn header(&self, f: Field) -> String {
        match self.col(f) {
            Some(c) => self.headings.get(c).map(Heading::shown).unwrap_or_default(),
            None => name_of(self.kind, f).to_string(),
        }
    }

    /// The cell of a field in a row (`Empty` when the column is absent or short).
    pub fn cell<'r>(&self, row: &'r Row, f: Field) -> &'r Cell {
        const EMPTY: &Cell = &Cell::Empty;
        self.col(f).and_then(|c| row.cells.get(c)).unwrap_or(EMPTY)
    }

    /// Whether a column is read as some field.
    pub fn is_read(&self, c: usize) -> bool {
        self.found.iter().any(|(_, col)| *col == c)
    }

    /// A column's own header text (the child's, under a parent).
    pub fn heading_text(&self, c: usize) -> &str {
        self.headings.get(c).map_or("", |h| h.text.as_str())
    }

    /// Every column with a header, and what it was read as.
    pub fn understood(&self) -> Vec<Understood> {
        self.headings
            .iter()
            .enumerate()
            .filter(|(_, h)| !h.is_empty())
            .map(|(c, h)| Understood {
                column: column_name(c),
                header: h.shown(),
                field: self
                    .found
                    .iter()
                    .find(|(_, col)| *col == c)
                    .map(|(f, _)| label_of(self.kind, *f)),
            })
            .collect()
    }
}

fn name_of(kind: ImportKind, f: Field) -> &'static str {
    specs(kind)
        .iter()
        .find(|s| s.field == f)
        .map(|s| s.name)
        .unwrap_or("")
}

/// What a field is, in the user's language.
fn label_of(kind: ImportKind, f: Field) -> &'static str {
    let Some(spec) = specs(kind).iter().find(|s| s.field == f) else {
        return "";
    };
    match lang() {
        Lang::Vi => spec.name,
        Lang::En => spec.en,
    }
}

/// Finds the header (the best-scoring of the first rows, one row or two), guesses the
/// kind when not given, and checks the required columns are there.
pub fn locate(sheet: &Sheet, kind: Option<ImportKind>) -> Result<Columns> {
    let rows = &sheet.rows;
    // A header of another kind: say which columns the chosen kind lacks.
    let best = |k: Option<ImportKind>| {
        header::best(rows, &sheet.merges, &|h: &[Heading]| score_headings(k, h))
    };
    let found = best(kind).or_else(|| kind.and_then(|_| best(None)));
    let Some(head) = found else {
        return Err(Error::User(t(T::ImpNoHeader).to_string()));
    };
    let headings = head.headings;
    let kind = match kind {
        Some(k) => k,
        None => guess(&headings).ok_or_else(|| Error::User(t(T::ImpUnknownKind).to_string()))?,
    };
    let number = rows[head.at].number;
    if let Some((a, b, header)) = twice(kind, &headings) {
        return Err(Error::User(format!(
            "{} {}: {} «{header}» ({} {}, {})",
            t(T::ImpRow),
            number,
            t(T::ImpDuplicateColumn),
            t(T::ImpColumn),
            column_name(a),
            column_name(b)
        )));
    }
    let found: Vec<(Field, usize)> = matches(kind, &headings)
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
        first_data: head.at + head.rows,
        header_rows: rows[head.at..head.at + head.rows]
            .iter()
            .map(|r| r.number)
            .collect(),
        found,
        headings,
    })
}

/// What a file holds, from its headers: a task title means tasks; a plan, targets; a
/// unit name with a kind, units.
fn guess(headings: &[Heading]) -> Option<ImportKind> {
    let has = |k: ImportKind, f: Field| matches(k, headings).iter().any(|(g, _, _)| *g == f);
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

    fn locate(rows: &[Row], kind: Option<ImportKind>) -> Result<Columns> {
        let sheet = Sheet {
            rows: rows.to_vec(),
            merges: Vec::new(),
        };
        super::locate(&sheet, kind)
    }

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

    fn numbered(number: usize, cells: &[&str]) -> Row {
        Row {
            number,
            ..row(cells)
        }
    }

    #[test]
    fn a_two_row_header_is_found_below_a_title_and_read_child_under_parent() {
        let rows = vec![
            numbered(1, &["PHỤ LỤC"]),
            numbered(
                3,
                &[
                    "STT",
                    "Văn bản giao nhiệm vụ",
                    "",
                    "Nội dung nhiệm vụ",
                    "Đơn vị chủ trì",
                    "Thời hạn",
                ],
            ),
            numbered(
                4,
                &["", "Số, ký hiệu", "Ngày, tháng", "", "", "Ngày, tháng"],
            ),
            numbered(5, &["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]),
        ];
        let cols = locate(&rows, None).unwrap();
        assert_eq!((cols.first_data, cols.header_rows.clone()), (3, vec![3, 4]));
        assert_eq!(cols.col(Field::DocNumber), Some(1));
        assert_eq!(cols.col(Field::DocDate), Some(2));
        assert_eq!(cols.col(Field::Deadline), Some(5));
        assert_eq!(cols.header(Field::Deadline), "Thời hạn › Ngày, tháng");
        // A one-row header over a row of data stays one row.
        let rows = vec![
            numbered(
                1,
                &["Số, ký hiệu", "Tên nhiệm vụ", "Đơn vị chủ trì", "Hạn xử lý"],
            ),
            numbered(2, &["12/UBND", "Ngày", "Cao Lộc", ""]),
        ];
        let cols = locate(&rows, None).unwrap();
        assert_eq!((cols.first_data, cols.header_rows.clone()), (1, vec![1]));
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
