//! The conflicts as a person sees them, and what a person decides (sync, issue 15).
//!
//! A conflict is the same on every laptop (replay.rs), so its id is too: a hash of
//! the change that wrote over a value and of the field. A decision is a row of
//! `sync_decision`, which travels like the record: once one laptop has decided,
//! every laptop that hears of it stops listing the conflict. Choosing the value
//! written over writes it again, in the same change as the decision.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::Store;
use crate::error::{Error, Result};
use crate::i18n::{T, t};

/// A value written over or a change left out, as listed for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    /// Short, the same on every laptop: what `tct sync resolve` is given.
    pub id: String,
    pub table: String,
    pub row_key: String,
    pub column: String,
    /// `overwritten`, `deleted`, `edit_lost` or `refused`.
    pub kind: String,
    /// JSON.
    pub lost: Option<String>,
    pub won: Option<String>,
    /// What the row is to a person: a task's title, a directive's text, a target's
    /// name; empty when the row is gone and said nothing.
    pub about: String,
    /// The laptop whose change won, and when it was made (UTC, to the second).
    pub by: String,
    pub at: String,
    /// `kept` or `restored` once someone decided, and who.
    pub decided: Option<(String, String)>,
    /// The conflicts decided with this one, not listed on their own: the search keys
    /// derived from the field (a title's folded form), and the same value written
    /// over by the same change elsewhere (a directive's text and its task's title).
    pub with: Vec<ConflictRow>,
}

/// A column that is worked out from another of its row (`title_key` from `title`).
fn derived(column: &str) -> bool {
    column.ends_with("_key")
}

/// A column no person typed: when a record was last saved. Two laptops saving one
/// record write it both, which is no conflict to show; the rest of what they wrote is.
fn bookkeeping(table: &str, column: &str) -> bool {
    table == "inspection" && column == "saved_at"
}

/// One conflict a person decides, out of the rows kept: derived keys and the same
/// values written over by one change go with the first of them.
fn grouped(rows: Vec<(String, i64, ConflictRow)>) -> Vec<ConflictRow> {
    let mut out: Vec<(String, i64, ConflictRow)> = Vec::new();
    let (keys, fields): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .filter(|(_, _, r)| !bookkeeping(&r.table, &r.column))
        .partition(|(_, _, r)| derived(&r.column));
    for (origin, seq, row) in fields {
        let same = out.iter_mut().find(|(o, q, first)| {
            *o == origin
                && *q == seq
                && row.kind == "overwritten"
                && first.kind == "overwritten"
                && first.lost == row.lost
                && first.won == row.won
        });
        match same {
            Some((_, _, first)) => first.with.push(row),
            None => out.push((origin, seq, row)),
        }
    }
    for (origin, seq, key) in keys {
        let field = out.iter_mut().find_map(|(o, q, first)| {
            (*o == origin && *q == seq).then_some(first).and_then(|f| {
                if f.table == key.table && f.row_key == key.row_key {
                    Some(f)
                } else {
                    f.with
                        .iter()
                        .any(|w| w.table == key.table && w.row_key == key.row_key)
                        .then_some(f)
                }
            })
        });
        match field {
            Some(f) => f.with.push(key),
            None => out.push((origin, seq, key)),
        }
    }
    out.into_iter().map(|(_, _, r)| r).collect()
}

/// Where this copy stands with the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncStatus {
    pub me: super::Replica,
    /// Changes made here.
    pub own: usize,
    /// Each laptop heard from: its name, when its last bundle was taken in, and how
    /// many of its changes this copy holds.
    pub peers: Vec<(String, Option<String>, usize)>,
    /// Conflicts no one has decided yet.
    pub conflicts: usize,
}

/// What a person decides about a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The value now stays.
    Keep,
    /// The value written over comes back (only for a field written over).
    Restore,
}

fn conflict_id(origin: &str, seq: i64, table: &str, row_key: &str, column: &str) -> String {
    let digest = Sha256::digest(format!("{origin}|{seq}|{table}|{row_key}|{column}"));
    digest[..5].iter().map(|b| format!("{b:02x}")).collect()
}

/// The key columns of a travelling table, in key order.
fn key_columns(c: &Connection, table: &str) -> Result<Vec<String>> {
    let cols: Vec<String> = c
        .prepare("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")?
        .query_map([table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(cols)
}

fn sql_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(i64::from(*b)),
        serde_json::Value::Number(n) => n
            .as_i64()
            .map_or_else(|| Value::Real(n.as_f64().unwrap_or(0.0)), Value::Integer),
        serde_json::Value::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// What a row is to a person, from the row if it is still there.
fn about(c: &Connection, table: &str, key: &[Value]) -> Result<String> {
    let sql = match table {
        // A task deleted since is named from what its delete kept.
        "task" | "deleted_task" => {
            "SELECT title FROM task WHERE id = ?1
             UNION ALL SELECT title FROM deleted_task WHERE id = ?1 LIMIT 1"
        }
        "conclusion_item" => "SELECT text FROM conclusion_item WHERE id = ?1",
        "extension" => {
            "SELECT t.title FROM extension e JOIN task t ON t.id = e.task_id WHERE e.id = ?1"
        }
        "target" => "SELECT name FROM target WHERE id = ?1",
        "reading" => "SELECT name FROM target WHERE id = ?1",
        "inspection" => {
            "SELECT u.name || ' ' || i.held_on FROM inspection i JOIN unit u ON u.id = i.unit_id
             WHERE i.id = ?1"
        }
        "unit" => "SELECT name FROM unit WHERE id = ?1",
        "setting" => "SELECT key FROM setting WHERE key = ?1",
        _ => return Ok(String::new()),
    };
    let Some(first) = key.first() else {
        return Ok(String::new());
    };
    Ok(c.query_row(sql, [first], |r| r.get::<_, String>(0))
        .optional()?
        .unwrap_or_default())
}

fn key_values(row_key: &str) -> Vec<Value> {
    serde_json::from_str::<Vec<serde_json::Value>>(row_key)
        .unwrap_or_default()
        .iter()
        .map(sql_value)
        .collect()
}

/// Writes back the value a conflict's change wrote over.
fn restore(c: &Connection, row: &ConflictRow) -> Result<()> {
    let refuse = || Error::User(format!("#{}: {}", row.id, t(T::ErrConflictNoRestore)));
    let keys = key_columns(c, &row.table)?;
    let known: Vec<String> = c
        .prepare("SELECT name FROM pragma_table_info(?1)")?
        .query_map([&row.table], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // Names from the schema only, never from a bundle's text.
    if !known.contains(&row.column) || keys.is_empty() {
        return Err(refuse());
    }
    let lost: serde_json::Value = row
        .lost
        .as_deref()
        .and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or(serde_json::Value::Null);
    let mut values = vec![sql_value(&lost)];
    values.extend(key_values(&row.row_key));
    let cond: Vec<String> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| format!("\"{k}\" = ?{}", i + 2))
        .collect();
    let n = c.execute(
        &format!(
            "UPDATE \"{}\" SET \"{}\" = ?1 WHERE {}",
            row.table,
            row.column,
            cond.join(" AND ")
        ),
        rusqlite::params_from_iter(values.iter()),
    )?;
    if n == 1 { Ok(()) } else { Err(refuse()) }
}

impl Store {
    /// The conflicts, latest first; decided ones only when `all`.
    pub fn sync_conflicts(&self, all: bool) -> Result<Vec<ConflictRow>> {
        self.conflict_list(all, true)
    }

    /// The conflicts; what each row is to a person (a query a row) only when asked,
    /// so the title's count after each write costs no more than it must.
    fn conflict_list(&self, all: bool, about_rows: bool) -> Result<Vec<ConflictRow>> {
        let c = &self.conn;
        let mut st = c.prepare(
            "SELECT k.origin, k.seq, k.tbl, k.row_key, k.col, k.kind, k.lost, k.won,
                    coalesce(p.name, CASE WHEN k.origin = s.replica THEN s.name END, k.origin),
                    strftime('%Y-%m-%d %H:%M:%S', c.stamp / 1000000, 'unixepoch')
             FROM sync_conflict k
             JOIN sync_change c ON c.origin = k.origin AND c.seq = k.seq
             JOIN sync_self s
             LEFT JOIN sync_peer p ON p.replica = k.origin
             ORDER BY c.stamp DESC, k.tbl, k.row_key, k.col",
        )?;
        let rows: Vec<(String, i64, ConflictRow)> = st
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    ConflictRow {
                        id: String::new(),
                        table: r.get(2)?,
                        row_key: r.get(3)?,
                        column: r.get(4)?,
                        kind: r.get(5)?,
                        lost: r.get(6)?,
                        won: r.get(7)?,
                        about: String::new(),
                        by: r.get(8)?,
                        at: r.get(9)?,
                        decided: None,
                        with: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut ided = Vec::new();
        for (origin, seq, mut row) in rows {
            row.id = conflict_id(&origin, seq, &row.table, &row.row_key, &row.column);
            ided.push((origin, seq, row));
        }
        let mut out = Vec::new();
        for mut row in grouped(ided) {
            row.decided = c
                .query_row(
                    "SELECT chosen, decided_by FROM sync_decision WHERE conflict = ?1",
                    [&row.id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            if row.decided.is_some() && !all {
                continue;
            }
            if about_rows {
                row.about = about(c, &row.table, &key_values(&row.row_key))?;
            }
            out.push(row);
        }
        Ok(out)
    }

    /// Decides a conflict by its id: one change, which travels to the others.
    pub fn decide_conflict(&mut self, id: &str, decision: Decision) -> Result<ConflictRow> {
        let id = id.trim().trim_start_matches('#').to_ascii_lowercase();
        let Some(row) = self.sync_conflicts(true)?.into_iter().find(|r| r.id == id) else {
            return Err(Error::User(format!("{}: «{id}»", t(T::ErrNoConflict))));
        };
        if row.decided.is_some() {
            return Err(Error::User(format!("#{id}: {}", t(T::ErrConflictDecided))));
        }
        if decision == Decision::Restore && (row.kind != "overwritten" || row.column.is_empty()) {
            return Err(Error::User(format!(
                "#{id}: {}",
                t(T::ErrConflictNoRestore)
            )));
        }
        let name = self.replica()?.name;
        let members: Vec<ConflictRow> = std::iter::once(row.clone())
            .chain(row.with.iter().cloned())
            .collect();
        self.write_sql(|c| {
            for m in &members {
                if decision == Decision::Restore {
                    restore(c, m)?;
                }
                c.execute(
                    "INSERT OR IGNORE INTO sync_decision(conflict, chosen, decided_at, decided_by)
                     VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?3)",
                    params![
                        m.id,
                        match decision {
                            Decision::Keep => "kept",
                            Decision::Restore => "restored",
                        },
                        name
                    ],
                )?;
            }
            Ok(())
        })?;
        Ok(row)
    }

    /// What the app's title says of the exchange, read without writing: when a
    /// bundle from another laptop was last taken in (UTC, as `heard_at` keeps it),
    /// and how many conflicts wait for a person.
    pub fn sync_glance(&self) -> Result<(Option<String>, usize)> {
        let last: Option<String> = self.conn.query_row(
            "SELECT max(p.heard_at) FROM sync_peer p
             WHERE p.replica <> (SELECT replica FROM sync_self WHERE id = 1)",
            [],
            |r| r.get(0),
        )?;
        Ok((last, self.conflict_list(false, false)?.len()))
    }

    /// Who this copy is, what it made, whom it heard from, what waits for a person.
    pub fn sync_status(&mut self) -> Result<SyncStatus> {
        let me = self.replica()?;
        let c = &self.conn;
        let own: i64 = c.query_row(
            "SELECT count(*) FROM sync_change WHERE origin = ?1",
            [&me.id],
            |r| r.get(0),
        )?;
        let peers = c
            .prepare(
                "SELECT p.name, p.heard_at,
                        (SELECT count(*) FROM sync_change c WHERE c.origin = p.replica)
                 FROM sync_peer p WHERE p.replica <> ?1 ORDER BY p.heard_at DESC, p.name",
            )?
            .query_map([&me.id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as usize))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let conflicts = self.conflict_list(false, false)?.len();
        Ok(SyncStatus {
            me,
            own: own as usize,
            peers,
            conflicts,
        })
    }
}
