//! Tasks: matched by tct's id, else by document number and folded title (the lead
//! unit telling apart one document's tasks for several units).

use std::collections::HashMap;

use crate::domain::format::fmt_date;
use crate::domain::task::check_done_after_assigned;
use crate::domain::text::fold;
use crate::error::Result;
use crate::i18n::{T, t};
use crate::model::{DeadlineChange, NewTask, TaskRec};
use crate::store::Tx;

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
    /// The sub-office the file names after the lead unit, recorded when the task is
    /// written (none leaves the one recorded).
    pub office: Option<String>,
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
            office: r.office.clone(),
        });
    }
    plans
}

/// Finds which task already in the database a record of the file is, and notices a
/// record that repeats another.
struct Matcher<'a> {
    existing: &'a [TaskRec],
    by_id: HashMap<i64, usize>,
    /// Tasks by (document key, folded title); directives' tasks are matched by id only.
    by_key: HashMap<(String, &'a str), Vec<usize>>,
    /// How many records of the file share each key.
    in_file: HashMap<&'a (String, String), usize>,
    /// Existing tasks already matched, and the row that took each.
    claimed: HashMap<usize, usize>,
    /// Records without an id seen so far, by key and unit, with their row.
    seen: HashMap<(&'a (String, String), i64), usize>,
}

impl<'a> Matcher<'a> {
    fn new(existing: &'a [TaskRec], keys: &'a [(String, String)]) -> Self {
        let by_id = existing
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id, i))
            .collect();
        let mut by_key: HashMap<(String, &str), Vec<usize>> = HashMap::new();
        for (i, t) in existing.iter().enumerate() {
            if !t.from_inspection {
                by_key
                    .entry((doc_key(&t.doc_number), t.title_key.as_str()))
                    .or_default()
                    .push(i);
            }
        }
        let mut in_file: HashMap<&(String, String), usize> = HashMap::new();
        for k in keys {
            *in_file.entry(k).or_default() += 1;
        }
        Matcher {
            existing,
            by_id,
            by_key,
            in_file,
            claimed: HashMap::new(),
            seen: HashMap::new(),
        }
    }

    /// The index of the existing task this record is (`None`: a new task), or the
    /// column to blame and why the record cannot be taken.
    fn find(
        &mut self,
        r: &TaskRow,
        key: &'a (String, String),
    ) -> std::result::Result<Option<usize>, (Field, String)> {
        let dup = |prev: usize| format!("{} {prev}", t(T::ImpDuplicateRow));
        let matched = match r.id {
            Some(id) => match self.by_id.get(&id) {
                Some(i) => Some(*i),
                None => {
                    return Err((Field::TaskId, format!("{}: {id}", t(T::ImpNoSuchTask))));
                }
            },
            None => {
                if let Some(prev) = self.seen.insert((key, r.unit_id), r.row) {
                    return Err((Field::Title, dup(prev)));
                }
                let cands = self
                    .by_key
                    .get(&(key.0.clone(), key.1.as_str()))
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                match cands {
                    [one] if self.in_file[key] == 1 => Some(*one),
                    _ => cands.iter().copied().find(|i| {
                        self.existing[*i].unit_id == r.unit_id && !self.claimed.contains_key(i)
                    }),
                }
            }
        };
        if let Some(i) = matched
            && let Some(prev) = self.claimed.insert(i, r.row)
        {
            let f = if r.id.is_some() {
                Field::TaskId
            } else {
                Field::Title
            };
            return Err((f, dup(prev)));
        }
        Ok(matched)
    }
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
    NewTask {
        title: r.title.clone(),
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
        deadline: keep(
            cols.has(Field::Deadline),
            &r.deadline,
            old.map(|o| &o.deadline),
        ),
        completed_on: keep(
            cols.has(Field::CompletedOn),
            &r.completed_on,
            old.map(|o| &o.completed_on),
        ),
        origin: match old {
            _ if cols.has(Field::Origin) => r.origin.clone(),
            Some(o) => o.origin.clone(),
            None => Some(default_origin.to_string()),
        },
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
        old.completed_on,
        task.completed_on,
        show_day,
    );
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
                    let id = if let DeadlineChange::Extend { old, new } = p.deadline {
                        let first = NewTask {
                            deadline: Some(old),
                            ..p.task.clone()
                        };
                        let id = c.insert_imported_task(&first, &p.title_key)?;
                        c.extend_deadline(id, None, new, reason)?;
                        id
                    } else {
                        c.insert_imported_task(&p.task, &p.title_key)?
                    };
                    if let Some(o) = &p.office {
                        c.set_task_office(id, Some(o))?;
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
            if let Some(o) = &p.office {
                c.set_task_office(id, Some(o))?;
            }
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
