//! What an import would change: each record matched against what the database holds
//! (read once, matched in hash maps), and the changes applied in one transaction.
//!
//! Matching, so that importing the same file twice changes nothing:
//! - tasks by the `id` column when given (tct's own id), else by document number,
//!   folded title and lead unit (a document number alone is not a key: one document
//!   gives many tasks); a title cut with "…" matches the whole one (`matcher`).
//!   Tasks made from inspection directives are only matched by id.
//! - targets by unit, year and folded name;
//! - units by code, else by folded name and kind.
//!
//! Columns missing from a file leave those fields as they are, and so does a value set
//! in tct since the last import (`since_import`).

mod matcher;
mod since_import;
mod targets;
mod tasks;
mod units;

pub use targets::*;
pub use tasks::*;
pub use units::*;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::format::fmt_date;
use crate::domain::target::{Direction, Plan};
use crate::i18n::{T, t};
use crate::words::plan_text;

use crate::import::columns::{Columns, Field};
use crate::import::resolve::{UnitIndex, norm};
use crate::import::rows::Problem;

/// One field that changes: its column header, the old and the new value as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub field: String,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    New,
    Update(i64, Vec<Change>),
    Unchanged(i64),
}

/// How many records are new, updated and unchanged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Counts {
    pub fn add(&mut self, a: &Action) {
        match a {
            Action::New => self.new += 1,
            Action::Update(..) => self.updated += 1,
            Action::Unchanged(_) => self.unchanged += 1,
        }
    }

    pub fn changed(&self) -> usize {
        self.new + self.updated
    }
}

fn problem(cols: &Columns, row: usize, f: Field, reason: String) -> Problem {
    Problem {
        row,
        col: cols.col(f).unwrap_or(usize::MAX),
        header: cols.header(f),
        reason,
    }
}

fn show_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "–".to_string(), fmt_date)
}

fn show_plan(p: Plan) -> String {
    plan_text(p)
}

fn show_direction(d: Direction) -> &'static str {
    match d {
        Direction::Higher => t(T::ImpHigher),
        Direction::Lower => t(T::ImpLower),
    }
}

struct Diff<'a> {
    cols: &'a Columns,
    changes: Vec<Change>,
}

impl Diff<'_> {
    /// Notes a change when the values differ; they are put in words only then.
    fn check<V: PartialEq>(&mut self, f: Field, old: V, new: V, show: impl Fn(&V) -> String) {
        if old != new {
            self.changes.push(Change {
                field: self.cols.header(f),
                old: show(&old),
                new: show(&new),
            });
        }
    }
}

fn same<V: ToString>(v: &V) -> String {
    v.to_string()
}

fn show_opt(v: &Option<&String>) -> String {
    v.map_or_else(|| "–".to_string(), |s| s.to_string())
}

fn show_day(d: &Option<NaiveDate>) -> String {
    show_date(*d)
}

/// A completion: its date, or "không rõ ngày" for a stand-in (after the column's
/// header "Ngày hoàn thành").
fn show_completion(c: &(Option<NaiveDate>, bool)) -> String {
    match c {
        (Some(_), true) => t(T::CompletionUnknownShort).to_string(),
        (d, _) => show_date(*d),
    }
}

fn show_cancelled(c: &bool) -> String {
    if *c {
        t(T::StCancelled).to_string()
    } else {
        "–".to_string()
    }
}

/// The file's value when its column is there, else what the database holds.
fn keep<V: Clone>(has: bool, new: &V, old: Option<&V>) -> V {
    match old {
        Some(o) if !has => o.clone(),
        _ => new.clone(),
    }
}

/// Document numbers compared folded, punctuation ignored: "1234/UBND-KT" is
/// "1234 ubnd kt".
fn doc_key(d: &Option<String>) -> String {
    let Some(d) = d.as_deref() else {
        return String::new();
    };
    if !d.is_ascii() {
        return norm(d);
    }
    let mut key = String::with_capacity(d.len());
    for w in d
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(w.chars().map(|c| c.to_ascii_lowercase()));
    }
    key
}

fn unit_names(ix: &UnitIndex) -> HashMap<i64, String> {
    ix.units.iter().map(|u| (u.id, u.name.clone())).collect()
}

fn short(s: &str, max: usize) -> String {
    let flat = crate::domain::text::printable(s);
    if flat.chars().count() <= max {
        flat
    } else {
        let mut out: String = flat.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}
