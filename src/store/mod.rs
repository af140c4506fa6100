//! The only code that speaks SQL: opening the file, migrations, the questions the panes
//! ask (indexed, paged and aggregated in SQL) and the writes, each in one transaction.

mod backup;
mod capture;
mod checkup;
mod conflicts;
mod decisions;
mod deleted;
mod demo;
mod drafts;
mod edits;
mod figures;
mod file_guard;
mod import;
mod inspections;
mod lease;
pub mod network;
mod position;
mod queries;
mod replay;
mod replica;
pub mod resolve;
mod schema;
mod schema_check;
mod session;
mod sort;
mod successors;
mod tally;
pub mod temp;
mod tx;
mod write;

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::domain::format::{from_iso, iso};
use crate::error::{Error, Result};

pub use backup::owner_only;
pub use checkup::{Answers, Checkup, checkup};
pub use decisions::{ConflictRow, Decision, SyncStatus};
pub use demo::{DemoData, load_demo};
pub use file_guard::{FileEvent, FileId, file_id};
pub use replay::{Entry, Merged};
pub use replica::Replica;
/// Each version's SQL, for tests that make a file of an older version.
#[cfg(feature = "testing")]
pub use schema::MIGRATIONS;
pub use schema::{APPLICATION_ID, latest_version};
pub use tx::Tx;

pub struct Store {
    conn: Connection,
    read_only: bool,
    path: PathBuf,
    /// The file as opened, to notice it deleted or replaced before a write.
    file_id: Option<file_guard::FileId>,
    file_event: Option<FileEvent>,
    /// This window's id in the drafts it writes, and the lock that says it runs.
    owner: String,
    lease: Option<lease::Lease>,
    /// How long a write waits for another program's write to end (`BUSY_WAIT` unless
    /// the app asks for less).
    busy_wait: std::time::Duration,
    /// The file did not exist and this open made it (the app and `import` say so).
    created: bool,
    /// The file is on a network share (network.rs).
    network: bool,
    /// Whether this copy's identity has been checked against where the file is
    /// (replica.rs): done at the first write, so a command that only reads never
    /// writes, not even to a damaged file.
    settled: bool,
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// How long a statement waits for another tct's write to finish before it says the
/// file is busy.
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

impl Store {
    /// Opens (or creates) a tct database. A file without write permission is opened
    /// read-only; a file that is not SQLite, not tct's, or from a newer tct is refused
    /// without being touched.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_at(path, network::is_on_network(path))
    }

    /// Opens a database as if it were on a network share, for tests on a local disk.
    #[cfg(feature = "testing")]
    pub fn open_as_on_network(path: &Path) -> Result<Store> {
        Store::open_at(path, true)
    }

    fn open_at(path: &Path, network: bool) -> Result<Store> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !dir.is_dir() {
            return Err(Error::NoDirectory(dir.to_path_buf()));
        }
        // What a tct killed while writing an export or a backup here left behind.
        temp::sweep(dir);
        let mut read_only = false;
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.len() > 0 {
                let mut head = [0u8; 16];
                let ok = std::fs::File::open(path)
                    .and_then(|mut f| f.read_exact(&mut head))
                    .is_ok();
                if !ok || &head != SQLITE_HEADER {
                    return Err(Error::NotSqlite(path.to_path_buf()));
                }
            }
            read_only = meta.permissions().readonly();
        }
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let created = !path.exists();
        // A new file, or an empty one made beforehand, becomes tct's database.
        let is_new = std::fs::metadata(path).map_or(true, |m| m.len() == 0);
        let conn = Connection::open_with_flags(path, flags)?;
        // Write-protected below the permission bits (a read-only mount, an immutable
        // file, another user's file): SQLite opens it read-only by itself.
        let read_only = read_only || conn.is_readonly(rusqlite::MAIN_DB)?;
        if is_new && !read_only {
            // Inspection records are not for other users of the laptop.
            owner_only(path);
        }
        let mut store = Store {
            conn,
            read_only,
            path: path.to_path_buf(),
            file_id: None,
            file_event: None,
            owner: lease::new_owner(),
            lease: None,
            busy_wait: BUSY_WAIT,
            created,
            network,
            settled: false,
        };
        store.prepare()?;
        store.file_id = file_guard::file_id(path);
        Ok(store)
    }

    /// A database in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            read_only: false,
            path: PathBuf::from(":memory:"),
            file_id: None,
            file_event: None,
            owner: lease::new_owner(),
            lease: None,
            busy_wait: BUSY_WAIT,
            created: true,
            network: false,
            settled: false,
        };
        store.prepare()?;
        Ok(store)
    }

    fn prepare(&mut self) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(self.busy_wait)?;
        // Every pane question is a prepared statement kept for reuse; the default
        // cache of 16 is smaller than the set a screen asks, and re-preparing costs
        // more than running.
        c.set_prepared_statement_cache_capacity(128);
        sort::register(c)?;
        // A file that is not a database shows itself at the first read.
        let tables: i64 = c
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => Error::NotSqlite(self.path.clone()),
                _ => Error::from(e),
            })?;
        let app_id: i32 = c.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = c.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if tables > 0 && app_id != APPLICATION_ID {
            return Err(Error::NotTct(self.path.clone()));
        }
        if version > latest_version() {
            return Err(Error::Newer {
                path: self.path.clone(),
                found: version,
                supported: latest_version(),
            });
        }
        if version < latest_version() && tables > 0 {
            schema_check::check(c, version, &self.path)?;
        }
        c.pragma_update(None, "foreign_keys", true)?;
        if !self.read_only {
            // WAL's shared memory does not work across a network share: the rollback
            // journal there (network.rs). A file another window holds in WAL keeps
            // it until every window has closed it.
            let mode = if self.network { "delete" } else { "wal" };
            let set = c.pragma_update(None, "journal_mode", mode);
            if !self.network {
                set?;
            }
            // FULL: a transaction reported as saved survives a power cut.
            c.pragma_update(None, "synchronous", "full")?;
        }
        if version < latest_version() {
            if self.read_only {
                return Err(Error::ReadOnlyOld(self.path.clone()));
            }
            self.migrate(version)?;
            self.checkpoint();
        }
        Ok(())
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(from as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// This open made the file: it did not exist before.
    pub fn created(&self) -> bool {
        self.created
    }

    /// The database is on a network share, where it is kept without WAL.
    pub fn on_network(&self) -> bool {
        self.network
    }

    pub fn read_only(&self) -> bool {
        self.read_only
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets a setting, as one write (it travels to the other laptops).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write_sql(|c| put_setting(c, key, value))
    }

    /// Every setting, by key.
    pub fn settings(&self) -> Result<Vec<(String, String)>> {
        Ok(self
            .conn
            .prepare("SELECT key, value FROM setting ORDER BY key")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The as-of date a database asks for (the demo's is 23/09/2022), if any.
    pub fn default_as_of(&self) -> Option<NaiveDate> {
        self.setting("as_of")
            .ok()
            .flatten()
            .and_then(|s| from_iso(&s))
    }

    pub fn is_demo(&self) -> bool {
        matches!(self.setting("demo"), Ok(Some(v)) if v == "1")
    }

    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))?;
        Ok(n == 0)
    }

    /// Runs several questions in one read transaction: one consistent snapshot, and
    /// one WAL lock round instead of one per statement. Nests inside a write.
    pub(crate) fn reading<R>(&self, f: impl FnOnce() -> Result<R>) -> Result<R> {
        if !self.conn.is_autocommit() {
            return f();
        }
        self.conn.execute_batch("BEGIN")?;
        let out = f();
        // A read transaction has nothing to keep: end it whatever happened.
        let end = self.conn.execute_batch("COMMIT");
        let out = out?;
        end?;
        Ok(out)
    }

    /// How long a write waits for another program's write to end before it fails
    /// as busy. The command line waits the default; the app waits a moment only, so
    /// the form keeps taking keys and the write is tried again.
    pub fn set_busy_wait(&mut self, wait: std::time::Duration) -> Result<()> {
        self.busy_wait = wait;
        self.conn.busy_timeout(wait)?;
        Ok(())
    }

    pub fn busy_wait(&self) -> std::time::Duration {
        self.busy_wait
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The raw connection, for tests and benchmarks that inspect query plans.
    #[cfg(feature = "testing")]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Sets one setting, replacing its value.
fn put_setting(c: &Connection, key: &str, value: &str) -> Result<()> {
    c.prepare_cached(
        "INSERT INTO setting(key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// Dates as the database stores them.
pub(crate) fn opt_iso(d: Option<NaiveDate>) -> Option<String> {
    d.map(iso)
}

pub(crate) fn opt_date(s: Option<String>) -> Option<NaiveDate> {
    s.as_deref().and_then(from_iso)
}
