//! What the tables of the report and the brief share: numbered rows, the on-time
//! rate as printed, the table of an inspection's directives.

use chrono::NaiveDate;

use crate::document::Table;
use crate::domain::format::{fmt_date, fmt_number};
use crate::domain::scorecard::TaskCounts;
use crate::i18n::T;
use crate::notice::vi;

/// Rows with their number ("1", "2", …) in front.
pub fn numbered(rows: impl Iterator<Item = Vec<String>>) -> Vec<Vec<String>> {
    rows.enumerate()
        .map(|(i, mut r)| {
            r.insert(0, (i + 1).to_string());
            r
        })
        .collect()
}

/// "87,5%" of the due tasks done on time; empty when none is due.
pub fn rate(c: &TaskCounts) -> String {
    c.on_time_rate()
        .map(|x| format!("{}%", fmt_number((x * 1000.0).round() / 10.0, 1)))
        .unwrap_or_default()
}

/// Directives as a table: text, the unit (when given), deadline, the task's status.
pub fn directives(
    items: impl Iterator<Item = (String, Option<String>, Option<NaiveDate>, String)>,
) -> Table {
    let items: Vec<_> = items.collect();
    let with_unit = items.iter().any(|i| i.1.is_some());
    let mut head = vec![vi(T::TrNo), vi(T::TrColDirective)];
    if with_unit {
        head.push(vi(T::TrColUnit));
    }
    head.extend([vi(T::TrColDeadline), vi(T::TrColStatus)]);
    let rows = numbered(items.into_iter().map(|(text, unit, deadline, status)| {
        let mut r = vec![text];
        if with_unit {
            r.push(unit.unwrap_or_default());
        }
        r.push(deadline.map(fmt_date).unwrap_or_default());
        r.push(status);
        r
    }));
    let (widths, numeric) = if with_unit {
        (
            vec![7, 38, 18, 17, 20],
            vec![true, false, false, false, false],
        )
    } else {
        (vec![7, 48, 17, 28], vec![true, false, false, false])
    };
    Table {
        head: head.into_iter().map(String::from).collect(),
        rows,
        widths,
        numeric,
    }
}
