//! SQLite's session extension, made safe to call: a recorder of a connection's
//! changes, the rows of a changeset, and applying one with a conflict handler.
//!
//! The bundled SQLite is built with the extension (`.cargo/config.toml`), and the
//! bundled bindings declare its functions; rusqlite's own wrapper is behind a feature
//! that runs bindgen at every build, which needs libclang on the machine. The part
//! used here is small: each `unsafe` block below calls one function with pointers
//! owned by the value at hand.

use std::ffi::{CStr, c_char, c_int, c_void};
use std::marker::PhantomData;
use std::ptr::null_mut;

use rusqlite::Connection;
use rusqlite::ffi;
use rusqlite::types::Value;

use crate::error::Result;

/// Which tables a recorder records and an apply writes.
pub(super) type TableFilter = fn(&str) -> bool;

fn check(rc: c_int) -> Result<()> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rusqlite::Error::SqliteFailure(ffi::Error::new(rc), None).into())
    }
}

/// The tables' filter, called by SQLite with the pointer the recorder or the apply
/// gave it.
unsafe extern "C" fn call_filter(ctx: *mut c_void, table: *const c_char) -> c_int {
    // SAFETY: `ctx` is the `TableFilter` the caller keeps alive for the call, and
    // SQLite passes a table name as a C string.
    let (filter, name) = unsafe { (*(ctx as *const TableFilter), CStr::from_ptr(table)) };
    c_int::from(name.to_str().is_ok_and(filter))
}

/// Records the changes made on a connection to the tables its filter names, from its
/// start until it is dropped.
pub(super) struct Recorder<'c> {
    session: *mut ffi::sqlite3_session,
    /// Where SQLite's filter callback finds the filter: boxed, so it does not move.
    filter: Box<TableFilter>,
    _conn: PhantomData<&'c Connection>,
}

impl<'c> Recorder<'c> {
    pub fn start(c: &'c Connection, filter: TableFilter) -> Result<Recorder<'c>> {
        let mut session = null_mut();
        // SAFETY: the handle is open for as long as `c` is borrowed; "main" is a C
        // string; `session` receives a new session or stays null.
        check(unsafe { ffi::sqlite3session_create(c.handle(), c"main".as_ptr(), &mut session) })?;
        let recorder = Recorder {
            session,
            filter: Box::new(filter),
            _conn: PhantomData,
        };
        let ctx = &*recorder.filter as *const TableFilter as *mut c_void;
        // SAFETY: the session is live; `ctx` points into the box the recorder owns,
        // which outlives the session (deleted first, in `drop`).
        unsafe {
            ffi::sqlite3session_table_filter(recorder.session, Some(call_filter), ctx);
            check(ffi::sqlite3session_attach(
                recorder.session,
                std::ptr::null(),
            ))?;
        }
        Ok(recorder)
    }

    /// Nothing recorded yet.
    pub fn is_empty(&self) -> bool {
        // SAFETY: the session is live.
        unsafe { ffi::sqlite3session_isempty(self.session) != 0 }
    }

    /// What was recorded, as a changeset's bytes.
    pub fn changeset(&self) -> Result<Vec<u8>> {
        let mut n: c_int = 0;
        let mut p: *mut c_void = null_mut();
        // SAFETY: the session is live; SQLite hands back a buffer of `n` bytes that
        // is copied and then freed with its own allocator.
        unsafe {
            check(ffi::sqlite3session_changeset(self.session, &mut n, &mut p))?;
            let bytes = if p.is_null() || n <= 0 {
                Vec::new()
            } else {
                std::slice::from_raw_parts(p as *const u8, n as usize).to_vec()
            };
            ffi::sqlite3_free(p);
            Ok(bytes)
        }
    }
}

impl Drop for Recorder<'_> {
    fn drop(&mut self) {
        // SAFETY: deleted once, before its connection can close (the borrow).
        unsafe { ffi::sqlite3session_delete(self.session) }
    }
}

/// What a row of a changeset does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Insert,
    Update,
    Delete,
}

/// One row of a changeset, as an owned value: its table, what it does, and the
/// values before and after (`None`: a column an update did not change).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub table: String,
    pub op: Op,
    pub indirect: bool,
    pub old: Vec<Option<Value>>,
    pub new: Vec<Option<Value>>,
    /// Which columns are the primary key.
    pub pk: Vec<bool>,
}

/// Why SQLite could not apply a row as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// The row is there, but not with the values the change found where it was made.
    Data,
    /// The row to update or delete is not there.
    NotFound,
    /// A row with the inserted key is already there.
    Exists,
    /// A constraint other than the key refused it.
    Constraint,
}

/// What to do with a conflicting row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the receiver's row as it is.
    Omit,
    /// Write the change over it (not for `NotFound` or `Constraint`).
    Replace,
    /// Give up the whole apply.
    Abort,
}

/// A value of a changeset row; null pointer: the column is not in the row.
unsafe fn value(v: *mut ffi::sqlite3_value) -> Option<Value> {
    if v.is_null() {
        return None;
    }
    // SAFETY: `v` is a value SQLite handed out for the row being read.
    unsafe {
        Some(match ffi::sqlite3_value_type(v) {
            ffi::SQLITE_INTEGER => Value::Integer(ffi::sqlite3_value_int64(v)),
            ffi::SQLITE_FLOAT => Value::Real(ffi::sqlite3_value_double(v)),
            ffi::SQLITE_TEXT => {
                let p = ffi::sqlite3_value_text(v);
                let n = ffi::sqlite3_value_bytes(v) as usize;
                let bytes = if p.is_null() {
                    &[][..]
                } else {
                    std::slice::from_raw_parts(p, n)
                };
                Value::Text(String::from_utf8_lossy(bytes).into_owned())
            }
            ffi::SQLITE_BLOB => {
                let p = ffi::sqlite3_value_blob(v) as *const u8;
                let n = ffi::sqlite3_value_bytes(v) as usize;
                Value::Blob(if p.is_null() {
                    Vec::new()
                } else {
                    std::slice::from_raw_parts(p, n).to_vec()
                })
            }
            _ => Value::Null,
        })
    }
}

/// The row an iterator stands on.
unsafe fn change_at(it: *mut ffi::sqlite3_changeset_iter) -> Result<Change> {
    let mut table: *const c_char = std::ptr::null();
    let mut ncol: c_int = 0;
    let mut op: c_int = 0;
    let mut indirect: c_int = 0;
    // SAFETY: `it` stands on a row; SQLite fills the out-parameters with pointers
    // valid until the iterator moves, which they are copied before.
    unsafe {
        check(ffi::sqlite3changeset_op(
            it,
            &mut table,
            &mut ncol,
            &mut op,
            &mut indirect,
        ))?;
        let mut pk_flags: *mut u8 = null_mut();
        let mut pk_n: c_int = 0;
        check(ffi::sqlite3changeset_pk(it, &mut pk_flags, &mut pk_n))?;
        let pk = (0..pk_n as usize).map(|i| *pk_flags.add(i) != 0).collect();
        let op = match op {
            ffi::SQLITE_INSERT => Op::Insert,
            ffi::SQLITE_UPDATE => Op::Update,
            _ => Op::Delete,
        };
        let mut old = Vec::new();
        let mut new = Vec::new();
        for i in 0..ncol {
            let mut v = null_mut();
            if op != Op::Insert {
                check(ffi::sqlite3changeset_old(it, i, &mut v))?;
                old.push(value(v));
            }
            let mut v = null_mut();
            if op != Op::Delete {
                check(ffi::sqlite3changeset_new(it, i, &mut v))?;
                new.push(value(v));
            }
        }
        Ok(Change {
            table: CStr::from_ptr(table).to_string_lossy().into_owned(),
            op,
            indirect: indirect != 0,
            old,
            new,
            pk,
        })
    }
}

/// Every row of a changeset, in its order.
pub fn changes(bytes: &[u8]) -> Result<Vec<Change>> {
    let mut it = null_mut();
    let mut out = Vec::new();
    // SAFETY: the iterator reads `bytes`, borrowed for this call, and is finalized
    // before it returns.
    unsafe {
        check(ffi::sqlite3changeset_start(
            &mut it,
            bytes.len() as c_int,
            bytes.as_ptr() as *mut c_void,
        ))?;
        let mut rc;
        loop {
            rc = ffi::sqlite3changeset_next(it);
            if rc != ffi::SQLITE_ROW {
                break;
            }
            match change_at(it) {
                Ok(c) => out.push(c),
                Err(e) => {
                    ffi::sqlite3changeset_finalize(it);
                    return Err(e);
                }
            }
        }
        let end = ffi::sqlite3changeset_finalize(it);
        check(if rc == ffi::SQLITE_DONE { end } else { rc })?;
    }
    Ok(out)
}

/// A conflicting row as the handler sees it: the change, and for `Data` and
/// `Exists` the receiver's row as it is.
pub struct Clash {
    pub kind: Conflict,
    pub change: Change,
    pub current: Vec<Value>,
}

type Handler<'h> = &'h mut dyn FnMut(&Clash) -> Action;

struct ApplyCtx<'h> {
    filter: TableFilter,
    handler: Handler<'h>,
    /// Why the apply was aborted from inside: a row breaking a foreign key, a row
    /// that could not be read, a panic in the handler.
    failed: Option<Failure>,
}

unsafe extern "C" fn call_apply_filter(ctx: *mut c_void, table: *const c_char) -> c_int {
    // SAFETY: `ctx` is the `ApplyCtx` that `apply` keeps alive for the call.
    let (ctx, name) = unsafe { (&*(ctx as *const ApplyCtx), CStr::from_ptr(table)) };
    c_int::from(name.to_str().is_ok_and(ctx.filter))
}

unsafe extern "C" fn call_conflict(
    ctx: *mut c_void,
    kind: c_int,
    it: *mut ffi::sqlite3_changeset_iter,
) -> c_int {
    // SAFETY: `ctx` is the `ApplyCtx` that `apply` keeps alive and does not touch
    // while SQLite runs; `it` stands on the conflicting row.
    let ctx = unsafe { &mut *(ctx as *mut ApplyCtx) };
    let kind = match kind {
        ffi::SQLITE_CHANGESET_DATA => Conflict::Data,
        ffi::SQLITE_CHANGESET_NOTFOUND => Conflict::NotFound,
        ffi::SQLITE_CHANGESET_CONFLICT => Conflict::Exists,
        ffi::SQLITE_CHANGESET_CONSTRAINT => Conflict::Constraint,
        // Foreign keys are checked once at the end, with no row to read: a change
        // that breaks one is refused whole.
        _ => {
            ctx.failed = Some(Failure::ForeignKey);
            return ffi::SQLITE_CHANGESET_ABORT;
        }
    };
    let read = || -> Result<Clash> {
        // SAFETY: as above; the values are copied before the iterator moves.
        let change = unsafe { change_at(it)? };
        let mut current = Vec::new();
        if matches!(kind, Conflict::Data | Conflict::Exists) {
            for i in 0..change.pk.len() {
                let mut v = null_mut();
                // SAFETY: as above.
                unsafe {
                    check(ffi::sqlite3changeset_conflict(it, i as c_int, &mut v))?;
                    current.push(value(v).unwrap_or(Value::Null));
                }
            }
        }
        Ok(Clash {
            kind,
            change,
            current,
        })
    };
    let clash = match read() {
        Ok(c) => c,
        Err(e) => {
            ctx.failed = Some(Failure::Read(e.to_string()));
            return ffi::SQLITE_CHANGESET_ABORT;
        }
    };
    let action = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (ctx.handler)(&clash)));
    match action {
        Ok(Action::Omit) => ffi::SQLITE_CHANGESET_OMIT,
        Ok(Action::Replace) if matches!(kind, Conflict::Data | Conflict::Exists) => {
            ffi::SQLITE_CHANGESET_REPLACE
        }
        Ok(Action::Replace) => ffi::SQLITE_CHANGESET_OMIT,
        Ok(Action::Abort) => ffi::SQLITE_CHANGESET_ABORT,
        Err(_) => {
            ctx.failed = Some(Failure::Handler);
            ffi::SQLITE_CHANGESET_ABORT
        }
    }
}

/// Why an apply stopped before SQLite finished it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The rows would break a foreign key (checked at the end, no row to name).
    ForeignKey,
    /// A conflicting row could not be read.
    Read(String),
    /// The handler panicked.
    Handler,
    /// SQLite refused the changeset: its result code (`SQLITE_CORRUPT` for a
    /// changeset that is not one).
    Sqlite(c_int),
}

/// Applies a changeset to the tables `filter` names on `c`, inside the caller's
/// transaction (which the caller rolls back on an error); a row that cannot be
/// applied as it is goes to `handler`.
pub(super) fn apply(
    c: &Connection,
    bytes: &[u8],
    filter: TableFilter,
    handler: &mut dyn FnMut(&Clash) -> Action,
) -> std::result::Result<(), Failure> {
    let mut ctx = ApplyCtx {
        filter,
        handler,
        failed: None,
    };
    // SAFETY: `bytes` and `ctx` outlive the call; SQLite only reads the changeset.
    let rc = unsafe {
        ffi::sqlite3changeset_apply(
            c.handle(),
            bytes.len() as c_int,
            bytes.as_ptr() as *mut c_void,
            Some(call_apply_filter),
            Some(call_conflict),
            &mut ctx as *mut ApplyCtx as *mut c_void,
        )
    };
    match ctx.failed {
        Some(f) => Err(f),
        None if rc == ffi::SQLITE_OK => Ok(()),
        None => Err(Failure::Sqlite(rc)),
    }
}

/// The changeset that undoes `bytes`: inserts become deletes and the other way
/// round, updates swap their values.
pub(super) fn invert(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut n: c_int = 0;
    let mut p: *mut c_void = null_mut();
    // SAFETY: SQLite reads `bytes` and hands back a buffer of `n` bytes, copied and
    // then freed with its own allocator.
    unsafe {
        check(ffi::sqlite3changeset_invert(
            bytes.len() as c_int,
            bytes.as_ptr() as *const c_void,
            &mut n,
            &mut p,
        ))?;
        let out = if p.is_null() || n <= 0 {
            Vec::new()
        } else {
            std::slice::from_raw_parts(p as *const u8, n as usize).to_vec()
        };
        ffi::sqlite3_free(p);
        Ok(out)
    }
}
