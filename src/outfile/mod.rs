//! Files tct writes for people to carry away — reports (`-o`), notices of conclusions
//! (`tct export`, the form's Ctrl-E) — hold the same records as the database, so they
//! are written whole or not at all, and readable by their owner only.
//!
//! The content goes to a temporary file in the target's directory (created 0600 on
//! Unix), is flushed to disk, and only then renamed over the target. A crash, a full
//! disk or any error on the way leaves no half-written file under the final name, an
//! existing file as it was, and no temporary file behind. `target` says which paths
//! may be written at all.

mod target;

pub use target::{checked, is_stdout, stdout_takes};

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::Result;

use crate::error::Error;

/// Writes `path` with what `fill` puts into the writer it is given, replacing a file
/// there (a report's `-o FILE`, which the user named). Errors of `fill` that are not
/// about writing come back as they are; the target is untouched either way.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let tmp = filled(path, fill)?;
    // A failed rename drops the temporary file, which removes it.
    tmp.persist(path).map_err(|e| failed(path, &e.error))?;
    sync_dir(&parent_dir(path));
    Ok(())
}

/// Writes `bytes` under `path`, or, when a file already has that name, under the first
/// free `name (2).ext`, `name (3).ext`…: a notice edited in Word since it was written
/// is never replaced. Each name is taken by a rename that fails when the name exists,
/// so a file made meanwhile is not replaced either. The path written.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let mut tmp = filled(path, |w| Ok(w.write_all(bytes)?))?;
    for n in 1..=MAX_NUMBERED {
        let candidate = numbered(path, n);
        match tmp.persist_noclobber(&candidate) {
            Ok(_) => {
                sync_dir(&parent_dir(path));
                return Ok(candidate);
            }
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(failed(&candidate, &e.error)),
        }
    }
    Err(failed(
        path,
        &std::io::Error::from(std::io::ErrorKind::AlreadyExists),
    ))
}

/// How many numbered names `write_new` tries before it gives up.
const MAX_NUMBERED: u32 = 999;

/// `path` itself for 1, else `stem (n).ext` beside it.
pub fn numbered(path: &Path, n: u32) -> PathBuf {
    if n <= 1 {
        return path.to_path_buf();
    }
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = match path.extension() {
        Some(ext) => format!("{stem} ({n}).{}", ext.to_string_lossy()),
        None => format!("{stem} ({n})"),
    };
    path.with_file_name(name)
}

/// A temporary file beside `path` holding what `fill` wrote, flushed to disk. Errors
/// of `fill` that are not about writing (an unknown unit, a database error) come back
/// as they are.
fn filled(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<tempfile::NamedTempFile> {
    let dir = parent_dir(path);
    if !dir.is_dir() {
        return Err(Error::NoDirectory(dir.to_path_buf()));
    }
    // 0600, removed when dropped unsaved, and swept at a later start if a kill
    // leaves it behind.
    let tmp = crate::store::temp::beside(path).map_err(|e| failed(path, &e))?;
    let mut out = BufWriter::new(tmp);
    if let Err(e) = fill(&mut out) {
        return Err(match e {
            Error::Io(io) => failed(path, &io),
            other => other,
        });
    }
    let tmp = out.into_inner().map_err(|e| failed(path, e.error()))?;
    tmp.as_file().sync_all().map_err(|e| failed(path, &e))?;
    Ok(tmp)
}

/// Writes `bytes` to `path`, whole or not at all.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, |w| Ok(w.write_all(bytes)?))
}

/// The directory a file is written in (the current one for a bare name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn failed(path: &Path, e: &std::io::Error) -> Error {
    // The system's error number when there is one, so it is worded like any other.
    let copy = match e.raw_os_error() {
        Some(n) => std::io::Error::from_raw_os_error(n),
        None => std::io::Error::new(e.kind(), e.to_string()),
    };
    Error::write(path, copy)
}

/// Makes the rename itself durable (Unix); a failure here changes nothing already
/// written, so it is not reported.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_whole_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.csv");
        write_bytes(&p, b"one").unwrap();
        write_bytes(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(names(dir.path()), ["a.csv"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{mode:o}");
        }
    }

    #[test]
    fn an_error_half_way_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        std::fs::write(&p, b"old").unwrap();
        let r = write_with(&p, |w| {
            w.write_all(b"half of the new")?;
            Err(Error::User("stopped".into()))
        });
        let e = r.unwrap_err();
        assert!(matches!(&e, Error::User(m) if m == "stopped"), "{e:?}");
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["a.json"]);
    }

    #[test]
    fn a_new_file_never_replaces_one_there() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("thong-bao-1.docx");
        assert_eq!(write_new(&p, b"first").unwrap(), p);
        std::fs::write(&p, b"edited in Word").unwrap();
        let second = write_new(&p, b"second").unwrap();
        assert_eq!(second, dir.path().join("thong-bao-1 (2).docx"));
        let third = write_new(&p, b"third").unwrap();
        assert_eq!(third, dir.path().join("thong-bao-1 (3).docx"));
        assert_eq!(std::fs::read(&p).unwrap(), b"edited in Word");
        assert_eq!(std::fs::read(&second).unwrap(), b"second");
        assert_eq!(std::fs::read(&third).unwrap(), b"third");
        assert_eq!(
            names(dir.path()),
            [
                "thong-bao-1 (2).docx",
                "thong-bao-1 (3).docx",
                "thong-bao-1.docx"
            ]
        );
    }

    /// A rename refused at the last step (on Windows, a document open in Word; here a
    /// folder in the way) leaves no temporary file behind.
    #[test]
    fn a_refused_rename_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.docx");
        std::fs::create_dir(&p).unwrap();
        std::fs::write(p.join("inside"), b"x").unwrap();
        let e = write_bytes(&p, b"new").unwrap_err();
        assert!(e.to_string().contains("a.docx"), "{e}");
        assert_eq!(names(dir.path()), ["a.docx"]);
    }

    #[test]
    fn numbered_names_keep_the_extension() {
        assert_eq!(numbered(Path::new("d/a.docx"), 1), Path::new("d/a.docx"));
        assert_eq!(
            numbered(Path::new("d/a.docx"), 2),
            Path::new("d/a (2).docx")
        );
        assert_eq!(numbered(Path::new("a"), 10), Path::new("a (10)"));
    }

    #[test]
    fn a_missing_directory_is_one_plain_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no/such/dir/a.csv");
        let e = write_bytes(&p, b"x").unwrap_err();
        assert!(matches!(e, Error::NoDirectory(_)), "{e:?}");
    }
}
