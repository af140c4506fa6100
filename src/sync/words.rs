//! A conflict in a person's words, for the command line and the app: what the row is,
//! which field, the two values as the screens show them (dates dd/mm/yyyy).

use crate::domain::format::{fmt_date, from_iso};
use crate::i18n::{T, t};
use crate::store::ConflictRow;

/// "Nhiệm vụ", "Kết luận"…: the kind of row.
pub fn table_word(table: &str) -> &str {
    match table {
        "task" | "deleted_task" => t(T::SyncRowTask),
        "conclusion_item" => t(T::SyncRowItem),
        "inspection" => t(T::SyncRowInspection),
        "extension" | "deleted_extension" => t(T::SyncRowExtension),
        "reading" => t(T::SyncRowReading),
        "target" => t(T::SyncRowTarget),
        "unit" => t(T::SyncRowUnit),
        "setting" => t(T::SyncRowSetting),
        other => other,
    }
}

/// "hạn xử lý", "ngày hoàn thành"…: the field, or the column's own name.
pub fn field_word<'a>(table: &str, column: &'a str) -> &'a str {
    match (table, column) {
        (_, "deadline") => t(T::SyncFieldDeadline),
        (_, "completed_on") => t(T::SyncFieldCompleted),
        ("task", "title") | ("conclusion_item", "text") => t(T::SyncFieldText),
        ("reading", "value") => t(T::SyncFieldValue),
        (_, c) => c,
    }
}

/// A value as kept in a conflict (JSON), as the screens show it.
pub fn value_words(json: Option<&str>) -> String {
    let Some(raw) = json else {
        return "–".into();
    };
    match serde_json::from_str::<serde_json::Value>(raw) {
        Ok(serde_json::Value::Null) => "–".into(),
        Ok(serde_json::Value::String(s)) => from_iso(&s).map_or(s, fmt_date),
        Ok(serde_json::Value::Number(n)) => {
            n.as_f64().map_or_else(|| n.to_string(), crate::words::num)
        }
        Ok(serde_json::Value::Object(_)) => t(T::SyncWholeRow).into(),
        Ok(other) => other.to_string(),
        Err(_) => raw.to_string(),
    }
}

/// A time the store keeps in UTC ("2026-12-01T20:41:41Z" or "2026-12-01 20:41:41"),
/// in this computer's time as the screens write it: "01/12/2026 20:41".
pub fn when_words(utc: &str) -> String {
    local_time(utc, false)
}

/// What happened, in one phrase.
pub fn kind_words(kind: &str) -> &'static str {
    match kind {
        "overwritten" => t(T::SyncKindOverwritten),
        "deleted" => t(T::SyncKindDeleted),
        "edit_lost" => t(T::SyncKindEditLost),
        _ => t(T::SyncKindRefused),
    }
}

/// One line: "#3fa9c1e2d0 · Nhiệm vụ «Khắc phục…» · hạn xử lý: giữ 31/12/2022, bị ghi
/// đè 15/12/2022 · máy MAY-B, 2026-12-01 19:40:12".
pub fn line(r: &ConflictRow) -> String {
    let what = if r.about.is_empty() {
        table_word(&r.table).to_string()
    } else {
        format!("{} «{}»", table_word(&r.table), r.about)
    };
    let detail = if r.kind == "overwritten" {
        format!(
            "{}: {} {}, {} {}",
            field_word(&r.table, &r.column),
            t(T::SyncKept),
            value_words(r.won.as_deref()),
            t(T::SyncLost),
            value_words(r.lost.as_deref())
        )
    } else {
        kind_words(&r.kind).to_string()
    };
    let decided = r
        .decided
        .as_ref()
        .map(|(chosen, by)| {
            let chosen = if chosen == "restored" {
                t(T::SyncChoseRestore)
            } else {
                t(T::SyncChoseKeep)
            };
            format!(" · {}: {chosen} ({} {by})", t(T::SyncDecided), t(T::SyncBy))
        })
        .unwrap_or_default();
    format!(
        "#{} · {what} · {detail} · {} {}, {}{decided}",
        r.id,
        t(T::SyncBy),
        r.by,
        when_words(&r.at)
    )
}

/// `when_words`, or with `short` the day and month only ("01/12 20:15", for the
/// app's title). Text that is no moment is shown as it is.
pub fn local_time(utc: &str, short: bool) -> String {
    use chrono::{Local, NaiveDateTime};
    let parsed = NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%SZ")
        .or_else(|_| NaiveDateTime::parse_from_str(utc, "%Y-%m-%d %H:%M:%S"));
    match parsed {
        Ok(at) => {
            let local = at.and_utc().with_timezone(&Local);
            local
                .format(if short {
                    "%d/%m %H:%M"
                } else {
                    "%d/%m/%Y %H:%M"
                })
                .to_string()
        }
        Err(_) => utc.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::local_time;

    #[test]
    fn a_moment_reads_as_the_screens_show_it() {
        let long = local_time("2026-12-01T13:15:00Z", false);
        assert_eq!(long.len(), "01/12/2026 20:15".len(), "{long}");
        assert!(long.contains("/2026 "), "{long}");
        let same = local_time("2026-12-01 13:15:00", false);
        assert_eq!(long, same);
        let short = local_time("2026-12-01 13:15:00", true);
        assert_eq!(short.len(), "01/12 20:15".len(), "{short}");
        assert!(long.ends_with(&short[6..]), "{long} {short}");
        assert_eq!(local_time("hôm qua", true), "hôm qua");
    }
}
