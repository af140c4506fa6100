//! Where a row stands in a pane's list under a filter: a list whose filter changes
//! keeps its selected row, so the next key acts on the row the user was looking at.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

use super::Store;
use super::queries::{Where, listed_where_in, task_where, text};
use crate::error::Result;
use crate::model::{Ctx, TaskMode, TaskScope};

impl Store {
    /// The index of unit `id` among the units the Units pane lists with `filter`.
    pub fn unit_position(&self, ctx: &Ctx, filter: &str, id: i64) -> Result<Option<usize>> {
        self.unit_position_in(ctx, filter, false, id)
    }

    /// The same in the list with the units abolished before the date when `abolished`.
    pub fn unit_position_in(
        &self,
        ctx: &Ctx,
        filter: &str,
        abolished: bool,
        id: i64,
    ) -> Result<Option<usize>> {
        let w = listed_where_in(ctx, filter, abolished);
        self.position(w, "u", "unit u", "u.sort_key, u.id", id)
    }

    /// The index of task `id` in the Tasks pane's list (same order as `tasks_page`).
    pub fn task_position(
        &self,
        ctx: &Ctx,
        scope: TaskScope,
        mode: TaskMode,
        filter: &str,
        id: i64,
    ) -> Result<Option<usize>> {
        let mut w = task_where(ctx, scope, mode, filter);
        let order = if mode == TaskMode::Overdue {
            "t.deadline, t.unit_id, t.id".to_string()
        } else {
            let d = w.arg(text(ctx.d()));
            format!(
                "CASE WHEN t.completed_on <= {d} THEN 2 WHEN t.deadline IS NULL THEN 1 ELSE 0 END, \
                 t.deadline, t.completed_on DESC, t.id"
            )
        };
        self.position(w, "t", "task t", &order, id)
    }

    /// One numbering of the rows in SQL; only the one asked for comes back.
    fn position(
        &self,
        mut w: Where,
        alias: &str,
        from: &str,
        order: &str,
        id: i64,
    ) -> Result<Option<usize>> {
        let want = w.arg(Value::Integer(id));
        let sql = format!(
            "SELECT pos FROM (SELECT {alias}.id AS id, row_number() OVER (ORDER BY {order}) - 1 \
             AS pos FROM {from}{}) WHERE id = {want}",
            w.sql
        );
        let pos = self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(&w.args), |r| r.get::<_, i64>(0))
            .optional()?;
        Ok(pos.map(|p| p as usize))
    }
}
