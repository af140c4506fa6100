//! The terminal: set up, the event loop, and restore on exit, error or panic.
//! The loop blocks on the next event: an idle tct draws nothing and asks nothing.

use std::io::stdout;

use crate::error::Result;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::app::{Action, App};
use crate::ui;

pub fn run(mut app: App) -> Result<()> {
    // `ratatui::init` also hooks panics so the terminal is restored before the report.
    let mut terminal = ratatui::init();
    let _ = execute!(stdout(), EnableBracketedPaste);
    let result = (|| -> Result<()> {
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        while !app.quit {
            terminal.draw(|f| ui::draw(f, &app))?;
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
                Event::Resize(w, h) => app.update(Action::Resize(w, h)),
                _ => {}
            }
        }
        Ok(())
    })();
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}
