//! Where a row stands in a pane's list under a filter: a list whose filter changes
//! keeps its selected row, so the next key acts on the row the user was looking at.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

use super::Store;
use super::queries::{Where, listed_where_in, task_where, text};
use super::sort::{task_order, unit_order};
use crate::error::Result;
use crate::model::{Ctx, TaskMode, TaskScope, TaskSort, UnitSort};

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
        self.unit_position_sorted(ctx, (filter, abolished, UnitSort::Name), id)
    }

    /// The same in the order asked (`units_page_sorted`).
    pub fn unit_position_sorted(
        &self,
        ctx: &Ctx,
        (filter, abolished, sort): (&str, bool, UnitSort),
        id: i64,
    ) -> Result<Option<usize>> {
        let mut w = listed_where_in(ctx, filter, abolished);
        let later = sort == UnitSort::Overdue && self.finished_after(ctx)?;
        let d = w.arg(text(ctx.d()));
        let order = unit_order(sort, &d, later);
        self.position(w, "u", "unit u", &order, id)
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
        self.task_position_sorted(ctx, (scope, mode, filter, TaskSort::Deadline), id)
    }

    /// The same in the order asked (`tasks_page_sorted`).
    pub fn task_position_sorted(
        &self,
        ctx: &Ctx,
        (scope, mode, filter, sort): (TaskScope, TaskMode, &str, TaskSort),
        id: i64,
    ) -> Result<Option<usize>> {
        let mut w = task_where(ctx, scope, mode, filter);
        let d = w.arg(text(ctx.d()));
        let order = task_order(sort, mode, &d);
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
