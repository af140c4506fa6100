//! An inspection's conclusions: the kinds of item a notice of conclusions holds, and
//! the deadline shortcuts a secretary types while the directives are spoken.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::format::parse_date;
use super::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{T, t};

/// The kind of a conclusion item, in the order a notice presents them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Đánh giá kết quả.
    Result,
    /// Tồn tại, hạn chế.
    Shortcoming,
    /// Chỉ đạo, yêu cầu: becomes a tracked task.
    #[default]
    Directive,
    /// Kiến nghị.
    Proposal,
}

impl ItemKind {
    pub const ALL: [ItemKind; 4] = [
        ItemKind::Result,
        ItemKind::Shortcoming,
        ItemKind::Directive,
        ItemKind::Proposal,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Result => "result",
            ItemKind::Shortcoming => "shortcoming",
            ItemKind::Directive => "directive",
            ItemKind::Proposal => "proposal",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    pub fn next(self) -> ItemKind {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    pub fn label(self) -> &'static str {
        t(match self {
            ItemKind::Result => T::KindResult,
            ItemKind::Shortcoming => T::KindShortcoming,
            ItemKind::Directive => T::KindDirective,
            ItemKind::Proposal => T::KindProposal,
        })
    }
}

fn end_of_month(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).expect("valid month") - Duration::days(1)
}

/// A deadline as typed: empty for none, `dd/mm/yyyy`, `+30` (days after `base`),
/// `+2t` / `+2 tuần` (weeks), `+3th` / `+3 tháng` (months), or "cuối tháng",
/// "cuối quý", "cuối năm" (typed with or without diacritics).
pub fn parse_deadline(input: &str, base: NaiveDate) -> Result<Option<NaiveDate>> {
    let s = fold(input.trim());
    if s.is_empty() {
        return Ok(None);
    }
    let (y, m) = (base.year(), base.month());
    match s.as_str() {
        "cuoi thang" => return Ok(Some(end_of_month(y, m))),
        "cuoi quy" => return Ok(Some(end_of_month(y, m.div_ceil(3) * 3))),
        "cuoi nam" => return Ok(Some(end_of_month(y, 12))),
        _ => {}
    }
    if let Some(rest) = s.strip_prefix('+') {
        let rest = rest.trim();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let unit = rest[digits.len()..].trim();
        let n: u32 = digits
            .parse()
            .ok()
            .filter(|n| *n <= 3660)
            .ok_or_else(|| Error::User(format!("{}: «{}»", t(T::ErrDate), input.trim())))?;
        let date = match unit {
            "" | "n" | "ngay" => base.checked_add_signed(Duration::days(n.into())),
            "t" | "tuan" => base.checked_add_signed(Duration::weeks(n.into())),
            "th" | "thang" => base.checked_add_months(chrono::Months::new(n)),
            _ => None,
        };
        return date
            .map(Some)
            .ok_or_else(|| Error::User(format!("{}: «{}»", t(T::ErrDate), input.trim())));
    }
    parse_date(input).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parser with its error as the words the user sees, to compare whole.
    fn parse_deadline(s: &str, base: NaiveDate) -> std::result::Result<Option<NaiveDate>, String> {
        super::parse_deadline(s, base).map_err(|e| e.to_string())
    }

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn shortcuts_from_the_meeting_date() {
        let base = d("23/09/2022");
        assert_eq!(parse_deadline("", base), Ok(None));
        assert_eq!(parse_deadline("+30", base), Ok(Some(d("23/10/2022"))));
        assert_eq!(parse_deadline("+2 tuần", base), Ok(Some(d("07/10/2022"))));
        assert_eq!(parse_deadline("+3 tháng", base), Ok(Some(d("23/12/2022"))));
        assert_eq!(parse_deadline("cuối quý", base), Ok(Some(d("30/09/2022"))));
        assert_eq!(
            parse_deadline("cuoi thang", base),
            Ok(Some(d("30/09/2022")))
        );
        assert_eq!(parse_deadline("Cuối năm", base), Ok(Some(d("31/12/2022"))));
        assert_eq!(
            parse_deadline("cuối quý", d("01/11/2022")),
            Ok(Some(d("31/12/2022")))
        );
        assert_eq!(
            parse_deadline("31/12/2022", base),
            Ok(Some(d("31/12/2022")))
        );
    }

    #[test]
    fn bad_deadlines_are_errors() {
        let base = d("23/09/2022");
        assert!(parse_deadline("31/02/2023", base).is_err());
        assert!(parse_deadline("+", base).is_err());
        assert!(parse_deadline("+99999", base).is_err());
        assert!(parse_deadline("+3 năm ánh sáng", base).is_err());
        assert!(parse_deadline("sớm", base).is_err());
    }

    #[test]
    fn kinds_cycle_and_round_trip() {
        for k in ItemKind::ALL {
            assert_eq!(ItemKind::from_code(k.code()), Some(k));
        }
        assert_eq!(ItemKind::Proposal.next(), ItemKind::Result);
    }
}
