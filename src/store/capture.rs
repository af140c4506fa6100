//! Every write this copy makes, kept as the changes it made (sync, issue 15): SQLite's
//! session extension records the rows a transaction inserts, updates and deletes in
//! the tables that travel between laptops, and the changeset is stored with the
//! transaction itself, numbered in this copy's order. A bundle for another laptop is
//! made of these; nothing compares rows by hand.
//!
//! Not recorded: what each laptop derives for itself (the per-unit tallies and the
//! import's memory of a task, both kept by triggers, which run again where a change
//! is applied), the drafts of forms being typed, and the sync tables themselves but
//! for a person's decisions on conflicts.

use rusqlite::Connection;

use super::session::Recorder;

use crate::error::Result;

/// The tables whose rows travel between laptops.
pub const SYNCED: &[&str] = &[
    "unit",
    "unit_successor",
    "unit_alias",
    "target",
    "reading",
    "task",
    "extension",
    "inspection",
    "conclusion_item",
    "deleted_task",
    "deleted_extension",
    "deleted_task_imported",
    "setting",
    "sync_decision",
];

/// Whether a table's rows travel.
pub(super) fn synced(table: &str) -> bool {
    SYNCED.contains(&table)
}

/// Runs `f`, a write inside an open transaction on `c`, and stores what it changed in
/// the travelling tables as this copy's next change, in the same transaction.
pub(super) fn recorded<R>(c: &Connection, f: impl FnOnce() -> Result<R>) -> Result<R> {
    let recorder = Recorder::start(c, synced)?;
    let out = f()?;
    if recorder.is_empty() {
        return Ok(out);
    }
    let changes = recorder.changeset()?;
    drop(recorder);
    if !changes.is_empty() {
        c.prepare_cached(
            "INSERT INTO sync_change(origin, seq, stamp, changes)
             SELECT s.replica,
                    coalesce((SELECT max(seq) FROM sync_change WHERE origin = s.replica), 0) + 1,
                    max(?2, coalesce((SELECT max(stamp) FROM sync_change), 0) + 1),
                    ?1
             FROM sync_self s",
        )?
        .execute(rusqlite::params![changes, now_micros()])?;
    }
    Ok(out)
}

/// The wall clock, in microseconds since 1970. A change's stamp is this or one past
/// the latest stamp known, whichever is later (a hybrid clock): a change is always
/// ordered after every change its laptop had seen when it was made.
pub(super) fn now_micros() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as i64)
}
