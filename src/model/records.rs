//! What the store is asked to write (`New*`), and rows as an import matches and
//! compares them (`*Rec`).

use chrono::NaiveDate;

use crate::domain::target::{Direction, Plan};
use crate::domain::unit::UnitKind;

#[derive(Debug, Clone)]
pub struct NewUnit {
    pub name: String,
    pub kind: UnitKind,
    pub code: Option<String>,
    pub parent_id: Option<i64>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct NewTarget {
    pub unit_id: i64,
    pub year: i32,
    pub position: i64,
    pub name: String,
    pub measure: String,
    pub plan: Plan,
    pub direction: Direction,
}

/// A task's fields as written, and as an import brings them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewTask {
    pub title: String,
    pub doc_number: Option<String>,
    pub doc_date: Option<NaiveDate>,
    pub leader: Option<String>,
    pub unit_id: i64,
    pub cooperating: Option<String>,
    pub assigned_on: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub origin: Option<String>,
    /// `completed_on` is a stand-in: done, on time or late as the file said, on a
    /// day no one wrote down.
    pub completion_unknown: bool,
    /// Cancelled (bị hủy): kept and shown, counted nowhere.
    pub cancelled: bool,
}

/// A unit as the import matches and compares it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRec {
    pub id: i64,
    pub name: String,
    pub name_key: String,
    pub kind: UnitKind,
    pub code: Option<String>,
    pub parent_id: Option<i64>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

/// A target as the import matches and compares it.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRec {
    pub id: i64,
    pub unit_id: i64,
    pub year: i32,
    pub position: i64,
    pub name: String,
    pub name_key: String,
    pub measure: String,
    pub plan: Plan,
    pub direction: Direction,
}

/// A task as the import matches and compares it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskRec {
    pub id: i64,
    pub title: String,
    pub title_key: String,
    pub doc_number: Option<String>,
    pub doc_date: Option<NaiveDate>,
    pub leader: Option<String>,
    pub unit_id: i64,
    pub cooperating: Option<String>,
    pub assigned_on: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub origin: Option<String>,
    pub completion_unknown: bool,
    pub cancelled: bool,
    /// Made from a directive of an inspection: never matched by document and title.
    pub from_inspection: bool,
    /// Number of deadline extensions recorded.
    pub extensions: i64,
    /// What the last import brought, where the task now differs from it (`None`: the
    /// task is as imported). A value that differs from it was set in tct.
    pub imported: Option<Box<NewTask>>,
}

impl TaskRec {
    /// Whether the task's fields are these, without copying them.
    pub fn has_fields(&self, t: &NewTask) -> bool {
        self.title == t.title
            && self.doc_number == t.doc_number
            && self.doc_date == t.doc_date
            && self.leader == t.leader
            && self.unit_id == t.unit_id
            && self.cooperating == t.cooperating
            && self.assigned_on == t.assigned_on
            && self.deadline == t.deadline
            && self.completed_on == t.completed_on
            && self.origin == t.origin
            && self.completion_unknown == t.completion_unknown
            && self.cancelled == t.cancelled
    }

    /// The task's fields as they are now.
    pub fn fields(&self) -> NewTask {
        NewTask {
            title: self.title.clone(),
            doc_number: self.doc_number.clone(),
            doc_date: self.doc_date,
            leader: self.leader.clone(),
            unit_id: self.unit_id,
            cooperating: self.cooperating.clone(),
            assigned_on: self.assigned_on,
            deadline: self.deadline,
            completed_on: self.completed_on,
            origin: self.origin.clone(),
            completion_unknown: self.completion_unknown,
            cancelled: self.cancelled,
        }
    }
}

/// How an import changes a task's deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineChange {
    /// The deadline stays.
    Keep,
    /// A later deadline than the one in force: recorded as an extension (gia hạn), so
    /// the original deadline and the history stay.
    Extend { old: NaiveDate, new: NaiveDate },
    /// Any other change corrects the record; the original deadline follows when the
    /// task has no extensions.
    Set {
        new: Option<NaiveDate>,
        with_original: bool,
    },
}
