//! Importing a file again, three ways: each field of a task as tct holds it, as the file
//! gives it, and as the last import brought it. A value that differs from the last
//! import's was set in tct (a completion recorded with `d`, an extension, an edit):
//! - the file still has the last import's value: tct's stays, and the summary says so;
//! - the file changed it too: a conflict, listed with both values; tct's stays unless
//!   the import is told to prefer the file (`--uu-tien-tep`).
//!
//! A task with no import recorded counts as imported as it is.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{NewTask, TaskRec};

use super::{Change, show_cancelled, show_completion, show_date};
use crate::import::columns::{Columns, Field};

/// The task as it will be, what this import brings (to remember for the next one),
/// and the values tct set that the file would have changed.
pub struct Merged {
    pub task: NewTask,
    pub imported: NewTask,
    /// Values set in tct where the file still has the last import's: `old` is the
    /// file's, `new` tct's, which stays.
    pub kept: Vec<Change>,
    /// Values both changed: `old` is tct's, `new` the file's.
    pub conflicts: Vec<Change>,
}

/// Which of a task's fields the file has a column for.
pub struct Present {
    pub doc_number: bool,
    /// The document's date and the assignment date (one column fills both).
    pub dates: bool,
    pub leader: bool,
    pub cooperating: bool,
    pub deadline: bool,
    pub completed_on: bool,
    pub origin: bool,
    pub status: bool,
}

impl Present {
    pub fn of(cols: &Columns) -> Present {
        Present {
            doc_number: cols.has(Field::DocNumber),
            dates: cols.has(Field::DocDate) || cols.has(Field::AssignedOn),
            leader: cols.has(Field::Leader),
            cooperating: cols.has(Field::Cooperating),
            deadline: cols.has(Field::Deadline),
            completed_on: cols.has(Field::CompletedOn),
            origin: cols.has(Field::Origin),
            status: cols.has(Field::Status),
        }
    }
}

/// Merges the file's task (`file`: its values, the database's where it has no column)
/// into the one in the database.
pub fn merge(
    old: &TaskRec,
    file: &NewTask,
    has: &Present,
    cols: &Columns,
    names: &HashMap<i64, String>,
    prefer_file: bool,
) -> Merged {
    let now = old.fields();
    let was = old
        .imported
        .as_deref()
        .cloned()
        .unwrap_or_else(|| now.clone());
    let mut m = Merger {
        cols,
        prefer_file,
        kept: Vec::new(),
        conflicts: Vec::new(),
    };
    let text = |s: &String| s.clone();
    let opt = |s: &Option<String>| s.clone().unwrap_or_else(|| "–".into());
    let day = |d: &Option<NaiveDate>| show_date(*d);
    let unit = |id: &i64| names.get(id).cloned().unwrap_or_default();
    let task = NewTask {
        title: m.field(Field::Title, &now.title, &file.title, &was.title, text),
        doc_number: m.field(
            Field::DocNumber,
            &now.doc_number,
            &file.doc_number,
            &was.doc_number,
            opt,
        ),
        doc_date: m.field(
            Field::DocDate,
            &now.doc_date,
            &file.doc_date,
            &was.doc_date,
            day,
        ),
        leader: m.field(Field::Leader, &now.leader, &file.leader, &was.leader, opt),
        unit_id: m.field(
            Field::LeadUnit,
            &now.unit_id,
            &file.unit_id,
            &was.unit_id,
            unit,
        ),
        cooperating: m.field(
            Field::Cooperating,
            &now.cooperating,
            &file.cooperating,
            &was.cooperating,
            opt,
        ),
        assigned_on: m.field(
            Field::AssignedOn,
            &now.assigned_on,
            &file.assigned_on,
            &was.assigned_on,
            day,
        ),
        deadline: m.field(
            Field::Deadline,
            &now.deadline,
            &file.deadline,
            &was.deadline,
            day,
        ),
        completed_on: None,
        completion_unknown: false,
        origin: m.field(Field::Origin, &now.origin, &file.origin, &was.origin, opt),
        cancelled: m.field(
            Field::Status,
            &now.cancelled,
            &file.cancelled,
            &was.cancelled,
            show_cancelled,
        ),
    };
    // The completion and whether its day is unknown are one value.
    let pair = |t: &NewTask| (t.completed_on, t.completion_unknown);
    let (completed_on, completion_unknown) = m.field(
        Field::CompletedOn,
        &pair(&now),
        &pair(file),
        &pair(&was),
        show_completion,
    );
    let task = NewTask {
        completed_on,
        completion_unknown,
        ..task
    };
    // What the file says where it says something; the last import's elsewhere.
    let pick = |present: bool, f: &Option<String>, w: &Option<String>| {
        if present { f.clone() } else { w.clone() }
    };
    // A status column brings a completion only where it says done without a date.
    let brings_completion = has.completed_on || (has.status && file.completion_unknown);
    let pick_day = |present: bool, f: Option<NaiveDate>, w: Option<NaiveDate>| {
        if present { f } else { w }
    };
    let imported = NewTask {
        title: file.title.clone(),
        doc_number: pick(has.doc_number, &file.doc_number, &was.doc_number),
        doc_date: pick_day(has.dates, file.doc_date, was.doc_date),
        leader: pick(has.leader, &file.leader, &was.leader),
        unit_id: file.unit_id,
        cooperating: pick(has.cooperating, &file.cooperating, &was.cooperating),
        assigned_on: pick_day(has.dates, file.assigned_on, was.assigned_on),
        deadline: pick_day(has.deadline, file.deadline, was.deadline),
        completed_on: pick_day(brings_completion, file.completed_on, was.completed_on),
        completion_unknown: if brings_completion {
            file.completion_unknown
        } else {
            was.completion_unknown
        },
        origin: pick(has.origin, &file.origin, &was.origin),
        cancelled: if has.status {
            file.cancelled
        } else {
            was.cancelled
        },
    };
    Merged {
        task,
        imported,
        kept: m.kept,
        conflicts: m.conflicts,
    }
}

struct Merger<'a> {
    cols: &'a Columns,
    prefer_file: bool,
    kept: Vec<Change>,
    conflicts: Vec<Change>,
}

impl Merger<'_> {
    /// The value a field will have, from tct's (`now`), the file's and the last
    /// import's (`was`). Where the file has no column its value is tct's.
    fn field<V: PartialEq + Clone>(
        &mut self,
        f: Field,
        now: &V,
        file: &V,
        was: &V,
        show: impl Fn(&V) -> String,
    ) -> V {
        if file == now || now == was {
            return file.clone();
        }
        let change = |old: &V, new: &V| Change {
            field: self.cols.header(f),
            old: show(old),
            new: show(new),
        };
        if file == was {
            self.kept.push(change(file, now));
            now.clone()
        } else {
            self.conflicts.push(change(now, file));
            if self.prefer_file { file } else { now }.clone()
        }
    }
}
