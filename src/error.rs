//! The one error type every layer returns. Each variant is a kind of trouble a user
//! can meet; `Display` words it as one line in the user's language, the same on the
//! status line and on the command line. `main.rs` alone turns it into an exit status.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::{T, t};

#[derive(Debug)]
pub enum Error {
    /// A mistake the user can fix, already worded in the user's language.
    User(String),
    /// A unit name that matches none; the closest known names, best first.
    UnknownUnit { name: String, closest: Vec<String> },
    /// The folder a file should go in does not exist.
    NoDirectory(PathBuf),
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
    /// A database that needs upgrading, opened read-only.
    ReadOnlyOld(PathBuf),
    /// The database file is damaged (truncated, overwritten).
    Damaged,
    /// A file could not be written: the file, and what the system said.
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A document or table could not be put together (DOCX, XLSX, JSON).
    Document(String),
    /// An operating-system error with no file to name.
    Io(std::io::Error),
    /// SQLite refused; rare, and worded by SQLite.
    Db(rusqlite::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A file that could not be written, named.
    pub fn write(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Write {
            path: path.into(),
            source,
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
            Error::NoDirectory(p) => write!(f, "{}: {}", t(T::ErrNoDir), p.display()),
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
            Error::ReadOnlyOld(p) => write!(f, "{}: {}", t(T::OpenedReadOnly), p.display()),
            Error::Damaged => f.write_str(t(T::ErrDamaged)),
            Error::Write { path, source } => {
                write!(f, "{} {}: {source}", t(T::ErrWriteFile), path.display())
            }
            Error::Document(why) => write!(f, "{}: {why}", t(T::ErrWriteFile)),
            Error::Io(e) => write!(f, "{e}"),
            Error::Db(e) => write!(f, "{e}"),
        }
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
