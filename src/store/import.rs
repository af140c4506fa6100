//! The SQL side of `tct import`. What is already in the database is read once, whole,
//! and matched in memory (hash maps, no per-row scans); inserts reuse `write.rs`, and
//! the updates here run inside the import's one transaction.

use super::replica::fresh_id;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::write::opt_nfc;
use super::{Store, opt_date, opt_iso};
use crate::domain::format::iso;
use crate::domain::target::{Direction, Plan};
use crate::domain::text::{fold, nfc, sort_key};
use crate::domain::unit::UnitKind;
use crate::error::Result;
use crate::model::{DeadlineChange, NewTarget, NewTask, NewUnit, TargetRec, TaskRec, UnitRec};

impl Store {
    /// Every unit, whatever its period of validity.
    pub fn import_units(&self) -> Result<Vec<UnitRec>> {
        Ok(self
            .conn()
            .prepare(
                "SELECT id, name, name_key, kind, code, parent_id, valid_from, valid_to
                 FROM unit ORDER BY id",
            )?
            .query_map([], |r| {
                let kind: String = r.get(3)?;
                Ok(UnitRec {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    name_key: r.get(2)?,
                    kind: UnitKind::from_code(&kind).unwrap_or(UnitKind::Xa),
                    code: r.get(4)?,
                    parent_id: r.get(5)?,
                    valid_from: opt_date(r.get(6)?),
                    valid_to: opt_date(r.get(7)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Every target of every year.
    pub fn import_targets(&self) -> Result<Vec<TargetRec>> {
        Ok(self
            .conn()
            .prepare(
                "SELECT id, unit_id, year, position, name, name_key, measure, plan_low,
                        plan_high, direction
                 FROM target ORDER BY id",
            )?
            .query_map([], |r| {
                let high: Option<f64> = r.get(8)?;
                let dir: String = r.get(9)?;
                Ok(TargetRec {
                    id: r.get(0)?,
                    unit_id: r.get(1)?,
                    year: r.get(2)?,
                    position: r.get(3)?,
                    name: r.get(4)?,
                    name_key: r.get(5)?,
                    measure: r.get(6)?,
                    plan: match high {
                        Some(h) => Plan::Range(r.get(7)?, h),
                        None => Plan::Value(r.get(7)?),
                    },
                    direction: Direction::from_code(&dir).unwrap_or(Direction::Higher),
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Every task, with the number of its extensions (one pass over each table).
    pub fn import_tasks(&self) -> Result<Vec<TaskRec>> {
        let mut ext = std::collections::HashMap::<i64, i64>::new();
        {
            let mut stmt = self
                .conn()
                .prepare("SELECT task_id, count(*) FROM extension GROUP BY task_id")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
            for row in rows {
                let (id, n) = row?;
                ext.insert(id, n);
            }
        }
        Ok(self
            .conn()
            .prepare(
                "SELECT t.id, t.title, t.title_key, t.doc_number, t.doc_date, t.leader, t.unit_id,
                        t.cooperating, t.assigned_on, t.deadline, t.completed_on, t.origin,
                        t.inspection_id IS NOT NULL,
                        i.task_id IS NOT NULL, i.title, i.doc_number, i.doc_date, i.leader,
                        i.unit_id, i.cooperating, i.assigned_on, i.deadline, i.completed_on,
                        i.origin, t.completion_unknown, t.cancelled, i.completion_unknown,
                        i.cancelled
                 FROM task t LEFT JOIN task_imported i ON i.task_id = t.id
                 ORDER BY t.id",
            )?
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                let imported = match r.get::<_, bool>(13)? {
                    false => None,
                    true => Some(Box::new(NewTask {
                        title: r.get(14)?,
                        doc_number: r.get(15)?,
                        doc_date: opt_date(r.get(16)?),
                        leader: r.get(17)?,
                        unit_id: r.get(18)?,
                        cooperating: r.get(19)?,
                        assigned_on: opt_date(r.get(20)?),
                        deadline: opt_date(r.get(21)?),
                        completed_on: opt_date(r.get(22)?),
                        origin: r.get(23)?,
                        completion_unknown: r.get(26)?,
                        cancelled: r.get(27)?,
                    })),
                };
                Ok(TaskRec {
                    id,
                    title: r.get(1)?,
                    title_key: r.get(2)?,
                    doc_number: r.get(3)?,
                    doc_date: opt_date(r.get(4)?),
                    leader: r.get(5)?,
                    unit_id: r.get(6)?,
                    cooperating: r.get(7)?,
                    assigned_on: opt_date(r.get(8)?),
                    deadline: opt_date(r.get(9)?),
                    completed_on: opt_date(r.get(10)?),
                    origin: r.get(11)?,
                    completion_unknown: r.get(24)?,
                    cancelled: r.get(25)?,
                    from_inspection: r.get(12)?,
                    extensions: ext.get(&id).copied().unwrap_or(0),
                    imported,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The reading of a target on exactly that date.
    pub fn reading_on(&self, target_id: i64, on: NaiveDate) -> Result<Option<f64>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT value FROM reading WHERE target_id = ?1 AND on_date = ?2")?
            .query_row(params![target_id, iso(on)], |r| r.get(0))
            .optional()?)
    }

    /// The latest reading of a target on or before a date.
    pub fn latest_reading(
        &self,
        target_id: i64,
        on_or_before: NaiveDate,
    ) -> Result<Option<(NaiveDate, f64)>> {
        let row: Option<(String, f64)> = self
            .conn()
            .prepare_cached(
                "SELECT on_date, value FROM reading WHERE target_id = ?1 AND on_date <= ?2
                 ORDER BY on_date DESC LIMIT 1",
            )?
            .query_row(params![target_id, iso(on_or_before)], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        Ok(row.and_then(|(d, v)| opt_date(Some(d)).map(|d| (d, v))))
    }
}

/// Inserts a task whose text is already NFC and trimmed, with its folded title: the
/// import's fast path for many rows (`insert_task` normalises each field itself).
pub(super) fn insert_imported_task(c: &Connection, t: &NewTask, title_key: &str) -> Result<i64> {
    c.prepare_cached(concat!(
        "INSERT INTO task(id, title, title_key, doc_number, doc_date, leader, unit_id,
                          cooperating, assigned_on, deadline, original_deadline, completed_on,
                          origin, completion_unknown, cancelled)
         VALUES (",
        fresh_id!("task"),
        ", ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13)"
    ))?
    .execute(params![
        t.title,
        title_key,
        t.doc_number,
        opt_iso(t.doc_date),
        t.leader,
        t.unit_id,
        t.cooperating,
        opt_iso(t.assigned_on),
        opt_iso(t.deadline),
        opt_iso(t.completed_on),
        t.origin,
        t.completion_unknown && t.completed_on.is_some(),
        t.cancelled,
    ])?;
    Ok(c.last_insert_rowid())
}

/// Records what an import brought for a task, replacing what the previous import
/// brought: `None` when the task is just that (its text already NFC and trimmed, as
/// the import's, `insert_imported_task`).
pub(super) fn set_task_imported(c: &Connection, task_id: i64, t: Option<&NewTask>) -> Result<()> {
    let Some(t) = t else {
        c.prepare_cached("DELETE FROM task_imported WHERE task_id = ?1")?
            .execute([task_id])?;
        return Ok(());
    };
    c.prepare_cached(
        "INSERT OR REPLACE INTO task_imported(task_id, title, doc_number, doc_date, leader,
                    unit_id, cooperating, assigned_on, deadline, completed_on, origin,
                    completion_unknown, cancelled)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        task_id,
        t.title,
        t.doc_number,
        opt_iso(t.doc_date),
        t.leader,
        t.unit_id,
        t.cooperating,
        opt_iso(t.assigned_on),
        opt_iso(t.deadline),
        opt_iso(t.completed_on),
        t.origin,
        t.completion_unknown,
        t.cancelled,
    ])?;
    Ok(())
}

/// Rewrites a unit; `parent_id` too.
pub(super) fn update_unit(c: &Connection, id: i64, u: &NewUnit) -> Result<()> {
    let name = nfc(u.name.trim());
    c.prepare_cached(
        "UPDATE unit SET name = ?2, name_key = ?3, sort_key = ?4, kind = ?5, code = ?6,
                         parent_id = ?7, valid_from = ?8, valid_to = ?9
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        name,
        fold(&name),
        sort_key(&name),
        u.kind.code(),
        opt_nfc(&u.code),
        u.parent_id,
        opt_iso(u.valid_from),
        opt_iso(u.valid_to),
    ])?;
    Ok(())
}

pub(super) fn set_unit_parent(c: &Connection, id: i64, parent_id: Option<i64>) -> Result<()> {
    c.prepare_cached("UPDATE unit SET parent_id = ?2 WHERE id = ?1")?
        .execute(params![id, parent_id])?;
    Ok(())
}

/// Rewrites a target's name, measure, plan and direction (its unit, year and position
/// stay).
pub(super) fn update_target(c: &Connection, id: i64, t: &NewTarget) -> Result<()> {
    let name = nfc(t.name.trim());
    let (low, high) = match t.plan {
        Plan::Value(v) => (v, None),
        Plan::Range(a, b) => (a.min(b), Some(a.max(b))),
    };
    c.prepare_cached(
        "UPDATE target SET name = ?2, name_key = ?3, measure = ?4, plan_low = ?5,
                           plan_high = ?6, direction = ?7
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        name,
        fold(&name),
        nfc(t.measure.trim()),
        low,
        high,
        t.direction.code(),
    ])?;
    Ok(())
}

/// Rewrites a task's fields and, in the same statement, its deadline, so the
/// constraint "deadline not before assignment" holds at every step.
pub(super) fn update_task(
    c: &Connection,
    id: i64,
    t: &NewTask,
    deadline: DeadlineChange,
    extension_reason: &str,
) -> Result<()> {
    let title = nfc(t.title.trim());
    let (set_deadline, new_deadline, set_original) = match deadline {
        DeadlineChange::Keep => (false, None, false),
        DeadlineChange::Extend { new, .. } => (true, Some(new), false),
        DeadlineChange::Set { new, with_original } => (true, new, with_original),
    };
    c.prepare_cached(
        "UPDATE task SET title = ?2, title_key = ?3, doc_number = ?4, doc_date = ?5,
                         leader = ?6, unit_id = ?7, cooperating = ?8, assigned_on = ?9,
                         completed_on = ?10, origin = ?11,
                         deadline = CASE WHEN ?12 THEN ?13 ELSE deadline END,
                         original_deadline = CASE WHEN ?14 THEN ?13 ELSE original_deadline END,
                         completion_unknown = ?15, cancelled = ?16
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        title,
        fold(&title),
        opt_nfc(&t.doc_number),
        opt_iso(t.doc_date),
        opt_nfc(&t.leader),
        t.unit_id,
        opt_nfc(&t.cooperating),
        opt_iso(t.assigned_on),
        opt_iso(t.completed_on),
        opt_nfc(&t.origin),
        set_deadline,
        opt_iso(new_deadline),
        set_original,
        t.completion_unknown && t.completed_on.is_some(),
        t.cancelled,
    ])?;
    if let DeadlineChange::Extend { old, new } = deadline {
        c.prepare_cached(concat!(
            "INSERT INTO extension(id, task_id, granted_on, old_deadline, new_deadline, reason)
             VALUES (",
            fresh_id!("extension"),
            ", ?1, NULL, ?2, ?3, ?4)"
        ))?
        .execute(params![
            id,
            iso(old),
            iso(new),
            nfc(extension_reason.trim())
        ])?;
    }
    Ok(())
}
