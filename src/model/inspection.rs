//! An inspection as recorded, as listed, and as handed to the store to save.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::inspection::ItemKind;
use crate::domain::task::TaskStatus;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InspectionHeader {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub held_on: Option<NaiveDate>,
    pub place: String,
    pub chair_name: String,
    pub chair_title: String,
    pub members: String,
    pub attendees: String,
    pub report: String,
    pub saved_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRow {
    pub id: i64,
    pub kind: ItemKind,
    pub text: String,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
    /// The unit's name as the panes label it on the as-of date: with its kind and
    /// parent when another unit of the day has its name.
    pub unit_label: Option<String>,
    /// The unit's own office the directive named, kept with its task.
    pub office: Option<String>,
    pub deadline: Option<NaiveDate>,
    pub task_id: Option<i64>,
    /// The directive's task as of the as-of date.
    pub task_status: Option<TaskStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inspection {
    pub header: InspectionHeader,
    pub items: Vec<ItemRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InspectionSummary {
    pub id: i64,
    pub held_on: Option<NaiveDate>,
    pub chair_name: String,
    pub items: u32,
    pub directives: u32,
    /// When the record was deleted (`YYYY-MM-DD HH:MM:SS`), if it was.
    pub deleted_at: Option<String>,
}

/// A form's draft as the store keeps it: what was typed (`body`, the form's data as
/// JSON) and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRow {
    pub id: i64,
    pub unit_id: Option<i64>,
    /// The inspection being edited; `None` for a new one.
    pub inspection_id: Option<i64>,
    pub body: String,
    /// When it was last written, local time, `YYYY-MM-DD HH:MM:SS`.
    pub saved_at: String,
    /// The window that writes it; `None` when no window holds it.
    pub owner: Option<String>,
    /// When the user discarded it, if they did (same form as `saved_at`).
    pub discarded_at: Option<String>,
}

/// How a unit's directives stand: from every inspection of it up to the as-of date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DirectiveCounts {
    pub done: u32,
    pub open: u32,
    pub overdue: u32,
}

/// What to do with a directive's task when the directive is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaskFate {
    Keep,
    Delete,
}

/// A validated inspection to save.
#[derive(Debug, Clone, Default)]
pub struct InspectionInput {
    pub id: Option<i64>,
    pub unit_id: i64,
    pub held_on: NaiveDate,
    pub place: String,
    pub chair_name: String,
    pub chair_title: String,
    pub members: String,
    pub attendees: String,
    pub report: String,
    pub items: Vec<ItemInput>,
    /// Items deleted since the inspection was opened, and their tasks' fate.
    pub removed: Vec<(i64, TaskFate)>,
}

#[derive(Debug, Clone, Default)]
pub struct ItemInput {
    pub id: Option<i64>,
    pub kind: ItemKind,
    pub text: String,
    /// For a directive: who carries it out (default: the inspected unit).
    pub unit_id: Option<i64>,
    pub deadline: Option<NaiveDate>,
    /// For a directive: the unit's own office that carries it out, as typed
    /// ("Phòng Tài chính - Kế hoạch huyện"); the task is the unit's.
    pub office: Option<String>,
}
