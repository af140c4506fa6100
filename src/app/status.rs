//! The status line's message. Every message is a `Status` set through `App::say`,
//! so what it says and how it is drawn are decided in one place; the next action
//! clears it.

use super::App;
use crate::error::Error;
use crate::i18n::{T, t};
use crate::store::FileEvent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    /// Saved, written: drawn as good news.
    Good,
    /// A refusal, a failure or a warning: drawn as a problem.
    Problem,
}

impl App {
    /// Puts a message on the status line, in place of any earlier one.
    pub(super) fn say(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind,
        });
    }

    /// The message's text, if there is one.
    pub fn message(&self) -> Option<&str> {
        self.status.as_ref().map(|s| s.text.as_str())
    }

    /// Bad news for the status bar, worded as the command line words it.
    pub(super) fn fail(&mut self, e: Error) {
        self.say(StatusKind::Problem, e.to_string());
    }

    /// The database file was deleted or replaced under a write: say where the data is,
    /// after whatever the action said.
    pub(super) fn say_file_event(&mut self) {
        let Some(event) = self.store.take_file_event() else {
            return;
        };
        let said = match event {
            FileEvent::Restored(p) => format!("{}: {}", t(T::FileRestored), p.display()),
            FileEvent::Moved(p) => format!("{}: {}", t(T::FileMoved), p.display()),
        };
        let text = match self.status.take() {
            Some(s) => format!("{} · {said}", s.text),
            None => said,
        };
        // Saved, but the user must know where: said as a problem.
        self.say(StatusKind::Problem, text);
    }
}
