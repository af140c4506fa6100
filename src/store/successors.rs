//! What became of a unit (its successors, many to many) and the other names a unit is
//! written by (aliases).

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::{Store, opt_date};
use crate::domain::text::nfc;
use crate::error::Result;
use crate::model::{Abolished, AliasRec, Ctx, TaskRow};

impl Store {
    /// The units that took over a unit's work, with their names, in name order.
    pub fn successors_of(&self, unit_id: i64) -> Result<Vec<(i64, String)>> {
        self.linked(
            "SELECT u.id, u.name FROM unit_successor s JOIN unit u ON u.id = s.successor_id
             WHERE s.unit_id = ?1 ORDER BY u.sort_key",
            unit_id,
        )
    }

    /// The units whose work a unit took over.
    pub fn predecessors_of(&self, unit_id: i64) -> Result<Vec<(i64, String)>> {
        self.linked(
            "SELECT u.id, u.name FROM unit_successor s JOIN unit u ON u.id = s.unit_id
             WHERE s.successor_id = ?1 ORDER BY u.sort_key",
            unit_id,
        )
    }

    fn linked(&self, sql: &str, unit_id: i64) -> Result<Vec<(i64, String)>> {
        Ok(self
            .conn()
            .prepare_cached(sql)?
            .query_map([unit_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Of the units `ids` (every unit when `None`), those abolished before the as-of
    /// date, each with the day it ceased and its successors' names: one question for
    /// a page of rows, or for a whole report (units, never tasks, so a few hundred).
    pub fn abolished_of(&self, ctx: &Ctx, ids: Option<&[i64]>) -> Result<HashMap<i64, Abolished>> {
        let only = match ids {
            Some([]) => return Ok(HashMap::new()),
            // Integers read from the database, never typed text.
            Some(ids) => format!(
                " AND u.id IN ({})",
                ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
            ),
            None => String::new(),
        };
        let sql = format!(
            "SELECT u.id, u.valid_to, n.name FROM unit u
             LEFT JOIN unit_successor s ON s.unit_id = u.id
             LEFT JOIN unit n ON n.id = s.successor_id
             WHERE u.valid_to IS NOT NULL AND u.valid_to < ?1{only}
             ORDER BY u.id, n.sort_key, n.id"
        );
        let mut out: HashMap<i64, Abolished> = HashMap::new();
        let mut stmt = self.conn().prepare(&sql)?;
        let mut rows = stmt.query([ctx.d()])?;
        while let Some(r) = rows.next()? {
            let Some(last) = opt_date(r.get(1)?) else {
                continue;
            };
            let a = out.entry(r.get(0)?).or_insert_with(|| Abolished {
                on: last.succ_opt().unwrap_or(last),
                successors: Vec::new(),
            });
            if let Some(name) = r.get::<_, Option<String>>(2)? {
                a.successors.push(name);
            }
        }
        Ok(out)
    }

    /// Marks the rows whose lead unit was abolished before the as-of date, in one
    /// question for the page.
    pub(crate) fn mark_abolished(&self, ctx: &Ctx, rows: &mut [TaskRow]) -> Result<()> {
        let mut ids: Vec<i64> = rows.iter().map(|r| r.unit_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let gone = self.abolished_of(ctx, Some(&ids))?;
        for r in rows {
            r.abolished = gone.get(&r.unit_id).cloned();
        }
        Ok(())
    }

    /// Every (unit, successor) pair.
    pub fn all_successors(&self) -> Result<Vec<(i64, i64)>> {
        Ok(self
            .conn()
            .prepare("SELECT unit_id, successor_id FROM unit_successor")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Every alias, the bundled ones first.
    pub fn aliases(&self) -> Result<Vec<AliasRec>> {
        Ok(self
            .conn()
            .prepare(
                "SELECT alias_key, alias, unit_id, origin = 'user' FROM unit_alias
                 ORDER BY origin, alias_key",
            )?
            .query_map([], |r| {
                Ok(AliasRec {
                    key: r.get(0)?,
                    alias: r.get(1)?,
                    unit_id: r.get(2)?,
                    by_user: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}

pub(super) fn add_successor(c: &Connection, unit_id: i64, successor_id: i64) -> Result<()> {
    c.prepare_cached(
        "INSERT OR IGNORE INTO unit_successor(unit_id, successor_id) VALUES (?1, ?2)",
    )?
    .execute(params![unit_id, successor_id])?;
    Ok(())
}

/// A user's alias replaces any other of the same key; a bundled one never replaces the
/// user's.
pub(super) fn put_alias(c: &Connection, a: &AliasRec) -> Result<()> {
    let origin = if a.by_user { "user" } else { "catalogue" };
    c.prepare_cached(
        "INSERT INTO unit_alias(alias_key, alias, unit_id, origin) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(alias_key) DO UPDATE SET alias = excluded.alias,
             unit_id = excluded.unit_id, origin = excluded.origin
         WHERE excluded.origin = 'user' OR unit_alias.origin = 'catalogue'",
    )?
    .execute(params![a.key, nfc(a.alias.trim()), a.unit_id, origin])?;
    Ok(())
}

/// The sub-office a task's lead unit cell named; the same value again writes nothing.
pub(super) fn set_task_office(c: &Connection, task_id: i64, office: Option<&str>) -> Result<()> {
    c.prepare_cached("UPDATE task SET office = ?2 WHERE id = ?1 AND office IS NOT ?2")?
        .execute(params![task_id, office.map(|o| nfc(o.trim()))])?;
    Ok(())
}

impl Store {
    /// The sub-office recorded with a task, if any.
    pub fn task_office(&self, task_id: i64) -> Result<Option<String>> {
        Ok(self
            .conn()
            .prepare_cached("SELECT office FROM task WHERE id = ?1")?
            .query_row([task_id], |r| r.get(0))?)
    }
}
