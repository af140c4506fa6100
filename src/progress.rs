//! Progress of long work (generate, import, large exports) on a terminal: a bar with rate and time
//! left on standard error; nothing at all when standard error is not a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

pub fn bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new(len);
    b.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} ~{eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    b
}

/// Rows from which work is long enough to deserve a bar (about a tenth of a second
/// and more in a release build); below it a bar would only flash.
pub const LARGE: u64 = 10_000;

/// A bar for `len` rows when that is large, on a terminal; hidden otherwise.
pub fn bar_if_large(len: u64) -> ProgressBar {
    if len < LARGE {
        ProgressBar::hidden()
    } else {
        bar(len)
    }
}
