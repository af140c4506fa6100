//! Edits made from the keyboard in a meeting, and their undo. Each undo checks that the
//! record is still as the edit left it, so it never reverts anything else.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::{Tx, opt_date};
use crate::domain::format::iso;
use crate::domain::text::{fold, nfc};
use crate::error::Result;

impl Tx<'_> {
    /// Moves a task's deadline as `extend_deadline` does, and returns the history row
    /// written, for its undo.
    pub fn grant_extension(
        &self,
        task_id: i64,
        granted_on: NaiveDate,
        new_deadline: NaiveDate,
        reason: &str,
    ) -> Result<i64> {
        super::write::extend_deadline(self.c, task_id, Some(granted_on), new_deadline, reason)?;
        Ok(self
            .c
            .query_row(
                "SELECT max(id) FROM extension WHERE task_id = ?1",
                [task_id],
                |r| r.get::<_, Option<i64>>(0),
            )?
            .unwrap_or(0))
    }

    /// Takes back an extension that is still the task's latest and still in force:
    /// its row goes and the deadline before it returns. False when it is not.
    pub fn revoke_extension(&self, task_id: i64, extension_id: i64) -> Result<bool> {
        let old: Option<Option<String>> = self
            .c
            .query_row(
                "SELECT e.old_deadline FROM extension e JOIN task t ON t.id = e.task_id
                 WHERE e.id = ?1 AND e.task_id = ?2 AND t.deadline = e.new_deadline
                   AND e.id = (SELECT max(id) FROM extension WHERE task_id = ?2)",
                params![extension_id, task_id],
                |r| r.get(0),
            )
            .optional()?;
        let Some(old) = old else {
            return Ok(false);
        };
        self.c
            .prepare_cached("DELETE FROM extension WHERE id = ?1")?
            .execute([extension_id])?;
        self.c
            .prepare_cached("UPDATE task SET deadline = ?2 WHERE id = ?1")?
            .execute(params![task_id, old])?;
        Ok(true)
    }

    /// A task's title and lead unit, corrected. False when there is no such task.
    pub fn correct_task(&self, task_id: i64, title: &str, unit_id: i64) -> Result<bool> {
        let title = nfc(title.trim());
        Ok(self
            .c
            .prepare_cached(
                "UPDATE task SET title = ?2, title_key = ?3, unit_id = ?4 WHERE id = ?1",
            )?
            .execute(params![task_id, title, fold(&title), unit_id])?
            == 1)
    }

    /// Deletes a task entered by hand (`origin` as given) that nothing else has
    /// touched since: no completion, no extension. False when it is not such a task.
    pub fn delete_hand_task(&self, task_id: i64, origin: &str) -> Result<bool> {
        Ok(self
            .c
            .prepare_cached(
                "DELETE FROM task WHERE id = ?1 AND origin = ?2 AND completed_on IS NULL
                   AND NOT EXISTS (SELECT 1 FROM extension WHERE task_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM conclusion_item WHERE task_id = ?1)",
            )?
            .execute(params![task_id, origin])?
            == 1)
    }

    /// A target's reading on a date put back as it was: `None` deletes it.
    pub fn restore_reading(&self, target_id: i64, on: NaiveDate, value: Option<f64>) -> Result<()> {
        match value {
            Some(v) => super::write::set_reading(self.c, target_id, on, v),
            None => {
                self.c
                    .prepare_cached("DELETE FROM reading WHERE target_id = ?1 AND on_date = ?2")?
                    .execute(params![target_id, iso(on)])?;
                Ok(())
            }
        }
    }

    /// The reading of a target on exactly that date, inside the write.
    pub fn reading_at(&self, target_id: i64, on: NaiveDate) -> Result<Option<f64>> {
        Ok(self
            .c
            .prepare_cached("SELECT value FROM reading WHERE target_id = ?1 AND on_date = ?2")?
            .query_row(params![target_id, iso(on)], |r| r.get(0))
            .optional()?)
    }

    /// A task's deadline in force and title and unit, inside the write.
    pub fn task_now(&self, task_id: i64) -> Result<Option<(String, i64, Option<NaiveDate>)>> {
        Ok(self
            .c
            .prepare_cached("SELECT title, unit_id, deadline FROM task WHERE id = ?1")?
            .query_row([task_id], |r| {
                Ok((r.get(0)?, r.get(1)?, opt_date(r.get(2)?)))
            })
            .optional()?)
    }
}
