//! Writes. Each user action goes through `Store::write`, one transaction: it is all
//! there after a crash, or none of it is.

use super::replica::fresh_id;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, TransactionBehavior, params};

use super::{Store, Tx, opt_iso};

/// How long a checkpoint waits for another window's reader.
const CHECKPOINT_WAIT: std::time::Duration = std::time::Duration::from_millis(200);
use crate::domain::format::iso;
use crate::domain::target::Plan;
use crate::domain::text::{fold, nfc, sort_key};
use crate::error::Result;
use crate::model::{NewTarget, NewTask, NewUnit};

/// Optional text trimmed and NFC, `None` when empty.
pub(crate) fn opt_nfc(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(nfc)
}

impl Store {
    /// Runs `f` in one immediate transaction: committed whole or not at all, and kept
    /// as a change to send to the other laptops (capture.rs).
    pub fn write<R>(&mut self, f: impl FnOnce(&Tx) -> Result<R>) -> Result<R> {
        self.write_sql(|c| f(&Tx { c }))
    }

    /// The same for data a database starts from (the demo, generated data): every
    /// copy made of the file has it, so it is not a change to send.
    pub fn write_base<R>(&mut self, f: impl FnOnce(&Tx) -> Result<R>) -> Result<R> {
        self.write_local(|c| f(&Tx { c }))
    }

    /// `write`, for the store's own statements.
    pub(super) fn write_sql<R>(&mut self, f: impl FnOnce(&Connection) -> Result<R>) -> Result<R> {
        self.transact(true, f)
    }

    /// A write that stays on this laptop: drafts, the data a database starts from.
    pub(super) fn write_local<R>(&mut self, f: impl FnOnce(&Connection) -> Result<R>) -> Result<R> {
        self.transact(false, f)
    }

    fn transact<R>(&mut self, record: bool, f: impl FnOnce(&Connection) -> Result<R>) -> Result<R> {
        self.guard_file()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !self.settled {
            super::replica::settle(&tx, file_of(&self.path))?;
        }
        let out = if record {
            super::capture::recorded(&tx, || f(&tx))?
        } else {
            f(&tx)?
        };
        tx.commit()?;
        self.settled = true;
        self.checkpoint();
        Ok(out)
    }

    /// Moves what the WAL holds into the database file and empties the WAL, so the
    /// `.db` alone is complete after every save (a copy of it taken while tct runs is
    /// the data, not an empty database) and no stale WAL is left beside a file that
    /// is replaced. A reader in another window may hold it back: it is waited for a
    /// moment, and a checkpoint that cannot finish is not a failed save.
    pub(super) fn checkpoint(&self) {
        if self.read_only || self.path == Path::new(":memory:") {
            return;
        }
        let _ = self.conn.busy_timeout(CHECKPOINT_WAIT);
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        let _ = self.conn.busy_timeout(self.busy_wait);
    }

    /// A write of many rows (an import): its pages stay in memory until the commit
    /// instead of spilling to the WAL and being read back (the default cache is 2 MB).
    pub fn write_many<R>(&mut self, cache_kib: i64, f: impl FnOnce(&Tx) -> Result<R>) -> Result<R> {
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -cache_kib)?;
        let out = self.write(f);
        self.conn.pragma_update(None, "cache_size", cache)?;
        out
    }
}

pub(super) fn insert_unit(c: &Connection, u: &NewUnit) -> Result<i64> {
    let name = nfc(u.name.trim());
    c.prepare_cached(concat!(
        "INSERT INTO unit(id, name, name_key, sort_key, kind, code, parent_id, valid_from, valid_to)
         VALUES (",
        fresh_id!("unit"),
        ", ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    ))?
    .execute(params![
        name,
        fold(&name),
        sort_key(&name),
        u.kind.code(),
        opt_nfc(&u.code),
        u.parent_id,
        opt_iso(u.valid_from),
        opt_iso(u.valid_to),
    ])?;
    Ok(c.last_insert_rowid())
}

pub(super) fn insert_target(c: &Connection, t: &NewTarget) -> Result<i64> {
    let name = nfc(t.name.trim());
    let (low, high) = match t.plan {
        Plan::Value(v) => (v, None),
        Plan::Range(a, b) => (a.min(b), Some(a.max(b))),
    };
    c.prepare_cached(concat!(
        "INSERT INTO target(id, unit_id, year, position, name, name_key, measure, plan_low,
                            plan_high, direction)
         VALUES (",
        fresh_id!("target"),
        ", ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    ))?
    .execute(params![
        t.unit_id,
        t.year,
        t.position,
        name,
        fold(&name),
        nfc(t.measure.trim()),
        low,
        high,
        t.direction.code(),
    ])?;
    Ok(c.last_insert_rowid())
}

/// Records the actual value on a date; a second reading on the same date replaces it.
pub(super) fn set_reading(c: &Connection, target_id: i64, on: NaiveDate, value: f64) -> Result<()> {
    c.prepare_cached(
        "INSERT INTO reading(target_id, on_date, value) VALUES (?1, ?2, ?3)
         ON CONFLICT(target_id, on_date) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![target_id, iso(on), value])?;
    Ok(())
}

pub(super) fn insert_task(c: &Connection, t: &NewTask) -> Result<i64> {
    let clean = NewTask {
        title: nfc(t.title.trim()),
        doc_number: opt_nfc(&t.doc_number),
        leader: opt_nfc(&t.leader),
        cooperating: opt_nfc(&t.cooperating),
        origin: opt_nfc(&t.origin),
        ..t.clone()
    };
    super::import::insert_imported_task(c, &clean, &fold(&clean.title))
}

impl Store {
    /// Records a task as completed on a date, or as not completed (`None`).
    /// Returns false when there is no such task.
    pub fn set_completed(&mut self, task_id: i64, on: Option<NaiveDate>) -> Result<bool> {
        self.write_sql(|c| {
            Ok(
                // A date recorded in tct is a real one: the stand-in goes.
                c.prepare_cached(
                    "UPDATE task SET completed_on = ?2, completion_unknown = 0 WHERE id = ?1",
                )?
                .execute(params![task_id, opt_iso(on)])
                .map(|n| n == 1)?,
            )
        })
    }
}

/// Moves a task's deadline (gia hạn), keeping the history.
pub(super) fn extend_deadline(
    c: &Connection,
    task_id: i64,
    granted_on: Option<NaiveDate>,
    new_deadline: NaiveDate,
    reason: &str,
) -> Result<()> {
    c.prepare_cached(concat!(
        "INSERT INTO extension(id, task_id, granted_on, old_deadline, new_deadline, reason)
         SELECT ",
        fresh_id!("extension"),
        ", id, ?2, deadline, ?3, ?4 FROM task WHERE id = ?1"
    ))?
    .execute(params![
        task_id,
        opt_iso(granted_on),
        iso(new_deadline),
        nfc(reason.trim())
    ])?;
    c.prepare_cached("UPDATE task SET deadline = ?2 WHERE id = ?1")?
        .execute(params![task_id, iso(new_deadline)])?;
    Ok(())
}

impl Store {
    /// Runs `f` in one immediate transaction that it can read through (`&Store`, which
    /// sees what `f` wrote so far) and write through (`&Tx`): an import that must
    /// write before it can plan (the bundled catalogue, a `--map`, new units). `f`
    /// says whether to keep what it wrote; an error rolls it back too.
    pub fn staged<R>(
        &mut self,
        cache_kib: i64,
        f: impl FnOnce(&Store, &Tx) -> Result<(R, bool)>,
    ) -> Result<R> {
        self.guard_file()?;
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -cache_kib)?;
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let out = super::replica::settle(&self.conn, file_of(&self.path))
            .and_then(|()| super::capture::recorded(&self.conn, || f(self, &Tx { c: &self.conn })));
        let end = match &out {
            Ok((_, true)) => self.conn.execute_batch("COMMIT"),
            _ => self.conn.execute_batch("ROLLBACK"),
        };
        self.conn.pragma_update(None, "cache_size", cache)?;
        let (r, kept) = out?;
        end?;
        if kept {
            self.settled = true;
            self.checkpoint();
        }
        Ok(r)
    }
}

/// The database's file, `None` for one in memory.
fn file_of(path: &Path) -> Option<&Path> {
    (path != Path::new(":memory:")).then_some(path)
}
