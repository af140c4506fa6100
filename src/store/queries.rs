//! The questions the panes and reports ask. Lists come a page at a time
//! (`LIMIT`/`OFFSET` over indexed orderings); counts are aggregated in SQL.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};

use super::figures::UnitHead;
use super::sort::{task_order, unit_order};
use super::{Store, opt_date};
use crate::domain::format::iso;
use crate::domain::scorecard::TaskCounts;
use crate::domain::target::{Direction, Plan, assess};
use crate::domain::task::{TaskDates, TaskStatus, status};
use crate::domain::text::fold;
use crate::domain::unit::UnitKind;
use crate::error::Result;
use crate::model::{
    Ctx, ExtensionRow, TargetDetail, TargetRow, TaskDetail, TaskMode, TaskRow, TaskScope, TaskSort,
    UnitLookup, UnitRow, UnitSort,
};

/// A WHERE clause built from parts, with its arguments in order.
pub(super) struct Where {
    pub(super) sql: String,
    pub(super) args: Vec<Value>,
}

impl Where {
    fn new() -> Self {
        Where {
            sql: String::from(" WHERE 1"),
            args: Vec::new(),
        }
    }

    /// `clause` uses `?` for each of `args`, which are numbered here.
    fn and(&mut self, clause: &str, args: impl IntoIterator<Item = Value>) -> &mut Self {
        let mut out = String::new();
        let mut args = args.into_iter();
        for part in clause.split_inclusive('?') {
            out.push_str(part);
            if part.ends_with('?') {
                self.args.push(args.next().expect("one argument per '?'"));
                out.push_str(&self.args.len().to_string());
            }
        }
        self.sql.push_str(" AND ");
        self.sql.push_str(&out);
        self
    }

    /// Each word of the filter must occur in the folded column.
    fn words(&mut self, column: &str, filter: &str) -> &mut Self {
        for w in fold(filter).split_whitespace() {
            self.and(
                &format!("{column} LIKE ? ESCAPE '\\'"),
                [text(like_pattern(w))],
            );
        }
        self
    }

    /// Each word of the filter must occur in the task's folded title or, for a word
    /// with a digit, in its document number ("1234/UBND-KT", "1234"; "QĐ" typed
    /// "qd"; LIKE ignores ASCII case). A number is what such a word always holds, and
    /// a word without one is spared the second look at every row.
    fn task_words(&mut self, filter: &str) -> &mut Self {
        for w in fold(filter).split_whitespace() {
            let p = like_pattern(w);
            if w.chars().any(|c| c.is_ascii_digit()) {
                self.and(
                    "(t.title_key LIKE ? ESCAPE '\\' OR \
                     replace(replace(t.doc_number, 'Đ', 'd'), 'đ', 'd') LIKE ? ESCAPE '\\')",
                    [text(p.clone()), text(p)],
                );
            } else {
                self.and("t.title_key LIKE ? ESCAPE '\\'", [text(p)]);
            }
        }
        self
    }

    pub(super) fn arg(&mut self, v: Value) -> String {
        self.args.push(v);
        format!("?{}", self.args.len())
    }
}

/// `%word%` with LIKE's own characters escaped.
fn like_pattern(word: &str) -> String {
    let escaped = word
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

pub(super) fn text(s: String) -> Value {
    Value::Text(s)
}

/// Units valid on the as-of date, but the province, whose names hold the filter's
/// words.
pub(super) fn unit_where(ctx: &Ctx, filter: &str) -> Where {
    unit_where_in(ctx, filter, false)
}

/// The same, with the units abolished before the date too when `abolished`.
fn unit_where_in(ctx: &Ctx, filter: &str, abolished: bool) -> Where {
    let mut w = Where::new();
    let d = ctx.d();
    w.and("u.kind <> 'tinh'", []).and(
        "(u.valid_from IS NULL OR u.valid_from <= ?)",
        [text(d.clone())],
    );
    if !abolished {
        w.and("(u.valid_to IS NULL OR u.valid_to >= ?)", [text(d)]);
    }
    w.words("u.name_key", filter);
    w
}

/// The units pane's: of those, with no filter typed, only the units with tasks,
/// targets or inspections (the catalogue holds some 300 units, most with nothing to
/// show); a filter finds any. Before any data, the units directly under the
/// province.
///
/// With `abolished`, the units abolished before the date too (those with something to
/// show, or that the filter finds).
pub(super) fn listed_where_in(ctx: &Ctx, filter: &str, abolished: bool) -> Where {
    let mut w = unit_where_in(ctx, filter, abolished);
    if filter.trim().is_empty() {
        w.and(
            "(EXISTS (SELECT 1 FROM unit_tally ut WHERE ut.unit_id = u.id AND ut.tasks > 0)
              OR EXISTS (SELECT 1 FROM target tg WHERE tg.unit_id = u.id)
              OR EXISTS (SELECT 1 FROM inspection ins
                         WHERE ins.unit_id = u.id AND ins.deleted_at IS NULL)
              OR (NOT EXISTS (SELECT 1 FROM unit_tally WHERE tasks > 0)
                  AND NOT EXISTS (SELECT 1 FROM target)
                  AND (u.parent_id IS NULL
                       OR u.parent_id IN (SELECT id FROM unit WHERE kind = 'tinh'))))",
            [],
        );
    }
    w
}

pub(super) fn task_where(ctx: &Ctx, scope: TaskScope, mode: TaskMode, filter: &str) -> Where {
    let mut w = Where::new();
    let d = ctx.d();
    if let TaskScope::Unit(id) = scope {
        w.and("t.unit_id = ?", [Value::Integer(id)]);
    }
    w.and(
        "(t.assigned_on IS NULL OR t.assigned_on <= ?)",
        [text(d.clone())],
    );
    // A cancelled task is in the full list only.
    match mode {
        TaskMode::Overdue => {
            w.and("t.deadline < ?", [text(d.clone())]);
            w.and("(t.completed_on IS NULL OR t.completed_on > ?)", [text(d)]);
            w.and("t.cancelled = 0", []);
        }
        TaskMode::Open => {
            w.and("(t.completed_on IS NULL OR t.completed_on > ?)", [text(d)]);
            w.and("t.cancelled = 0", []);
        }
        TaskMode::All => {}
    }
    w.task_words(filter);
    w
}

/// The two halves of "overdue as of the date": still open, or finished only after
/// it. Each is one index range, so the province-wide view never scans every task.
/// Returns `SELECT`-less arms ("{columns} {from} WHERE …") sharing numbered arguments.
fn overdue_arms(
    ctx: &Ctx,
    scope: TaskScope,
    filter: &str,
    columns: &str,
    from: &str,
) -> ([String; 2], Vec<Value>) {
    let mut w = task_where(ctx, scope, TaskMode::All, filter);
    let d = w.arg(text(ctx.d()));
    let common = w.sql.clone();
    (
        [
            format!(
                "{columns} {from}{common} AND t.completed_on IS NULL AND t.cancelled = 0 \
                 AND t.deadline < {d}"
            ),
            format!(
                "{columns} {from}{common} AND t.completed_on > {d} AND t.cancelled = 0 \
                 AND t.deadline < {d}"
            ),
        ],
        w.args,
    )
}

/// The SQL that counts a task list, and its arguments.
fn count_tasks_query(
    ctx: &Ctx,
    scope: TaskScope,
    mode: TaskMode,
    filter: &str,
) -> (String, Vec<Value>) {
    let sql;
    let w;
    if mode == TaskMode::Overdue {
        let (arms, args) = overdue_arms(ctx, scope, filter, "count(*)", "FROM task t");
        sql = format!("SELECT (SELECT {}) + (SELECT {})", arms[0], arms[1]);
        w = Where {
            sql: String::new(),
            args,
        };
    } else {
        w = task_where(ctx, scope, mode, filter);
        sql = format!("SELECT count(*) FROM task t{}", w.sql);
    }
    (sql, w.args)
}

/// The SQL of one page of tasks and its arguments (also for `Store::pane_plans`).
/// A page a pane shows is read in two steps (`deferred_page`); a whole list for an
/// export is one walk. `finished_later`: some task was finished after the as-of
/// date, so an overdue list must look among finished tasks too.
fn tasks_page_query(
    ctx: &Ctx,
    scope: TaskScope,
    mode: TaskMode,
    filter: &str,
    (offset, limit): (usize, usize),
    finished_later: bool,
) -> (String, Vec<Value>) {
    sorted_page_query(
        ctx,
        (scope, mode, filter, TaskSort::Deadline),
        (offset, limit),
        finished_later,
    )
}

/// The same in the order asked. An order other than the lists' own is one sort of
/// the rows that match, the page's ids first (`deferred_page`).
fn sorted_page_query(
    ctx: &Ctx,
    (scope, mode, filter, sort): (TaskScope, TaskMode, &str, TaskSort),
    (offset, limit): (usize, usize),
    finished_later: bool,
) -> (String, Vec<Value>) {
    let paged = limit <= PAGE_MAX;
    let (sql, mut w) = if sort != TaskSort::Deadline {
        let mut w = task_where(ctx, scope, mode, filter);
        let d = w.arg(text(ctx.d()));
        let order = task_order(sort, mode, &d);
        let sql = if paged {
            deferred_page(&format!("FROM task t{}", w.sql), &order, "?L", "?O")
        } else {
            format!(
                "SELECT {TASK_SELECT} {TASK_FROM}{} ORDER BY {order} LIMIT ?L OFFSET ?O",
                w.sql
            )
        };
        (sql, w)
    } else if mode == TaskMode::Overdue {
        // Two index ranges merged in deadline order: open tasks (partial index
        // task_open) and tasks finished after the as-of date (task_completed).
        let (arms, args) = overdue_arms(ctx, scope, filter, TASK_SELECT, TASK_FROM);
        let w = Where {
            sql: String::new(),
            args,
        };
        if paged {
            let columns = "t.id, t.deadline, t.unit_id";
            let (ids, _) = overdue_arms(ctx, scope, filter, columns, "FROM task t");
            // Nothing finished after the date (the usual case, looking at today): the
            // open arm alone, one walk of task_open in its own order.
            let inner = if finished_later {
                format!(
                    "SELECT id FROM (SELECT {} UNION ALL SELECT {} ORDER BY 2, 3, 1 \
                     LIMIT ?L OFFSET ?O)",
                    ids[0], ids[1]
                )
            } else {
                let (open, _) = overdue_arms(ctx, scope, filter, "t.id", "FROM task t");
                format!(
                    "SELECT {} ORDER BY t.deadline, t.unit_id, t.id LIMIT ?L OFFSET ?O",
                    open[0]
                )
            };
            let sql = format!(
                "SELECT {TASK_SELECT} {TASK_FROM} WHERE t.id IN ({inner}) \
                 ORDER BY t.deadline, t.unit_id, t.id"
            );
            (sql, w)
        } else {
            // Columns 7, 4, 1 are deadline, unit and id: the order of the index
            // task_open.
            let sql = format!(
                "SELECT {} UNION ALL SELECT {} ORDER BY 7, 4, 1 LIMIT ?L OFFSET ?O",
                arms[0], arms[1]
            );
            (sql, w)
        }
    } else {
        let mut w = task_where(ctx, scope, mode, filter);
        let d = w.arg(text(ctx.d()));
        let order = task_order(TaskSort::Deadline, mode, &d);
        let sql = if paged {
            deferred_page(&format!("FROM task t{}", w.sql), &order, "?L", "?O")
        } else {
            format!(
                "SELECT {TASK_SELECT} {TASK_FROM}{} ORDER BY {order} LIMIT ?L OFFSET ?O",
                w.sql
            )
        };
        (sql, w)
    };
    let lim = w.arg(Value::Integer(limit as i64));
    let off = w.arg(Value::Integer(offset as i64));
    let sql = sql.replace("?L", &lim).replace("?O", &off);
    (sql, w.args)
}

/// The most rows a pane asks for at once; more is a whole list for an export.
const PAGE_MAX: usize = 1000;

/// One page read in two steps: the ids in order, from an index alone where one
/// covers the question, then only those rows with their unit and inspection. Skipped
/// rows are never read nor joined, so a page far down a long list costs about what
/// the first one does. `from` is `FROM task t WHERE …`; `order` is over `t`.
pub(crate) fn deferred_page(from: &str, order: &str, limit: &str, offset: &str) -> String {
    format!(
        "SELECT {TASK_SELECT} {TASK_FROM} WHERE t.id IN \
         (SELECT t.id {from} ORDER BY {order} LIMIT {limit} OFFSET {offset}) ORDER BY {order}"
    )
}

pub(crate) fn task_row(r: &Row, ctx: &Ctx) -> rusqlite::Result<TaskRow> {
    let dates = TaskDates {
        assigned_on: opt_date(r.get(5)?),
        deadline: opt_date(r.get(6)?),
        completed_on: opt_date(r.get(7)?),
        cancelled: r.get(9)?,
        completion_unknown: r.get(10)?,
    };
    Ok(TaskRow {
        id: r.get(0)?,
        title: r.get(1)?,
        doc_number: r.get(2)?,
        unit_id: r.get(3)?,
        unit_name: r.get(4)?,
        assigned_on: dates.assigned_on,
        deadline: dates.deadline,
        // A stand-in date is never shown.
        completed_on: dates.completed_on.filter(|_| !dates.completion_unknown),
        completion_unknown: dates.completion_unknown && dates.completed_on.is_some(),
        inspection_on: opt_date(r.get(8)?),
        abolished: None,
        // Rows are filtered to tasks assigned by the as-of date, so a status exists.
        status: status(&dates, ctx.as_of, ctx.soon_days).unwrap_or(TaskStatus::NoDeadline),
    })
}

pub(crate) const TASK_SELECT: &str = "t.id, t.title, t.doc_number, t.unit_id, u.name, t.assigned_on, \
     t.deadline, t.completed_on, i.held_on, t.cancelled, t.completion_unknown";
pub(crate) const TASK_FROM: &str = "FROM task t JOIN unit u ON u.id = t.unit_id \
     LEFT JOIN inspection i ON i.id = t.inspection_id";

fn plan_of(low: f64, high: Option<f64>) -> Plan {
    match high {
        Some(h) => Plan::Range(low, h),
        None => Plan::Value(low),
    }
}

fn target_row(r: &Row) -> rusqlite::Result<TargetRow> {
    let plan = plan_of(r.get(3)?, r.get(4)?);
    let dir_code: String = r.get(5)?;
    let direction = Direction::from_code(&dir_code).unwrap_or(Direction::Higher);
    let actual: Option<f64> = r.get(7)?;
    Ok(TargetRow {
        id: r.get(0)?,
        name: r.get(1)?,
        measure: r.get(2)?,
        plan,
        direction,
        actual,
        actual_on: opt_date(r.get(6)?),
        progress: assess(plan, direction, actual),
    })
}

/// Targets with the latest reading on or before the as-of date.
const TARGET_SELECT: &str = "SELECT t.id, t.name, t.measure, t.plan_low, t.plan_high, t.direction, \
     r.on_date, r.value FROM target t LEFT JOIN reading r ON r.target_id = t.id AND r.on_date = \
     (SELECT max(on_date) FROM reading WHERE target_id = t.id AND on_date <= ?3)";

impl Store {
    pub fn count_units(&self, ctx: &Ctx, filter: &str) -> rusqlite::Result<usize> {
        self.count_units_in(ctx, filter, false)
    }

    /// The Units pane's length, with the units abolished before the date when
    /// `abolished`.
    pub fn count_units_in(
        &self,
        ctx: &Ctx,
        filter: &str,
        abolished: bool,
    ) -> rusqlite::Result<usize> {
        let w = listed_where_in(ctx, filter, abolished);
        let sql = format!("SELECT count(*) FROM unit u{}", w.sql);
        self.conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(&w.args), |r| {
                r.get::<_, i64>(0).map(|n| n as usize)
            })
    }

    /// One page of units in Vietnamese alphabetical order, each with its scorecard.
    pub fn units_page(
        &self,
        ctx: &Ctx,
        filter: &str,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<UnitRow>> {
        self.units_page_in(ctx, filter, false, offset, limit)
    }

    /// The same, with the units abolished before the date when `abolished`, each
    /// marked (`UnitRow::abolished`).
    pub fn units_page_in(
        &self,
        ctx: &Ctx,
        filter: &str,
        abolished: bool,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<UnitRow>> {
        self.units_page_sorted(ctx, (filter, abolished, UnitSort::Name), offset, limit)
    }

    /// The same in the order asked.
    pub fn units_page_sorted(
        &self,
        ctx: &Ctx,
        (filter, abolished, sort): (&str, bool, UnitSort),
        offset: usize,
        limit: usize,
    ) -> Result<Vec<UnitRow>> {
        let mut w = listed_where_in(ctx, filter, abolished);
        let later = sort == UnitSort::Overdue && self.finished_after(ctx)?;
        let d = w.arg(text(ctx.d()));
        let order = unit_order(sort, &d, later);
        let lim = w.arg(Value::Integer(limit as i64));
        let off = w.arg(Value::Integer(offset as i64));
        let sql = format!(
            "SELECT u.id, u.name, u.kind, u.code FROM unit u{} ORDER BY {order} LIMIT {lim} OFFSET {off}",
            w.sql
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let heads = stmt
            .query_map(params_from_iter(&w.args), |r| {
                Ok(UnitHead {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    code: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        self.with_figures(ctx, heads)
    }

    /// One unit with its scorecard, whatever its period of validity.
    pub fn unit_row(&self, ctx: &Ctx, id: i64) -> Result<Option<UnitRow>> {
        let head = self
            .conn()
            .prepare_cached("SELECT name, kind, code FROM unit WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(UnitHead {
                    id,
                    name: r.get(0)?,
                    kind: r.get(1)?,
                    code: r.get(2)?,
                })
            })
            .optional()?;
        Ok(self.with_figures(ctx, head.into_iter().collect())?.pop())
    }

    /// Names of units for completion, as the panes label them: a unit that shares
    /// its name with another of the day comes with its kind and parent ("Hoàng Văn
    /// Thụ (xã, Bình Gia)"), so the name offered is one the resolver takes back.
    pub fn unit_names_page(
        &self,
        ctx: &Ctx,
        filter: &str,
        limit: usize,
    ) -> Result<Vec<(i64, String)>> {
        let mut w = unit_where(ctx, filter);
        let lim = w.arg(Value::Integer(limit as i64));
        let sql = format!(
            "SELECT u.id, u.name, u.kind FROM unit u{} ORDER BY u.sort_key LIMIT {lim}",
            w.sql
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows: Vec<(i64, String, String)> = stmt
            .query_map(params_from_iter(&w.args), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        let namesakes = self.namesakes_of(ctx, &ids)?;
        Ok(rows
            .into_iter()
            .map(|(id, name, kind)| {
                let kind = UnitKind::from_code(&kind).unwrap_or(UnitKind::So);
                let label = crate::words::unit_label(&name, kind, &namesakes.get(&id).cloned());
                (id, label)
            })
            .collect())
    }

    /// A unit's name as the panes label it on the as-of date (see `unit_names_page`).
    pub fn unit_label(&self, ctx: &Ctx, id: i64) -> Result<String> {
        let (name, kind): (String, String) =
            self.conn()
                .query_row("SELECT name, kind FROM unit WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        let kind = UnitKind::from_code(&kind).unwrap_or(UnitKind::So);
        let namesake = self.namesakes_of(ctx, &[id])?.remove(&id);
        Ok(crate::words::unit_label(&name, kind, &namesake))
    }

    /// A unit's tasks counted by status (see `task_counts_of`).
    pub fn task_counts(&self, ctx: &Ctx, unit_id: i64) -> Result<TaskCounts> {
        Ok(self
            .task_counts_of(ctx, &[unit_id])?
            .remove(&unit_id)
            .unwrap_or_default())
    }

    /// A unit's targets for the as-of year. A unit has tens of targets, not thousands,
    /// so they come whole.
    pub fn targets_of(&self, ctx: &Ctx, unit_id: i64, filter: &str) -> Result<Vec<TargetRow>> {
        use chrono::Datelike;
        let mut sql = format!("{TARGET_SELECT} WHERE t.unit_id = ?1 AND t.year = ?2");
        let mut args: Vec<Value> = vec![
            Value::Integer(unit_id),
            Value::Integer(ctx.as_of.year() as i64),
            text(ctx.d()),
        ];
        for w in fold(filter).split_whitespace() {
            args.push(text(like_pattern(w)));
            sql.push_str(&format!(" AND t.name_key LIKE ?{} ESCAPE '\\'", args.len()));
        }
        sql.push_str(" ORDER BY t.position, t.id");
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(&args), target_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn target_detail(&self, ctx: &Ctx, target_id: i64) -> Result<Option<TargetDetail>> {
        let c = self.conn();
        let head = c
            .query_row(
                &format!("{TARGET_SELECT} WHERE t.id = ?1"),
                // ?2 (the year in `targets_of`) is unused here.
                params![target_id, Value::Null, ctx.d()],
                target_row,
            )
            .optional()?;
        let Some(row) = head else { return Ok(None) };
        let (year, unit_name): (i32, String) = c.query_row(
            "SELECT t.year, u.name FROM target t JOIN unit u ON u.id = t.unit_id WHERE t.id = ?1",
            [target_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let readings = c
            .prepare_cached(
                "SELECT on_date, value FROM reading WHERE target_id = ?1 ORDER BY on_date",
            )?
            .query_map([target_id], |r| {
                Ok((opt_date(r.get(0)?), r.get::<_, f64>(1)?))
            })?
            .filter_map(|r| r.map(|(d, v)| d.map(|d| (d, v))).transpose())
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(TargetDetail {
            row,
            year,
            unit_name,
            readings,
        }))
    }

    pub fn count_tasks(
        &self,
        ctx: &Ctx,
        scope: TaskScope,
        mode: TaskMode,
        filter: &str,
    ) -> Result<usize> {
        if fold(filter).split_whitespace().next().is_none() {
            // Without a filter the length is a sum of the scorecard's counts, which a
            // unit's tally (or the province's) gives without walking its tasks.
            let counts = match scope {
                TaskScope::Unit(id) => Some(self.task_counts(ctx, id)?),
                TaskScope::AllUnits => self.province_counts_from_tally(ctx)?,
            };
            if let Some(c) = counts {
                return Ok(match mode {
                    TaskMode::All => c.total() + self.count_cancelled(ctx, scope)?,
                    TaskMode::Open => c.total() - c.done_on_time - c.done_late,
                    TaskMode::Overdue => c.overdue,
                } as usize);
            }
        }
        let (sql, args) = count_tasks_query(ctx, scope, mode, filter);
        let w = Where {
            sql: String::new(),
            args,
        };
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(&w.args), |r| {
                r.get::<_, i64>(0).map(|n| n as usize)
            })?)
    }

    /// Cancelled tasks given by the as-of date: shown at the end of a full list,
    /// counted in no figure (a walk of the index `task_cancelled`).
    fn count_cancelled(&self, ctx: &Ctx, scope: TaskScope) -> Result<u32> {
        let given = "SELECT count(*) FROM task t WHERE t.cancelled = 1 \
                     AND (t.assigned_on IS NULL OR t.assigned_on <= ?1)";
        let n = match scope {
            TaskScope::Unit(id) => self
                .conn()
                .prepare_cached(&format!("{given} AND t.unit_id = ?2"))?
                .query_row(params![ctx.d(), id], |r| r.get(0))?,
            TaskScope::AllUnits => self
                .conn()
                .prepare_cached(given)?
                .query_row([ctx.d()], |r| r.get(0))?,
        };
        Ok(n)
    }

    /// Whether any task was finished after the as-of date (one probe of an index).
    pub(super) fn finished_after(&self, ctx: &Ctx) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM task WHERE completed_on > ?1)")?
            .query_row([ctx.d()], |r| r.get(0))?)
    }

    /// One page of tasks: open ones by deadline (so the most overdue come first, then
    /// due soon, then in time), then those without deadline, then finished ones.
    pub fn tasks_page(
        &self,
        ctx: &Ctx,
        scope: TaskScope,
        mode: TaskMode,
        filter: &str,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<TaskRow>> {
        let list = (scope, mode, filter, TaskSort::Deadline);
        self.tasks_page_sorted(ctx, list, offset, limit)
    }

    /// The same in the order asked (`TaskSort`).
    pub fn tasks_page_sorted(
        &self,
        ctx: &Ctx,
        (scope, mode, filter, sort): (TaskScope, TaskMode, &str, TaskSort),
        offset: usize,
        limit: usize,
    ) -> Result<Vec<TaskRow>> {
        if let TaskScope::Unit(id) = scope
            && sort == TaskSort::Deadline
            && fold(filter).split_whitespace().next().is_none()
            && let Some(mut rows) = self.unit_page_from_tally(ctx, id, mode, offset, limit)?
        {
            self.mark_abolished(ctx, &mut rows)?;
            return Ok(rows);
        }
        let later = mode == TaskMode::Overdue && self.finished_after(ctx)?;
        let list = (scope, mode, filter, sort);
        let (sql, args) = sorted_page_query(ctx, list, (offset, limit), later);
        let w = Where {
            sql: String::new(),
            args,
        };
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(&w.args), |r| task_row(r, ctx))?;
        let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        self.mark_abolished(ctx, &mut rows)?;
        Ok(rows)
    }

    /// Every task of a scope and mode in the order of `tasks_page`, handed to `f` one
    /// at a time as SQLite steps through them: a report of a million rows never holds
    /// them all.
    pub fn for_each_task<E: From<rusqlite::Error>>(
        &self,
        ctx: &Ctx,
        scope: TaskScope,
        mode: TaskMode,
        mut f: impl FnMut(TaskRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let (sql, args) = tasks_page_query(ctx, scope, mode, "", (0, i64::MAX as usize), true);
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(&args))?;
        while let Some(r) = rows.next()? {
            f(task_row(r, ctx)?)?;
        }
        Ok(())
    }

    /// Every overdue task with its origin (where it came from), most overdue first,
    /// handed to `f` as SQLite steps through them: the overdue report.
    pub fn for_each_overdue<E: From<rusqlite::Error>>(
        &self,
        ctx: &Ctx,
        scope: TaskScope,
        mut f: impl FnMut(TaskRow, Option<String>) -> Result<(), E>,
    ) -> Result<(), E> {
        let columns = format!("{TASK_SELECT}, t.origin");
        let (arms, args) = overdue_arms(ctx, scope, "", &columns, TASK_FROM);
        // Columns 7, 4, 1 are deadline, unit and id: the order of the index task_open.
        let sql = format!(
            "SELECT {} UNION ALL SELECT {} ORDER BY 7, 4, 1",
            arms[0], arms[1]
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(&args))?;
        while let Some(r) = rows.next()? {
            let origin: Option<String> = r.get(11)?;
            f(task_row(r, ctx)?, origin)?;
        }
        Ok(())
    }

    pub fn task_detail(&self, ctx: &Ctx, task_id: i64) -> Result<Option<TaskDetail>> {
        let c = self.conn();
        let sql = format!(
            "SELECT {TASK_SELECT}, t.doc_date, t.leader, t.cooperating, t.original_deadline, \
             t.origin, iu.name, t.office {TASK_FROM} LEFT JOIN unit iu ON iu.id = i.unit_id \
             WHERE t.id = ?1"
        );
        let detail = c
            .query_row(&sql, [task_id], |r| {
                Ok(TaskDetail {
                    row: task_row(r, ctx)?,
                    doc_date: opt_date(r.get(11)?),
                    leader: r.get(12)?,
                    cooperating: r.get(13)?,
                    original_deadline: opt_date(r.get(14)?),
                    origin: r.get(15)?,
                    inspection_unit: r.get(16)?,
                    office: r.get(17)?,
                    extensions: Vec::new(),
                })
            })
            .optional()?;
        let Some(mut detail) = detail else {
            return Ok(None);
        };
        self.mark_abolished(ctx, std::slice::from_mut(&mut detail.row))?;
        detail.extensions = c
            .prepare_cached(
                "SELECT granted_on, old_deadline, new_deadline, reason FROM extension
                 WHERE task_id = ?1 ORDER BY id",
            )?
            .query_map([task_id], |r| {
                Ok(ExtensionRow {
                    granted_on: opt_date(r.get(0)?),
                    old_deadline: opt_date(r.get(1)?),
                    new_deadline: opt_date(r.get(2)?),
                    reason: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(detail))
    }

    /// Finds a unit by name typed without diacritics. Among units of the same name
    /// (a district and the 2025 commune that kept its name) the one valid on `as_of`
    /// wins. When none matches: the closest names to suggest, with their kind.
    /// A unit named on the command line, or the error that says which names come
    /// closest.
    pub fn resolve_unit(
        &self,
        as_of: NaiveDate,
        name: &str,
    ) -> crate::error::Result<(i64, String)> {
        match self.find_unit(name, as_of)? {
            UnitLookup::Found(id, n) => Ok((id, n)),
            UnitLookup::NotFound(closest) => Err(crate::error::Error::UnknownUnit {
                name: name.to_string(),
                closest,
            }),
            UnitLookup::Ambiguous(names) => Err(crate::error::Error::AmbiguousUnit {
                name: name.to_string(),
                names,
            }),
        }
    }

    pub fn find_unit(&self, name: &str, as_of: NaiveDate) -> Result<UnitLookup> {
        // The import's resolver first, so every place a unit is named takes the same
        // names: a kind with it ("Lạng Sơn (thành phố)", "TP Lạng Sơn", "UBND thành
        // phố Lạng Sơn"), an abbreviation or a remembered `--map`, a statistics code.
        let units = self.import_units()?;
        let code = name.trim();
        if !code.is_empty()
            && code.chars().all(|c| c.is_ascii_digit())
            && let Some(u) = units.iter().find(|u| u.code.as_deref() == Some(code))
        {
            return Ok(UnitLookup::Found(u.id, u.name.clone()));
        }
        let mut ix = super::resolve::UnitIndex::with_aliases(units, &self.aliases()?);
        match ix.resolve(name, as_of) {
            super::resolve::Resolved::Found(id) => {
                if let Some(u) = ix.units.iter().find(|u| u.id == id) {
                    return Ok(UnitLookup::Found(id, u.name.clone()));
                }
            }
            // Several units of this name that day: the user says which.
            super::resolve::Resolved::Ambiguous(names) => {
                return Ok(UnitLookup::Ambiguous(names));
            }
            super::resolve::Resolved::NotFound => {}
        }
        let key = fold(name.trim());
        let d = iso(as_of);
        // A unit directly under the province (or above it) is the one a bare name
        // means when a commune of the same name was valid too: "Cao Lộc" in 2022 is
        // the district, not its township.
        type Cand = (i64, String, String, String, bool, bool);
        let all: Vec<Cand> = self
            .conn()
            .prepare_cached(
                "SELECT id, name, name_key, kind,
                        (valid_from IS NULL OR valid_from <= ?1) AND (valid_to IS NULL OR valid_to >= ?1),
                        parent_id IS NULL OR parent_id IN (SELECT id FROM unit WHERE kind = 'tinh')
                 FROM unit ORDER BY sort_key",
            )?
            .query_map([&d], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let pick = |matches: Vec<&Cand>| {
            let valid: Vec<_> = matches.iter().filter(|u| u.4).copied().collect();
            let top: Vec<_> = valid.iter().filter(|u| u.5).copied().collect();
            match (valid.as_slice(), matches.as_slice(), top.as_slice()) {
                ([u], _, _) | ([], [u], _) | ([_, ..], _, [u]) => {
                    Some(UnitLookup::Found(u.0, u.1.clone()))
                }
                _ => None,
            }
        };
        if let Some(found) = pick(all.iter().filter(|u| u.2 == key).collect()) {
            return Ok(found);
        }
        if !key.is_empty()
            && let Some(found) = pick(all.iter().filter(|u| u.2.contains(&key)).collect())
        {
            return Ok(found);
        }
        let mut scored: Vec<(f64, String)> = all
            .iter()
            .map(|(_, n, k, kind, _, _)| {
                let bonus = if k.contains(&key) { 1.0 } else { 0.0 };
                let bonus = bonus + words_shared(&key, k);
                let kind = UnitKind::from_code(kind)
                    .map(crate::words::kind_word)
                    .unwrap_or_default();
                (
                    strsim::jaro_winkler(&key, k) + bonus,
                    format!("{n} ({kind})"),
                )
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.dedup_by(|a, b| a.1 == b.1);
        Ok(UnitLookup::NotFound(
            scored.into_iter().take(3).map(|(_, n)| n).collect(),
        ))
    }
}

impl Store {
    /// `EXPLAIN QUERY PLAN` of every question a pane asks about tasks, for one unit
    /// and for the province: (question, plan). Tests hold them to their indexes.
    #[cfg(feature = "testing")]
    pub fn pane_plans(&self, ctx: &Ctx, unit_id: i64) -> Result<Vec<(String, String)>> {
        let mut qs: Vec<(String, (String, Vec<Value>))> = Vec::new();
        for mode in [TaskMode::Overdue, TaskMode::Open, TaskMode::All] {
            for filter in ["", "giai ngan"] {
                let scope = TaskScope::Unit(unit_id);
                qs.push((
                    format!("page {mode:?} {filter:?}"),
                    tasks_page_query(ctx, scope, mode, filter, (40, 40), true),
                ));
                qs.push((
                    format!("count {mode:?} {filter:?}"),
                    count_tasks_query(ctx, scope, mode, filter),
                ));
            }
        }
        let all = TaskScope::AllUnits;
        qs.push((
            "province page".into(),
            tasks_page_query(ctx, all, TaskMode::Overdue, "", (400, 40), true),
        ));
        qs.push((
            "province page, nothing finished later".into(),
            tasks_page_query(ctx, all, TaskMode::Overdue, "", (400, 40), false),
        ));
        qs.push((
            "province count".into(),
            count_tasks_query(ctx, all, TaskMode::Overdue, ""),
        ));
        // The questions answered with the tallies' help (`tally.rs`).
        let unit = Value::Integer(unit_id);
        for (k, group) in super::tally::GROUP_WHERE.iter().enumerate() {
            qs.push((
                format!("tally page group {k}"),
                (
                    super::tally::group_page_sql(*group),
                    vec![unit.clone(), Value::Integer(40), Value::Integer(40)],
                ),
            ));
        }
        qs.push((
            "tally page cancelled".into(),
            (
                super::tally::group_page_sql(super::tally::CANCELLED_GROUP),
                vec![
                    unit.clone(),
                    Value::Integer(40),
                    Value::Integer(40),
                    text(ctx.d()),
                ],
            ),
        ));
        let (d, soon) = (text(ctx.d()), text(ctx.soon_limit()));
        qs.push((
            "tally unit figures".into(),
            (
                super::tally::open_ahead_by_unit_sql(&unit_id.to_string()),
                vec![d.clone(), soon.clone()],
            ),
        ));
        qs.push((
            "tally province figures".into(),
            (super::tally::OPEN_AHEAD_SQL.to_string(), vec![d, soon]),
        ));
        let mut out = Vec::new();
        for (name, (sql, args)) in qs {
            let plan = self
                .conn()
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?
                .query_map(params_from_iter(&args), |r| r.get::<_, String>(3))?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .join(" | ");
            out.push((name, plan));
        }
        Ok(out)
    }
}

/// The share of a typed name's words that a unit's folded name has, a word or the
/// initials of two ("ql" for "quản lý"): "Ban QL dự án" is closest to "Ban Quản lý dự
/// án đầu tư xây dựng tỉnh", whatever the letters' likeness says.
fn words_shared(typed: &str, name: &str) -> f64 {
    let clean = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let typed = clean(typed);
    let words = clean(name);
    if typed.is_empty() {
        return 0.0;
    }
    let initials: Vec<String> = words
        .windows(2)
        .filter_map(|p| Some(format!("{}{}", p[0].chars().next()?, p[1].chars().next()?)))
        .collect();
    let found = typed
        .iter()
        .filter(|w| words.contains(w) || initials.contains(w))
        .count();
    found as f64 / typed.len() as f64
}
