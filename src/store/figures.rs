//! The figures of a page of units, asked in four grouped questions for the whole page
//! rather than four per unit: targets by class, tasks by status, the last inspection
//! and how its directives stand.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use super::{Store, opt_date};
use crate::domain::scorecard::{Scorecard, TargetCounts, TaskCounts};
use crate::domain::target::{Direction, Plan, assess};
use crate::domain::unit::UnitKind;
use crate::error::Result;
use crate::model::{Ctx, DirectiveCounts, UnitRow};

/// A unit as listed, before its figures are added.
pub(crate) struct UnitHead {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub code: Option<String>,
}

/// `1,2,3` for `IN (…)`: ids are integers read from the database, never typed text.
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

impl Store {
    /// Adds each unit's figures as of the date, in one read transaction.
    pub(crate) fn with_figures(&self, ctx: &Ctx, heads: Vec<UnitHead>) -> Result<Vec<UnitRow>> {
        if heads.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = heads.iter().map(|h| h.id).collect();
        let (targets, tasks, visits, directives, namesakes, mut gone) = self.reading(|| {
            Ok((
                self.target_counts_of(ctx, &ids)?,
                self.task_counts_of(ctx, &ids)?,
                self.last_visits_of(ctx, &ids)?,
                self.directive_counts_of(ctx, &ids)?,
                self.namesakes_of(ctx, &ids)?,
                self.abolished_of(ctx, Some(&ids))?,
            ))
        })?;
        Ok(heads
            .into_iter()
            .map(|h| UnitRow {
                card: Scorecard {
                    targets: targets.get(&h.id).copied().unwrap_or_default(),
                    tasks: tasks.get(&h.id).copied().unwrap_or_default(),
                },
                last_inspection: visits.get(&h.id).copied(),
                directives: directives.get(&h.id).copied().unwrap_or_default(),
                namesake: namesakes.get(&h.id).cloned(),
                abolished: gone.remove(&h.id),
                kind: UnitKind::from_code(&h.kind).unwrap_or(UnitKind::Xa),
                id: h.id,
                name: h.name,
                code: h.code,
            })
            .collect())
    }

    /// The units that share their name with another unit valid on the date (three
    /// communes Hoàng Văn Thụ before 2025), each with its parent's name when that is
    /// not the province: what tells them apart. The province is never in a list, so
    /// the city of its name needs no mark.
    pub(super) fn namesakes_of(
        &self,
        ctx: &Ctx,
        ids: &[i64],
    ) -> Result<HashMap<i64, Option<String>>> {
        let sql = format!(
            "SELECT u.id, (SELECT p.name FROM unit p WHERE p.id = u.parent_id AND p.kind <> 'tinh')
             FROM unit u WHERE u.id IN ({}) AND EXISTS (
                 SELECT 1 FROM unit o WHERE o.name_key = u.name_key AND o.id <> u.id AND o.kind <> 'tinh'
                 AND (o.valid_from IS NULL OR o.valid_from <= ?1)
                 AND (o.valid_to IS NULL OR o.valid_to >= ?1))",
            id_list(ids)
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(params![ctx.d()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Targets of the as-of year by class, judged on the latest reading by the date.
    fn target_counts_of(&self, ctx: &Ctx, ids: &[i64]) -> Result<HashMap<i64, TargetCounts>> {
        let sql = format!(
            "SELECT t.unit_id, t.plan_low, t.plan_high, t.direction,
                    (SELECT value FROM reading WHERE target_id = t.id AND on_date <= ?1
                     ORDER BY on_date DESC LIMIT 1)
             FROM target t WHERE t.unit_id IN ({}) AND t.year = ?2",
            id_list(ids)
        );
        let mut out: HashMap<i64, TargetCounts> = HashMap::new();
        let mut stmt = self.conn().prepare(&sql)?;
        let mut rows = stmt.query(params![ctx.d(), ctx.as_of.year()])?;
        while let Some(r) = rows.next()? {
            let plan = match r.get::<_, Option<f64>>(2)? {
                Some(high) => Plan::Range(r.get(1)?, high),
                None => Plan::Value(r.get(1)?),
            };
            let dir = Direction::from_code(&r.get::<_, String>(3)?).unwrap_or(Direction::Higher);
            let class = assess(plan, dir, r.get(4)?).class;
            out.entry(r.get(0)?).or_default().add(class);
        }
        Ok(out)
    }

    /// Tasks by status: from the units' tallies where they hold as of the date
    /// (`tally.rs`), counted task by task for the others.
    pub(crate) fn task_counts_of(
        &self,
        ctx: &Ctx,
        ids: &[i64],
    ) -> Result<HashMap<i64, TaskCounts>> {
        let tallies = self.tallies_of(&id_list(ids))?;
        let mut out = self.counts_from_tallies(ctx, &tallies)?;
        let rest: Vec<i64> = ids
            .iter()
            .copied()
            .filter(|id| !out.contains_key(id) && tallies.contains_key(id))
            .collect();
        if !rest.is_empty() {
            out.extend(self.task_counts_exact(ctx, &rest)?);
        }
        Ok(out)
    }

    /// Tasks by status, counted in SQL over the `task_unit` index. Mirrors
    /// `domain::task::status`; a test holds the two to the same answers.
    pub(crate) fn task_counts_exact(
        &self,
        ctx: &Ctx,
        ids: &[i64],
    ) -> Result<HashMap<i64, TaskCounts>> {
        let sql = format!(
            "SELECT unit_id,
               count(*) FILTER (WHERE c IS NOT NULL AND (deadline IS NULL OR c <= deadline)),
               count(*) FILTER (WHERE c IS NOT NULL AND c > deadline),
               count(*) FILTER (WHERE c IS NULL AND deadline < ?1),
               count(*) FILTER (WHERE c IS NULL AND deadline >= ?1 AND deadline <= ?2),
               count(*) FILTER (WHERE c IS NULL AND deadline > ?2),
               count(*) FILTER (WHERE c IS NULL AND deadline IS NULL)
             FROM (SELECT unit_id, deadline, CASE WHEN completed_on <= ?1 THEN completed_on END AS c
                   FROM task WHERE unit_id IN ({}) AND (assigned_on IS NULL OR assigned_on <= ?1)
                     AND cancelled = 0)
             GROUP BY unit_id",
            id_list(ids)
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(params![ctx.d(), ctx.soon_limit()], |r| {
            Ok((
                r.get(0)?,
                TaskCounts {
                    done_on_time: r.get(1)?,
                    done_late: r.get(2)?,
                    overdue: r.get(3)?,
                    due_soon: r.get(4)?,
                    in_time: r.get(5)?,
                    no_deadline: r.get(6)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn last_visits_of(&self, ctx: &Ctx, ids: &[i64]) -> Result<HashMap<i64, NaiveDate>> {
        let sql = format!(
            "SELECT unit_id, max(held_on) FROM inspection
             WHERE unit_id IN ({}) AND held_on <= ?1 AND deleted_at IS NULL GROUP BY unit_id",
            id_list(ids)
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map([ctx.d()], |r| {
            Ok((r.get::<_, i64>(0)?, opt_date(r.get(1)?)))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            if let (id, Some(d)) = row? {
                out.insert(id, d);
            }
        }
        Ok(out)
    }

    /// How the directives given to each unit at its inspections stand as of the date.
    fn directive_counts_of(&self, ctx: &Ctx, ids: &[i64]) -> Result<HashMap<i64, DirectiveCounts>> {
        let sql = format!(
            "SELECT unit_id,
                    count(*) FILTER (WHERE c IS NOT NULL),
                    count(*) FILTER (WHERE c IS NULL AND (deadline IS NULL OR deadline >= ?1)),
                    count(*) FILTER (WHERE c IS NULL AND deadline < ?1)
             FROM (SELECT i.unit_id, t.deadline,
                          CASE WHEN t.completed_on <= ?1 THEN t.completed_on END AS c
                   FROM inspection i
                   JOIN conclusion_item ci ON ci.inspection_id = i.id
                   JOIN task t ON t.id = ci.task_id
                   WHERE i.unit_id IN ({}) AND i.held_on <= ?1 AND i.deleted_at IS NULL
                     AND t.cancelled = 0)
             GROUP BY unit_id",
            id_list(ids)
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map([ctx.d()], |r| {
            Ok((
                r.get(0)?,
                DirectiveCounts {
                    done: r.get(1)?,
                    open: r.get(2)?,
                    overdue: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
