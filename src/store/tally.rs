//! Each unit's tasks summed up in `unit_tally` (migration 4), kept by triggers on
//! `task` in the transaction that writes the task. As of a date on or after a unit's
//! last completion and last assignment, "done as of the date" is "has a completion
//! date" and every task counts: the done figures and the sizes of the list's groups
//! are read from the tally, and only the open tasks not yet due are counted, over the
//! index. An earlier date (`--today` in the past) counts the tasks themselves.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use super::queries::{deferred_page, task_row};
use crate::domain::scorecard::TaskCounts;
use crate::error::Result;
use crate::model::{Ctx, TaskMode, TaskRow};

/// One unit's row of `unit_tally`, or the province's sums.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tally {
    pub tasks: i64,
    pub done_on_time: i64,
    pub done_late: i64,
    pub open_no_deadline: i64,
    last_completed: Option<String>,
    last_assigned: Option<String>,
}

impl Tally {
    /// Whether the sums are the figures as of `d` (ISO): nothing was completed or
    /// assigned after it.
    pub fn holds_on(&self, d: &str) -> bool {
        let by = |x: &Option<String>| x.as_deref().is_none_or(|x| x <= d);
        by(&self.last_completed) && by(&self.last_assigned)
    }

    pub fn done(&self) -> i64 {
        self.done_on_time + self.done_late
    }

    pub fn open_with_deadline(&self) -> i64 {
        self.tasks - self.done() - self.open_no_deadline
    }

    /// The counts, given how many open tasks fall due within the "soon" window and
    /// after it (the rest of those with a deadline are overdue).
    fn counts(&self, due_soon: i64, in_time: i64) -> TaskCounts {
        let n = |x: i64| u32::try_from(x.max(0)).unwrap_or(u32::MAX);
        TaskCounts {
            done_on_time: n(self.done_on_time),
            done_late: n(self.done_late),
            overdue: n(self.open_with_deadline() - due_soon - in_time),
            due_soon: n(due_soon),
            in_time: n(in_time),
            no_deadline: n(self.open_no_deadline),
        }
    }
}

const TALLY_COLUMNS: &str =
    "tasks, done_on_time, done_late, open_no_deadline, last_completed, last_assigned";

fn tally_row(r: &rusqlite::Row, from: usize) -> rusqlite::Result<Tally> {
    Ok(Tally {
        tasks: r.get(from)?,
        done_on_time: r.get(from + 1)?,
        done_late: r.get(from + 2)?,
        open_no_deadline: r.get(from + 3)?,
        last_completed: r.get(from + 4)?,
        last_assigned: r.get(from + 5)?,
    })
}

/// Open tasks of the listed units due on or after the as-of date (?1), split at the
/// end of the "soon" window (?2): a range of `task_unit` per unit.
pub(crate) fn open_ahead_by_unit_sql(ids: &str) -> String {
    format!(
        "SELECT unit_id, count(*) FILTER (WHERE deadline <= ?2), count(*) FILTER (WHERE deadline > ?2)
         FROM task WHERE unit_id IN ({ids}) AND deadline >= ?1 AND completed_on IS NULL
           AND cancelled = 0
         GROUP BY unit_id"
    )
}

/// Open tasks of every unit due on or after the as-of date (?1), and those due by the
/// end of the "soon" window (?2): two ranges of the partial index `task_open`. Plain
/// counts: a `FILTER` per row costs several times the walk.
pub(crate) const OPEN_AHEAD_SQL: &str = "SELECT \
     (SELECT count(*) FROM task WHERE deadline >= ?1 AND completed_on IS NULL AND cancelled = 0), \
     (SELECT count(*) FROM task WHERE deadline >= ?1 AND deadline <= ?2 AND completed_on IS NULL \
        AND cancelled = 0)";

/// The groups of a unit's list in order, when its tally holds: open with a deadline
/// (by deadline), open without one, done (by deadline, latest completion first). The
/// same order as the general query's `CASE`, each group one walk of `task_unit`.
/// Each is `(condition, order)`, and each order is an index's own (`task_unit_open`,
/// `task_unit_done`, migrations 5 and 8), so a page far down needs no sort. The
/// cancelled tasks follow, in `CANCELLED_GROUP`.
pub(crate) const GROUP_WHERE: [(&str, &str); 3] = [
    (
        "t.unit_id = ?1 AND t.completed_on IS NULL AND t.cancelled = 0 AND t.deadline IS NOT NULL",
        "t.deadline, t.id",
    ),
    (
        "t.unit_id = ?1 AND t.completed_on IS NULL AND t.cancelled = 0 AND t.deadline IS NULL",
        "t.id",
    ),
    (
        "t.unit_id = ?1 AND t.completed_on IS NOT NULL AND t.cancelled = 0",
        "t.deadline, t.completed_on DESC, t.id",
    ),
];

/// A unit's cancelled tasks given by the as-of date (?4), last in its full list, in
/// the order of the index `task_cancelled`. The tally does not count them, so it
/// cannot tell whether one was given after the date: the condition does.
pub(crate) const CANCELLED_GROUP: (&str, &str) = (
    "t.unit_id = ?1 AND t.cancelled = 1 AND (t.assigned_on IS NULL OR t.assigned_on <= ?4)",
    "t.deadline, t.completed_on DESC, t.id",
);

/// Recounts every unit from its tasks: what the triggers keep, in one grouped pass.
const RECOUNT_SQL: &str = concat!(
    "DELETE FROM unit_tally;",
    super::schema::tally_fill_counted!()
);

/// Runs `f`, a write of `rows` tasks inside the caller's transaction. When they are
/// many against the tasks already there, the tally's triggers and the task indexes
/// are lifted for it, then the indexes built again and every unit recounted, in the
/// same transaction: one sort and one grouped pass cost less than a trigger and six
/// index insertions per row. A failure rolls it all back with everything else.
pub(super) fn bulk_tasks<R>(
    c: &Connection,
    rows: usize,
    f: impl FnOnce(&Connection) -> Result<R>,
) -> Result<R> {
    assert!(!c.is_autocommit(), "bulk_tasks runs inside a transaction");
    let existing: i64 = c.query_row("SELECT coalesce(sum(tasks), 0) FROM unit_tally", [], |r| {
        r.get(0)
    })?;
    // A recount reads every task at about a quarter of a trigger's cost per row.
    if rows < 1000 || (rows as i64) * 4 < existing {
        return f(c);
    }
    // The tally's triggers, and every index of `task` (those SQLite makes itself
    // have no SQL and stay).
    let lifted: Vec<(String, String, String)> = c
        .prepare(
            "SELECT type, name, sql FROM sqlite_master
             WHERE tbl_name = 'task' AND sql IS NOT NULL
               AND ((type = 'trigger' AND name LIKE 'task_tally_%') OR type = 'index')",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (kind, name, _) in &lifted {
        c.execute_batch(&format!("DROP {} \"{name}\"", kind.to_uppercase()))?;
    }
    let out = f(c)?;
    for (_, _, sql) in lifted.iter().filter(|(kind, ..)| kind == "index") {
        c.execute_batch(sql)?;
    }
    c.execute_batch(RECOUNT_SQL)?;
    for (_, _, sql) in lifted.iter().filter(|(kind, ..)| kind == "trigger") {
        c.execute_batch(sql)?;
    }
    Ok(out)
}

impl Store {
    /// The tally rows of the listed units (ids read from the database).
    pub(crate) fn tallies_of(&self, ids: &str) -> Result<HashMap<i64, Tally>> {
        let sql =
            format!("SELECT unit_id, {TALLY_COLUMNS} FROM unit_tally WHERE unit_id IN ({ids})");
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, tally_row(r, 1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn tally_of(&self, unit_id: i64) -> Result<Option<Tally>> {
        Ok(self
            .conn()
            .prepare_cached(&format!(
                "SELECT {TALLY_COLUMNS} FROM unit_tally WHERE unit_id = ?1"
            ))?
            .query_row([unit_id], |r| tally_row(r, 0))
            .optional()?)
    }

    /// The province's sums: every unit's tally added up.
    fn province_tally(&self) -> Result<Tally> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT coalesce(sum(tasks), 0), coalesce(sum(done_on_time), 0),
                        coalesce(sum(done_late), 0), coalesce(sum(open_no_deadline), 0),
                        max(last_completed), max(last_assigned)
                 FROM unit_tally",
            )?
            .query_row([], |r| tally_row(r, 0))?)
    }

    /// Counts of the units whose tally holds as of the date, from their tallies and
    /// their open tasks not yet due. The others are left out, for an exact count.
    pub(crate) fn counts_from_tallies(
        &self,
        ctx: &Ctx,
        tallies: &HashMap<i64, Tally>,
    ) -> Result<HashMap<i64, TaskCounts>> {
        let d = ctx.d();
        let held: Vec<i64> = tallies
            .iter()
            .filter(|(_, t)| t.holds_on(&d))
            .map(|(id, _)| *id)
            .collect();
        if held.is_empty() {
            return Ok(HashMap::new());
        }
        let ids = held
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let mut ahead: HashMap<i64, (i64, i64)> = HashMap::new();
        let mut stmt = self.conn().prepare(&open_ahead_by_unit_sql(&ids))?;
        let rows = stmt.query_map(params![d, ctx.soon_limit()], |r| {
            Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?)))
        })?;
        for row in rows {
            let (id, n) = row?;
            ahead.insert(id, n);
        }
        Ok(held
            .into_iter()
            .map(|id| {
                let (soon, later) = ahead.get(&id).copied().unwrap_or_default();
                (id, tallies[&id].counts(soon, later))
            })
            .collect())
    }

    /// Every task of the province counted by status, when the province's sums hold
    /// as of the date; `None` otherwise.
    pub(crate) fn province_counts_from_tally(&self, ctx: &Ctx) -> Result<Option<TaskCounts>> {
        let tally = self.province_tally()?;
        if !tally.holds_on(&ctx.d()) {
            return Ok(None);
        }
        let (ahead, soon): (i64, i64) = self
            .conn()
            .prepare_cached(OPEN_AHEAD_SQL)?
            .query_row(params![ctx.d(), ctx.soon_limit()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        Ok(Some(tally.counts(soon, ahead - soon)))
    }

    /// Units whose tally differs from a recount of their tasks, or whose dates are
    /// below a task's: empty when the triggers kept it right.
    #[cfg(feature = "testing")]
    pub fn tally_drift(&self) -> Result<Vec<i64>> {
        let sql = "WITH recount AS (
               SELECT unit_id, count(*) AS tasks,
                      sum(completed_on IS NOT NULL AND (deadline IS NULL OR completed_on <= deadline)) AS on_time,
                      sum(coalesce(completed_on > deadline, 0)) AS late,
                      sum(completed_on IS NULL AND deadline IS NULL) AS no_deadline,
                      max(completed_on) AS completed, max(assigned_on) AS assigned
               FROM task WHERE cancelled = 0 GROUP BY unit_id)
             SELECT r.unit_id FROM recount r LEFT JOIN unit_tally t ON t.unit_id = r.unit_id
             WHERE t.unit_id IS NULL
                OR (r.tasks, r.on_time, r.late, r.no_deadline)
                   IS NOT (t.tasks, t.done_on_time, t.done_late, t.open_no_deadline)
                OR (r.completed IS NOT NULL AND (t.last_completed IS NULL OR t.last_completed < r.completed))
                OR (r.assigned IS NOT NULL AND (t.last_assigned IS NULL OR t.last_assigned < r.assigned))
             UNION
             SELECT t.unit_id FROM unit_tally t
             WHERE (t.tasks, t.done_on_time, t.done_late, t.open_no_deadline) IS NOT (0, 0, 0, 0)
               AND NOT EXISTS (SELECT 1 FROM task WHERE unit_id = t.unit_id AND cancelled = 0)
             ORDER BY 1";
        Ok(self
            .conn()
            .prepare(sql)?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// One page of a unit's list from its tally's group sizes, when the tally holds
    /// as of the date and no filter is typed; `None` otherwise. Overdue tasks are the
    /// head of the first group (open, by deadline).
    pub(crate) fn unit_page_from_tally(
        &self,
        ctx: &Ctx,
        unit_id: i64,
        mode: TaskMode,
        offset: usize,
        limit: usize,
    ) -> Result<Option<Vec<TaskRow>>> {
        let Some(tally) = self.tally_of(unit_id)? else {
            return Ok(None);
        };
        if !tally.holds_on(&ctx.d()) {
            return Ok(None);
        }
        let sizes = [
            tally.open_with_deadline(),
            tally.open_no_deadline,
            tally.done(),
            i64::MAX,
        ];
        let groups = match mode {
            TaskMode::Overdue => 1,
            TaskMode::Open => 2,
            TaskMode::All => 4,
        };
        let (mut skip, mut want) = (offset as i64, limit as i64);
        let mut rows = Vec::new();
        let all = GROUP_WHERE.iter().chain([&CANCELLED_GROUP]);
        for (k, (size, group)) in sizes.iter().zip(all).enumerate().take(groups) {
            if want <= 0 {
                break;
            }
            if skip >= *size {
                skip -= size;
                continue;
            }
            let mut stmt = self.conn().prepare_cached(&group_page_sql(*group))?;
            let got = if k == 3 {
                stmt.query_map(params![unit_id, want, skip, ctx.d()], |r| task_row(r, ctx))?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            } else {
                stmt.query_map(params![unit_id, want, skip], |r| task_row(r, ctx))?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            };
            want -= got.len() as i64;
            skip = 0;
            rows.extend(got);
        }
        if mode == TaskMode::Overdue {
            rows.retain(|r| r.deadline.is_some_and(|dl| dl < ctx.as_of));
        }
        Ok(Some(rows))
    }
}

/// One group's page: `?1` the unit, `?2` the limit, `?3` the offset.
pub(crate) fn group_page_sql((condition, order): (&str, &str)) -> String {
    deferred_page(&format!("FROM task t WHERE {condition}"), order, "?2", "?3")
}
