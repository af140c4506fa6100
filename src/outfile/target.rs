//! Which file an export may write. `-o` is a path typed by hand: it may name the open
//! database (by another name, a symlink or a hard link), the -wal or -shm file SQLite
//! keeps beside it, a directory, a FIFO or a device. None of these is written; a
//! symlink to a regular file writes the file it names. `-o -` is standard output.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::parent_dir;
use crate::error::{Error, Result};
use crate::i18n::{T, t};
use crate::store::file_id;

/// `-o -`: standard output.
pub fn is_stdout(arg: &Path) -> bool {
    arg.as_os_str() == "-"
}

/// Whether standard output takes a format: a binary one (XLSX, DOCX) would print as
/// garbage on a terminal; piped or redirected it goes as it is.
pub fn stdout_takes(format: &str, binary: bool) -> Result<()> {
    if binary && std::io::stdout().is_terminal() {
        return Err(Error::User(
            t(T::ErrBinaryToTerminal).replace("{f}", format),
        ));
    }
    Ok(())
}

/// The file to write for `path`, or a refusal: the database open at `db` or a file
/// kept beside it, found by device and inode (a hard link, a symlink) and by name (a
/// -wal not there yet), and anything but a regular file. Through a symlink, the file
/// it names is written and the link stays.
pub fn checked(path: &Path, db: &Path) -> Result<PathBuf> {
    let refuse = |why: T| Error::User(format!("{}: {}", t(why), path.display()));
    let same_file = file_id(path).is_some_and(|id| {
        ["", "-wal", "-shm"]
            .iter()
            .any(|s| file_id(&suffixed(db, s)) == Some(id))
    });
    if same_file || real_name(path).is_some_and(|p| beside_db(&p, db)) {
        return Err(refuse(T::ErrOutputIsDb));
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Err(refuse(T::ErrOutputNotFile)),
        // A symlink to nothing.
        Err(_) if std::fs::symlink_metadata(path).is_ok() => {
            return Err(refuse(T::ErrOutputNotFile));
        }
        // Nothing there yet, or nothing this user may see: the write says which.
        Err(_) => return Ok(path.to_path_buf()),
    }
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return std::fs::canonicalize(path).map_err(|e| Error::write(path, e));
    }
    Ok(path.to_path_buf())
}

/// Whether a resolved path is the database or a file kept beside it: SQLite's -wal,
/// -shm and -journal, a window's lock (-window-ID). The database is taken under the
/// name it was opened by and under its file's own.
fn beside_db(real: &Path, db: &Path) -> bool {
    let Some(name) = real.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let names = [in_real_dir(db), std::fs::canonicalize(db).ok()];
    names.into_iter().flatten().any(|d| {
        let Some(db_name) = d.file_name().and_then(|n| n.to_str()) else {
            return false;
        };
        let kept = name.strip_prefix(db_name).is_some_and(|rest| {
            ["", "-wal", "-shm", "-journal"].contains(&rest) || rest.starts_with("-window-")
        });
        kept && real.parent() == d.parent()
    })
}

fn suffixed(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// A path with every symlink resolved: the file's own when it exists, else its
/// directory's with its name.
fn real_name(p: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(p).ok().or_else(|| in_real_dir(p))
}

/// A path with its directory's symlinks resolved, its own name kept.
fn in_real_dir(p: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(parent_dir(p)).ok()?;
    Some(dir.join(p.file_name()?))
}
