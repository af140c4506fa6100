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

/// The order of a task list (`t` cycles it). Each is a total order: ties fall back on
/// the deadline, then the task's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TaskSort {
    /// Open tasks by deadline (most overdue first), then those without one, then the
    /// finished, then the cancelled: the order the lists always had.
    #[default]
    Deadline,
    /// By lead unit in Vietnamese order, then as `Deadline` within each unit.
    Unit,
    /// By title in Vietnamese order.
    Title,
}

impl TaskSort {
    /// The next order a list offers: by unit only where tasks of several units are
    /// listed (`several_units`).
    pub fn next(self, several_units: bool) -> TaskSort {
        match self {
            TaskSort::Deadline if several_units => TaskSort::Unit,
            TaskSort::Deadline | TaskSort::Unit => TaskSort::Title,
            TaskSort::Title => TaskSort::Deadline,
        }
    }
}

/// The order of the Units pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitSort {
    /// Vietnamese alphabetical order of the names.
    #[default]
    Name,
    /// Most tasks overdue as of the date first; then by name.
    Overdue,
}

impl UnitSort {
    pub fn next(self) -> UnitSort {
        match self {
            UnitSort::Name => UnitSort::Overdue,
            UnitSort::Overdue => UnitSort::Name,
        }
    }
}

/// The order of the Targets pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TargetSort {
    /// As the plan lists them.
    #[default]
    Given,
    /// Furthest behind first; those with no reading last.
    Progress,
}

impl TargetSort {
    pub fn next(self) -> TargetSort {
        match self {
            TargetSort::Given => TargetSort::Progress,
            TargetSort::Progress => TargetSort::Given,
        }
    }
}
