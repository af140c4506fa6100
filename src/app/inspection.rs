//! Recording an inspection: opening the form, its keys, typing and pasting into it,
//! saving, leaving, and the draft written meanwhile so that nothing typed is lost.

use std::time::Instant;

use chrono::Local;
use ratatui_textarea::Input;

use super::{App, Dialog, DialogKind, Form, Layer, StatusKind, UnitField};
use crate::domain::text::nfc;
use crate::i18n::{T, t};
use crate::keymap::Command;
use crate::model::TaskFate;

impl App {
    /// `n`: a new inspection of the selected unit, prefilled from the last one.
    pub(super) fn new_inspection(&mut self) {
        if self.store.read_only() {
            self.say(StatusKind::Problem, t(T::ReadOnlyNoEdit));
            return;
        }
        let Some(id) = self.selected_unit().map(|u| u.id) else {
            return self.say(StatusKind::Problem, t(T::NoUnitForInspection));
        };
        if self.offer_drafts_of(id, None) {
            return;
        }
        // A second record of one visit would split its conclusions and leave an
        // empty one as the "latest": the one already there is offered first.
        let same_day = self
            .store
            .previous_inspection(id, self.ctx.as_of, None)
            .ok()
            .flatten()
            .filter(|h| h.held_on == Some(self.ctx.as_of));
        if let Some(h) = same_day {
            let body = format!(
                "{} {}.",
                t(T::DlgSameDayBody),
                crate::domain::format::fmt_date(self.ctx.as_of)
            );
            self.layers.push(Layer::Dialog(Dialog::new(
                DialogKind::SameDay { existing: h.id },
                body,
            )));
            return;
        }
        self.open_new_form();
    }

    /// The form of a new inspection of the selected unit, prefilled.
    pub(super) fn open_new_form(&mut self) {
        let Some(u) = self.selected_unit() else {
            return;
        };
        let (id, name) = (u.id, u.name.clone());
        let form = Form::new_inspection(&self.store, &self.ctx, id, &name);
        self.layers.push(Layer::Form(Box::new(form)));
    }

    /// A saved inspection, from a unit's list of them, opened to be corrected.
    pub(super) fn open_inspection(&mut self, id: i64) {
        match self.store.inspection(&self.ctx, id) {
            Ok(Some(ins)) => {
                if self.offer_drafts_of(ins.header.unit_id, Some(id)) {
                    return;
                }
                let form = Form::from_inspection(&ins, &self.store, &self.ctx);
                self.layers.push(Layer::Form(Box::new(form)));
            }
            Ok(None) => {}
            Err(e) => self.fail(e),
        }
    }

    /// The form's keys; false for a command that is not the form's, which goes on down
    /// the stack.
    pub(super) fn form_command(&mut self, c: Command) -> bool {
        let Some(form) = self.layers.form_mut() else {
            return false;
        };
        match c {
            Command::Save => {
                self.save_form();
            }
            Command::Leave => self.leave_form(false),
            Command::Quit => self.leave_form(true),
            Command::NextField => form.next_field(false),
            Command::PrevField => form.next_field(true),
            Command::NewItem => form.new_item(),
            Command::CycleKind => form.cycle_kind(),
            Command::MoveItemUp => form.move_item(-1),
            Command::MoveItemDown => form.move_item(1),
            Command::PrevItem => form.select_item(-1),
            Command::NextItem => form.select_item(1),
            Command::UndoDelete => {
                if !form.undo_delete() {
                    self.say(StatusKind::Problem, t(T::NothingToUndo));
                }
            }
            Command::Complete => {
                if let Some(s) = form.suggested.clone() {
                    form.complete(&s);
                }
            }
            Command::DeleteItem => {
                let item = form.data.item();
                if item.text.trim().is_empty() && item.id.is_none() {
                    form.delete_item(TaskFate::Keep);
                } else {
                    let has_task = item.has_task;
                    let body = if has_task {
                        t(T::DlgDeleteTaskBody)
                    } else {
                        t(T::DlgDeleteBody)
                    };
                    self.layers.push(Layer::Dialog(Dialog::new(
                        DialogKind::DeleteItem { has_task },
                        body.to_string(),
                    )));
                }
            }
            Command::ExportNotice => {
                // The notice is of what was saved: unsaved or never-saved text waits.
                form.commit();
                let saved = form.data.inspection_id.filter(|_| !form.dirty);
                match saved {
                    None => self.say(StatusKind::Problem, t(T::NoticeSaveFirst)),
                    Some(id) => self.write_notice(id),
                }
            }
            Command::PreviewNotice => self.preview_from_form(),
            Command::Help => self.open_help(),
            _ => return false,
        }
        // Moving between fields and items writes the draft at once.
        if !matches!(c, Command::Save | Command::Leave | Command::Quit) {
            self.write_draft(true);
        }
        true
    }

    /// A key typed into the field under the form's cursor.
    pub(super) fn form_edit(&mut self, input: Input) {
        if let Some(form) = self.layers.form_mut()
            && form.editor.input(input)
        {
            form.edited();
            self.write_draft(false);
        }
    }

    /// Pasted text is kept whole (many lines at once), as NFC, without control
    /// characters other than line breaks (a tab is a space); a one-line field takes
    /// it as one line.
    pub(super) fn form_paste(&mut self, text: &str) {
        let Some(form) = self.layers.form_mut() else {
            return;
        };
        // A tab (between cells copied from a sheet) parts words as a space would.
        let clean: String = nfc(&text.replace("\r\n", "\n").replace('\r', "\n"))
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| *c == '\n' || !c.is_control())
            .collect();
        let clean = if form.data.field.single_line() {
            clean.replace('\n', " ")
        } else {
            clean
        };
        form.editor.insert_str(clean);
        form.edited();
        self.write_draft(false);
    }

    pub(super) fn refresh_suggestion(&mut self) {
        if let Some(form) = self.layers.form_mut() {
            form.refresh_suggestion(&self.store, &self.ctx);
        }
    }

    /// Saves the open form in one transaction; on any problem the text stays on
    /// screen and in the draft, and the message says why.
    pub(super) fn save_form(&mut self) -> bool {
        if self.store.read_only() {
            self.say(StatusKind::Problem, t(T::ReadOnlyNoEdit));
            return false;
        }
        let Some(form) = self.layers.form_mut() else {
            return false;
        };
        let input = match form.validate(&self.store) {
            Ok(i) => i,
            Err(inv) => {
                form.show(&inv);
                self.write_draft(true);
                // Several units of the name typed: the user says which.
                if let (false, Some(item)) = (inv.choices.is_empty(), inv.item) {
                    self.layers.push(Layer::Dialog(Dialog::choose_unit(
                        UnitField::FormItem(item),
                        inv.message,
                        inv.choices,
                    )));
                } else {
                    self.say(StatusKind::Problem, inv.message);
                }
                return false;
            }
        };
        // A new record of a date the unit has one of already: asked once.
        if input.id.is_none() && form.data.second_of_day != Some(input.held_on) {
            let existing = self
                .store
                .previous_inspection(input.unit_id, input.held_on, None)
                .ok()
                .flatten()
                .filter(|h| h.held_on == Some(input.held_on));
            if existing.is_some() {
                let body = format!(
                    "{} {}.",
                    t(T::DlgSameDaySaveBody),
                    crate::domain::format::fmt_date(input.held_on)
                );
                self.write_draft(true);
                self.layers.push(Layer::Dialog(Dialog::new(
                    DialogKind::SameDaySave {
                        date: input.held_on,
                    },
                    body,
                )));
                return false;
            }
        }
        let Some(form) = self.layers.form_mut() else {
            return false;
        };
        let now = Local::now();
        let stamp = now.format("%Y-%m-%d %H:%M:%S").to_string();
        let draft = form.draft_id;
        let saved = self
            .store
            .save_form(&input, &stamp, draft)
            .and_then(|id| self.store.inspection(&self.ctx, id));
        match saved {
            Ok(Some(ins)) => {
                if let Some(form) = self.layers.form_mut() {
                    form.saved(&ins, stamp);
                    // Its draft went with the save; the next change starts another.
                    form.draft_id = None;
                }
                self.say(
                    StatusKind::Good,
                    format!("{} {}", t(T::SavedMsg), now.format("%H:%M:%S")),
                );
                self.data_changed();
                true
            }
            Ok(None) => false,
            Err(e) => {
                self.say(StatusKind::Problem, format!("{}: {e}", t(T::NotSaved)));
                self.write_draft(true);
                false
            }
        }
    }

    /// Esc (or Ctrl-C, to quit after): unsaved changes are asked about first.
    fn leave_form(&mut self, then_quit: bool) {
        let Some(form) = self.layers.form_mut() else {
            return;
        };
        form.commit();
        if !form.dirty {
            self.close_form();
            self.quit = then_quit;
            return;
        }
        // The dialog says the draft is on disk only when it is: written just now, or
        // nothing typed since it was.
        let body = if self.write_draft(true) {
            format!("{} {}", t(T::DlgUnsavedBody), t(T::DlgTypeOn))
        } else {
            format!("{} {}", t(T::DlgUnsavedNoDraft), t(T::DlgTypeOn))
        };
        self.layers.push(Layer::Dialog(Dialog::new(
            DialogKind::Unsaved { then_quit },
            body,
        )));
    }

    pub(super) fn close_form(&mut self) {
        self.layers.close_form();
        self.data_changed();
    }

    /// When the event loop must wake without a key: the draft's next write, if due.
    pub fn next_deadline(&self) -> Option<Instant> {
        let form = self.layers.form().and_then(Form::draft_due);
        let dialog = self.layers.edit().and_then(super::EditDialog::draft_due);
        form.into_iter().chain(dialog).min()
    }
}
