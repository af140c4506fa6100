//! The database file deleted or replaced while tct has it open. In WAL mode SQLite
//! goes on writing to the open file without a word, so a deleted file would swallow
//! every later save, and a replaced one would be written over. Before each write the
//! store looks at the path: if its file is gone, everything is written back to the
//! path from the open connection; if another file took its place, that file is left
//! alone and tct goes on in a new file beside it. Either way the write goes ahead and
//! the app says what happened.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::Store;
use crate::error::Result;

/// Which file a path names: device and inode on Unix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId(u64, u64);

#[cfg(unix)]
pub fn file_id(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path)
        .ok()
        .map(|m| FileId(m.dev(), m.ino()))
}

#[cfg(not(unix))]
pub fn file_id(_path: &Path) -> Option<FileId> {
    None
}

/// What the store did about its file, for the app to say once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileEvent {
    /// The file was deleted; all the data was written back to the same path.
    Restored(PathBuf),
    /// Another file took the path; tct goes on in this new file instead.
    Moved(PathBuf),
}

impl Store {
    /// Makes sure the next write reaches a file at a path the user can find.
    pub(crate) fn guard_file(&mut self) -> Result<()> {
        let Some(opened) = self.file_id.filter(|_| !self.read_only) else {
            return Ok(());
        };
        match file_id(&self.path) {
            Some(now) if now == opened => Ok(()),
            None if !self.path.exists() => {
                let path = self.path.clone();
                self.rewrite_to(&path)?;
                self.file_event = Some(FileEvent::Restored(path));
                Ok(())
            }
            _ => {
                let dest = beside(&self.path);
                self.rewrite_to(&dest)?;
                self.file_event = Some(FileEvent::Moved(dest));
                Ok(())
            }
        }
    }

    /// The event of the last write, once.
    pub fn take_file_event(&mut self) -> Option<FileEvent> {
        self.file_event.take()
    }

    /// Copies the open database to `dest` and continues there. Until the copy is
    /// complete nothing changes, so a failure leaves the store as it was.
    fn rewrite_to(&mut self, dest: &Path) -> Result<()> {
        // `backup_to` renames the copy into place only when it is whole.
        self.backup_to(dest)?;
        // Close the old file before opening the new one: its WAL and shared-memory
        // files are found by name and must not be taken for the new file's. Closing
        // removes them; whatever is left of them belongs to the deleted file.
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        drop(old);
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", dest.display()));
        }
        self.conn = Connection::open_with_flags(
            dest,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        self.path = dest.to_path_buf();
        self.file_id = file_id(&self.path);
        // A new file: it names itself anew before its first write (replica.rs).
        self.settled = false;
        self.prepare()
    }
}

/// `tct.db` → `tct-20261126-031500.db` beside it: a new name that keeps the extension.
fn beside(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let mut n = 0;
    loop {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!("-{n}")
        };
        let p = path.with_file_name(format!("{stem}-{stamp}{suffix}{ext}"));
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}
