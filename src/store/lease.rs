//! Which tct windows on a database are still running. A window that writes drafts
//! holds an exclusive lock on a small file beside the database, named by its id, for
//! as long as it runs; the operating system lets go of the lock when the process ends,
//! however it ends (kill -9, a closed terminal, a flat battery). So a draft whose
//! window's file is missing or unlocked was left by a window that is gone.
//!
//! A lock rather than a heartbeat written to the database: a heartbeat cannot tell an
//! idle window from a dead one without waking on a timer, and a window reopened at
//! once after a crash would wait for it to go stale. `File::lock` is flock on Unix and
//! LockFileEx on Windows; it never touches SQLite's own locks on the database file.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// A new window's id: random, so two windows (or two machines) never share one.
pub(crate) fn new_owner() -> String {
    format!("{:016x}", fastrand::u64(..))
}

/// `tct.db-window-<owner>`, beside the database.
fn path_of(db: &Path, owner: &str) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(format!("-window-{owner}"));
    db.with_file_name(name)
}

/// This window's lock, held until it is dropped or the process ends.
pub(crate) struct Lease {
    path: PathBuf,
    _file: File,
}

impl Lease {
    /// Locks the file first under a passing name and only then gives it its own, so
    /// another window never finds it there unlocked and takes it for a dead one's.
    pub(crate) fn take(db: &Path, owner: &str) -> std::io::Result<Lease> {
        let path = path_of(db, owner);
        let mut passing = path.clone().into_os_string();
        passing.push("~");
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&passing)?;
        let taken = file
            .try_lock()
            .map_err(std::io::Error::from)
            .and_then(|()| std::fs::rename(&passing, &path));
        if let Err(e) = taken {
            let _ = std::fs::remove_file(&passing);
            return Err(e);
        }
        Ok(Lease { path, _file: file })
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        // Removed while still locked: nobody can find it unlocked in between.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Whether the window `owner` still runs: its file is there and locked.
pub(crate) fn alive(db: &Path, owner: &str) -> bool {
    let Ok(file) = File::open(path_of(db, owner)) else {
        return false;
    };
    matches!(file.try_lock(), Err(TryLockError::WouldBlock))
}

/// How many windows on `db` run now: their files are there and locked.
pub(crate) fn running(db: &Path) -> usize {
    owners(db).filter(|o| alive(db, o)).count()
}

/// The ids named by the window files beside `db`, passing names (`~`) aside.
fn owners(db: &Path) -> impl Iterator<Item = String> {
    let prefix = db
        .file_name()
        .map(|n| format!("{}-window-", n.to_string_lossy()));
    let entries = match (dir_of(db), &prefix) {
        (Some(dir), Some(_)) => std::fs::read_dir(dir).ok(),
        _ => None,
    };
    entries
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(move |e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let owner = name.strip_prefix(prefix.as_deref()?)?;
            (!owner.ends_with('~')).then(|| owner.to_string())
        })
}

fn dir_of(db: &Path) -> Option<&Path> {
    let dir = db.parent()?;
    Some(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    })
}

/// Removes the files of windows that are gone (killed with no draft left, say).
pub(crate) fn sweep(db: &Path) {
    // A passing name (`~`) belongs to a window locking its file right now.
    for owner in owners(db) {
        if !alive(db, &owner) {
            let _ = std::fs::remove_file(path_of(db, &owner));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lease_is_alive_while_held_and_gone_after() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("tct.db");
        let (a, b) = (new_owner(), new_owner());
        assert_ne!(a, b);
        let lease = Lease::take(&db, &a).unwrap();
        assert!(alive(&db, &a), "held by a running window");
        assert!(!alive(&db, &b), "no file: no window");
        assert_eq!(running(&db), 1);
        sweep(&db);
        assert!(alive(&db, &a), "the sweep leaves a running window's file");
        drop(lease);
        assert!(!alive(&db, &a));
        assert_eq!(running(&db), 0);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        // A window killed before it could remove its file: unlocked, swept.
        std::fs::write(path_of(&db, &b), "").unwrap();
        assert!(!alive(&db, &b));
        sweep(&db);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
