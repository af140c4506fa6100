//! What a write transaction offers its caller. `Store::write` hands a `Tx` to the
//! closure that makes a user's action or an import: the caller decides what to write
//! and in which order, the SQL stays in the store, and the connection never leaves it.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::model::{DeadlineChange, NewTarget, NewTask, NewUnit};

/// One open write transaction; committed by `Store::write` when its closure returns
/// `Ok`, rolled back otherwise.
pub struct Tx<'a> {
    pub(super) c: &'a Connection,
}

impl Tx<'_> {
    pub fn insert_unit(&self, u: &NewUnit) -> Result<i64> {
        super::write::insert_unit(self.c, u)
    }

    pub fn insert_target(&self, t: &NewTarget) -> Result<i64> {
        super::write::insert_target(self.c, t)
    }

    /// A target's reading on a date; a second reading that day replaces the first.
    pub fn set_reading(&self, target_id: i64, on: NaiveDate, value: f64) -> Result<()> {
        super::write::set_reading(self.c, target_id, on, value)
    }

    pub fn insert_task(&self, t: &NewTask) -> Result<i64> {
        super::write::insert_task(self.c, t)
    }

    /// A task as an import brings it, its text already cleaned and its title's search
    /// key given.
    pub fn insert_imported_task(&self, t: &NewTask, title_key: &str) -> Result<i64> {
        super::import::insert_imported_task(self.c, t, title_key)
    }

    /// Records a task's fields as this import brings them (text already clean), or
    /// (`None`) that the task is as imported: what later tells a value set in tct from
    /// one the office's file changed.
    pub fn set_task_imported(&self, task_id: i64, t: Option<&NewTask>) -> Result<()> {
        super::import::set_task_imported(self.c, task_id, t)
    }

    /// Moves a task's deadline (gia hạn), keeping the history.
    pub fn extend_deadline(
        &self,
        task_id: i64,
        granted_on: Option<NaiveDate>,
        new_deadline: NaiveDate,
        reason: &str,
    ) -> Result<()> {
        super::write::extend_deadline(self.c, task_id, granted_on, new_deadline, reason)
    }

    pub fn update_unit(&self, id: i64, u: &NewUnit) -> Result<()> {
        super::import::update_unit(self.c, id, u)
    }

    pub fn set_unit_parent(&self, id: i64, parent_id: Option<i64>) -> Result<()> {
        super::import::set_unit_parent(self.c, id, parent_id)
    }

    pub fn update_target(&self, id: i64, t: &NewTarget) -> Result<()> {
        super::import::update_target(self.c, id, t)
    }

    pub fn update_task(
        &self,
        id: i64,
        t: &NewTask,
        deadline: DeadlineChange,
        extension_reason: &str,
    ) -> Result<()> {
        super::import::update_task(self.c, id, t, deadline, extension_reason)
    }

    /// Records that `successor_id` took over `unit_id`'s work (once).
    pub fn add_successor(&self, unit_id: i64, successor_id: i64) -> Result<()> {
        super::successors::add_successor(self.c, unit_id, successor_id)
    }

    pub fn put_alias(&self, a: &crate::model::AliasRec) -> Result<()> {
        super::successors::put_alias(self.c, a)
    }

    /// The sub-office a task's lead unit cell named in brackets.
    pub fn set_task_office(&self, task_id: i64, office: Option<&str>) -> Result<()> {
        super::successors::set_task_office(self.c, task_id, office)
    }

    /// Sets one of the database's settings (the notice's, or the as-of date of
    /// generated data).
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        super::put_setting(self.c, key, value)
    }

    /// Runs `f`, a write of `rows` tasks, with the per-unit tallies counted once at
    /// the end when that is cheaper than row by row (see `tally::bulk_tasks`).
    pub fn bulk_tasks<R>(&self, rows: usize, f: impl FnOnce(&Tx) -> Result<R>) -> Result<R> {
        super::tally::bulk_tasks(self.c, rows, |c| f(&Tx { c }))
    }
}
