//! The dashboard in the terminal: the event loop. `terminal` takes the terminal and
//! gives it back (on exit, error, panic); `suspend` survives a stop from the shell.
//! The loop blocks on the next event: an idle tct draws nothing and asks nothing.

mod suspend;
mod terminal;

use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use crate::app::{Action, App, mouse_action};
use crate::error::{Error, Result};
use crate::ui;
use suspend::Suspend;

/// Whether the dashboard can draw here, asked before anything is opened: with its
/// input or output a file or a pipe, crossterm would fail with a bare system error
/// (or draw its escape codes into the file), so this is said in one line instead.
/// Windows sets no TERM; a Unix terminal that says `dumb` cannot place the cursor.
pub fn check_terminal() -> Result<()> {
    use std::io::IsTerminal;
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(Error::NoTerminal { dumb: false });
    }
    if cfg!(unix) && std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(Error::NoTerminal { dumb: true });
    }
    Ok(())
}

/// The terminal's size in columns and rows, when standard output is one.
pub fn window_size() -> Option<(u16, u16)> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size().ok()
}

pub fn run(mut app: App) -> Result<()> {
    let mut term = terminal::init()?;
    let result = (|| -> Result<()> {
        // Crossterm starts listening for SIGWINCH at its first look for events; the
        // stop and continue signals wake the loop through it.
        event::poll(Duration::ZERO)?;
        let jobs = Suspend::watch()?;
        let size = term.size()?;
        // A message set before the loop (a database just created) outlives the first
        // size, which clears the status line like any action.
        let said = app.status.take();
        app.update(Action::Resize(size.width, size.height));
        app.status = app.status.take().or(said);
        // Whether the last event changed anything to draw: a mouse moving over the
        // screen, or a button let go, does not.
        let mut changed = true;
        while !app.quit {
            if jobs.stop_asked() {
                terminal::give_back();
                jobs.stop_now();
            }
            if jobs.resumed() || !terminal::taken() {
                // The screen was the shell's meanwhile, maybe of another size: take it
                // again and draw it whole (a resize clears and forgets the last frame;
                // `clear` would ask the terminal where its cursor is).
                terminal::take()?;
                let size = term.size()?;
                term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
                app.update(Action::Resize(size.width, size.height));
                changed = true;
            }
            if changed {
                term.draw(|f| ui::draw(f, &app))?;
            }
            changed = true;
            #[cfg(feature = "testing")]
            if std::env::var_os("TCT_TEST_PANIC").is_some_and(|v| v == "screen") {
                panic!("a bug made on purpose by a test");
            }
            // Block until the next event; wake early only when a draft is waiting to
            // be written, never on a timer.
            if let Some(due) = app.next_deadline() {
                let wait = due.saturating_duration_since(std::time::Instant::now());
                if !event::poll(wait)? {
                    app.update(Action::Tick);
                    continue;
                }
            }
            match event::read()? {
                Event::Key(k) => app.on_key(k),
                Event::Paste(s) => app.update(Action::Paste(s)),
                Event::Mouse(m) => match mouse_action(&m, std::time::Instant::now()) {
                    Some(a) => app.update(a),
                    None => changed = false,
                },
                Event::Resize(w, h) => {
                    app.update(Action::Resize(w, h));
                    terminal::rearm_input();
                }
                _ => {}
            }
        }
        Ok(())
    })();
    terminal::give_back();
    result
}
