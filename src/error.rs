//! The one error type every layer returns. Each variant is a kind of trouble a user
//! can meet; `Display` words it as one line in the user's language, the same on the
//! status line and on the command line. `main.rs` alone turns it into an exit status.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::{Lang, T, lang, t};

#[derive(Debug)]
pub enum Error {
    /// A mistake the user can fix, already worded in the user's language.
    User(String),
    /// A unit name that matches none; the closest known names, best first.
    UnknownUnit { name: String, closest: Vec<String> },
    /// Several units have the name that day: each as a name that means it alone.
    AmbiguousUnit { name: String, names: Vec<String> },
    /// The folder a file should go in does not exist.
    NoDirectory(PathBuf),
    /// No database at this path, for a command that only reads one (`report`,
    /// `export`, `backup`, `config`): a typo must not make an empty one.
    NoDatabase(PathBuf),
    /// The file is not an SQLite database.
    NotSqlite(PathBuf),
    /// An SQLite database, but not tct's.
    NotTct(PathBuf),
    /// A database from a newer tct: its schema version is above the one known here.
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A schema version below what the file's tables say: set back by hand or by
    /// another program.
    SchemaMismatch { path: PathBuf, version: i64 },
    /// A database that needs upgrading, opened read-only.
    ReadOnlyOld(PathBuf),
    /// The database file is damaged (truncated, overwritten).
    Damaged,
    /// The dashboard started where it cannot draw: its input or output is no terminal
    /// (`tct < file`, `tct | cat`, a launcher with no console), or `TERM=dumb`.
    NoTerminal { dumb: bool },
    /// Another program holds a write on the database longer than tct waits.
    Busy,
    /// A file could not be written: the file, and what the system said.
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file could not be written because another program holds it open (Word, Excel
    /// on Windows), or, when `or_read_only`, it may instead be marked read-only: the
    /// system does not say which.
    HeldOpen { path: PathBuf, or_read_only: bool },
    /// A document or table could not be put together (DOCX, XLSX, JSON).
    Document(String),
    /// An operating-system error with no file to name.
    Io(std::io::Error),
    /// SQLite refused; rare, and worded by SQLite.
    Db(rusqlite::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A file that could not be written, named; one another program holds open is
    /// said to be so, with what to do.
    pub fn write(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        let path = path.into();
        let code = source.raw_os_error();
        match held_open(code, cfg!(windows), code == Some(5) && path.is_file()) {
            Some(or_read_only) => Error::HeldOpen { path, or_read_only },
            None => Error::Write { path, source },
        }
    }

    /// The reader of standard output went away (`tct report … | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        let io = match self {
            Error::Io(e) | Error::Write { source: e, .. } => e,
            _ => return false,
        };
        io.kind() == std::io::ErrorKind::BrokenPipe
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::User(m) => f.write_str(m),
            Error::UnknownUnit { name, closest } => {
                write!(f, "{} «{name}»", t(T::ErrUnknownUnit))?;
                if !closest.is_empty() {
                    write!(f, "; {}: {}", t(T::ErrClosest), closest.join(", "))?;
                }
                Ok(())
            }
            Error::AmbiguousUnit { name, names } => {
                let words = t(T::ErrAmbiguousUnit).replace("{name}", name);
                write!(f, "{words}: {}", names.join("; "))
            }
            Error::NoDirectory(p) => write!(f, "{}: {}", t(T::ErrNoDir), p.display()),
            Error::NoDatabase(p) => {
                let p = p.display();
                let words = t(T::ErrNoDatabase).replace("{p}", &p.to_string());
                f.write_str(&words)
            }
            Error::NotSqlite(p) => write!(f, "{}: {}", t(T::ErrNotSqlite), p.display()),
            Error::NotTct(p) => write!(f, "{}: {}", t(T::ErrNotTct), p.display()),
            Error::Newer {
                path,
                found,
                supported,
            } => write!(
                f,
                "{} {found} > {supported}): {}",
                t(T::ErrNewer),
                path.display()
            ),
            Error::SchemaMismatch { path, version } => {
                let words = t(T::ErrSchemaMismatch).replace("{n}", &version.to_string());
                write!(f, "{words}: {}", path.display())
            }
            Error::ReadOnlyOld(p) => write!(f, "{}: {}", t(T::OpenedReadOnly), p.display()),
            Error::Damaged => f.write_str(t(T::ErrDamaged)),
            Error::Busy => f.write_str(t(T::ErrBusy)),
            Error::NoTerminal { dumb: false } => f.write_str(t(T::ErrNoTerminal)),
            Error::NoTerminal { dumb: true } => f.write_str(t(T::ErrDumbTerminal)),
            Error::Write { path, source } => {
                let why = io_words(source);
                write!(f, "{} {}: {why}", t(T::ErrWriteFile), path.display())
            }
            Error::HeldOpen { path, or_read_only } => {
                let why = match or_read_only {
                    true => T::IoOpenElsewhereOrReadOnly,
                    false => T::IoOpenElsewhere,
                };
                write!(f, "{} {}: {}", t(T::ErrWriteFile), path.display(), t(why))
            }
            Error::Document(why) => write!(f, "{}{}", t(T::ErrWriteFile), foreign(why, lang())),
            Error::Io(e) => f.write_str(&io_words(e)),
            Error::Db(e) => f.write_str(&db_words(e)),
        }
    }
}

/// Whether a write failed because another program holds the file open, from the
/// system's error number: on Windows a sharing or lock violation (32, 33) says so;
/// access denied (5) on a file that exists is what replacing a document open in Word
/// gives, and also what a read-only file gives (`Some(true)`: either). Elsewhere an
/// open file never stops a write.
pub fn held_open(code: Option<i32>, windows: bool, existing_file_denied: bool) -> Option<bool> {
    match code {
        Some(32 | 33) if windows => Some(false),
        Some(5) if windows && existing_file_denied => Some(true),
        _ => None,
    }
}

/// What the system said about a file, in the user's language: the common kinds worded
/// in the catalog, the system's own text only for the rare rest.
pub fn io_words(e: &std::io::Error) -> String {
    io_words_in(e, lang())
}

fn io_words_in(e: &std::io::Error, l: Lang) -> String {
    use std::io::ErrorKind as K;
    let key = match e.kind() {
        K::NotFound => T::IoNotFound,
        K::PermissionDenied => T::IoPermissionDenied,
        K::AlreadyExists => T::IoAlreadyExists,
        K::StorageFull => T::IoStorageFull,
        K::QuotaExceeded => T::IoQuotaExceeded,
        K::ReadOnlyFilesystem => T::IoReadOnlyFilesystem,
        K::IsADirectory => T::IoIsADirectory,
        K::NotADirectory => T::IoNotADirectory,
        K::FileTooLarge => T::IoFileTooLarge,
        K::ResourceBusy => T::IoResourceBusy,
        K::InvalidFilename => T::IoInvalidFilename,
        K::StaleNetworkFileHandle => T::IoStale,
        K::TimedOut => T::IoTimedOut,
        K::Interrupted => T::IoInterrupted,
        K::UnexpectedEof => T::IoUnexpectedEof,
        K::OutOfMemory => T::IoOutOfMemory,
        K::BrokenPipe => T::IoBrokenPipe,
        K::CrossesDevices => T::IoCrossesDevices,
        K::TooManyLinks => T::IoLinkLoop,
        K::DirectoryNotEmpty => T::IoDirectoryNotEmpty,
        K::InvalidData => T::IoInvalidData,
        K::WriteZero => T::IoWriteZero,
        K::Unsupported => T::IoUnsupported,
        K::ExecutableFileBusy => T::IoResourceBusy,
        _ if e.raw_os_error() == Some(EIO) => T::IoDevice,
        // ELOOP (its kind is not yet stable Rust).
        _ if cfg!(target_os = "linux") && e.raw_os_error() == Some(40) => T::IoLinkLoop,
        // Windows: the file is open in another program (Excel keeps what it opened).
        _ if cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)) => T::IoOpenElsewhere,
        _ => {
            let code = e
                .raw_os_error()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            return format!(
                "{}{code}{}",
                T::IoOther.in_lang(l),
                foreign(&e.to_string(), l)
            );
        }
    };
    key.in_lang(l).to_string()
}

/// What a library (a zip, a spreadsheet reader) said, in the user's language: an
/// operating-system error inside it (`… (os error 13)`) worded like any other; the
/// rest as `words`, the library's English after it in English or with `TCT_DEBUG=1`.
pub fn library_words(text: &str, words: T) -> String {
    let os_error = text
        .trim_end()
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once("(os error "))
        .and_then(|(_, n)| n.parse::<i32>().ok());
    match os_error {
        Some(n) => io_words(&std::io::Error::from_raw_os_error(n)),
        None => format!("{}{}", t(words), foreign(text, lang())),
    }
}

/// Another program's words (the system's, SQLite's, a library's), which are English:
/// shown after ": " in English, or with `TCT_DEBUG=1`, never inside a Vietnamese line
/// otherwise.
fn foreign(text: &str, l: Lang) -> String {
    let debug = std::env::var_os("TCT_DEBUG").is_some_and(|v| !v.is_empty() && v != "0");
    if l == Lang::En || debug {
        format!(": {}", one_line(text))
    } else {
        String::new()
    }
}

/// EIO: the disk or the device under the file failed.
const EIO: i32 = 5;

/// What SQLite said, in the user's language; its own text only for the rare rest.
fn db_words(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    let key = match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => T::ErrBusy,
        Some(C::DiskFull) => T::IoStorageFull,
        Some(C::ReadOnly) => T::ReadOnlyNoEdit,
        Some(C::PermissionDenied) => T::IoPermissionDenied,
        Some(C::CannotOpen) => T::ErrDbCannotOpen,
        Some(C::SystemIoFailure) => T::ErrDbIo,
        Some(C::DatabaseCorrupt | C::NotADatabase) => T::ErrDamaged,
        Some(C::OutOfMemory) => T::IoOutOfMemory,
        Some(C::TooBig) => T::ErrDbTooBig,
        _ => {
            let code = match e {
                rusqlite::Error::SqliteFailure(f, _) => format!(" ({})", f.extended_code),
                _ => String::new(),
            };
            return format!("{}{code}{}", t(T::ErrDb), foreign(&e.to_string(), lang()));
        }
    };
    t(key).to_string()
}

/// A message from elsewhere on one short line: SQLite may quote a whole statement.
fn one_line(s: &str) -> String {
    const MAX: usize = 160;
    let line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Write { source, .. } | Error::Io(source) => Some(source),
            Error::Db(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => Error::Damaged,
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Error::Busy
            }
            _ => Error::Db(e),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        match e.io_error_kind() {
            Some(kind) => Error::Io(kind.into()),
            None => Error::Document(e.to_string()),
        }
    }
}

impl From<rust_xlsxwriter::XlsxError> for Error {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        match e {
            rust_xlsxwriter::XlsxError::IoError(io) => Error::Io(io),
            other => Error::Document(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Error as IoError;

    /// The system's error numbers tct meets on Linux, each worded in Vietnamese.
    #[cfg(target_os = "linux")]
    #[test]
    fn system_errors_are_worded_in_vietnamese() {
        for (errno, words) in [
            (2, "không có tệp"),    // ENOENT
            (13, "không có quyền"), // EACCES
            (17, "đã có"),          // EEXIST
            (28, "đầy"),            // ENOSPC
            (30, "chỉ cho đọc"),    // EROFS
            (21, "thư mục"),        // EISDIR
            (5, "lỗi đọc/ghi"),     // EIO
            (122, "hạn mức"),       // EDQUOT
        ] {
            let said = io_words(&IoError::from_raw_os_error(errno));
            assert!(said.contains(words), "{errno}: {said}");
            assert!(!said.contains("os error"), "{errno}: {said}");
        }
    }

    /// The rest: in Vietnamese its number only, never the system's English; in
    /// English the system's text on one short line.
    #[test]
    fn a_librarys_words_are_ours_and_its_system_errors_worded() {
        if std::env::var_os("TCT_DEBUG").is_none() {
            assert_eq!(
                library_words(
                    "invalid Zip archive: Could not find EOCD",
                    T::ImpNotReadable
                ),
                "tệp hỏng hoặc không đúng định dạng bảng tính"
            );
        }
        #[cfg(target_os = "linux")]
        assert_eq!(
            library_words(
                "Xlsx error: Io: Permission denied (os error 13)",
                T::ImpNotReadable
            ),
            "không có quyền truy cập"
        );
    }

    #[test]
    fn a_file_held_open_on_windows_is_said_so() {
        // Word holding the notice: sharing violation, lock violation, access denied
        // on replacing it.
        assert_eq!(held_open(Some(32), true, false), Some(false));
        assert_eq!(held_open(Some(33), true, false), Some(false));
        assert_eq!(held_open(Some(5), true, true), Some(true));
        // Access denied on a file that is not there: a folder without rights.
        assert_eq!(held_open(Some(5), true, false), None);
        // The same numbers elsewhere are other errors (EPIPE, EIO).
        assert_eq!(held_open(Some(32), false, false), None);
        assert_eq!(held_open(Some(5), false, true), None);
        assert_eq!(held_open(None, true, true), None);
        let e = Error::HeldOpen {
            path: PathBuf::from("thong-bao-1.docx"),
            or_read_only: false,
        };
        assert_eq!(
            e.to_string(),
            "không ghi được tệp thong-bao-1.docx: tệp đang mở trong chương trình khác \
             (Word, Excel…): đóng tệp ở đó rồi thử lại"
        );
    }

    #[test]
    fn anything_else_is_worded_without_mixing_languages() {
        let other = IoError::other(format!("first\nsecond {}", "x".repeat(500)));
        if std::env::var_os("TCT_DEBUG").is_none() {
            assert_eq!(io_words_in(&other, Lang::Vi), "lỗi hệ thống");
            // ENOLINK: no word of its own.
            #[cfg(target_os = "linux")]
            assert_eq!(
                io_words_in(&IoError::from_raw_os_error(67), Lang::Vi),
                "lỗi hệ thống (67)"
            );
            assert_eq!(
                Error::Document("unsupported image".into()).to_string(),
                "không ghi được tệp"
            );
        }
        let said = io_words_in(&other, Lang::En);
        assert!(said.starts_with("system error: first second x"), "{said}");
        assert_eq!(said.lines().count(), 1);
        assert!(said.chars().count() < 200, "{said}");
    }
}
