//! Deleting an inspection record and restoring it. The record stays, dated
//! (`deleted_at`), and is left out of every list, report and export; the tasks its
//! directives created, when deleted with it, move whole to `deleted_task` (with
//! their extensions and import history), so they leave every count by the same
//! triggers that count them, and come back the same way.

use super::replica::fresh_id;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, Tx};
use crate::error::Result;

/// A task's columns after its id, as `task` and `deleted_task` both hold them.
pub(crate) const TASK_REST: &str = "title, title_key, doc_number, doc_date, leader, unit_id, \
     cooperating, assigned_on, deadline, original_deadline, completed_on, origin, inspection_id, \
     cancelled, completion_unknown, office";
/// An extension's columns after its id and task.
pub(crate) const EXTENSION_REST: &str = "granted_on, old_deadline, new_deadline, reason";
/// The import history's columns after its task.
pub(crate) const IMPORTED_REST: &str = "title, doc_number, doc_date, leader, unit_id, \
     cooperating, assigned_on, deadline, completed_on, origin, cancelled, completion_unknown";

fn count_tasks(c: &Connection, id: i64) -> Result<u32> {
    Ok(c.query_row(
        "SELECT count(*) FROM task WHERE inspection_id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

impl Store {
    /// How many tasks the directives of an inspection created and are still tracked.
    pub fn tasks_of_inspection(&self, id: i64) -> Result<u32> {
        count_tasks(self.conn(), id)
    }
}

impl Tx<'_> {
    /// The same, in a write.
    pub fn tasks_of_inspection(&self, id: i64) -> Result<u32> {
        count_tasks(self.c, id)
    }

    /// Marks a record deleted at `at`, and with `with_tasks` moves the tasks its
    /// directives created out of `task`. The number of tasks moved; `None` when the
    /// record is not there or deleted already.
    pub fn delete_inspection(&self, id: i64, with_tasks: bool, at: &str) -> Result<Option<u32>> {
        let marked = self.c.execute(
            "UPDATE inspection SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, at],
        )?;
        if marked == 0 {
            return Ok(None);
        }
        if !with_tasks {
            return Ok(Some(0));
        }
        self.c.execute(
            &format!(
                "INSERT INTO deleted_task(id, {TASK_REST}, item_id)
                 SELECT id, {TASK_REST},
                        (SELECT min(ci.id) FROM conclusion_item ci WHERE ci.task_id = task.id)
                 FROM task WHERE inspection_id = ?1"
            ),
            [id],
        )?;
        self.c.execute(
            &format!(
                "INSERT INTO deleted_extension(inspection_id, id, task_id, {EXTENSION_REST})
                 SELECT ?1, id, task_id, {EXTENSION_REST} FROM extension
                 WHERE task_id IN (SELECT id FROM task WHERE inspection_id = ?1)"
            ),
            [id],
        )?;
        self.c.execute(
            &format!(
                "INSERT INTO deleted_task_imported(inspection_id, task_id, {IMPORTED_REST})
                 SELECT ?1, task_id, {IMPORTED_REST} FROM task_imported
                 WHERE task_id IN (SELECT id FROM task WHERE inspection_id = ?1)"
            ),
            [id],
        )?;
        // Extensions and import history go with their task (ON DELETE CASCADE), the
        // items let go of it, and the tally triggers count it out.
        let moved = self
            .c
            .execute("DELETE FROM task WHERE inspection_id = ?1", [id])?;
        Ok(Some(moved as u32))
    }

    /// Brings a deleted record back, with the tasks deleted with it. A task whose id
    /// was taken meanwhile comes back under a new one. The number of tasks restored;
    /// `None` when the record is not deleted.
    pub fn restore_inspection(&self, id: i64) -> Result<Option<u32>> {
        let unmarked = self.c.execute(
            "UPDATE inspection SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
            [id],
        )?;
        if unmarked == 0 {
            return Ok(None);
        }
        let tasks: Vec<(i64, Option<i64>)> = self
            .c
            .prepare("SELECT id, item_id FROM deleted_task WHERE inspection_id = ?1 ORDER BY id")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for &(old, item) in &tasks {
            self.c.execute(
                &format!(
                    "INSERT INTO task(id, {TASK_REST})
                     SELECT CASE WHEN EXISTS (SELECT 1 FROM task t WHERE t.id = ?2)
                                 THEN {fresh} ELSE ?2 END, {TASK_REST}
                     FROM deleted_task WHERE inspection_id = ?1 AND id = ?2",
                    fresh = fresh_id!("task")
                ),
                params![id, old],
            )?;
            let new = self.c.last_insert_rowid();
            self.c.execute(
                &format!(
                    // The block's next ids, one a row: the subquery is worked out
                    // once for the statement.
                    "INSERT INTO extension(id, task_id, {EXTENSION_REST})
                     SELECT {fresh} - 1 + row_number() OVER (ORDER BY id), ?3, {EXTENSION_REST}
                     FROM deleted_extension
                     WHERE inspection_id = ?1 AND task_id = ?2 ORDER BY id",
                    fresh = fresh_id!("extension")
                ),
                params![id, old, new],
            )?;
            self.c.execute(
                &format!(
                    "INSERT INTO task_imported(task_id, {IMPORTED_REST})
                     SELECT ?3, {IMPORTED_REST} FROM deleted_task_imported
                     WHERE inspection_id = ?1 AND task_id = ?2"
                ),
                params![id, old, new],
            )?;
            if let Some(item) = item {
                self.c.execute(
                    "UPDATE conclusion_item SET task_id = ?3
                     WHERE id = ?2 AND inspection_id = ?1 AND task_id IS NULL",
                    params![id, item, new],
                )?;
            }
        }
        for table in ["deleted_extension", "deleted_task_imported", "deleted_task"] {
            self.c.execute(
                &format!("DELETE FROM {table} WHERE inspection_id = ?1"),
                [id],
            )?;
        }
        Ok(Some(tasks.len() as u32))
    }

    /// When a record was deleted, if it is.
    pub fn inspection_deleted_at(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .c
            .query_row(
                "SELECT deleted_at FROM inspection WHERE id = ?1",
                [id],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(store: &Store, table: &str) -> Vec<String> {
        store
            .conn()
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn listed(rest: &str) -> Vec<String> {
        rest.split(',').map(|c| c.trim().to_string()).collect()
    }

    /// A column a later migration adds to a task must be kept when its record is
    /// deleted: the lists here name every column the tables have.
    #[test]
    fn every_column_of_a_task_is_kept() {
        let store = Store::open_in_memory().unwrap();
        let mut task = vec!["id".to_string()];
        task.extend(listed(TASK_REST));
        assert_eq!(columns(&store, "task"), task);
        let mut ext = vec!["id".to_string(), "task_id".to_string()];
        ext.extend(listed(EXTENSION_REST));
        assert_eq!(columns(&store, "extension"), ext);
        let mut imported = vec!["task_id".to_string()];
        imported.extend(listed(IMPORTED_REST));
        assert_eq!(columns(&store, "task_imported"), imported);
    }
}
