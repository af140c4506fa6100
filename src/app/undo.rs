//! Ctrl-Z right after an edit from the dashboard takes it back, in one transaction.
//! The window is one action wide: any other command or key typed ends it, and each
//! undo checks the record is still as the edit left it, so it never reverts anything
//! but the edit just made.

use chrono::NaiveDate;

use super::edit::HAND_ORIGIN;
use super::{App, StatusKind};
use crate::i18n::{T, t};

/// What the last edit changed, enough to put it back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    Extension {
        task_id: i64,
        extension_id: i64,
    },
    Correction {
        task_id: i64,
        title: String,
        unit_id: i64,
        /// As the edit left it: an undo finds the task so, or refuses.
        now_title: String,
        now_unit: i64,
    },
    Added {
        task_id: i64,
    },
    Reading {
        target_id: i64,
        on: NaiveDate,
        previous: Option<f64>,
        value: f64,
    },
    /// An inspection record deleted from a unit's list (with its tasks, or not).
    InspectionDeleted {
        inspection_id: i64,
    },
}

impl App {
    /// The edit that Ctrl-Z would take back now, if any.
    pub fn undoable(&self) -> Option<&Undo> {
        self.undo.as_ref().map(|(u, _)| u)
    }

    /// Ctrl-Z: reverts `undo` (taken from the window as this key came), or says why not.
    pub(super) fn undo_edit(&mut self, undo: Option<(Undo, String)>) {
        let Some((undo, said)) = undo else {
            return self.say(StatusKind::Problem, t(T::EdNothingToUndo));
        };
        let done = self.store.write(|tx| match &undo {
            Undo::Extension {
                task_id,
                extension_id,
            } => tx.revoke_extension(*task_id, *extension_id),
            Undo::Correction {
                task_id,
                title,
                unit_id,
                now_title,
                now_unit,
            } => {
                let as_left = tx
                    .task_now(*task_id)?
                    .is_some_and(|(t, u, _)| &t == now_title && u == *now_unit);
                Ok(as_left && tx.correct_task(*task_id, title, *unit_id)?)
            }
            Undo::Added { task_id } => tx.delete_hand_task(*task_id, HAND_ORIGIN),
            Undo::Reading {
                target_id,
                on,
                previous,
                value,
            } => {
                if tx.reading_at(*target_id, *on)? != Some(*value) {
                    return Ok(false);
                }
                tx.restore_reading(*target_id, *on, *previous)?;
                Ok(true)
            }
            Undo::InspectionDeleted { inspection_id } => {
                Ok(tx.restore_inspection(*inspection_id)?.is_some())
            }
        });
        match done {
            Ok(true) => {
                self.say(StatusKind::Good, format!("{}: «{said}»", t(T::EdUndone)));
                self.data_changed();
                self.reload_history();
            }
            Ok(false) => self.say(StatusKind::Problem, t(T::EdUndoStale)),
            Err(e) => self.fail(e),
        }
    }
}
