//! Consistent copies of the database with SQLite's online backup API: safe while
//! another tct has the same file open and is writing.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::Backup;

use super::Store;

impl Store {
    /// Copies the whole database to `dest` (replaced if it exists), page by page,
    /// stepping aside when a writer holds the file. The copy is readable by its owner
    /// only.
    pub fn backup_to(&self, dest: &Path) -> rusqlite::Result<()> {
        let mut target = Connection::open(dest)?;
        {
            let backup = Backup::new(self.conn(), &mut target)?;
            backup.run_to_completion(1024, Duration::from_millis(1), None)?;
        }
        // A backup is a file to carry away: one file, no WAL beside it.
        target.pragma_update(None, "journal_mode", "delete")?;
        drop(target);
        owner_only(dest);
        Ok(())
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
