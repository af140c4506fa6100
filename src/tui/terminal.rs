//! The terminal as the dashboard takes it (raw mode, the alternate screen, bracketed
//! paste, the mouse) and gives it back: on exit, on an error, on a panic, and while
//! stopped from the shell. While tct has the mouse, terminals select text with Shift
//! held (xterm, GNOME Terminal, Windows Terminal, tmux).

use std::io::{Stdout, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::error::Result;

/// Whether the dashboard holds the terminal now, for the panic hook.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Takes the terminal and gives a ratatui terminal drawing on it. A panic from now
/// on gives the terminal back before it is reported.
pub fn init() -> Result<Terminal<CrosstermBackend<Stdout>>> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            give_back();
            report(info);
        }));
    });
    // Raw mode may be on when a later step fails: the shell gets its terminal back.
    let taken = take().and_then(|()| Ok(Terminal::new(CrosstermBackend::new(stdout()))?));
    if taken.is_err() {
        give_back();
    }
    taken
}

/// Raw mode, the alternate screen, pastes as one event, clicks and the wheel.
pub fn take() -> Result<()> {
    enable_raw_mode()?;
    TAKEN.store(true, Ordering::SeqCst);
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    )?;
    Ok(())
}

pub fn taken() -> bool {
    TAKEN.load(Ordering::SeqCst)
}

/// The terminal as the shell had it: each step tried, whatever the one before did.
pub fn give_back() {
    if TAKEN.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            Show
        );
        let _ = disable_raw_mode();
    }
}

/// crossterm (0.29) waits for the terminal with an edge-triggered epoll and, when a
/// resize and a key land in the same wake-up, answers the resize and drops the key's
/// wake-up: the key would wait for the next one. Setting the terminal's modes again,
/// unchanged, wakes its readers, so a key already there is read now.
#[cfg(unix)]
pub fn rearm_input() {
    use rustix::termios::{OptionalActions, tcgetattr, tcsetattr};
    let stdin = std::io::stdin();
    if let Ok(modes) = tcgetattr(&stdin) {
        let _ = tcsetattr(&stdin, OptionalActions::Now, &modes);
    }
}

#[cfg(not(unix))]
pub fn rearm_input() {}
