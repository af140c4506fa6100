//! Temporary files beside a file being written whole (an export, a backup, the
//! database written back): `.NAME.tct-PID-XXXXXX.tmp`, hidden, beside the target so
//! the final rename stays on one disk, and named so that one left behind can be told
//! from one being written. A kill, a crash or a flat battery midway leaves one; the
//! next start sweeps those of processes that are gone (and any untouched for a day,
//! whose number may have been reused), never one a running tct is writing.

use std::path::Path;
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

/// Past this, a temporary file is stale whoever made it: no export or backup stalls
/// for a day.
const FORGOTTEN: Duration = Duration::from_secs(24 * 60 * 60);

/// A new temporary file (0600 on Unix) beside `dest`, removed when dropped unkept;
/// stale ones in the same directory are swept first.
pub fn beside(dest: &Path) -> std::io::Result<NamedTempFile> {
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    sweep(dir);
    let name = dest.file_name().unwrap_or_default().to_string_lossy();
    tempfile::Builder::new()
        .prefix(&format!(".{name}.tct-{}-", std::process::id()))
        .suffix(".tmp")
        .tempfile_in(dir)
}

/// Removes the stale temporary files in `dir`, and SQLite's journals of them (a
/// backup is written through SQLite); returns how many. Failures are left for the
/// next time.
pub fn sweep(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut swept = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(maker) else {
            continue;
        };
        let untouched = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .unwrap_or_default();
        if (!alive(pid) || untouched > FORGOTTEN) && std::fs::remove_file(entry.path()).is_ok() {
            swept += 1;
        }
    }
    swept
}

/// The process that made a temporary file, from its name; `None` for any other file.
fn maker(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let rest = rest.strip_suffix("-journal").unwrap_or(rest);
    let (_, tail) = rest.strip_suffix(".tmp")?.rsplit_once(".tct-")?;
    let (pid, random) = tail.split_once('-')?;
    let random_ok = random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric());
    random_ok.then(|| pid.parse().ok()).flatten()
}

/// Whether a process runs under that number (one of another user's counts).
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    use rustix::io::Errno;
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    !matches!(rustix::process::test_kill_process(pid), Err(Errno::SRCH))
}

/// Elsewhere a process cannot be asked after: only the day counts.
#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tcts_temporary_names_are_recognised() {
        assert_eq!(maker(".a.csv.tct-123-AbC9z0.tmp"), Some(123));
        assert_eq!(maker(".b.db.tct-7-abcdef.tmp-journal"), Some(7));
        assert_eq!(maker(".x.tct-1.tct-42-abcdef.tmp"), Some(42));
        for other in [
            "a.csv.tct-123-abcdef.tmp",
            ".a.csv.123-abcdef.tmp",
            ".a.csv.tct-123-abcdef.txt",
            ".a.csv.tct-123-abc.tmp",
            ".a.csv.tct-x-abcdef.tmp",
            ".a.csv.AbC9z0.tmp",
            "tct.db",
            "tct.db-wal",
        ] {
            assert_eq!(maker(other), None, "{other}");
        }
    }

    /// A dead process's file goes, with its journal; a running one's stays, however
    /// old, until a day has passed; other files stay.
    #[cfg(unix)]
    #[test]
    fn stale_files_go_and_files_being_written_stay() {
        let dir = tempfile::tempdir().unwrap();
        // A process that has ended: its number is free until reused.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let me = std::process::id();
        let put = |name: &str, age: Duration| {
            let p = dir.path().join(name);
            let f = std::fs::File::create(&p).unwrap();
            f.set_modified(SystemTime::now() - age).unwrap();
        };
        let fresh = Duration::ZERO;
        put(&format!(".r.csv.tct-{dead}-aaaaaa.tmp"), fresh);
        put(&format!(".b.db.tct-{dead}-bbbbbb.tmp"), fresh);
        put(&format!(".b.db.tct-{dead}-bbbbbb.tmp-journal"), fresh);
        put(
            &format!(".mine.csv.tct-{me}-cccccc.tmp"),
            Duration::from_secs(3600),
        );
        put(&format!(".old.csv.tct-{me}-dddddd.tmp"), FORGOTTEN * 2);
        put(".r.csv.aaaaaa.tmp", FORGOTTEN * 2);
        put("tct.db", FORGOTTEN * 2);
        assert_eq!(sweep(dir.path()), 4);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                format!(".mine.csv.tct-{me}-cccccc.tmp"),
                ".r.csv.aaaaaa.tmp".to_string(),
                "tct.db".to_string()
            ]
        );
    }
}
