//! What closes a sheet: totals ("Tổng cộng", "Tổng số: 20 nhiệm vụ") and the
//! signature block ("Nơi nhận:", "NGƯỜI LẬP BIỂU", "KT. CHỦ TỊCH", a name).

use super::{filled, second_key, text};
use crate::domain::text::fold;
use crate::import::ImportKind;
use crate::import::columns::{Columns, Field, header_key};
use crate::import::read::{Cell, Row};

/// "Tổng cộng", "Tổng số: 20 nhiệm vụ", "Cộng", with nothing but figures after it.
pub fn totals(row: &Row, cols: &Columns) -> bool {
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

/// A cell of what closes the sheet: "Nơi nhận:", "NGƯỜI LẬP BIỂU", "KT. CHỦ TỊCH",
/// "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "Lạng Sơn, ngày 15 tháng 11 năm 2022", or a
/// note under the table ("Ghi chú: …").
pub fn is_signature(c: &Cell) -> bool {
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
        // Notes under the table, before the signature.
        "ghi chu",
        "luu y",
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
    // "Lạng Sơn, ngày 15 tháng 11 năm 2022", or the date alone.
    let dated = (folded.contains(", ngay") || key.starts_with("ngay "))
        && folded.contains("thang")
        && folded.contains("nam");
    STARTS.iter().any(|p| key.starts_with(p)) || ROLES.contains(&key.as_str()) || dated
}

/// The first row of the signature block: three cells at most, one a signature's, and
/// no task in the lead unit's and title's columns.
pub fn signature_starts(row: &Row, cols: &Columns) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::tests::{cols, row};
    use super::*;

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
            "Ngày 15 tháng 11 năm 2022",
            "Ghi chú: (*) nhiệm vụ đã gia hạn",
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
}
