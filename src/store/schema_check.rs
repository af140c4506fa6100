//! A file's schema held against the version it claims. A `user_version` set back
//! below what the tables say (by hand, by another program) would have tct run a
//! migration again over tables that have it already: one migration might half
//! succeed, the next fail. The file is refused untouched instead.

use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::Connection;

use super::schema::MIGRATIONS;
use crate::error::{Error, Result};

/// Every table, index and trigger by its definition, whitespace aside.
type Shape = BTreeSet<(String, String, String)>;

fn shape(c: &Connection) -> Result<Shape> {
    let mut stmt =
        c.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")?;
    let rows = stmt.query_map([], |r| {
        let sql: Option<String> = r.get(2)?;
        let sql = sql.unwrap_or_default();
        Ok((
            r.get(0)?,
            r.get(1)?,
            sql.split_whitespace().collect::<Vec<_>>().join(" "),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Refuses a file whose schema is not the one its first `version` migrations make.
pub(super) fn check(c: &Connection, version: i64, path: &Path) -> Result<()> {
    let expected = Connection::open_in_memory()?;
    for sql in MIGRATIONS.iter().take(version.max(0) as usize) {
        expected.execute_batch(sql)?;
    }
    if shape(c)? != shape(&expected)? {
        return Err(Error::SchemaMismatch {
            path: path.to_path_buf(),
            version,
        });
    }
    Ok(())
}
