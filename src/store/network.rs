//! A database on a network share. SQLite's WAL keeps an index in shared memory that
//! only processes on one computer can share, so on a share (a UNC path
//! `\\server\share\…`, or a drive letter mapped to one) a second computer could read
//! a half-written file; tct uses the rollback journal there (`journal_mode=DELETE`),
//! which works through the share's file locks, and says so once.

use std::path::Path;

/// Whether a path is on a network share: a UNC path (`\\server\share`, `//server/
/// share`, `\\?\UNC\server\share`), or a path on a drive the system calls remote.
/// `\\?\C:\…` and `\\.\…` are local. String logic, the same on every system.
pub fn on_network(path: &str, drive_remote: bool) -> bool {
    let p = path.replace('/', "\\");
    if let Some(rest) = p.strip_prefix("\\\\?\\") {
        return rest
            .get(..4)
            .is_some_and(|s| s.eq_ignore_ascii_case("UNC\\"))
            || drive_remote;
    }
    if p.starts_with("\\\\.\\") {
        return drive_remote;
    }
    p.starts_with("\\\\") || drive_remote
}

/// Whether the database at `path` is on a network share, asking the system about its
/// drive. Windows only: elsewhere `//` is the root, and a mounted share looks like any
/// folder.
pub fn is_on_network(path: &Path) -> bool {
    if !cfg!(windows) {
        return false;
    }
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    on_network(&full.to_string_lossy(), drive_remote(&full))
}

/// Windows: the drive's type, `GetDriveTypeW("X:\")`, is DRIVE_REMOTE for a drive
/// letter mapped to a share.
#[cfg(windows)]
fn drive_remote(full: &Path) -> bool {
    use std::os::windows::ffi::OsStrExt;
    use std::path::Component;
    use windows_sys::Win32::Storage::FileSystem::GetDriveTypeW;
    const DRIVE_REMOTE: u32 = 4;
    let Some(Component::Prefix(prefix)) = full.components().next() else {
        return false;
    };
    let root: Vec<u16> = prefix
        .as_os_str()
        .encode_wide()
        .chain("\\".encode_utf16())
        .chain([0])
        .collect();
    // SAFETY: `root` is a NUL-terminated UTF-16 string that outlives the call.
    unsafe { GetDriveTypeW(root.as_ptr()) == DRIVE_REMOTE }
}

#[cfg(not(windows))]
fn drive_remote(_: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::on_network;

    #[test]
    fn unc_paths_are_on_the_network() {
        assert!(on_network(r"\\server\share\tct\tct.db", false));
        assert!(on_network("//server/share/tct.db", false));
        assert!(on_network(r"\\?\UNC\server\share\tct.db", false));
        assert!(on_network(r"\\?\unc\server\share\tct.db", false));
    }

    #[test]
    fn local_paths_are_not() {
        assert!(!on_network(r"C:\Users\thu\Documents\tct\tct.db", false));
        assert!(!on_network(r"\\?\C:\Users\thu\tct.db", false));
        assert!(!on_network(r"\\.\C:\tct.db", false));
        assert!(!on_network("/home/thu/.local/share/tct/tct.db", false));
        assert!(!on_network("tct.db", false));
    }

    #[test]
    fn a_mapped_drive_is_on_the_network() {
        assert!(on_network(r"Z:\tct\tct.db", true));
        assert!(on_network(r"\\?\Z:\tct\tct.db", true));
    }
}
