//! The dashboard in the terminal: the event loop. `terminal` takes the terminal and
//! gives it back (on exit, error, panic); `suspend` survives a stop from the shell.
//! The loop blocks on the next event: an idle tct draws nothing and asks nothing.

mod suspend;
mod terminal;

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::app::{Action, App, BURST_GAP, mouse_action};
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
                let wait = due.saturating_duration_since(Instant::now());
                if !event::poll(wait)? {
                    app.update(Action::Tick);
                    continue;
                }
            }
            // Everything the terminal has ready is read at once, so the keys of a
            // paste Windows sends as keys are seen together (`App::on_keys`).
            let events = read_ready()?;
            changed = false;
            let mut keys = Vec::new();
            for (ev, at) in events {
                if app.quit {
                    break;
                }
                if let Event::Key(k) = ev {
                    keys.push((k, at));
                    continue;
                }
                if !keys.is_empty() {
                    app.on_keys(&std::mem::take(&mut keys));
                    changed = true;
                }
                match ev {
                    Event::Paste(s) => app.update(Action::Paste(s)),
                    Event::Mouse(m) => match mouse_action(&m, at) {
                        Some(a) => app.update(a),
                        None => continue,
                    },
                    Event::Resize(w, h) => {
                        app.update(Action::Resize(w, h));
                        terminal::rearm_input();
                    }
                    _ => {}
                }
                changed = true;
            }
            if !keys.is_empty() {
                app.on_keys(&keys);
                changed = true;
            }
        }
        Ok(())
    })();
    terminal::give_back();
    result
}

/// The next event (waiting for it) and every one ready after it, each with when it
/// was read. After two keys or more, a paste may still be coming in parts: the keys
/// that follow within a burst's gap are part of it. A person's single key is never
/// held back, nor is anything but keys waited for.
fn read_ready() -> Result<Vec<(Event, Instant)>> {
    let mut events = vec![(event::read()?, Instant::now())];
    loop {
        while event::poll(Duration::ZERO)? {
            events.push((event::read()?, Instant::now()));
        }
        let keys = events
            .iter()
            .filter(|(e, _)| matches!(e, Event::Key(k) if k.kind != KeyEventKind::Release))
            .count();
        let last_a_key = matches!(events.last(), Some((Event::Key(_), _)));
        if keys < 2 || !last_a_key || !event::poll(BURST_GAP)? {
            return Ok(events);
        }
    }
}
