//! Edits from the keyboard, as they are announced in a meeting: a task's deadline
//! extended (`+`), its title or lead unit corrected (`s`), a task added by hand (`a`),
//! a target's new reading (`r`). Each opens a small dialog of one-line fields; Enter on
//! the last field (or Ctrl-S) writes it in one transaction, a refusal says why in the
//! dialog and writes nothing. Right after, Ctrl-Z takes the edit back (`undo.rs`).

use std::time::Instant;

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, Input, TextArea};
use serde::{Deserialize, Serialize};

use super::edit_write::{write_correction, write_extension, write_new_task, write_reading};
use super::{App, Dialog, Layer, StatusKind, UnitField};
use crate::domain::format::fmt_date;
use crate::domain::text::{nfc, printable};
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode};
use crate::layout::Pane;

/// What a task added by hand says of where it came from.
pub const HAND_ORIGIN: &str = "Nhập tay";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Something was typed or pasted.
    pub touched: bool,
    /// The row its draft is written to, once it has been.
    pub draft_id: Option<i64>,
    /// Changed since the draft was last written.
    pub draft_pending: bool,
    pub last_draft: Option<Instant>,
}

/// A dialog's draft as stored: its kind and record, and its fields as typed. The
/// `dialog` key tells it from a form's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DialogDraft {
    pub dialog: EditKind,
    pub subject: String,
    pub fields: Vec<String>,
    pub field: usize,
}

/// How much of the record's name a draft's line keeps.
const SUBJECT_CHARS: usize = 14;

impl DialogDraft {
    /// The line the drafts list shows: «Gia hạn nhiệm vụ «…»: 31/12/2022 · …».
    pub fn line(&self) -> String {
        let (title, _, _) = shape(&self.dialog);
        let typed = self
            .fields
            .iter()
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        if self.subject.is_empty() {
            return format!("{}: {typed}", t(title));
        }
        // The record's name shortened, so what was typed shows in a narrow list.
        let subject: String = if self.subject.chars().count() > SUBJECT_CHARS {
            let head: String = self.subject.chars().take(SUBJECT_CHARS - 1).collect();
            format!("{}…", head.trim_end())
        } else {
            self.subject.clone()
        };
        format!("{} «{subject}»: {typed}", t(title))
    }
}

fn field(label: T, text: &str) -> EditField {
    let mut input = TextArea::new(vec![text.to_string()]);
    input.move_cursor(CursorMove::End);
    EditField { label, input }
}

/// Whether two dialogs edit the same record the same way.
fn same_record(a: &EditKind, b: &EditKind) -> bool {
    match (a, b) {
        (EditKind::Extend { task_id: x, .. }, EditKind::Extend { task_id: y, .. })
        | (EditKind::Correct { task_id: x }, EditKind::Correct { task_id: y })
        | (EditKind::Reading { target_id: x }, EditKind::Reading { target_id: y }) => x == y,
        (EditKind::AddTask, EditKind::AddTask) => true,
        _ => false,
    }
}

/// A dialog's title, hint and the labels of its fields.
fn shape(kind: &EditKind) -> (T, T, Vec<T>) {
    match kind {
        EditKind::Extend { .. } => (
            T::ExtendTitle,
            T::EdExtendHint,
            vec![T::EdNewDeadline, T::EdDocNumber, T::EdReason],
        ),
        EditKind::Correct { .. } => (T::CorrectTitle, T::EdUnitHint, vec![T::EdTitle, T::EdUnit]),
        EditKind::AddTask => (
            T::AddTaskTitle,
            T::EdDeadlineHint,
            vec![T::EdUnit, T::EdTitle, T::EdDeadline, T::EdSource],
        ),
        EditKind::Reading { .. } => (
            T::ReadingTitle,
            T::EdReadingHint,
            vec![T::EdValue, T::EdDate],
        ),
    }
}

impl EditDialog {
    /// A dialog of `kind` on `subject`, its fields holding `texts`, the cursor in
    /// field `at`.
    pub fn new(kind: EditKind, subject: String, texts: &[&str], at: usize) -> EditDialog {
        let (title, hint, labels) = shape(&kind);
        let fields: Vec<EditField> = labels
            .into_iter()
            .enumerate()
            .map(|(i, l)| field(l, texts.get(i).copied().unwrap_or("")))
            .collect();
        EditDialog {
            kind,
            title,
            subject,
            field: at.min(fields.len() - 1),
            fields,
            hint,
            error: None,
            touched: false,
            draft_id: None,
            draft_pending: false,
            last_draft: None,
        }
    }

    /// A dialog brought back from its draft, typed text and all.
    pub fn from_draft(draft: &DialogDraft) -> EditDialog {
        let texts: Vec<&str> = draft.fields.iter().map(String::as_str).collect();
        let mut d = EditDialog::new(draft.dialog, draft.subject.clone(), &texts, draft.field);
        d.touched = true;
        d
    }

    /// The draft as stored: JSON.
    pub fn draft_body(&self) -> String {
        let draft = DialogDraft {
            dialog: self.kind,
            subject: self.subject.clone(),
            fields: self
                .fields
                .iter()
                .map(|f| f.input.lines().concat())
                .collect(),
            field: self.field,
        };
        serde_json::to_string(&draft).expect("dialog draft serialises")
    }

    /// When the draft must be written next, if typing left it behind.
    pub fn draft_due(&self) -> Option<Instant> {
        self.draft_pending.then(|| {
            self.last_draft
                .map_or_else(Instant::now, |t| t + super::DRAFT_EVERY)
        })
    }

    /// The text of a field, trimmed.
    pub fn text(&self, i: usize) -> String {
        self.fields[i].input.lines().concat().trim().to_string()
    }

    /// Replaces field `i`'s text (a unit chosen among namesakes), the cursor in it.
    pub fn set_text(&mut self, i: usize, text: &str) {
        if let Some(f) = self.fields.get_mut(i) {
            *f = field(f.label, text);
            self.field = i;
            self.touched = true;
            self.draft_pending = true;
        }
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

    /// Opens a dialog, or the one closed by Esc on the same record, as it was: its
    /// draft, which this window still holds, brings it back.
    fn open_edit(&mut self, d: EditDialog) {
        let held = self.store.drafts_held().unwrap_or_default();
        let kept = held.into_iter().find_map(|row| {
            let draft = serde_json::from_str::<DialogDraft>(&row.body).ok()?;
            same_record(&draft.dialog, &d.kind).then_some((row.id, draft))
        });
        let d = match kept {
            Some((id, draft)) => {
                let mut kept = EditDialog::from_draft(&draft);
                // The record as it is now (a deadline extended meanwhile).
                kept.kind = d.kind;
                kept.subject = d.subject;
                kept.draft_id = Some(id);
                self.say(StatusKind::Good, t(T::EdUnparked));
                kept
            }
            None => d,
        };
        self.layers.push(Layer::Edit(Box::new(d)));
    }

    /// Esc: closes the dialog, writing nothing. Its draft, written whole first, stays
    /// on disk: the same key on the same record opens it again as it was, and a crash
    /// meanwhile gets the text back at the next start.
    fn cancel_edit(&mut self) {
        self.write_edit_draft(true);
        if let Some(Layer::Edit(d)) = self.layers.pop(Mode::Prompt)
            && d.draft_id.is_some()
        {
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
        let kind = EditKind::Extend {
            task_id: task.id,
            deadline: task.deadline,
            assigned_on: task.assigned_on,
        };
        let d = EditDialog::new(kind, task.title.clone(), &[], 0);
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
        // The unit as the panes label it, so a namesake's is taken back unchanged.
        let unit =
            (self.store.unit_label(&self.ctx, task.unit_id)).unwrap_or(task.unit_name.clone());
        let d = EditDialog::new(
            EditKind::Correct { task_id: task.id },
            task.title.clone(),
            &[&task.title, &unit],
            0,
        );
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
        // As the pane labels it, so a namesake's is taken back unchanged.
        let unit = self
            .selected_unit()
            .map(|u| crate::words::unit_label(&u.name, u.kind, &u.namesake))
            .unwrap_or_default();
        let d = EditDialog::new(EditKind::AddTask, String::new(), &[&unit], 1);
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
        let d = EditDialog::new(
            EditKind::Reading {
                target_id: target.id,
            },
            format!("{} ({})", target.name, target.measure),
            &["", &fmt_date(self.ctx.as_of)],
            0,
        );
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
            Command::PromptApply | Command::Save => {
                self.apply_edit();
                return true;
            }
            Command::PromptCancel => {
                self.cancel_edit();
                return true;
            }
            Command::Quit => {
                self.write_edit_draft(true);
                self.quit = true;
            }
            _ => {}
        }
        // Moving between fields writes the draft at once, as in the form.
        self.write_edit_draft(true);
        true
    }

    pub(super) fn edit_dialog_input(&mut self, input: Input) {
        if let Some(d) = self.layers.edit_mut() {
            let i = d.field;
            if d.fields[i].input.input(input) {
                d.error = None;
                d.touched = true;
                d.draft_pending = true;
                self.write_edit_draft(false);
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
            d.draft_pending = true;
            self.write_edit_draft(false);
        }
    }

    /// Writes the open dialog's draft when typing has gone on long enough since the
    /// last write, or at once when `now`, as the form's (`write_draft`). A failed
    /// write is said on the status line; the text stays.
    pub(super) fn write_edit_draft(&mut self, now: bool) {
        if self.store.read_only() {
            return;
        }
        let Some(d) = self.layers.edit_mut() else {
            return;
        };
        if !d.draft_pending {
            return;
        }
        let due = d
            .last_draft
            .is_none_or(|t| t.elapsed() >= super::DRAFT_EVERY);
        if !(now || due) {
            return;
        }
        let body = d.draft_body();
        let at = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
        let written = self.store.save_draft(d.draft_id, None, None, &body, &at);
        d.last_draft = Some(Instant::now());
        match written {
            Ok(id) => {
                d.draft_id = Some(id);
                d.draft_pending = false;
            }
            Err(e) => self.say(StatusKind::Problem, format!("{}: {e}", t(T::NotSaved))),
        }
    }

    /// Writes what the dialog holds, or leaves it open with the reason it cannot.
    pub(super) fn apply_edit(&mut self) {
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
            // Several units of the name typed: the user says which.
            Err(crate::error::Error::AmbiguousUnit { name, names }) => {
                let Some(i) = d
                    .fields
                    .iter()
                    .position(|f| f.input.lines().concat().trim() == name)
                else {
                    return;
                };
                let body = t(T::ErrAmbiguousUnit).replace("{name}", &name);
                self.layers.push(Layer::Dialog(Dialog::choose_unit(
                    UnitField::Edit(i),
                    body,
                    names,
                )));
            }
            Err(e) => {
                if let Some(d) = self.layers.edit_mut() {
                    d.error = Some(e.to_string());
                }
            }
        }
    }
}
