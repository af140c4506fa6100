//! Questions the app must ask before it loses or deletes anything. Each dialog's
//! choices are its keys, as data, and the dialog lists them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::T;
use crate::keymap::{Key, c, ctrl, k};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    SaveAndLeave,
    Discard,
    KeepEditing,
    Delete,
    DeleteWithTask,
    KeepTask,
    Cancel,
    RestoreDraft,
    DropDraft,
    Later,
}

pub struct Choice {
    pub keys: &'static [Key],
    pub label: T,
    pub answer: Answer,
}

const fn ch(keys: &'static [Key], label: T, answer: Answer) -> Choice {
    Choice {
        keys,
        label,
        answer,
    }
}

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
    pub choices: &'static [Choice],
}

static UNSAVED: &[Choice] = &[
    ch(&[ctrl('s'), c('l')], T::DlgSaveLeave, Answer::SaveAndLeave),
    ch(&[c('b')], T::DlgDiscard, Answer::Discard),
    ch(&[k(KeyCode::Esc)], T::DlgKeepEditing, Answer::KeepEditing),
];

static DELETE: &[Choice] = &[
    ch(&[c('x'), k(KeyCode::Enter)], T::DlgDelete, Answer::Delete),
    ch(&[k(KeyCode::Esc)], T::DlgCancel, Answer::Cancel),
];

static DELETE_TASK: &[Choice] = &[
    ch(&[c('g')], T::DlgKeepTask, Answer::KeepTask),
    ch(&[c('x')], T::DlgDeleteWithTask, Answer::DeleteWithTask),
    ch(&[k(KeyCode::Esc)], T::DlgCancel, Answer::Cancel),
];

static DRAFT: &[Choice] = &[
    ch(
        &[k(KeyCode::Enter), c('m')],
        T::DlgRestore,
        Answer::RestoreDraft,
    ),
    ch(&[c('b')], T::DlgDropDraft, Answer::DropDraft),
    ch(&[k(KeyCode::Esc)], T::DlgLater, Answer::Later),
];

impl Dialog {
    pub fn new(kind: DialogKind, body: String) -> Dialog {
        let (title, choices) = match kind {
            DialogKind::Unsaved { .. } => (T::DlgUnsavedTitle, UNSAVED),
            DialogKind::DeleteItem { has_task: false } => (T::DlgDeleteTitle, DELETE),
            DialogKind::DeleteItem { has_task: true } => (T::DlgDeleteTitle, DELETE_TASK),
            DialogKind::Draft => (T::DlgDraftTitle, DRAFT),
        };
        Dialog {
            kind,
            title,
            body,
            choices,
        }
    }

    pub fn answer_for(&self, ev: &KeyEvent) -> Option<Answer> {
        let mods = match ev.code {
            KeyCode::Char(_) => ev.modifiers - KeyModifiers::SHIFT,
            _ => ev.modifiers,
        };
        let code = match ev.code {
            KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        self.choices
            .iter()
            .find(|c| c.keys.iter().any(|k| k.code == code && k.mods == mods))
            .map(|c| c.answer)
    }
}
