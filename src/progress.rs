//! Progress of long work (generate, import) on a terminal: a bar with rate and time
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
