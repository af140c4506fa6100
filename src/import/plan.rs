//! What an import would change: each record matched against what the database holds
//! (read once, matched in hash maps), and the changes applied in one transaction.
//!
//! Matching, so that importing the same file twice changes nothing:
//! - tasks by the `id` column when given (tct's own id), else by document number and
//!   folded title; when one document gives the same task to several units, the lead
//!   unit tells them apart. Tasks made from inspection directives are only matched by
//!   id.
//! - targets by unit, year and folded name;
//! - units by code, else by folded name and kind.
//!
//! Columns missing from a file leave those fields as they are.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::format::fmt_date;
use crate::domain::target::{Direction, Plan};
use crate::domain::text::{fold, nfc};
use crate::error::Result;
use crate::i18n::{T, t};
use crate::model::{DeadlineChange, NewTarget, NewTask, NewUnit, TargetRec, TaskRec, UnitRec};
use crate::store::{Store, Tx};
use crate::words::{num, plan_text};

use super::columns::{Columns, Field};
use super::resolve::{UnitIndex, norm, parse_kind};
use super::rows::{Problem, TargetRow, TaskRow, UnitRow};

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

// ---------------------------------------------------------------- tasks

pub struct TaskPlan {
    pub row: usize,
    pub task: NewTask,
    /// The folded title, worked out once.
    pub title_key: String,
    pub action: Action,
    pub deadline: DeadlineChange,
}

pub fn tasks(
    existing: &[TaskRec],
    records: Vec<TaskRow>,
    cols: &Columns,
    ix: &UnitIndex,
    default_origin: &str,
    problems: &mut Vec<Problem>,
) -> Vec<TaskPlan> {
    let names = unit_names(ix);
    let by_id: HashMap<i64, usize> = existing
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
    let keys: Vec<(String, String)> = records
        .iter()
        .map(|r| (doc_key(&r.doc_number), fold(&r.title)))
        .collect();
    let mut in_file: HashMap<&(String, String), usize> = HashMap::new();
    for k in &keys {
        *in_file.entry(k).or_default() += 1;
    }
    let mut claimed: HashMap<usize, usize> = HashMap::new();
    let mut seen: HashMap<(&(String, String), i64), usize> = HashMap::new();
    let has_dates = cols.has(Field::DocDate) || cols.has(Field::AssignedOn);
    let mut plans = Vec::with_capacity(records.len());
    for (r, key) in records.into_iter().zip(&keys) {
        let dup = |prev: usize| format!("{} {prev}", t(T::ImpDuplicateRow));
        let matched = match r.id {
            Some(id) => match by_id.get(&id) {
                Some(i) => Some(*i),
                None => {
                    problems.push(problem(
                        cols,
                        r.row,
                        Field::TaskId,
                        format!("{}: {id}", t(T::ImpNoSuchTask)),
                    ));
                    continue;
                }
            },
            None => {
                if let Some(prev) = seen.insert((key, r.unit_id), r.row) {
                    problems.push(problem(cols, r.row, Field::Title, dup(prev)));
                    continue;
                }
                let cands = by_key
                    .get(&(key.0.clone(), key.1.as_str()))
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                match cands {
                    [one] if in_file[key] == 1 => Some(*one),
                    _ => cands
                        .iter()
                        .copied()
                        .find(|i| existing[*i].unit_id == r.unit_id && !claimed.contains_key(i)),
                }
            }
        };
        if let Some(i) = matched
            && let Some(prev) = claimed.insert(i, r.row)
        {
            let f = if r.id.is_some() {
                Field::TaskId
            } else {
                Field::Title
            };
            problems.push(problem(cols, r.row, f, dup(prev)));
            continue;
        }
        let old = matched.map(|i| &existing[i]);
        let task = NewTask {
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
        };
        if let (Some(a), Some(d)) = (task.assigned_on, task.deadline)
            && d < a
        {
            problems.push(problem(
                cols,
                r.row,
                Field::Deadline,
                format!(
                    "{} ({} < {})",
                    t(T::ImpDeadlineBeforeAssigned),
                    fmt_date(d),
                    fmt_date(a)
                ),
            ));
            continue;
        }
        let Some(old) = old else {
            plans.push(TaskPlan {
                row: r.row,
                task,
                title_key: key.1.clone(),
                action: Action::New,
                deadline: DeadlineChange::Keep,
            });
            continue;
        };
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
        plans.push(TaskPlan {
            row: r.row,
            task,
            title_key: key.1.clone(),
            action,
            deadline,
        });
    }
    plans
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
            match &p.action {
                Action::New => {
                    c.insert_imported_task(&p.task, &p.title_key)?;
                }
                Action::Update(id, _) => c.update_task(*id, &p.task, p.deadline, reason)?,
                Action::Unchanged(_) => {}
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

// ---------------------------------------------------------------- targets

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ReadingAction {
    New,
    Update(f64),
    Unchanged,
}

pub struct ReadingPlan {
    pub on: NaiveDate,
    pub value: f64,
    pub action: ReadingAction,
}

pub struct TargetPlan {
    pub row: usize,
    pub target: NewTarget,
    pub action: Action,
    pub reading: Option<ReadingPlan>,
}

pub fn targets(
    store: &Store,
    existing: &[TargetRec],
    records: Vec<TargetRow>,
    cols: &Columns,
    as_of: NaiveDate,
    problems: &mut Vec<Problem>,
) -> Result<Vec<TargetPlan>> {
    let mut by_key: HashMap<(i64, i32, &str), usize> = HashMap::new();
    let mut next_pos: HashMap<(i64, i32), i64> = HashMap::new();
    for (i, t) in existing.iter().enumerate() {
        by_key.insert((t.unit_id, t.year, t.name_key.as_str()), i);
        let p = next_pos.entry((t.unit_id, t.year)).or_insert(0);
        *p = (*p).max(t.position + 1);
    }
    let mut seen: HashMap<(i64, i32, String), usize> = HashMap::new();
    let mut plans = Vec::new();
    for r in records {
        let key = fold(&nfc(r.name.trim()));
        if let Some(prev) = seen.insert((r.unit_id, r.year, key.clone()), r.row) {
            problems.push(problem(
                cols,
                r.row,
                Field::TargetName,
                format!("{} {prev}", t(T::ImpDuplicateRow)),
            ));
            continue;
        }
        let old = by_key
            .get(&(r.unit_id, r.year, key.as_str()))
            .map(|i| &existing[*i]);
        let position = match old {
            Some(o) => o.position,
            None => {
                let p = next_pos.entry((r.unit_id, r.year)).or_insert(0);
                *p += 1;
                *p - 1
            }
        };
        let measure = match (&r.measure, old) {
            (_, Some(o)) if !cols.has(Field::Measure) => o.measure.clone(),
            (m, _) => m.clone().unwrap_or_default(),
        };
        let direction = match old {
            Some(o) if !cols.has(Field::Direction) => o.direction,
            _ => r.direction,
        };
        let target = NewTarget {
            unit_id: r.unit_id,
            year: r.year,
            position,
            name: r.name.clone(),
            measure,
            plan: r.plan,
            direction,
        };
        let action = match old {
            None => Action::New,
            Some(o) => {
                let mut d = Diff {
                    cols,
                    changes: Vec::new(),
                };
                d.check(Field::TargetName, &o.name, &target.name, same);
                d.check(Field::Measure, &o.measure, &target.measure, same);
                if o.plan != target.plan {
                    d.changes.push(Change {
                        field: cols.header(Field::Plan),
                        old: show_plan(o.plan),
                        new: show_plan(target.plan),
                    });
                }
                d.check(Field::Direction, o.direction, target.direction, |d| {
                    show_direction(*d).to_string()
                });
                if d.changes.is_empty() {
                    Action::Unchanged(o.id)
                } else {
                    Action::Update(o.id, d.changes)
                }
            }
        };
        let reading = match r.actual {
            None => None,
            Some(value) => {
                // Without a date, the reading is as of today, within the target's year;
                // it is unchanged when the latest reading already says as much.
                let year_end = NaiveDate::from_ymd_opt(r.year, 12, 31).unwrap_or(as_of);
                let year_start = NaiveDate::from_ymd_opt(r.year, 1, 1).unwrap_or(as_of);
                let on = r.actual_on.unwrap_or(as_of.clamp(year_start, year_end));
                let action = match old {
                    None => ReadingAction::New,
                    Some(o) => {
                        let latest = match r.actual_on {
                            None => store.latest_reading(o.id, on)?.map(|(_, v)| v),
                            Some(_) => None,
                        };
                        if latest == Some(value) {
                            ReadingAction::Unchanged
                        } else {
                            match store.reading_on(o.id, on)? {
                                None => ReadingAction::New,
                                Some(v) if v == value => ReadingAction::Unchanged,
                                Some(v) => ReadingAction::Update(v),
                            }
                        }
                    }
                };
                Some(ReadingPlan { on, value, action })
            }
        };
        plans.push(TargetPlan {
            row: r.row,
            target,
            action,
            reading,
        });
    }
    Ok(plans)
}

pub fn apply_targets(c: &Tx, plans: &[TargetPlan]) -> Result<()> {
    for p in plans {
        let id = match &p.action {
            Action::New => c.insert_target(&p.target)?,
            Action::Update(id, _) => {
                c.update_target(*id, &p.target)?;
                *id
            }
            Action::Unchanged(id) => *id,
        };
        if let Some(r) = &p.reading
            && r.action != ReadingAction::Unchanged
        {
            c.set_reading(id, r.on, r.value)?;
        }
    }
    Ok(())
}

pub fn describe_target(p: &TargetPlan, ix: &UnitIndex) -> String {
    let unit = ix
        .units
        .iter()
        .find(|u| u.id == p.target.unit_id)
        .map(|u| u.name.as_str())
        .unwrap_or("");
    format!("{unit} · {} · {}", p.target.year, short(&p.target.name, 60))
}

pub fn describe_reading(r: &ReadingPlan) -> String {
    let new = format!("{} ({})", num(r.value), fmt_date(r.on));
    match r.action {
        ReadingAction::Update(old) => format!("{} → {new}", num(old)),
        _ => new,
    }
}

// ---------------------------------------------------------------- units

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParentRef {
    /// The file has no parent column: the parent stays.
    Keep,
    None,
    Db(i64),
    /// A unit created by this import: the index of its plan.
    Row(usize),
}

pub struct UnitPlan {
    pub row: usize,
    pub unit: NewUnit,
    pub parent: ParentRef,
    pub action: Action,
}

pub fn units(
    store: &Store,
    ix: &mut UnitIndex,
    records: Vec<UnitRow>,
    cols: &Columns,
    as_of: NaiveDate,
    problems: &mut Vec<Problem>,
) -> Vec<UnitPlan> {
    let existing: Vec<UnitRec> = ix.units.clone();
    let by_code: HashMap<&str, usize> = existing
        .iter()
        .enumerate()
        .filter_map(|(i, u)| u.code.as_deref().map(|c| (c, i)))
        .collect();
    let mut by_name: HashMap<(String, &str), Vec<usize>> = HashMap::new();
    for (i, u) in existing.iter().enumerate() {
        by_name
            .entry((norm(&u.name), u.kind.code()))
            .or_default()
            .push(i);
    }
    // First pass: which existing unit each row is, and duplicates within the file.
    let mut seen_name: HashMap<(String, &str, Option<NaiveDate>), usize> = HashMap::new();
    let mut seen_code: HashMap<String, usize> = HashMap::new();
    let mut claimed: HashMap<usize, usize> = HashMap::new();
    let mut matched: Vec<Option<usize>> = Vec::with_capacity(records.len());
    let mut ok = vec![true; records.len()];
    for (n, r) in records.iter().enumerate() {
        let dup = |prev: usize| format!("{} {prev}", t(T::ImpDuplicateRow));
        if let Some(prev) = seen_name.insert((norm(&r.name), r.kind.code(), r.valid_from), r.row) {
            problems.push(problem(cols, r.row, Field::UnitName, dup(prev)));
            ok[n] = false;
        }
        if let Some(code) = &r.code
            && let Some(prev) = seen_code.insert(code.clone(), r.row)
        {
            problems.push(problem(cols, r.row, Field::Code, dup(prev)));
            ok[n] = false;
        }
        let by_c = r.code.as_deref().and_then(|c| by_code.get(c).copied());
        let m = by_c.or_else(|| {
            let cands = by_name.get(&(norm(&r.name), r.kind.code()))?;
            cands
                .iter()
                .copied()
                .find(|i| existing[*i].valid_from == r.valid_from)
                .or_else(|| cands.first().copied())
        });
        if let Some(i) = m
            && let Some(prev) = claimed.insert(i, r.row)
            && ok[n]
        {
            problems.push(problem(cols, r.row, Field::UnitName, dup(prev)));
            ok[n] = false;
        }
        // A code that another unit, not in this file, already has.
        if let Some(code) = &r.code
            && let Some(other) = by_code.get(code.as_str())
            && Some(*other) != m
        {
            problems.push(problem(
                cols,
                r.row,
                Field::Code,
                format!("{}: {}", t(T::ImpCodeTaken), ix.name_with_kind(*other)),
            ));
            ok[n] = false;
        }
        matched.push(m);
    }
    // Second pass: parents (in the file first, then in the database) and changes.
    let names = unit_names(ix);
    let mut plans = Vec::new();
    for (n, r) in records.iter().enumerate() {
        if !ok[n] {
            continue;
        }
        let old = matched[n].map(|i| &existing[i]);
        let parent = match (&r.parent, cols.has(Field::Parent)) {
            (_, false) => ParentRef::Keep,
            (None, true) => ParentRef::None,
            (Some(p), true) => {
                let on = r.valid_from.unwrap_or(as_of);
                match parent_in_file(&records, n, p) {
                    Some(j) => match matched[j] {
                        Some(i) => ParentRef::Db(existing[i].id),
                        None => ParentRef::Row(j),
                    },
                    None => match ix.find(store, p, on) {
                        Ok(id) => ParentRef::Db(id),
                        Err(e) => {
                            problems.push(problem(cols, r.row, Field::Parent, e.to_string()));
                            continue;
                        }
                    },
                }
            }
        };
        if parent == ParentRef::Row(n)
            || (old.is_some() && parent == ParentRef::Db(old.map_or(0, |o| o.id)))
        {
            problems.push(problem(
                cols,
                r.row,
                Field::Parent,
                t(T::ImpSelfParent).to_string(),
            ));
            continue;
        }
        let has = |f: Field| cols.has(f);
        let unit = NewUnit {
            name: r.name.clone(),
            kind: r.kind,
            code: keep(has(Field::Code), &r.code, old.map(|o| &o.code)),
            parent_id: match parent {
                ParentRef::Keep => old.and_then(|o| o.parent_id),
                ParentRef::None | ParentRef::Row(_) => None,
                ParentRef::Db(id) => Some(id),
            },
            valid_from: keep(
                has(Field::ValidFrom),
                &r.valid_from,
                old.map(|o| &o.valid_from),
            ),
            valid_to: keep(has(Field::ValidTo), &r.valid_to, old.map(|o| &o.valid_to)),
        };
        let action = match old {
            None => Action::New,
            Some(o) => {
                let mut d = Diff {
                    cols,
                    changes: Vec::new(),
                };
                let parent_name = |id: Option<i64>| {
                    id.and_then(|id| names.get(&id).cloned())
                        .unwrap_or_else(|| "–".into())
                };
                d.check(Field::UnitName, o.name.clone(), nfc(unit.name.trim()), same);
                d.check(Field::UnitKind, o.kind, unit.kind, |k| {
                    crate::words::kind_word(*k).to_string()
                });
                d.check(Field::Code, o.code.as_ref(), unit.code.as_ref(), show_opt);
                let new_parent = match parent {
                    ParentRef::Row(j) => records[j].name.clone(),
                    _ => parent_name(unit.parent_id),
                };
                d.check(Field::Parent, parent_name(o.parent_id), new_parent, same);
                d.check(Field::ValidFrom, o.valid_from, unit.valid_from, show_day);
                d.check(Field::ValidTo, o.valid_to, unit.valid_to, show_day);
                if d.changes.is_empty() {
                    Action::Unchanged(o.id)
                } else {
                    Action::Update(o.id, d.changes)
                }
            }
        };
        plans.push(UnitPlan {
            row: r.row,
            unit,
            parent,
            action,
        });
    }
    // Parents named by a row point at that row's plan.
    let index_of_row: HashMap<usize, usize> =
        plans.iter().enumerate().map(|(i, p)| (p.row, i)).collect();
    for p in &mut plans {
        if let ParentRef::Row(j) = p.parent {
            p.parent = match index_of_row.get(&records[j].row) {
                Some(i) => ParentRef::Row(*i),
                None => ParentRef::None,
            };
        }
    }
    plans
}

/// The row of this file a parent name (or code) means, if exactly one.
fn parent_in_file(records: &[UnitRow], me: usize, parent: &str) -> Option<usize> {
    let key = norm(parent);
    let by_code: Vec<usize> = records
        .iter()
        .enumerate()
        .filter(|(i, r)| *i != me && r.code.as_deref().is_some_and(|c| norm(c) == key))
        .map(|(i, _)| i)
        .collect();
    if let [one] = by_code.as_slice() {
        return Some(*one);
    }
    let named = |key: &str, kind: Option<crate::domain::unit::UnitKind>| -> Vec<usize> {
        records
            .iter()
            .enumerate()
            .filter(|(i, r)| *i != me && norm(&r.name) == key && kind.is_none_or(|k| r.kind == k))
            .map(|(i, _)| i)
            .collect()
    };
    if let [one] = named(&key, None).as_slice() {
        return Some(*one);
    }
    if let Some((base, rest)) = parent.trim().rsplit_once('(')
        && let Some(kind) = parse_kind(rest.trim_end_matches(')'))
        && let [one] = named(&norm(base), Some(kind)).as_slice()
    {
        return Some(*one);
    }
    let bare = ["uy ban nhan dan ", "ubnd "]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .unwrap_or(&key);
    for (prefix, kind) in [
        ("thanh pho ", crate::domain::unit::UnitKind::ThanhPho),
        ("thi tran ", crate::domain::unit::UnitKind::ThiTran),
        ("thi xa ", crate::domain::unit::UnitKind::ThiXa),
        ("phuong ", crate::domain::unit::UnitKind::Phuong),
        ("huyen ", crate::domain::unit::UnitKind::Huyen),
        ("tinh ", crate::domain::unit::UnitKind::Tinh),
        ("xa ", crate::domain::unit::UnitKind::Xa),
    ] {
        if let Some(rest) = bare.strip_prefix(prefix)
            && let [one] = named(rest, Some(kind)).as_slice()
        {
            return Some(*one);
        }
    }
    None
}

pub fn apply_units(c: &Tx, plans: &[UnitPlan]) -> Result<()> {
    let mut ids: Vec<i64> = Vec::with_capacity(plans.len());
    for p in plans {
        let id = match &p.action {
            Action::New => c.insert_unit(&p.unit)?,
            Action::Update(id, _) => {
                c.update_unit(*id, &p.unit)?;
                *id
            }
            Action::Unchanged(id) => *id,
        };
        ids.push(id);
    }
    for (p, id) in plans.iter().zip(&ids) {
        if let ParentRef::Row(j) = p.parent {
            c.set_unit_parent(*id, Some(ids[j]))?;
        }
    }
    Ok(())
}

pub fn describe_unit(p: &UnitPlan) -> String {
    let mut s = format!("{} ({})", p.unit.name, crate::words::kind_word(p.unit.kind));
    if let Some(code) = &p.unit.code {
        s.push_str(&format!(" · {code}"));
    }
    s
}
