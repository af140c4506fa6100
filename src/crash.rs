//! A panic — a bug in tct, never the user's doing — worded like any failure: one line
//! in the user's language saying where the details went. The details (the panic's
//! message, where, the backtrace) go to `tct.log` in the data directory, kept small,
//! or to standard error with `TCT_DEBUG=1`. The dashboard gives the terminal back
//! before this runs (tui/terminal.rs wraps this hook); `main.rs` then exits with 2.

use std::backtrace::Backtrace;
use std::io::Write;
use std::panic::PanicHookInfo;
use std::path::PathBuf;

use crate::domain::text::printable;
use crate::i18n::{T, t};

/// The log is started afresh beyond this size, its previous content kept as
/// `tct.log.1`: two files of at most this much.
const LOG_MAX: u64 = 256 * 1024;

/// Replaces the default hook, which prints an English message and a backtrace hint.
pub fn install() {
    std::panic::set_hook(Box::new(report));
}

fn report(info: &PanicHookInfo<'_>) {
    let details = format!(
        "tct {} {}\n{info}\n{}\n",
        env!("CARGO_PKG_VERSION"),
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S"),
        Backtrace::force_capture()
    );
    let mut err = std::io::stderr().lock();
    if debug() {
        let _ = write!(err, "{details}");
        return;
    }
    let _ = match log(&details) {
        Some(path) => {
            let path = printable(&path.display().to_string());
            writeln!(err, "tct: {} {path}", t(T::ErrPanic))
        }
        None => writeln!(err, "tct: {}", t(T::ErrPanicNoLog)),
    };
}

/// `TCT_DEBUG=1` (anything but empty or 0): the details on standard error.
fn debug() -> bool {
    std::env::var_os("TCT_DEBUG").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Appends the details to the log (owner-only: they may quote what was typed) and
/// gives its path, or `None` when it cannot be written.
fn log(details: &str) -> Option<PathBuf> {
    let path = crate::cli::log_path(&crate::cli::data_dir().ok()?);
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > LOG_MAX) {
        let _ = std::fs::rename(&path, path.with_extension("log.1"));
    }
    let mut open = std::fs::OpenOptions::new();
    open.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut open, 0o600);
    let mut file = open.open(&path).ok()?;
    file.write_all(details.as_bytes()).ok()?;
    file.write_all(b"\n").ok()?;
    Some(path)
}
