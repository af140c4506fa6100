//! The symbols the screen draws, and plain ones for the legacy Windows console
//! (conhost without Windows Terminal), whose fonts (Consolas, Lucida Console) have no
//! ✓ ◐ ✗ ▶ or Braille and show boxes instead. Chosen once at start, like the language.

use std::sync::atomic::{AtomicBool, Ordering};

static PLAIN: AtomicBool = AtomicBool::new(false);

/// Draws with the plain set from now on, or the usual one.
pub fn set_plain(plain: bool) {
    PLAIN.store(plain, Ordering::Relaxed);
}

pub fn plain() -> bool {
    PLAIN.load(Ordering::Relaxed)
}

/// A target met or exceeded, above 70%, below 70%.
pub fn met() -> &'static str {
    if plain() { "+" } else { "✓" }
}

pub fn above70() -> &'static str {
    if plain() { "~" } else { "◐" }
}

pub fn below70() -> &'static str {
    if plain() { "x" } else { "✗" }
}

/// The highlighted choice of a list.
pub fn pointer() -> &'static str {
    if plain() { ">" } else { "▶" }
}

/// Whether the terminal is the legacy Windows console, from the platform and the
/// environment (`var` reads a variable): Windows Terminal sets `WT_SESSION`, ConEmu
/// `ConEmuANSI`, mintty and other emulators `TERM` or `TERM_PROGRAM`; the old console
/// sets none. `TCT_GLYPHS=plain` or `unicode` decides instead.
pub fn legacy_console(windows: bool, var: impl Fn(&str) -> Option<String>) -> bool {
    match var("TCT_GLYPHS").as_deref() {
        Some("plain") => return true,
        Some("unicode") => return false,
        _ => {}
    }
    let set = |k: &str| var(k).is_some_and(|v| !v.is_empty());
    windows
        && !set("WT_SESSION")
        && var("ConEmuANSI").as_deref() != Some("ON")
        && !set("TERM")
        && !set("TERM_PROGRAM")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_old_console_is_told_from_the_new_terminals() {
        assert!(legacy_console(true, env(&[])));
        assert!(!legacy_console(true, env(&[("WT_SESSION", "b6c2…")])));
        assert!(!legacy_console(true, env(&[("ConEmuANSI", "ON")])));
        assert!(!legacy_console(true, env(&[("TERM", "xterm-256color")])));
        assert!(!legacy_console(true, env(&[("TERM_PROGRAM", "vscode")])));
        assert!(!legacy_console(false, env(&[])));
        // The user decides, either way.
        assert!(legacy_console(false, env(&[("TCT_GLYPHS", "plain")])));
        assert!(!legacy_console(true, env(&[("TCT_GLYPHS", "unicode")])));
    }
}
