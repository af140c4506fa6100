//! Questions the app must ask before it loses or deletes anything. A dialog's choices
//! are its question's bindings in the keymap, and the dialog lists them.

use super::{App, Layer, StatusKind};
use crate::i18n::{T, t};
use crate::keymap::{self, Command, Mode, Question};
use crate::model::TaskFate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    /// Leaving a form with unsaved changes (and quitting after, if asked).
    Unsaved {
        then_quit: bool,
    },
    DeleteItem {
        has_task: bool,
    },
    /// `n` on a unit that has a record of the as-of date already.
    SameDay {
        existing: i64,
    },
    /// Saving a new record of a date the unit has a record of.
    SameDaySave {
        date: chrono::NaiveDate,
    },
    /// A unit's name several units have: which one (the dialog's `choices`)?
    ChooseUnit {
        field: UnitField,
    },
    /// Deleting an inspection record from a unit's list; `tasks` its directives
    /// created.
    DeleteInspection {
        id: i64,
        tasks: u32,
    },
}

/// Where the unit chosen is written back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitField {
    /// The unit field of the form's item of this index.
    FormItem(usize),
    /// The field of this index of the open edit dialog.
    Edit(usize),
}

pub struct Dialog {
    pub kind: DialogKind,
    pub title: T,
    pub body: String,
    /// What a choosing question chooses among, and the one highlighted.
    pub choices: Vec<String>,
    pub selected: usize,
}

impl Dialog {
    pub fn new(kind: DialogKind, body: String) -> Dialog {
        let title = match kind {
            DialogKind::Unsaved { .. } => T::DlgUnsavedTitle,
            DialogKind::DeleteItem { .. } => T::DlgDeleteTitle,
            DialogKind::SameDay { .. } | DialogKind::SameDaySave { .. } => T::DlgSameDayTitle,
            DialogKind::ChooseUnit { .. } => T::DlgChooseUnitTitle,
            DialogKind::DeleteInspection { .. } => T::DlgDeleteRecordTitle,
        };
        Dialog {
            kind,
            title,
            body,
            choices: Vec::new(),
            selected: 0,
        }
    }

    /// Which of several units of one name: `names` label each alone.
    pub fn choose_unit(field: UnitField, body: String, names: Vec<String>) -> Dialog {
        Dialog {
            choices: names,
            ..Dialog::new(DialogKind::ChooseUnit { field }, body)
        }
    }

    /// The question asked, whose choices are the keys.
    pub fn question(&self) -> Question {
        match self.kind {
            DialogKind::Unsaved { .. } => Question::Unsaved,
            DialogKind::DeleteItem { has_task: false } => Question::Delete,
            DialogKind::DeleteItem { has_task: true } => Question::DeleteWithTask,
            DialogKind::SameDay { .. } => Question::SameDay,
            DialogKind::SameDaySave { .. } => Question::SameDaySave,
            DialogKind::ChooseUnit { .. } => Question::ChooseUnit,
            DialogKind::DeleteInspection { tasks: 0, .. } => Question::DeleteRecord,
            DialogKind::DeleteInspection { .. } => Question::DeleteRecordWithTasks,
        }
    }
}

impl App {
    /// A dialog takes every command: its question's answers answer it, the rest do
    /// nothing.
    pub(super) fn dialog_command(&mut self, c: Command) -> bool {
        let answers = self
            .layers
            .dialog()
            .is_some_and(|d| keymap::choices(d.question()).any(|b| b.command == c));
        if !answers {
            return true;
        }
        // Moving through the names answers nothing yet.
        if let (Command::Up | Command::Down, Some(Layer::Dialog(d))) = (c, self.layers.top_mut()) {
            let last = d.choices.len().saturating_sub(1);
            d.selected = match c {
                Command::Up => d.selected.saturating_sub(1),
                _ => (d.selected + 1).min(last),
            };
            return true;
        }
        self.answer(c);
        true
    }

    fn answer(&mut self, a: Command) {
        let Some(Layer::Dialog(dialog)) = self.layers.pop(Mode::Dialog) else {
            return;
        };
        match (dialog.kind, a) {
            // A failed save leaves the form open, its message on the status line.
            (DialogKind::Unsaved { then_quit }, Command::SaveAndLeave) if self.save_form() => {
                self.close_form();
                self.quit = then_quit;
            }
            // The draft is kept, discarded, for some days: `b` lists it.
            (DialogKind::Unsaved { then_quit }, Command::Discard) => {
                let kept = self.discard_form_draft();
                self.close_form();
                self.quit = then_quit;
                let said = if kept {
                    T::FormDiscarded
                } else {
                    T::FormDiscardedNoDraft
                };
                if self.status.is_none() {
                    self.say(StatusKind::Good, t(said));
                }
            }
            (DialogKind::DeleteItem { .. }, Command::Delete | Command::DeleteWithTask) => {
                if let Some(f) = self.layers.form_mut() {
                    f.delete_item(TaskFate::Delete);
                }
                self.write_draft(true);
            }
            (DialogKind::DeleteItem { .. }, Command::KeepTask) => {
                if let Some(f) = self.layers.form_mut() {
                    f.delete_item(TaskFate::Keep);
                }
                self.write_draft(true);
            }
            (DialogKind::SameDay { existing }, Command::OpenExisting) => {
                self.open_inspection(existing);
            }
            (DialogKind::SameDay { .. }, Command::NewAnyway) => {
                self.open_new_form();
                if let Some(f) = self.layers.form_mut() {
                    f.data.second_of_day = Some(self.ctx.as_of);
                }
            }
            (DialogKind::ChooseUnit { field }, Command::Choose) => {
                let Some(name) = dialog.choices.get(dialog.selected) else {
                    return;
                };
                match field {
                    UnitField::FormItem(i) => {
                        if let Some(f) = self.layers.form_mut() {
                            f.set_item_unit(i, name);
                        }
                        self.save_form();
                    }
                    UnitField::Edit(i) => {
                        if let Some(d) = self.layers.edit_mut() {
                            d.set_text(i, name);
                        }
                        self.apply_edit();
                    }
                }
            }
            (DialogKind::SameDaySave { date }, Command::SaveAnyway) => {
                if let Some(f) = self.layers.form_mut() {
                    f.data.second_of_day = Some(date);
                }
                self.save_form();
            }
            (DialogKind::DeleteInspection { id, .. }, Command::Delete | Command::KeepTask) => {
                self.delete_inspection(id, false);
            }
            (DialogKind::DeleteInspection { id, .. }, Command::DeleteWithTask) => {
                self.delete_inspection(id, true);
            }
            _ => {}
        }
    }
}
