//! The rows the panes and reports show, as the store answers them.

use chrono::NaiveDate;
use serde::Serialize;

use super::DirectiveCounts;
use crate::domain::scorecard::Scorecard;
use crate::domain::target::{Direction, Plan, Progress};
use crate::domain::task::TaskStatus;
use crate::domain::unit::UnitKind;

#[derive(Debug, Clone, Serialize)]
pub struct UnitRow {
    pub id: i64,
    pub name: String,
    #[serde(serialize_with = "ser_kind")]
    pub kind: UnitKind,
    pub code: Option<String>,
    pub card: Scorecard,
    pub last_inspection: Option<NaiveDate>,
    pub directives: DirectiveCounts,
    /// Another unit valid on the date has the same name: `Some`, with the parent's
    /// name unless the parent is the province (`words::unit_label` shows it).
    #[serde(skip)]
    pub namesake: Option<Option<String>>,
    /// Abolished before the as-of date: when, and who took over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abolished: Option<Abolished>,
}

fn ser_kind<S: serde::Serializer>(k: &UnitKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.code())
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetRow {
    pub id: i64,
    pub name: String,
    pub measure: String,
    pub plan: Plan,
    pub direction: Direction,
    pub actual: Option<f64>,
    pub actual_on: Option<NaiveDate>,
    #[serde(skip)]
    pub progress: Progress,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskRow {
    pub id: i64,
    pub title: String,
    pub doc_number: Option<String>,
    pub unit_id: i64,
    pub unit_name: String,
    pub assigned_on: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    /// `None` too when the day is unknown (`completion_unknown`).
    pub completed_on: Option<NaiveDate>,
    /// Done, as the office's file said, on a day no one wrote down.
    pub completion_unknown: bool,
    pub status: TaskStatus,
    /// Set when the task is a directive of an inspection: the inspection's date.
    pub inspection_on: Option<NaiveDate>,
    /// The lead unit was abolished before the as-of date (`Store::abolished_of`).
    #[serde(skip)]
    pub abolished: Option<Abolished>,
}

/// A unit abolished before the as-of date: the day it ceased to exist (the day after
/// its last valid day) and the units that took over its work, in name order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Abolished {
    pub on: NaiveDate,
    pub successors: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExtensionRow {
    pub granted_on: Option<NaiveDate>,
    pub old_deadline: Option<NaiveDate>,
    pub new_deadline: Option<NaiveDate>,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskDetail {
    pub row: TaskRow,
    pub doc_date: Option<NaiveDate>,
    pub leader: Option<String>,
    pub cooperating: Option<String>,
    pub original_deadline: Option<NaiveDate>,
    pub origin: Option<String>,
    /// For a directive's task: the unit whose inspection gave it.
    pub inspection_unit: Option<String>,
    /// The lead unit's own office that carries the task out, as written.
    pub office: Option<String>,
    pub extensions: Vec<ExtensionRow>,
}

#[derive(Debug, Clone)]
pub struct TargetDetail {
    pub row: TargetRow,
    pub year: i32,
    pub unit_name: String,
    pub readings: Vec<(NaiveDate, f64)>,
}
