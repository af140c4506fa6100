//! How a question is put to the store: as of which date, whose tasks, which of them.

use chrono::{Duration, NaiveDate};

use crate::domain::format::iso;

/// The date the screen is "as of", and how near a deadline counts as "due soon".
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub as_of: NaiveDate,
    pub soon_days: i64,
}

impl Ctx {
    pub(crate) fn d(&self) -> String {
        iso(self.as_of)
    }

    pub(crate) fn soon_limit(&self) -> String {
        iso(self.as_of + Duration::days(self.soon_days))
    }
}

/// Whose tasks a task list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskScope {
    Unit(i64),
    AllUnits,
}

/// Which of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskMode {
    Overdue,
    Open,
    All,
}

impl TaskMode {
    pub fn next(self) -> TaskMode {
        match self {
            TaskMode::Overdue => TaskMode::Open,
            TaskMode::Open => TaskMode::All,
            TaskMode::All => TaskMode::Overdue,
        }
    }
}

/// A unit named on the command line, or why none matched.
pub enum UnitLookup {
    Found(i64, String),
    /// No match: the closest names, best first.
    NotFound(Vec<String>),
    /// Several units of the name that day: each as a label that names it alone
    /// ("Hoàng Văn Thụ (xã, Bình Gia)").
    Ambiguous(Vec<String>),
}
