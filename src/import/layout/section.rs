//! Section rows between tasks: "I. NHIỆM VỤ ĐÃ HOÀN THÀNH (05 nhiệm vụ)", "1. Nhiệm
//! vụ quá hạn", a bare "II" beside its label; their level, the status they name and
//! the number of tasks they declare.

use super::{filled, second_key, text};
use crate::domain::status_words::{ReportedStatus, parse_status};
use crate::import::columns::{Columns, header_key};
use crate::import::read::{Cell, Row};

/// A section row and the data rows under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub row: usize,
    pub label: String,
    /// A, B… 0; I, II… 1; 1, 2… 2; 1.1, a)… 3.
    pub level: u8,
    /// What its title says of its tasks' state ("ĐÃ HOÀN THÀNH").
    pub status: Option<ReportedStatus>,
    /// "(05 nhiệm vụ)".
    pub declared: Option<usize>,
    /// Data rows read under it (its sub-sections' included).
    pub read: usize,
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

fn is_figure(c: &Cell) -> bool {
    match c {
        Cell::Number(_) => true,
        Cell::Text(s) => {
            let s = s.trim();
            !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b".,%".contains(&b))
        }
        _ => false,
    }
}

/// A section row: its label in one cell (or a bare number and the label), nothing in
/// the lead unit's column, and words that read as a section: a Roman numeral or a
/// letter; a number followed by "nhiệm vụ…", a status or capitals; or, unnumbered,
/// capitals or "nhiệm vụ…" with a status or a count.
pub fn section(row: &Row, cols: &Columns) -> Option<Section> {
    let mut cells = filled(row);
    // Figures to the right of the label (its tasks counted by column) are not part
    // of it; a figure before it may be a task's document number, and stays.
    while cells.len() > 2 && cells.last().is_some_and(|(_, c)| is_figure(c)) {
        cells.pop();
    }
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

#[cfg(test)]
mod tests {
    use super::super::tests::{cols, row};
    use super::*;

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
        // Its tasks counted in columns to the right.
        let s = section_of(&["I", "NHIỆM VỤ ĐÃ HOÀN THÀNH", "", "", "5"]).unwrap();
        assert_eq!(s.status, Some(ReportedStatus::Done { late: None }));
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
        assert!(section_of(&["2", "125", "Nhiệm vụ đã hoàn thành"]).is_none());
    }
}
