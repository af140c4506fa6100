//! Text as the notice prints it: cleaned input, dates as Decree 30/2020 writes them,
//! units named by their kind. Every part of the notice is made of these.

use chrono::{Datelike, NaiveDate};

use crate::domain::text::nfc;
use crate::domain::unit::UnitKind;
use crate::i18n::{Lang, T};
use crate::words::kind_word_in;

use super::model::UnitInfo;

/// A catalog entry in Vietnamese: a notice is an administrative document, written in
/// Vietnamese whatever language the screen uses.
pub fn vi(key: T) -> &'static str {
    key.in_lang(Lang::Vi)
}

/// Text as the notice prints it: NFC, control characters removed except line breaks
/// (tabs become spaces), bidirectional overrides and XML non-characters removed.
pub fn clean(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = s
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            '\u{FFFE}' | '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect();
    nfc(&kept)
}

/// The non-blank lines of a text, cleaned and trimmed: each becomes a paragraph.
pub fn lines(s: &str) -> Vec<String> {
    clean(s)
        .split('\n')
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// A setting meant for one line ("Lạng Sơn", "TB-UBND"): its lines joined by spaces,
/// `None` when unset or blank, so the caller's default applies.
pub fn one_line(setting: Option<&str>) -> Option<String> {
    setting
        .map(|s| lines(s).join(" "))
        .filter(|s| !s.is_empty())
}

/// Day, month and year as Decree 30/2020 writes them: a leading zero for days below 10
/// and months below 3 ("05", "02"), none otherwise ("23", "9").
fn date_parts(d: NaiveDate) -> (String, String, String) {
    let day = if d.day() < 10 {
        format!("0{}", d.day())
    } else {
        d.day().to_string()
    };
    let month = if d.month() < 3 {
        format!("0{}", d.month())
    } else {
        d.month().to_string()
    };
    (day, month, d.year().to_string())
}

/// "ngày 23 tháng 9 năm 2022".
pub fn date_words(d: NaiveDate) -> String {
    let (day, month, year) = date_parts(d);
    vi(T::NoticeDate)
        .replace("{d}", &day)
        .replace("{m}", &month)
        .replace("{y}", &year)
}

/// "23/9/2022", "05/02/2022": the same rule in figures, for dates in the body.
pub fn date_short(d: NaiveDate) -> String {
    let (day, month, year) = date_parts(d);
    format!("{day}/{month}/{year}")
}

/// Where: "huyện Tràng Định", "phường Đông Kinh"; a department by its name alone
/// ("Sở Tài chính").
pub fn unit_place(u: &UnitInfo) -> String {
    let name = clean(&u.name).trim().to_string();
    match u.kind {
        UnitKind::So => name,
        k => format!("{} {name}", kind_word_in(k, Lang::Vi)),
    }
}

/// Who: "UBND huyện Tràng Định", "UBND xã Đoàn Kết"; a department by its name.
pub fn unit_body(u: &UnitInfo) -> String {
    match u.kind {
        UnitKind::So => unit_place(u),
        _ => format!("{} {}", vi(T::NoticeUbnd), unit_place(u)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::domain::format::parse_date(s).unwrap()
    }

    #[test]
    fn dates_follow_the_decree() {
        assert_eq!(date_words(d("23/09/2022")), "ngày 23 tháng 9 năm 2022");
        assert_eq!(date_words(d("05/02/2022")), "ngày 05 tháng 02 năm 2022");
        assert_eq!(date_words(d("10/03/2022")), "ngày 10 tháng 3 năm 2022");
        assert_eq!(date_words(d("09/12/2022")), "ngày 09 tháng 12 năm 2022");
        assert_eq!(date_words(d("31/01/2023")), "ngày 31 tháng 01 năm 2023");
        assert_eq!(date_short(d("23/09/2022")), "23/9/2022");
        assert_eq!(date_short(d("01/02/2022")), "01/02/2022");
    }

    #[test]
    fn units_are_named_by_kind() {
        let huyen = UnitInfo {
            name: "Tràng Định".into(),
            kind: UnitKind::Huyen,
            card: None,
        };
        let so = UnitInfo {
            name: "Sở Tài chính".into(),
            kind: UnitKind::So,
            card: None,
        };
        let xa = UnitInfo {
            name: "Đoàn Kết".into(),
            kind: UnitKind::Xa,
            card: None,
        };
        assert_eq!(unit_place(&huyen), "huyện Tràng Định");
        assert_eq!(unit_body(&huyen), "UBND huyện Tràng Định");
        assert_eq!(unit_body(&so), "Sở Tài chính");
        assert_eq!(unit_body(&xa), "UBND xã Đoàn Kết");
    }

    #[test]
    fn text_is_cleaned_but_kept() {
        assert_eq!(
            clean("Tra\u{300}ng\u{1b}[31m Định\u{7}\r\nx\ty"),
            "Tràng[31m Định\nx y"
        );
        assert_eq!(lines("  a \n\n b\u{202E}c "), ["a", "bc"]);
    }
}
