//! Consistent copies of the database with SQLite's online backup API: safe while
//! another tct has the same file open and is writing.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::Backup;

use super::Store;
use crate::error::{Error, Result};

impl Store {
    /// Copies the whole database to `dest` (replaced if it exists), page by page,
    /// stepping aside when a writer holds the file. The copy is made in a temporary
    /// file beside `dest` (owner-only) and renamed over it when complete, so a crash
    /// never leaves half a backup under the name.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        self.copy_to(dest, true).map(drop)
    }

    /// The same, but never over an existing file, not even one another process gives
    /// that name while the copy is made: false, and nothing written, when `dest` is
    /// taken.
    pub fn backup_to_new(&self, dest: &Path) -> Result<bool> {
        if dest.exists() {
            return Ok(false);
        }
        self.copy_to(dest, false)
    }

    fn copy_to(&self, dest: &Path, replace: bool) -> Result<bool> {
        // 0600, removed unless it is kept, swept at a later start if a kill leaves it.
        let tmp = super::temp::beside(dest)
            .map_err(|e| Error::write(dest, e))?
            .into_temp_path();
        {
            let mut target = Connection::open(&tmp)?;
            {
                let backup = Backup::new(self.conn(), &mut target)?;
                backup.run_to_completion(1024, Duration::from_millis(1), None)?;
            }
            // A backup is a file to carry away: one file, no WAL beside it. The
            // last commit has synced it to disk.
            target.pragma_update(None, "journal_mode", "delete")?;
        }
        let named = if replace {
            tmp.persist(dest)
        } else {
            tmp.persist_noclobber(dest)
        };
        match named {
            Ok(()) => {}
            Err(e) if !replace && e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                return Ok(false);
            }
            Err(e) => return Err(Error::write(dest, e.error)),
        }
        // The rename itself made durable (Unix).
        #[cfg(unix)]
        {
            let dir = dest.parent().filter(|p| !p.as_os_str().is_empty());
            if let Ok(d) = std::fs::File::open(dir.unwrap_or(Path::new("."))) {
                let _ = d.sync_all();
            }
        }
        owner_only(dest);
        Ok(true)
    }
}

/// Makes a file readable and writable by its owner only (Unix); elsewhere a no-op.
pub fn owner_only(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}
