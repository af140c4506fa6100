//! Tasks: matched by tct's id, else by document, folded title and lead unit
//! (`matcher`), then planned: new, updated or unchanged.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::format::fmt_date;
use crate::domain::task::check_done_after_assigned;
use crate::domain::text::fold;
use crate::error::Result;
use crate::i18n::{T, t};
use crate::model::{DeadlineChange, NewTask, TaskRec};
use crate::store::Tx;

use super::matcher::{Matcher, is_cut_of};
use super::since_import::{Present, merge};
use super::*;
use crate::import::columns::{Columns, Field};
use crate::import::resolve::UnitIndex;
use crate::import::rows::{Problem, TaskRow};

/// What an import records of what it brought for a task already there: kept only
/// where the task differs from it (see `since_import`).
#[derive(Debug, Clone, PartialEq)]
pub enum Remember {
    /// What is recorded stays right.
    Nothing,
    /// The task is as this import brought it.
    AsIs,
    /// The task keeps values set in tct: what this import brought.
    Values(Box<NewTask>),
}

pub struct TaskPlan {
    pub row: usize,
    pub task: NewTask,
    /// The folded title, worked out once.
    pub title_key: String,
    pub action: Action,
    pub deadline: DeadlineChange,
    /// After `deadline` sets the original deadline the file gives, the extension the
    /// same cell gives ("… (đã gia hạn đến D)") for a task that had neither.
    pub then_extend: Option<chrono::NaiveDate>,
    /// What to record of what this import brought (a new task is as imported).
    pub remember: Remember,
    /// Values set in tct that stay because the file still has the last import's.
    pub kept: Vec<Change>,
    /// Values both tct and the file changed since the last import.
    pub conflicts: Vec<Change>,
}

/// Plans every task record of a file: new, updated (with each change in words) or
/// unchanged; a record that cannot be placed is a problem and gets no plan.
pub fn tasks(
    existing: &[TaskRec],
    records: Vec<TaskRow>,
    cols: &Columns,
    ix: &UnitIndex,
    default_origin: &str,
    prefer_file: bool,
    problems: &mut Vec<Problem>,
) -> Vec<TaskPlan> {
    let names = unit_names(ix);
    let present = Present::of(cols);
    let keys: Vec<(String, String)> = records
        .iter()
        .map(|r| (doc_key(&r.doc_number), fold(&r.title)))
        .collect();
    let mut matcher = Matcher::new(existing, &keys);
    let has_dates = cols.has(Field::DocDate) || cols.has(Field::AssignedOn);
    let mut plans = Vec::with_capacity(records.len());
    for (r, key) in records.into_iter().zip(&keys) {
        let matched = match matcher.find(&r, key) {
            Ok(m) => m,
            Err((field, why)) => {
                problems.push(problem(cols, r.row, field, why));
                continue;
            }
        };
        let old = matched.map(|i| &existing[i]);
        let file = merged(&r, old, cols, has_dates, default_origin);
        // What this import brought, where the task will differ from it.
        let (task, imported, kept, conflicts) = match old {
            None => (file, None, Vec::new(), Vec::new()),
            // The same file again, nothing changed in tct: nothing to merge.
            Some(o) if o.imported.is_none() && o.has_fields(&file) => {
                (file, None, Vec::new(), Vec::new())
            }
            Some(o) => {
                let m = merge(o, &file, &present, cols, &names, prefer_file);
                let imported = (m.imported != m.task).then(|| Box::new(m.imported));
                (m.task, imported, m.kept, m.conflicts)
            }
        };
        if let (Some(a), Some(d)) = (task.assigned_on, task.deadline)
            && d < a
        {
            let why = format!(
                "{} ({} < {})",
                t(T::ImpDeadlineBeforeAssigned),
                fmt_date(d),
                fmt_date(a)
            );
            problems.push(problem(cols, r.row, Field::Deadline, why));
            continue;
        }
        if let Some(done) = task.completed_on
            && let Err(e) = check_done_after_assigned(task.assigned_on, done)
        {
            problems.push(problem(cols, r.row, Field::CompletedOn, e.to_string()));
            continue;
        }
        let (action, deadline) = match old {
            // A new task whose cell gives an extension: written with its original
            // deadline, then extended, so both are kept as in tct's own extensions.
            None => match (r.original_deadline, task.deadline) {
                (Some(old), Some(new)) if new > old => {
                    (Action::New, DeadlineChange::Extend { old, new })
                }
                _ => (Action::New, DeadlineChange::Keep),
            },
            Some(old) => compare(old, &task, cols, &names),
        };
        let (mut action, mut deadline) = (action, deadline);
        // A task with no extension yet whose cell now gives an original deadline and
        // an extension: both are recorded, as for a new task.
        let mut then_extend = None;
        if let (DeadlineChange::Set { new: Some(d), .. }, Some(orig), Some(old)) =
            (deadline, r.original_deadline, old)
            && old.extensions == 0
            && r.deadline == Some(d)
            && orig < d
        {
            deadline = DeadlineChange::Set {
                new: Some(orig),
                with_original: true,
            };
            then_extend = Some(d);
            if let Action::Update(_, changes) = &mut action {
                let header = cols.header(Field::Deadline);
                for c in changes.iter_mut().filter(|c| c.field == header) {
                    c.new = format!(
                        "{} → {} ({})",
                        fmt_date(orig),
                        fmt_date(d),
                        t(T::ImpExtension)
                    );
                }
            }
        }
        // Written whenever the task changes (the store keeps a task's old values when
        // it first changes), else only where it differs from what is recorded.
        let remember = match (old, &action) {
            (None, _) => Remember::Nothing,
            (Some(o), Action::Unchanged(_)) if o.imported == imported => Remember::Nothing,
            (Some(_), _) => match imported {
                None => Remember::AsIs,
                Some(v) => Remember::Values(v),
            },
        };
        plans.push(TaskPlan {
            row: r.row,
            task,
            title_key: key.1.clone(),
            action,
            deadline,
            then_extend,
            remember,
            kept,
            conflicts,
        });
    }
    plans
}

/// The task as it will be: the file's values, and the database's where the file has
/// no such column.
fn merged(
    r: &TaskRow,
    old: Option<&TaskRec>,
    cols: &Columns,
    has_dates: bool,
    default_origin: &str,
) -> NewTask {
    let deadline = keep(
        cols.has(Field::Deadline),
        &r.deadline,
        old.map(|o| &o.deadline),
    );
    let (completed_on, completion_unknown) = completion(r, old, cols, deadline);
    NewTask {
        // A title the file cut short keeps the whole one tct has.
        title: match old {
            Some(o) if is_cut_of(&fold(&r.title), &o.title_key) => o.title.clone(),
            _ => r.title.clone(),
        },
        doc_number: keep(
            cols.has(Field::DocNumber),
            &r.doc_number,
            old.map(|o| &o.doc_number),
        ),
        doc_date: keep(has_dates, &r.doc_date, old.map(|o| &o.doc_date)),
        leader: keep(cols.has(Field::Leader), &r.leader, old.map(|o| &o.leader)),
        unit_id: r.unit_id,
        cooperating: keep(
            cols.has(Field::Cooperating),
            &r.cooperating,
            old.map(|o| &o.cooperating),
        ),
        assigned_on: keep(has_dates, &r.assigned_on, old.map(|o| &o.assigned_on)),
        deadline,
        completed_on,
        completion_unknown,
        origin: match old {
            _ if cols.has(Field::Origin) => r.origin.clone(),
            Some(o) => o.origin.clone(),
            None => Some(default_origin.to_string()),
        },
        cancelled: keep(
            cols.has(Field::Status),
            &r.cancelled,
            old.map(|o| &o.cancelled),
        ),
    }
}

/// The completion as it will be, and whether its day is unknown. A file that says
/// done without a date leaves a date tct has (a real one, or a stand-in that still
/// says on time or late as the file does), so importing it again changes nothing.
fn completion(
    r: &TaskRow,
    old: Option<&TaskRec>,
    cols: &Columns,
    deadline: Option<NaiveDate>,
) -> (Option<NaiveDate>, bool) {
    let late = |done: NaiveDate| deadline.is_some_and(|dl| done > dl);
    match old {
        Some(o) if r.completion_unknown => match (o.completed_on, r.completed_on) {
            (Some(had), Some(stand_in)) if !o.completion_unknown || late(had) == late(stand_in) => {
                (Some(had), o.completion_unknown)
            }
            _ => (r.completed_on, true),
        },
        _ if r.completion_unknown => (r.completed_on, true),
        Some(o) if !cols.has(Field::CompletedOn) => (o.completed_on, o.completion_unknown),
        _ => (r.completed_on, false),
    }
}

/// What changes from the task in the database to the task as it will be, each change
/// in words, and how its deadline changes: a later one is an extension (gia hạn).
fn compare(
    old: &TaskRec,
    task: &NewTask,
    cols: &Columns,
    names: &HashMap<i64, String>,
) -> (Action, DeadlineChange) {
    let mut d = Diff {
        cols,
        changes: Vec::new(),
    };
    let name = |id: i64| names.get(&id).cloned().unwrap_or_default();
    d.check(Field::Title, &old.title, &task.title, same);
    d.check(
        Field::DocNumber,
        old.doc_number.as_ref(),
        task.doc_number.as_ref(),
        show_opt,
    );
    d.check(Field::DocDate, old.doc_date, task.doc_date, show_day);
    d.check(
        Field::AssignedOn,
        old.assigned_on,
        task.assigned_on,
        show_day,
    );
    d.check(
        Field::Leader,
        old.leader.as_ref(),
        task.leader.as_ref(),
        show_opt,
    );
    d.check(Field::LeadUnit, old.unit_id, task.unit_id, |id| name(*id));
    d.check(
        Field::Cooperating,
        old.cooperating.as_ref(),
        task.cooperating.as_ref(),
        show_opt,
    );
    let deadline = match (old.deadline, task.deadline) {
        (a, b) if a == b => DeadlineChange::Keep,
        (Some(old), Some(new)) if new > old => DeadlineChange::Extend { old, new },
        (_, new) => DeadlineChange::Set {
            new,
            with_original: old.extensions == 0,
        },
    };
    if old.deadline != task.deadline {
        let mut new_deadline = show_date(task.deadline);
        if matches!(deadline, DeadlineChange::Extend { .. }) {
            new_deadline = format!("{new_deadline} ({})", t(T::ImpExtension));
        }
        d.changes.push(Change {
            field: cols.header(Field::Deadline),
            old: show_date(old.deadline),
            new: new_deadline,
        });
    }
    d.check(
        Field::CompletedOn,
        (old.completed_on, old.completion_unknown),
        (task.completed_on, task.completion_unknown),
        show_completion,
    );
    d.check(Field::Status, old.cancelled, task.cancelled, show_cancelled);
    d.check(
        Field::Origin,
        old.origin.as_ref(),
        task.origin.as_ref(),
        show_opt,
    );
    let action = if d.changes.is_empty() {
        Action::Unchanged(old.id)
    } else {
        Action::Update(old.id, d.changes)
    };
    (action, deadline)
}

pub fn apply_tasks(
    c: &Tx,
    plans: &[TaskPlan],
    reason: &str,
    progress: &indicatif::ProgressBar,
) -> Result<()> {
    let changed = plans
        .iter()
        .filter(|p| !matches!(p.action, Action::Unchanged(_)))
        .count();
    // Many rows: the units' tallies are recounted once after, not row by row.
    c.bulk_tasks(changed, |c| {
        for (n, p) in plans.iter().enumerate() {
            if n % 1024 == 0 {
                progress.set_position(n as u64);
            }
            let id = match &p.action {
                Action::New => {
                    if let DeadlineChange::Extend { old, new } = p.deadline {
                        let first = NewTask {
                            deadline: Some(old),
                            ..p.task.clone()
                        };
                        let id = c.insert_imported_task(&first, &p.title_key)?;
                        c.extend_deadline(id, None, new, reason)?;
                    } else {
                        c.insert_imported_task(&p.task, &p.title_key)?;
                    }
                    continue;
                }
                Action::Update(id, _) => {
                    c.update_task(*id, &p.task, p.deadline, reason)?;
                    if let Some(d) = p.then_extend {
                        c.extend_deadline(*id, None, d, reason)?;
                    }
                    *id
                }
                Action::Unchanged(id) => *id,
            };
            match &p.remember {
                Remember::Nothing => {}
                Remember::AsIs => c.set_task_imported(id, None)?,
                Remember::Values(v) => c.set_task_imported(id, Some(v.as_ref()))?,
            }
        }
        Ok(())
    })
}

pub fn describe_task(p: &TaskPlan, ix: &UnitIndex) -> String {
    let unit = ix
        .units
        .iter()
        .find(|u| u.id == p.task.unit_id)
        .map(|u| u.name.as_str())
        .unwrap_or("");
    let mut s = String::new();
    if let Some(d) = &p.task.doc_number {
        s.push_str(d);
        s.push_str(" · ");
    }
    s.push_str(&short(&p.task.title, 60));
    s.push_str(" · ");
    s.push_str(unit);
    s
}
