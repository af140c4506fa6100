//! What `tct doctor` says about a database file, asked without changing it: opened
//! read-only, and a damaged or foreign file answered with what could be learnt, each
//! question on its own, so one failing does not hide the others.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::schema::{APPLICATION_ID, latest_version};
use super::{SQLITE_HEADER, lease};
use crate::error::{Error, Result};

/// Past this size the lighter `quick_check` stands in for the full check, which reads
/// every index against its table.
const FULL_CHECK_MAX: u64 = 512 * 1024 * 1024;

/// A problem list is cut to this many lines.
const PROBLEMS_MAX: usize = 5;

/// A file looked at; `None` in `file` when there is none.
pub struct Checkup {
    /// Its size in bytes, and its write-ahead log's (`-wal`) when there is one.
    pub size: u64,
    pub wal_size: Option<u64>,
    /// tct windows open on it now (their locks beside it held).
    pub windows: usize,
    /// Begins with the SQLite header (an empty file is tct's new database).
    pub sqlite: bool,
    /// What the open file answered, or why it could not be opened.
    pub opened: Result<Answers>,
}

pub struct Answers {
    /// The file says it is tct's (or is empty).
    pub tct: bool,
    pub version: i64,
    pub supported: i64,
    pub journal: Result<String>,
    /// `ok`, or the first problems found; `quick`: the lighter check was run.
    pub integrity: Result<Vec<String>>,
    pub quick: bool,
    /// Rows whose reference points at nothing.
    pub broken_links: Result<usize>,
}

/// Looks at the file at `path`; `None` when there is no file there.
pub fn checkup(path: &Path) -> Option<Checkup> {
    let meta = std::fs::metadata(path).ok()?;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let head = head(path);
    let sqlite = meta.len() == 0 || head.is_some_and(|h| h[..16] == SQLITE_HEADER[..]);
    // Format 2 at byte 18: a WAL database.
    let wal_format = head.is_some_and(|h| h[18] == 2);
    let wal_size = std::fs::metadata(wal).ok().map(|m| m.len());
    Some(Checkup {
        size: meta.len(),
        wal_size,
        windows: lease::running(path),
        sqlite,
        opened: match sqlite {
            true => answers(path, meta.len(), wal_size.is_some(), wal_format),
            false => Err(Error::NotSqlite(path.to_path_buf())),
        },
    })
}

/// The file's first bytes: the SQLite header's magic, then its journal format at 18.
fn head(path: &Path) -> Option<[u8; 20]> {
    use std::io::Read;
    let mut head = [0u8; 20];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .ok()?;
    Some(head)
}

fn answers(path: &Path, size: u64, wal: bool, wal_format: bool) -> Result<Answers> {
    // Read-only: no migration, no journal mode set, nothing written. Reading a WAL
    // database read-only still makes its `-wal` and `-shm` beside it; with no `-wal`
    // there, no tct is writing and the file alone is the database: read it as
    // immutable, which makes nothing.
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let mut uri = uri(path)?;
    if !wal {
        uri.push_str("?immutable=1");
    }
    let c = Connection::open_with_flags(uri, flags)?;
    c.busy_timeout(std::time::Duration::from_secs(2))?;
    let app_id: i32 = c.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i64 = c.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let quick = size > FULL_CHECK_MAX;
    Ok(Answers {
        tct: app_id == APPLICATION_ID || (app_id == 0 && version == 0),
        version,
        supported: latest_version(),
        // Read as immutable, SQLite says `delete` whatever the header says.
        journal: match (wal, wal_format) {
            (false, true) => Ok("wal".into()),
            _ => c
                .pragma_query_value(None, "journal_mode", |r| r.get(0))
                .map_err(Error::from),
        },
        integrity: problems(
            &c,
            if quick {
                "quick_check"
            } else {
                "integrity_check"
            },
        ),
        quick,
        broken_links: rows(&c, "PRAGMA foreign_key_check"),
    })
}

/// The file as an SQLite URI: absolute, `/` between folders (Windows' `C:\…` becomes
/// `file:///C:/…`, a share's `\\server\…` `file:////server/…`), and the characters
/// a URI gives meaning to escaped. Vietnamese letters pass as UTF-8.
fn uri(path: &Path) -> Result<String> {
    let absolute = std::path::absolute(path)?;
    let mut p = absolute.to_string_lossy().into_owned();
    if cfg!(windows) {
        p = p.replace('\\', "/");
    }
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    let mut out = String::from("file://");
    for ch in p.chars() {
        match ch {
            '%' | '?' | '#' => out.push_str(&format!("%{:02X}", ch as u32)),
            _ => out.push(ch),
        }
    }
    Ok(out)
}

/// The check's lines: `["ok"]` for a sound file.
fn problems(c: &Connection, check: &str) -> Result<Vec<String>> {
    let sql = format!("PRAGMA {check}({PROBLEMS_MAX})");
    let mut stmt = c.prepare(&sql)?;
    let lines = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(lines.collect::<rusqlite::Result<_>>()?)
}

fn rows(c: &Connection, sql: &str) -> Result<usize> {
    let mut stmt = c.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while rows.next()?.is_some() {
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_becomes_a_uri_sqlite_reads_as_that_file() {
        let dir = tempfile::tempdir().unwrap();
        // Windows allows no '?' in a file name.
        let name = if cfg!(windows) {
            "Sở Nội vụ #1 50%.db"
        } else {
            "Sở Nội vụ #1 ?50%.db"
        };
        let path = dir.path().join(name);
        Connection::open(&path)
            .unwrap()
            .execute_batch("PRAGMA user_version = 7")
            .unwrap();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
        let uri = uri(&path).unwrap();
        assert!(
            uri.contains("%23") && uri.contains("%25") && (cfg!(windows) || uri.contains("%3F")),
            "{uri}"
        );
        let c = Connection::open_with_flags(format!("{uri}?immutable=1"), flags).unwrap();
        let v: i64 = c
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, 7);
    }
}
