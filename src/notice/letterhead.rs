//! The upper part of the notice: the issuing body, the number and symbol, the place
//! and date. Each comes from the settings, with a default a clerk completes by hand.

use chrono::NaiveDate;

use crate::i18n::T;

use super::issuer::Issuer;
use super::model::Settings;
use super::text::{date_words, lines, one_line, vi};

/// The issuing body in capitals, one line each as set; the province's People's
/// Committee when unset.
pub fn issuing_body(settings: &Settings) -> Vec<String> {
    let mut body: Vec<String> = settings
        .issuing_body
        .as_deref()
        .map(lines)
        .unwrap_or_default()
        .iter()
        .map(|l| l.to_uppercase())
        .collect();
    if body.is_empty() {
        body.push(vi(T::NoticeDefaultBody).to_string());
    }
    body
}

/// Where a one-line issuing body breaks when it is wider than its column: before the
/// place it governs.
const PLACES: [&str; 7] = [
    " TỈNH ",
    " THÀNH PHỐ ",
    " HUYỆN ",
    " THỊ XÃ ",
    " QUẬN ",
    " XÃ ",
    " PHƯỜNG ",
];

/// Letters of bold 13 pt capitals the issuing body's column holds on a line.
const COLUMN_LETTERS: usize = 20;

/// The issuing body as printed, and how many of its last lines are its own name (in
/// bold): a name set on several lines is kept as set, its last line its own; a
/// one-line name too long for the column is broken before the place, both lines its
/// own ("ỦY BAN NHÂN DÂN / TỈNH LẠNG SƠN"), so the page never breaks it mid-name.
pub fn broken(body: Vec<String>) -> (Vec<String>, usize) {
    if let [only] = body.as_slice()
        && only.chars().count() > COLUMN_LETTERS
        && let Some(at) = PLACES.iter().filter_map(|p| only.find(p)).min()
    {
        let (name, place) = only.split_at(at);
        return (vec![name.trim().to_string(), place.trim().to_string()], 2);
    }
    (body, 1)
}

/// "Số: 123/TB-UBND", or "Số:      /TB-UBND" when the setting has no number; the
/// issuer's symbol when none is set.
pub fn number(settings: &Settings, issuer: Issuer) -> String {
    let symbol =
        one_line(settings.number_symbol.as_deref()).unwrap_or_else(|| issuer.symbol().to_string());
    if symbol.contains('/') {
        format!("{} {symbol}", vi(T::NoticeNumber))
    } else {
        // Blank for the number the clerk gives it when it is issued.
        format!("{}      /{symbol}", vi(T::NoticeNumber))
    }
}

/// "Lạng Sơn, ngày 23 tháng 9 năm 2022"; dots for the place when unset.
pub fn place_date(settings: &Settings, issued_on: NaiveDate) -> String {
    let place = one_line(settings.place.as_deref()).unwrap_or_else(|| "……".to_string());
    format!("{place}, {}", date_words(issued_on))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_long_name_breaks_before_its_place() {
        assert_eq!(
            broken(v(&["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"])),
            (v(&["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]), 2)
        );
        assert_eq!(
            broken(v(&["SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH LẠNG SƠN"])),
            (v(&["SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "TỈNH LẠNG SƠN"]), 2)
        );
        // Short enough, or set on lines of its own: as it is.
        assert_eq!(
            broken(v(&["ỦY BAN NHÂN DÂN TỈNH"])),
            (v(&["ỦY BAN NHÂN DÂN TỈNH"]), 1)
        );
        assert_eq!(
            broken(v(&["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"])),
            (v(&["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"]), 1)
        );
    }
}
