//! The status column of task-tracking exports ("Tình trạng", "Trạng thái") in the
//! words of the common systems: "Đã hoàn thành đúng hạn / quá hạn", "Đang thực hiện
//! trong hạn / quá hạn / không hạn", "Chưa thực hiện", "Sắp hết hạn (7 ngày)",
//! "Bị hủy", "Tạm hoãn"; and tct's own words ("hoàn thành trễ 3 ngày", in English
//! too). Matched folded: any case, with or without diacritics.

use chrono::NaiveDate;

use super::text::fold;
use crate::error::{Error, Result};
use crate::i18n::{T, t};

/// What a file says of a task's state. Whether it is late or in time is worked out
/// from the dates; the words only say which of these it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportedStatus {
    /// Done; `late` when the words say on time (`Some(false)`) or late (`Some(true)`).
    Done { late: Option<bool> },
    /// Not done yet, whatever the words say of its deadline.
    Open,
    /// Cancelled (bị hủy).
    Cancelled,
    /// Postponed (tạm hoãn).
    Postponed,
}

const CANCELLED: &[&str] = &["bi huy", "da huy", "huy", "huy bo", "cancelled", "canceled"];
const POSTPONED: &[&str] = &["tam hoan", "tam dung", "postponed", "on hold"];
const DONE: &[&str] = &["da hoan thanh", "hoan thanh", "done", "completed"];
const OPEN: &[&str] = &[
    "chua",
    "dang",
    "trong han",
    "con han",
    "qua han",
    "sap het han",
    "sap den han",
    "sap han",
    "khong han",
    "khong thoi han",
    "khong co thoi han",
    "overdue",
    "in time",
    "due soon",
    "no deadline",
    "open",
    "not started",
    "in progress",
];
/// What may follow "hoàn thành": how it was in time, and by how many days.
const DONE_DETAIL: &[&str] = &[
    "dung", "han", "qua", "tre", "truoc", "trong", "ngay", "hon", "on", "time", "late", "day",
    "days",
];

/// Reads a status cell; `None` when empty. Words not understood are an error quoting
/// them (the import takes all or nothing).
pub fn parse_status(input: &str) -> Result<Option<ReportedStatus>> {
    let s = input.trim();
    let key: String = fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = key.split_whitespace().collect();
    if words.is_empty() {
        return Ok(None);
    }
    let starts = |list: &[&str]| -> Option<usize> {
        list.iter().find_map(|p| {
            let p: Vec<&str> = p.split(' ').collect();
            words.starts_with(&p).then_some(p.len())
        })
    };
    let bad = || Error::User(format!("{}: «{s}»", t(T::ImpBadStatus)));
    if starts(CANCELLED).is_some() {
        return Ok(Some(ReportedStatus::Cancelled));
    }
    if starts(POSTPONED).is_some() {
        return Ok(Some(ReportedStatus::Postponed));
    }
    if let Some(n) = starts(DONE) {
        let rest = &words[n..];
        // A number only as days ("trễ 3 ngày"), never a share ("hoàn thành 80%").
        let days = |i: usize| {
            rest[i].bytes().all(|b| b.is_ascii_digit())
                && rest
                    .get(i + 1)
                    .is_some_and(|w| ["ngay", "day", "days"].contains(w))
        };
        if !(0..rest.len()).all(|i| DONE_DETAIL.contains(&rest[i]) || days(i)) {
            return Err(bad());
        }
        let has = |w: &str| rest.contains(&w);
        let late = if has("qua") || has("tre") || has("late") {
            Some(true)
        } else if has("dung") || has("truoc") || has("trong") || has("time") {
            Some(false)
        } else {
            None
        };
        return Ok(Some(ReportedStatus::Done { late }));
    }
    if starts(OPEN).is_some() {
        return Ok(Some(ReportedStatus::Open));
    }
    Err(bad())
}

/// Whether what the words say agrees with the dates: done or not, and on time or
/// late where the words say which (late: completed after the deadline in force).
/// tct counts by the dates; a file that says otherwise is worth a line.
pub fn agrees(
    reported: ReportedStatus,
    deadline: Option<NaiveDate>,
    completed_on: Option<NaiveDate>,
) -> bool {
    match (reported, completed_on) {
        (ReportedStatus::Done { late }, Some(done)) => match late {
            None => true,
            Some(late) => late == deadline.is_some_and(|d| done > d),
        },
        // Done without a date: kept done on a stand-in day, as the words say.
        (ReportedStatus::Done { .. }, None) => true,
        (_, Some(_)) => false,
        (_, None) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::ReportedStatus::*;
    use super::*;

    #[test]
    fn the_common_systems_words() {
        let cases = [
            ("Đã hoàn thành đúng hạn", Done { late: Some(false) }),
            ("da hoan thanh dung han", Done { late: Some(false) }),
            ("ĐÃ HOÀN THÀNH QUÁ HẠN", Done { late: Some(true) }),
            ("Đã hoàn thành trễ hạn", Done { late: Some(true) }),
            ("Hoàn thành quá hạn", Done { late: Some(true) }),
            ("Hoàn thành đúng hạn", Done { late: Some(false) }),
            ("Đã hoàn thành", Done { late: None }),
            ("hoàn thành trễ 3 ngày", Done { late: Some(true) }),
            ("done late 3 days", Done { late: Some(true) }),
            ("done on time", Done { late: Some(false) }),
            ("Đang thực hiện trong hạn", Open),
            ("Đang thực hiện quá hạn", Open),
            ("Đang thực hiện không hạn", Open),
            ("dang thuc hien", Open),
            ("Chưa thực hiện", Open),
            ("Chưa hoàn thành", Open),
            ("Trong hạn", Open),
            ("Quá hạn", Open),
            ("quá hạn 12 ngày", Open),
            ("Quá hạn hơn 120 ngày", Open),
            ("Sắp hết hạn (7 ngày)", Open),
            ("sắp đến hạn (2 ngày)", Open),
            ("Không có thời hạn", Open),
            ("không thời hạn", Open),
            ("overdue 4 days", Open),
            ("Bị hủy", Cancelled),
            ("BI HUY", Cancelled),
            ("Đã hủy", Cancelled),
            ("Tạm hoãn", Postponed),
            ("tam hoan", Postponed),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_status(text).map_err(|e| e.to_string()),
                Ok(Some(want)),
                "{text}"
            );
        }
    }

    #[test]
    fn empty_is_none_and_other_words_are_refused() {
        assert_eq!(parse_status("  ").ok(), Some(None));
        for text in ["Hoàn thành 80%", "Tốt", "Huyện Cao Lộc", "xong rồi"] {
            let e = parse_status(text).unwrap_err().to_string();
            assert!(e.ends_with(&format!("«{text}»")), "{e}");
        }
    }

    #[test]
    fn words_and_dates_agree_or_not() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%d/%m/%Y").ok();
        let on_time = Done { late: Some(false) };
        let late = Done { late: Some(true) };
        let cases = [
            (on_time, "30/09/2022", "29/09/2022", true),
            (on_time, "30/09/2022", "30/09/2022", true),
            (on_time, "30/09/2022", "01/10/2022", false),
            (late, "30/09/2022", "01/10/2022", true),
            (late, "30/09/2022", "20/09/2022", false),
            (late, "", "20/09/2022", false),
            (on_time, "", "20/09/2022", true),
            (Done { late: None }, "30/09/2022", "01/10/2022", true),
            (Done { late: None }, "30/09/2022", "", true),
            (Open, "30/09/2022", "", true),
            (Open, "30/09/2022", "20/09/2022", false),
            (Postponed, "30/09/2022", "20/09/2022", false),
            (Postponed, "", "", true),
        ];
        for (said, deadline, done, want) in cases {
            assert_eq!(
                agrees(said, d(deadline), d(done)),
                want,
                "{said:?} {deadline} {done}"
            );
        }
    }
}
