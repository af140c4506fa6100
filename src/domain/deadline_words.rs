//! Deadlines as task-tracking exports and report appendices write them in words:
//! "Trước ngày 30/9/2022", "Tháng 10/2022", "Quý III/2022", "Năm 2022",
//! "Thường xuyên", "Trước ngày 30/6/2022 (đã gia hạn đến 31/8/2022)".
//! Matched folded (no diacritics, any case).

use chrono::NaiveDate;

use super::format::parse_date;
use super::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{T, t};

/// What a deadline cell says: the deadline as first given, and a later one it was
/// extended to (gia hạn), if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineWords {
    pub original: NaiveDate,
    pub extended_to: Option<NaiveDate>,
}

impl DeadlineWords {
    /// The deadline in force.
    pub fn in_force(self) -> NaiveDate {
        self.extended_to.unwrap_or(self.original)
    }
}

/// Words that mean the task has no deadline.
const NO_DEADLINE: &[&str] = &[
    "thuong xuyen",
    "theo tien do",
    "khong thoi han",
    "khong co thoi han",
    "khong han",
];

/// Reads a deadline in words (or a plain date); `None` for no deadline. Anything not
/// understood is an error quoting the text; a date that does not exist is refused
/// as `parse_date` refuses it.
pub fn parse_deadline(input: &str) -> Result<Option<DeadlineWords>> {
    let s = input.trim();
    let bad = || Error::User(format!("{}: «{s}»", t(T::ImpBadDeadline)));
    let key = fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
    let key = key.trim_end_matches(['.', ';', ',']).trim();
    if key.is_empty() || NO_DEADLINE.contains(&key) {
        return Ok(None);
    }
    // "… (đã gia hạn đến D)": the original before, the extension after.
    if let Some(at) = key.find("gia han den") {
        let head = key[..at]
            .trim_end()
            .trim_end_matches("da")
            .trim_end()
            .trim_end_matches(['(', ',', ';', '-', '–'])
            .trim();
        let tail = key[at + "gia han den".len()..]
            .trim()
            .trim_end_matches([')', '.'])
            .trim();
        let new = one(tail).ok_or_else(bad)??;
        if head.is_empty() {
            // Only the extension is given: it is the deadline known.
            return Ok(Some(DeadlineWords {
                original: new,
                extended_to: None,
            }));
        }
        let original = one(head).ok_or_else(bad)??;
        if new <= original {
            return Err(Error::User(format!(
                "{}: «{s}»",
                t(T::ImpExtensionNotLater)
            )));
        }
        return Ok(Some(DeadlineWords {
            original,
            extended_to: Some(new),
        }));
    }
    let original = one(key).ok_or_else(bad)??;
    Ok(Some(DeadlineWords {
        original,
        extended_to: None,
    }))
}

/// The extension a notes cell ("Ghi chú") records: "Đã gia hạn đến 31/8/2022",
/// "Được gia hạn đến ngày 31/8/2022 theo Văn bản số …", "gia hạn đến Quý IV/2022".
/// `None` when the notes say no such thing, or only that one was asked for ("đề
/// nghị gia hạn", "xin gia hạn"), or give no date tct reads: notes are free text.
/// A date that does not exist is refused as in the deadline column.
pub fn extension_in_notes(input: &str) -> Result<Option<NaiveDate>> {
    let key = fold(input).split_whitespace().collect::<Vec<_>>().join(" ");
    const GRANTED: &str = "gia han den ";
    let Some(at) = key.find(GRANTED) else {
        return Ok(None);
    };
    let before = key[..at].trim_end();
    if before.ends_with("de nghi") || before.ends_with("xin") || before.ends_with("chua") {
        return Ok(None);
    }
    let words: Vec<&str> = key[at + GRANTED.len()..]
        .split(' ')
        .map(|w| w.trim_end_matches(['.', ',', ';', ')', ':']))
        .take(5)
        .collect();
    // The longest run of words that is a deadline: what follows is other text.
    for n in (1..=words.len()).rev() {
        if let Some(d) = one(&words[..n].join(" ")) {
            return d.map(Some);
        }
    }
    Ok(None)
}

/// One deadline, folded: `None` when the words are not understood, an error when they
/// are but the date does not exist.
fn one(key: &str) -> Option<Result<NaiveDate>> {
    let mut k = key.trim();
    for prefix in ["truoc ngay ", "truoc ", "den ngay ", "trong ", "han "] {
        if let Some(rest) = k.strip_prefix(prefix) {
            k = rest.trim_start();
            break;
        }
    }
    if let Some(rest) = k.strip_prefix("ngay ") {
        k = rest.trim_start();
    }
    if k.starts_with(|c: char| c.is_ascii_digit()) {
        return date(k);
    }
    let (word, rest) = k.split_once(' ')?;
    let (what, year) = period(rest)?;
    match word {
        "thang" => {
            let m: u32 = what?.parse().ok()?;
            Some(month_end(year, m))
        }
        "quy" => {
            let q = match what? {
                "i" | "1" => 1,
                "ii" | "2" => 2,
                "iii" | "3" => 3,
                "iv" | "4" => 4,
                _ => return None,
            };
            Some(month_end(year, q * 3))
        }
        "nam" if what.is_none() => Some(month_end(year, 12)),
        _ => None,
    }
}

/// "10/2022", "10 nam 2022", "10-2022" → (Some("10"), 2022); "2022" → (None, 2022).
fn period(rest: &str) -> Option<(Option<&str>, i32)> {
    let rest = rest.trim();
    let (what, year) = match rest.split_once(['/', '-', '.']) {
        Some((w, y)) => (Some(w.trim()), y.trim()),
        None => match rest.split_once(" nam ") {
            Some((w, y)) => (Some(w.trim()), y.trim()),
            None => (None, rest),
        },
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    (1900..=2200).contains(&year).then_some((what, year))
}

/// A date in digits, which must be the whole of what is left.
fn date(k: &str) -> Option<Result<NaiveDate>> {
    k.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'/' | b'-' | b'.'))
        .then(|| parse_date(k))
}

fn month_end(year: i32, month: u32) -> Result<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    first_next
        .and_then(|d| d.pred_opt())
        .filter(|_| (1..=12).contains(&month))
        .ok_or_else(|| Error::User(format!("{}: {month}/{year}", t(T::ImpBadDeadline))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%d/%m/%Y").unwrap()
    }

    #[test]
    fn deadlines_in_words() {
        let plain = [
            ("30/09/2022", "30/09/2022"),
            ("Trước ngày 30/9/2022", "30/09/2022"),
            ("Trước 31/01/2023", "31/01/2023"),
            ("trươc ngay 1/2/2023", "01/02/2023"),
            ("TRƯỚC NGÀY 30/9/2022.", "30/09/2022"),
            ("Ngày 5/10/2022", "05/10/2022"),
            ("Tháng 10/2022", "31/10/2022"),
            ("Tháng 2/2024", "29/02/2024"),
            ("Trong tháng 12/2022", "31/12/2022"),
            ("tháng 6 năm 2023", "30/06/2023"),
            ("Quý III/2022", "30/09/2022"),
            ("Quý 3/2022", "30/09/2022"),
            ("quý IV năm 2022", "31/12/2022"),
            ("QUY I/2023", "31/03/2023"),
            ("Trong quý II/2023", "30/06/2023"),
            ("Năm 2022", "31/12/2022"),
            ("Trong năm 2023", "31/12/2023"),
        ];
        for (text, want) in plain {
            assert_eq!(
                parse_deadline(text).map_err(|e| e.to_string()),
                Ok(Some(DeadlineWords {
                    original: d(want),
                    extended_to: None
                })),
                "{text}"
            );
        }
    }

    #[test]
    fn no_deadline_words() {
        for text in [
            "",
            "  ",
            "Thường xuyên",
            "THUONG XUYEN",
            "Theo tiến độ",
            "Không có thời hạn",
        ] {
            assert_eq!(parse_deadline(text).ok(), Some(None), "{text}");
        }
    }

    #[test]
    fn an_extension_keeps_the_original() {
        let cases = [
            (
                "Trước ngày 30/6/2022 (đã gia hạn đến 31/8/2022)",
                "30/06/2022",
                Some("31/08/2022"),
            ),
            (
                "Trước ngày 30/6/2022 (Đã gia hạn đến ngày 31/8/2022)",
                "30/06/2022",
                Some("31/08/2022"),
            ),
            (
                "Quý III/2022, đã gia hạn đến Tháng 12/2022",
                "30/09/2022",
                Some("31/12/2022"),
            ),
            ("Đã gia hạn đến 31/8/2022", "31/08/2022", None),
        ];
        for (text, orig, ext) in cases {
            let got = parse_deadline(text).unwrap().unwrap();
            assert_eq!(got.original, d(orig), "{text}");
            assert_eq!(got.extended_to, ext.map(d), "{text}");
            assert_eq!(got.in_force(), d(ext.unwrap_or(orig)), "{text}");
        }
    }

    #[test]
    fn an_extension_written_in_the_notes() {
        let cases = [
            ("Đã gia hạn đến 31/8/2022", Some("31/08/2022")),
            ("Được gia hạn đến ngày 31/8/2022.", Some("31/08/2022")),
            ("gia hạn đến ngày 5/10/2022", Some("05/10/2022")),
            (
                "UBND tỉnh đã gia hạn đến 31/8/2022 theo Văn bản số 123/UBND-KT",
                Some("31/08/2022"),
            ),
            (
                "Đã gia hạn đến Quý IV/2022, đang thực hiện",
                Some("31/12/2022"),
            ),
            ("(đã gia hạn đến tháng 12/2022)", Some("31/12/2022")),
            ("Đơn vị đề nghị gia hạn đến 31/8/2022", None),
            ("xin gia hạn đến 31/8/2022", None),
            ("Đã gia hạn đến khi có hướng dẫn", None),
            ("Đang thực hiện", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                extension_in_notes(text).map_err(|e| e.to_string()),
                Ok(want.map(d)),
                "{text}"
            );
        }
        assert!(extension_in_notes("Đã gia hạn đến 31/02/2023").is_err());
    }

    #[test]
    fn anything_else_is_refused_quoting_the_text() {
        let refused = [
            ("Sớm", "«Sớm»"),
            ("Quý V/2022", "«Quý V/2022»"),
            ("Tháng 13/2022", "13/2022"),
            ("Năm 22", "«Năm 22»"),
            ("Trước ngày 31/02/2022", "«31/02/2022»"),
            ("30/9/2022 hoặc sớm hơn", "«30/9/2022 hoặc sớm hơn»"),
            (
                "Trước ngày 30/8/2022 (đã gia hạn đến 30/6/2022)",
                "«Trước ngày 30/8/2022 (đã gia hạn đến 30/6/2022)»",
            ),
            ("Trước ngày 30/6/2022 (đã gia hạn)", "«Trước ngày"),
        ];
        for (text, quoted) in refused {
            let e = parse_deadline(text).unwrap_err().to_string();
            assert!(e.contains(quoted), "{text}: {e}");
        }
    }
}
