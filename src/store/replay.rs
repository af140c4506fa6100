//! Taking in the changes other laptops made (sync, issue 15).
//!
//! Every copy applies every change it knows in one order, the order of their stamps
//! (a hybrid clock: a change is stamped after everything its laptop had seen), so
//! copies that know the same changes hold the same rows, whatever order the bundles
//! came in. Changes that arrive with stamps earlier than some already applied here
//! are put in their place: the later ones are undone (each change keeps what
//! applying it did, `effect`, whose inverse undoes it exactly), the new ones go in,
//! and all from there are applied again.
//!
//! Where a change finds a row not as its laptop left it, the later stamp wins and the
//! value it wrote over is kept as a conflict (conflicts.rs) for a person to look at:
//! the same on every laptop, since every laptop meets the same clash in the same
//! order. A change that cannot be applied at all (it names a row deleted before it
//! in the order, or breaks a rule) is left out whole and kept as a conflict too.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::capture::synced;
use super::conflicts::{Lost, already_in_place, clash_record, refused_records};
use super::session::{self, Action, Failure};
use super::{Store, replica};
use crate::error::{Error, Result};
use crate::i18n::{T, t};

/// One change as it travels: who made it, its place in that laptop's order, its
/// stamp, and the changeset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub origin: String,
    pub seq: i64,
    pub stamp: i64,
    pub changes: Vec<u8>,
}

/// What taking in a set of changes did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Changes applied for the first time.
    pub new: usize,
    /// Changes this copy already had.
    pub known: usize,
    /// Changes that cannot be placed yet: an earlier one of their laptop is missing.
    pub waiting: usize,
    /// Conflicts no one has decided yet, among all now recorded.
    pub conflicts: usize,
}

impl Store {
    /// Who this copy is: checked first against where the file is, so a copy that
    /// has not written yet still names itself as the new laptop it is.
    pub fn replica(&mut self) -> Result<replica::Replica> {
        if !self.settled && !self.read_only {
            self.write_local(|_| Ok(()))?;
        }
        replica::identity(&self.conn)?.ok_or_else(|| Error::User(t(T::ErrNoReplica).into()))
    }

    /// Every change this copy knows, in each origin's order: what a bundle carries.
    pub fn sync_entries(&self) -> Result<Vec<Entry>> {
        let mut st = self
            .conn
            .prepare("SELECT origin, seq, stamp, changes FROM sync_change ORDER BY origin, seq")?;
        let rows = st.query_map([], |r| {
            Ok(Entry {
                origin: r.get(0)?,
                seq: r.get(1)?,
                stamp: r.get(2)?,
                changes: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Takes in `entries` from a copy of `lineage`, sent by `sender` (replica id and
    /// name), in one transaction: all of it or, after an error, none.
    pub fn merge(
        &mut self,
        lineage: &str,
        sender: (&str, &str),
        entries: Vec<Entry>,
    ) -> Result<Merged> {
        let me = self.replica()?;
        if me.lineage != lineage {
            return Err(Error::User(t(T::ErrSyncOtherDatabase).into()));
        }
        let mut merged = self.write_local(|c| {
            let merged = take_in(c, entries)?;
            c.execute(
                "INSERT INTO sync_peer(replica, name, heard_at)
                 VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                 ON CONFLICT(replica) DO UPDATE SET name = excluded.name,
                     heard_at = excluded.heard_at",
                params![sender.0, sender.1],
            )?;
            Ok(merged)
        })?;
        merged.conflicts = self.sync_glance()?.1;
        Ok(merged)
    }
}

/// The order key of a change.
type Place = (i64, String, i64);

fn take_in(c: &Connection, mut entries: Vec<Entry>) -> Result<Merged> {
    let mut merged = Merged::default();
    entries.sort_by(|a, b| (&a.origin, a.seq).cmp(&(&b.origin, b.seq)));
    let mut next: HashMap<String, i64> = HashMap::new();
    let mut fresh = Vec::new();
    for e in entries {
        let expected = match next.get(&e.origin) {
            Some(n) => *n,
            None => {
                let last: Option<i64> = c
                    .query_row(
                        "SELECT max(seq) FROM sync_change WHERE origin = ?1",
                        [&e.origin],
                        |r| r.get(0),
                    )
                    .optional()?
                    .flatten();
                last.unwrap_or(0) + 1
            }
        };
        if e.seq < expected {
            merged.known += 1;
        } else if e.seq > expected {
            merged.waiting += 1;
        } else {
            next.insert(e.origin.clone(), expected + 1);
            fresh.push(e);
        }
    }
    let Some(first) = fresh
        .iter()
        .map(|e| (e.stamp, e.origin.clone(), e.seq))
        .min()
    else {
        return Ok(merged);
    };
    merged.new = fresh.len();
    undo_after(c, &first)?;
    for e in &fresh {
        c.execute(
            "INSERT INTO sync_change(origin, seq, stamp, changes) VALUES (?1, ?2, ?3, ?4)",
            params![e.origin, e.seq, e.stamp, e.changes],
        )?;
    }
    redo_from(c, &first)?;
    Ok(merged)
}

/// Undoes, latest first, every change placed after `first`, and forgets the
/// conflicts they met.
fn undo_after(c: &Connection, first: &Place) -> Result<()> {
    let later: Vec<(String, i64, Vec<u8>)> = c
        .prepare(
            "SELECT origin, seq, coalesce(effect, changes) FROM sync_change
             WHERE (stamp, origin, seq) > (?1, ?2, ?3)
             ORDER BY stamp DESC, origin DESC, seq DESC",
        )?
        .query_map(params![first.0, first.1, first.2], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (origin, seq, effect) in later {
        if !effect.is_empty() {
            let undo = session::invert(&effect)?;
            // What it did is exactly what is there, but for what the database's own
            // cascades have already undone (a record's items go with it).
            session::apply(c, &undo, synced, &mut |clash| {
                if already_in_place(clash) {
                    Action::Omit
                } else {
                    Action::Abort
                }
            })
            .map_err(|f| replay_error(&f))?;
        }
        c.execute(
            "DELETE FROM sync_conflict WHERE origin = ?1 AND seq = ?2",
            params![origin, seq],
        )?;
    }
    Ok(())
}

/// Applies, in order, every change from `first` on, recording what each did.
fn redo_from(c: &Connection, first: &Place) -> Result<()> {
    let columns = column_names(c)?;
    let todo: Vec<(String, i64, Vec<u8>)> = c
        .prepare(
            "SELECT origin, seq, changes FROM sync_change
             WHERE (stamp, origin, seq) >= (?1, ?2, ?3)
             ORDER BY stamp, origin, seq",
        )?
        .query_map(params![first.0, first.1, first.2], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (origin, seq, changes) in todo {
        let recorder = session::Recorder::start(c, synced)?;
        let mut lost: Vec<Lost> = Vec::new();
        let applied = session::apply(c, &changes, synced, &mut |clash| {
            let (action, records) = clash_record(clash, &columns);
            lost.extend(records);
            action
        });
        let effect = match applied {
            Ok(()) => recorder.changeset()?,
            // Refused whole: SQLite has rolled back what it had applied of it.
            Err(Failure::ForeignKey) => {
                lost = refused_records(&changes, &columns)?;
                Vec::new()
            }
            Err(f) => return Err(replay_error(&f)),
        };
        drop(recorder);
        c.execute(
            "UPDATE sync_change SET effect = CASE WHEN ?3 = changes THEN NULL ELSE ?3 END
             WHERE origin = ?1 AND seq = ?2",
            params![origin, seq, effect],
        )?;
        for l in lost {
            c.execute(
                "INSERT OR REPLACE INTO sync_conflict(origin, seq, tbl, row_key, col, kind, lost, won)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![origin, seq, l.table, l.row_key, l.column, l.kind, l.lost, l.won],
            )?;
        }
    }
    Ok(())
}

/// Each travelling table's column names, in order: what a conflict names.
fn column_names(c: &Connection) -> Result<HashMap<String, Vec<String>>> {
    let mut out = HashMap::new();
    for table in super::capture::SYNCED {
        let names: Vec<String> = c
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
            ))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        out.insert((*table).to_string(), names);
    }
    Ok(out)
}

/// Why a bundle could not be taken in, in one line. A changeset SQLite cannot read
/// is the bundle's damage, never the database's: the database is left as it was.
fn replay_error(f: &Failure) -> Error {
    let why = match f {
        Failure::Sqlite(rc) if (*rc & 0xff) == rusqlite::ffi::SQLITE_CORRUPT => {
            return Error::User(t(T::ErrBundleDamaged).into());
        }
        Failure::Sqlite(rc) => format!("SQLite {rc}"),
        Failure::ForeignKey => "foreign key".to_string(),
        Failure::Read(e) => e.clone(),
        Failure::Handler => "handler".to_string(),
    };
    Error::User(format!("{}: {why}", t(T::ErrSyncApply)))
}
