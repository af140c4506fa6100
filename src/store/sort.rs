//! The orders a pane can be put in (`t`): the SQL `ORDER BY` of each, so a paged list
//! and the position of its selected row are numbered alike.

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

use super::Store;
use crate::domain::target::TargetClass;
use crate::domain::text::sort_key;
use crate::error::Result;
use crate::model::{Ctx, TargetRow, TargetSort, TaskMode, TaskSort, UnitSort};

/// `vi_key(text)`: the Vietnamese dictionary key of `domain::text::sort_key`, for the
/// orders by a text no column keeps a key of (a task's title).
pub(super) fn register(c: &Connection) -> rusqlite::Result<()> {
    c.create_scalar_function(
        "vi_key",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let s = ctx.get::<Option<String>>(0)?;
            Ok(s.map(|s| sort_key(&s)))
        },
    )
}

/// The order of the tasks pane's list over `task t`; `d` is the argument holding the
/// as-of date. The first is the order the lists always had: in an overdue list by
/// deadline (the most overdue first), else open tasks by deadline, then those without
/// one, then the finished (latest completion first among a deadline), then the
/// cancelled. By unit, that order within each unit. By title, a tie goes by deadline,
/// the tasks without one last.
pub(super) fn task_order(sort: TaskSort, mode: TaskMode, d: &str) -> String {
    let by_deadline = if mode == TaskMode::Overdue {
        "t.deadline, t.unit_id, t.id".to_string()
    } else {
        format!(
            "CASE WHEN t.cancelled THEN 3 WHEN t.completed_on <= {d} THEN 2 \
             WHEN t.deadline IS NULL THEN 1 ELSE 0 END, \
             t.deadline, t.completed_on DESC, t.id"
        )
    };
    match sort {
        TaskSort::Deadline => by_deadline,
        TaskSort::Unit => {
            format!("(SELECT sort_key FROM unit WHERE id = t.unit_id), t.unit_id, {by_deadline}")
        }
        TaskSort::Title => "vi_key(t.title), t.deadline IS NULL, t.deadline, t.id".into(),
    }
}

/// The order of the units pane over `unit u`; `d` is the argument holding the as-of
/// date. Tasks overdue as of the date are counted over `task_unit_open` when nothing
/// was finished after it (`finished_later` false, looking at today), else over
/// `task_unit`.
pub(super) fn unit_order(sort: UnitSort, d: &str, finished_later: bool) -> String {
    match sort {
        UnitSort::Name => "u.sort_key, u.id".into(),
        UnitSort::Overdue => {
            let open = if finished_later {
                format!("(t.completed_on IS NULL OR t.completed_on > {d})")
            } else {
                "t.completed_on IS NULL".into()
            };
            format!(
                "(SELECT count(*) FROM task t WHERE t.unit_id = u.id AND {open} \
                 AND t.cancelled = 0 AND t.deadline < {d}) DESC, u.sort_key, u.id"
            )
        }
    }
}

/// Targets by progress: those below 70% of their plan first, then those above, then
/// those met, each the furthest behind first (a target whose share cannot be told
/// after those that can); those with no reading last; a tie as the plan lists them.
pub(super) fn sort_targets(rows: &mut [TargetRow], sort: TargetSort) {
    if sort == TargetSort::Given {
        return;
    }
    let rank = |c: TargetClass| match c {
        TargetClass::Below70 => 0,
        TargetClass::Above70 => 1,
        TargetClass::Met => 2,
        TargetClass::NoData => 3,
    };
    // Stable: ties keep the plan's order.
    rows.sort_by(|a, b| {
        let (pa, pb) = (a.progress, b.progress);
        rank(pa.class).cmp(&rank(pb.class)).then_with(|| {
            let r = |x: Option<f64>| x.unwrap_or(f64::INFINITY);
            r(pa.ratio).total_cmp(&r(pb.ratio))
        })
    });
}

impl Store {
    /// A unit's targets for the as-of year in the order asked.
    pub fn targets_sorted(
        &self,
        ctx: &Ctx,
        unit_id: i64,
        filter: &str,
        sort: TargetSort,
    ) -> Result<Vec<TargetRow>> {
        let mut rows = self.targets_of(ctx, unit_id, filter)?;
        sort_targets(&mut rows, sort);
        Ok(rows)
    }
}
