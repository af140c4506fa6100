//! Questions the app must ask before it loses or deletes anything. A dialog's choices
//! are its question's bindings in the keymap, and the dialog lists them.

use crate::i18n::T;
use crate::keymap::Question;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    /// Leaving a form with unsaved changes (and quitting after, if asked).
    Unsaved {
        then_quit: bool,
    },
    DeleteItem {
        has_task: bool,
    },
    /// A draft from an earlier run was found.
    Draft,
}

pub struct Dialog {
    pub kind: DialogKind,
    pub title: T,
    pub body: String,
}

impl Dialog {
    pub fn new(kind: DialogKind, body: String) -> Dialog {
        let title = match kind {
            DialogKind::Unsaved { .. } => T::DlgUnsavedTitle,
            DialogKind::DeleteItem { .. } => T::DlgDeleteTitle,
            DialogKind::Draft => T::DlgDraftTitle,
        };
        Dialog { kind, title, body }
    }

    /// The question asked, whose choices are the keys.
    pub fn question(&self) -> Question {
        match self.kind {
            DialogKind::Unsaved { .. } => Question::Unsaved,
            DialogKind::DeleteItem { has_task: false } => Question::Delete,
            DialogKind::DeleteItem { has_task: true } => Question::DeleteWithTask,
            DialogKind::Draft => Question::Draft,
        }
    }
}
