//! Edits from the keyboard, as they are announced in a meeting: a task's deadline
//! extended (`+`), its title or lead unit corrected (`s`), a task added by hand (`a`),
//! a target's new reading (`r`). Each opens a small dialog of one-line fields; Enter on
//! the last field (or Ctrl-S) writes it in one transaction, a refusal says why in the
//! dialog and writes nothing. Right after, Ctrl-Z takes the edit back (`undo.rs`).

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, Input, TextArea};

use super::edit_write::{write_correction, write_extension, write_new_task, write_reading};
use super::{App, Layer, StatusKind};
use crate::domain::format::fmt_date;
use crate::domain::text::{nfc, printable};
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode};
use crate::layout::Pane;

/// What a task added by hand says of where it came from.
pub const HAND_ORIGIN: &str = "Nhập tay";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    Extend {
        task_id: i64,
        deadline: Option<NaiveDate>,
        assigned_on: Option<NaiveDate>,
    },
    Correct {
        task_id: i64,
    },
    AddTask,
    Reading {
        target_id: i64,
    },
}

pub struct EditField {
    pub label: T,
    pub input: TextArea<'static>,
}

/// The dialog over the dashboard.
pub struct EditDialog {
    pub kind: EditKind,
    pub title: T,
    /// The record edited, as the dialog names it: the task's title, the target's name.
    pub subject: String,
    pub fields: Vec<EditField>,
    /// The field the cursor is in.
    pub field: usize,
    /// What the formats are, under the fields.
    pub hint: T,
    /// Why the last save was refused; what was typed stays.
    pub error: Option<String>,
    /// Something was typed or pasted: Esc keeps it aside (`App::parked`).
    pub touched: bool,
}

fn field(label: T, text: &str) -> EditField {
    let mut input = TextArea::new(vec![text.to_string()]);
    input.move_cursor(CursorMove::End);
    EditField { label, input }
}

impl EditDialog {
    /// The text of a field, trimmed.
    pub fn text(&self, i: usize) -> String {
        self.fields[i].input.lines().concat().trim().to_string()
    }
}

impl App {
    fn can_write(&mut self) -> bool {
        if self.store.read_only() {
            self.say(StatusKind::Problem, t(T::ReadOnlyNoEdit));
        }
        !self.store.read_only()
    }

    fn selected_task(&self) -> Option<&crate::model::TaskRow> {
        (self.focus == Pane::Tasks)
            .then(|| self.task_rows.get(self.tasks.in_window()))
            .flatten()
    }

    /// Opens a dialog, or the one closed by Esc on the same record, as it was.
    fn open_edit(&mut self, d: EditDialog) {
        let d = match self.parked.take() {
            Some(mut p) if p.kind == d.kind => {
                p.error = None;
                self.say(StatusKind::Good, t(T::EdUnparked));
                p
            }
            other => {
                self.parked = other;
                Box::new(d)
            }
        };
        self.layers.push(Layer::Edit(d));
    }

    /// Esc: closes the dialog, writing nothing; what was typed is kept aside.
    fn cancel_edit(&mut self) {
        if let Some(Layer::Edit(d)) = self.layers.pop(Mode::Prompt)
            && d.touched
        {
            self.parked = Some(d);
            self.say(StatusKind::Good, t(T::EdParked));
        }
    }

    /// `+`: a new deadline for the selected task, with the document and reason.
    pub(super) fn start_extend(&mut self) {
        if !self.can_write() {
            return;
        }
        let Some(task) = self.selected_task() else {
            return self.say(StatusKind::Problem, t(T::DoneNoTask));
        };
        if task.completed_on.is_some() || task.completion_unknown {
            return self.say(StatusKind::Problem, t(T::EdDoneTask));
        }
        let d = EditDialog {
            kind: EditKind::Extend {
                task_id: task.id,
                deadline: task.deadline,
                assigned_on: task.assigned_on,
            },
            title: T::ExtendTitle,
            subject: task.title.clone(),
            fields: vec![
                field(T::EdNewDeadline, ""),
                field(T::EdDocNumber, ""),
                field(T::EdReason, ""),
            ],
            field: 0,
            hint: T::EdExtendHint,
            error: None,
            touched: false,
        };
        self.open_edit(d);
    }

    /// `s`: the selected task's title and lead unit, to correct.
    pub(super) fn start_correct(&mut self) {
        if !self.can_write() {
            return;
        }
        let Some(task) = self.selected_task() else {
            return self.say(StatusKind::Problem, t(T::DoneNoTask));
        };
        let d = EditDialog {
            kind: EditKind::Correct { task_id: task.id },
            title: T::CorrectTitle,
            subject: task.title.clone(),
            fields: vec![
                field(T::EdTitle, &task.title),
                field(T::EdUnit, &task.unit_name),
            ],
            field: 0,
            hint: T::EdUnitHint,
            error: None,
            touched: false,
        };
        self.open_edit(d);
    }

    /// `a` on the tasks pane: a task typed by hand, of the selected unit unless
    /// another is named.
    pub(super) fn start_add_task(&mut self) {
        if !self.can_write() {
            return;
        }
        if self.focus != Pane::Tasks {
            return self.say(StatusKind::Problem, t(T::DoneNoTask));
        }
        let unit = self
            .selected_unit()
            .map(|u| u.name.clone())
            .unwrap_or_default();
        let d = EditDialog {
            kind: EditKind::AddTask,
            title: T::AddTaskTitle,
            subject: String::new(),
            fields: vec![
                field(T::EdUnit, &unit),
                field(T::EdTitle, ""),
                field(T::EdDeadline, ""),
                field(T::EdSource, ""),
            ],
            field: 1,
            hint: T::EdDeadlineHint,
            error: None,
            touched: false,
        };
        self.open_edit(d);
    }

    /// `r` on a target: its value on a date, today's by default.
    pub(super) fn start_reading(&mut self) {
        if !self.can_write() {
            return;
        }
        let target = (self.focus == Pane::Targets)
            .then(|| self.target_rows.get(self.targets.selected))
            .flatten();
        let Some(target) = target else {
            return self.say(StatusKind::Problem, t(T::EdNoTarget));
        };
        let d = EditDialog {
            kind: EditKind::Reading {
                target_id: target.id,
            },
            title: T::ReadingTitle,
            subject: format!("{} ({})", target.name, target.measure),
            fields: vec![
                field(T::EdValue, ""),
                field(T::EdDate, &fmt_date(self.ctx.as_of)),
            ],
            field: 0,
            hint: T::EdReadingHint,
            error: None,
            touched: false,
        };
        self.open_edit(d);
    }

    /// The dialog's keys: Enter moves on, or saves on the last field.
    pub(super) fn edit_dialog_command(&mut self, c: Command) -> bool {
        let Some(d) = self.layers.edit_mut() else {
            return false;
        };
        let n = d.fields.len();
        match c {
            Command::NextField => d.field = (d.field + 1) % n,
            Command::PrevField => d.field = (d.field + n - 1) % n,
            Command::PromptApply if d.field + 1 < n => d.field += 1,
            Command::PromptApply | Command::Save => self.apply_edit(),
            Command::PromptCancel => self.cancel_edit(),
            Command::Quit => self.quit = true,
            _ => {}
        }
        true
    }

    pub(super) fn edit_dialog_input(&mut self, input: Input) {
        if let Some(d) = self.layers.edit_mut() {
            let i = d.field;
            if d.fields[i].input.input(input) {
                d.error = None;
                d.touched = true;
            }
        }
    }

    /// A field is one line: the first line of what was pasted.
    pub(super) fn edit_dialog_paste(&mut self, text: &str) {
        if let Some(d) = self.layers.edit_mut() {
            let i = d.field;
            d.fields[i]
                .input
                .insert_str(printable(&nfc(text.lines().next().unwrap_or(""))));
            d.touched = true;
        }
    }

    /// Writes what the dialog holds, or leaves it open with the reason it cannot.
    fn apply_edit(&mut self) {
        let Some(d) = self.layers.edit() else {
            return;
        };
        let (store, as_of) = (&mut self.store, self.ctx.as_of);
        let result = match d.kind {
            EditKind::Extend {
                task_id,
                deadline,
                assigned_on,
            } => write_extension(store, as_of, d, task_id, deadline, assigned_on),
            EditKind::Correct { task_id } => write_correction(store, as_of, d, task_id),
            EditKind::AddTask => write_new_task(store, as_of, d),
            EditKind::Reading { target_id } => write_reading(store, as_of, d, target_id),
        };
        match result {
            Ok((said, undo)) => {
                self.layers.pop(Mode::Prompt);
                let text = if undo.is_some() {
                    format!("{said} · {}", t(T::EdUndoHint))
                } else {
                    said.clone()
                };
                self.undo = undo.map(|u| (u, said));
                self.say(StatusKind::Good, text);
                self.data_changed();
            }
            Err(e) => {
                if let Some(d) = self.layers.edit_mut() {
                    d.error = Some(e.to_string());
                }
            }
        }
    }
}
