//! Words and numbers as every output shows them: the screen, the reports, the notice
//! and the import's messages. Below all of them, so none has to borrow from another;
//! in the language chosen at start (`i18n`).

use crate::domain::format::{fmt_number, fmt_number_en};
use crate::domain::target::{Plan, TargetClass};
use crate::domain::task::TaskStatus;
use crate::domain::unit::UnitKind;
use crate::i18n::{Lang, T, lang, t};

/// A figure with up to two decimals, in the language's separators.
pub fn num(x: f64) -> String {
    match lang() {
        Lang::Vi => fmt_number(x, 2),
        Lang::En => fmt_number_en(x, 2),
    }
}

/// A target's plan: one figure, or a range.
pub fn plan_text(p: Plan) -> String {
    match p {
        Plan::Value(v) => num(v),
        Plan::Range(a, b) => format!("{}–{}", num(a), num(b)),
    }
}

/// A target class's symbol and its name in the catalog.
pub fn class_label(c: TargetClass) -> (&'static str, T) {
    match c {
        TargetClass::Met => (crate::glyphs::met(), T::ClassMet),
        TargetClass::Above70 => (crate::glyphs::above70(), T::ClassAbove70),
        TargetClass::Below70 => (crate::glyphs::below70(), T::ClassBelow70),
        TargetClass::NoData => ("?", T::ClassNoData),
    }
}

/// The class in words.
pub fn class_word(c: TargetClass) -> &'static str {
    t(class_label(c).1)
}

/// A unit's kind in words: "huyện", "xã", "sở"...
pub fn kind_word(k: UnitKind) -> &'static str {
    kind_word_in(k, lang())
}

/// A unit's name as the panes show it: with its kind, and its parent's name, when
/// another unit valid that day has the same name ("Hoàng Văn Thụ (xã, Văn Lãng)",
/// "Lạng Sơn (thành phố)").
/// `namesake` is `UnitRow::namesake`.
pub fn unit_label(name: &str, kind: UnitKind, namesake: &Option<Option<String>>) -> String {
    unit_label_in(name, kind, namesake, lang())
}

/// The same in a language.
pub fn unit_label_in(
    name: &str,
    kind: UnitKind,
    namesake: &Option<Option<String>>,
    l: Lang,
) -> String {
    match namesake {
        None => name.to_string(),
        Some(None) => format!("{name} ({})", kind_word_in(kind, l)),
        Some(Some(parent)) => format!("{name} ({}, {parent})", kind_word_in(kind, l)),
    }
}

/// A unit abolished before the as-of date, as every output marks it: "đã giải thể
/// 01/07/2025 → Thất Khê, Tràng Định" (the day it ceased, then who took over its work).
/// `on` and `successors` are those of `model::Abolished`.
pub fn abolished_mark(on: chrono::NaiveDate, successors: &[String]) -> String {
    let on = crate::domain::format::fmt_date(on);
    if successors.is_empty() {
        format!("{} {on}", t(T::Abolished))
    } else {
        format!("{} {on} → {}", t(T::Abolished), successors.join(", "))
    }
}

/// The same in a given language: documents are in Vietnamese whatever the screen's.
pub fn kind_word_in(k: UnitKind, l: Lang) -> &'static str {
    let key = match k {
        UnitKind::Tinh => T::KindTinh,
        UnitKind::Huyen => T::KindHuyen,
        UnitKind::ThanhPho => T::KindThanhPho,
        UnitKind::ThiXa => T::KindThiXa,
        UnitKind::Xa => T::KindXa,
        UnitKind::Phuong => T::KindPhuong,
        UnitKind::ThiTran => T::KindThiTran,
        UnitKind::So => T::KindSo,
    };
    key.in_lang(l)
}

/// A task status in words: "quá hạn 12 ngày".
pub fn status_text(s: TaskStatus) -> String {
    status_text_in(s, lang())
}

/// The same in a language: a document is written in Vietnamese whatever the screen's.
pub fn status_text_in(s: TaskStatus, l: Lang) -> String {
    let t = |k: T| k.in_lang(l);
    // "1 day", "2 days" (Vietnamese has one word for both).
    let days = |n: i64| t(if n == 1 { T::Day } else { T::Days });
    match s {
        TaskStatus::DoneOnTime => t(T::StDoneOnTime).into(),
        TaskStatus::DoneLate { days_late: Some(n) } => {
            format!("{} {n} {}", t(T::StDoneLateShort), days(n))
        }
        TaskStatus::DoneLate { days_late: None } => t(T::StDoneLate).into(),
        TaskStatus::Overdue { days: d } => {
            format!("{} {d} {}", t(T::StOverdue), days(d))
        }
        TaskStatus::DueSoon { days_left } => {
            format!("{} ({days_left} {})", t(T::StDueSoon), days(days_left))
        }
        TaskStatus::InTime { .. } => t(T::StInTime).into(),
        TaskStatus::NoDeadline => t(T::StNoDeadline).into(),
        TaskStatus::Cancelled => t(T::StCancelled).into(),
    }
}
