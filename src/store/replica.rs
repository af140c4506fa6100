//! This file as one of several laptops' copies of one record (sync, issue 15).
//!
//! Each copy has a replica id that names the changes made in it, the lineage that
//! every copy of one database shares, and a block of ids of its own: it hands out
//! `id_base + 1, id_base + 2, …` in every table, so two laptops never make the same
//! id and a change sent from one names the same row on the other. The file a
//! database began in keeps block 0 (ids as before, small); a copy gets a random
//! block above 2^32.
//!
//! A copy is told by where the file is: the host, the path and the file's identity
//! on its disk (inode, or file index on Windows), recorded at the first write that
//! finds them changed. A file copied to another
//! laptop, or beside itself, is a new file at another place, so it becomes a new
//! replica before it writes anything. A file moved on the same laptop is taken for a
//! copy too: that costs only a new name for its later changes, while two laptops
//! under one name would make the same ids.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

/// How many ids each copy's block holds.
pub(super) const BLOCK: i64 = 1 << 32;

/// The SQL of the next id this copy hands out in `$table`: one past the highest of
/// its block (a lookup in the table's rowid tree), the block's first when it has
/// none. Every insert into a table that travels between laptops names its id so.
macro_rules! fresh_id {
    ($table:literal) => {
        concat!(
            "(SELECT coalesce((SELECT max(id) FROM ",
            $table,
            " WHERE id > s.id_base AND id < s.id_base + 4294967296), s.id_base) + 1 \
             FROM sync_self s)"
        )
    };
}
pub(super) use fresh_id;

/// Who this copy is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replica {
    /// Names the changes made in this copy.
    pub id: String,
    /// Shared by every copy of one database: bundles travel only within it.
    pub lineage: String,
    /// The ids this copy hands out are `id_base + 1 …`.
    pub id_base: i64,
    /// The laptop's name, shown to the others.
    pub name: String,
}

/// This copy's identity (none before the schema has it).
pub(super) fn identity(c: &Connection) -> Result<Option<Replica>> {
    Ok(c.query_row(
        "SELECT replica, lineage, id_base, name FROM sync_self WHERE id = 1",
        [],
        |r| {
            Ok(Replica {
                id: r.get(0)?,
                lineage: r.get(1)?,
                id_base: r.get(2)?,
                name: r.get(3)?,
            })
        },
    )
    .optional()?)
}

/// At an open for writing: records where the file is the first time, and makes the
/// file a new replica when it is somewhere else than it was (a copy). `None` for a
/// database in memory, which is nowhere.
pub(super) fn settle(c: &Connection, path: Option<&Path>) -> Result<()> {
    let here = path.map_or_else(|| "memory".to_string(), place_of);
    let Some(was) = c
        .query_row("SELECT place FROM sync_self WHERE id = 1", [], |r| {
            r.get::<_, String>(0)
        })
        .optional()?
    else {
        return Ok(());
    };
    if was == here {
        return Ok(());
    }
    let host = host_name();
    if was.is_empty() {
        // The first open since the schema had a place for it: this is the file the
        // database began in, and it keeps its ids.
        c.execute(
            "UPDATE sync_self SET place = ?1, name = ?2 WHERE id = 1",
            params![here, host],
        )?;
    } else {
        c.execute(
            "UPDATE sync_self SET replica = lower(hex(randomblob(16))),
                 id_base = (1 + abs(random() % 1073741823)) * ?3,
                 place = ?1, name = ?2
             WHERE id = 1",
            params![here, host, BLOCK],
        )?;
    }
    Ok(())
}

/// Host, full path and the file's identity on its disk, one a line: another value is
/// another file. (A file's creation time would do on Windows, but not everywhere:
/// under Wine and on some Linux file systems it moves with each write.)
fn place_of(path: &Path) -> String {
    let full = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    let id = file_identity(path).map_or_else(|| "-".to_string(), |(a, b)| format!("{a}:{b}"));
    format!("{}\n{}\n{id}", host_name(), full.display())
}

/// Device and inode.
#[cfg(unix)]
fn file_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// The volume's serial number and the file's index on it.
#[cfg(windows)]
fn file_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::windows::io::AsRawHandle;
    use windows_sys::Win32::Storage::FileSystem::{
        BY_HANDLE_FILE_INFORMATION, GetFileInformationByHandle,
    };
    let file = std::fs::File::open(path).ok()?;
    // SAFETY: the handle is open for the call; the structure is plain data that the
    // call fills in, zeroed before.
    let (ok, info) = unsafe {
        let mut info: BY_HANDLE_FILE_INFORMATION = std::mem::zeroed();
        let ok = GetFileInformationByHandle(file.as_raw_handle() as _, &mut info);
        (ok, info)
    };
    (ok != 0).then(|| {
        (
            u64::from(info.dwVolumeSerialNumber),
            (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow),
        )
    })
}

#[cfg(not(any(unix, windows)))]
fn file_identity(_path: &Path) -> Option<(u64, u64)> {
    None
}

/// The computer's name, as its owner knows it.
pub fn host_name() -> String {
    let name = if cfg!(windows) {
        std::env::var("COMPUTERNAME").unwrap_or_default()
    } else {
        std::fs::read_to_string("/proc/sys/kernel/hostname")
            .or_else(|_| std::fs::read_to_string("/etc/hostname"))
            .unwrap_or_default()
    };
    let name = name.trim();
    if name.is_empty() {
        "?".to_string()
    } else {
        name.to_string()
    }
}
