//! A unit's inspections (`i`): deleting a record made by mistake, which asks first
//! and keeps the record, listing the deleted ones, and restoring one. Each delete and
//! restore is one transaction; Ctrl-Z right after a delete restores it.

use chrono::Local;

use super::{App, Dialog, DialogKind, Layer, Overlay, StatusKind, Undo};
use crate::domain::format::fmt_date;
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode, Scope, keys_of};
use crate::model::InspectionSummary;

/// "ngày 23/09/2022 (Tràng Định)": which record, as a message names it.
fn which(row: &InspectionSummary, unit: &str) -> String {
    let date = row.held_on.map(fmt_date).unwrap_or_default();
    format!("{date} ({unit})")
}

/// " và 3 nhiệm vụ", " giữ 3 nhiệm vụ": what became of the record's tasks.
fn tasks_words(words: T, n: u32) -> String {
    format!(" {}", t(words).replace("{n}", &n.to_string()))
}

impl App {
    /// The selected row of the open list of inspections, with the unit's name.
    fn history_selected(&self) -> Option<(InspectionSummary, String)> {
        match self.layers.overlay() {
            Some(Overlay::History {
                rows,
                selected,
                unit_name,
                ..
            }) => rows.get(*selected).map(|r| (r.clone(), unit_name.clone())),
            _ => None,
        }
    }

    /// The list of inspections read again after a write, the same record selected
    /// where it still shows.
    pub(super) fn reload_history(&mut self) {
        let Some(Overlay::History {
            unit_id, deleted, ..
        }) = self.layers.overlay()
        else {
            return;
        };
        let fresh = self.store.inspections_of(*unit_id, *deleted);
        let Some(Overlay::History { rows, selected, .. }) = self.layers.overlay_mut() else {
            return;
        };
        match fresh {
            Ok(fresh) => {
                let id = rows.get(*selected).map(|r| r.id);
                let at = id.and_then(|id| fresh.iter().position(|r| r.id == id));
                *selected = at.unwrap_or(*selected).min(fresh.len().saturating_sub(1));
                *rows = fresh;
            }
            Err(e) => self.fail(e),
        }
    }

    /// The list's own keys; false for the others, which the overlay handles.
    pub(super) fn history_command(&mut self, c: Command) -> bool {
        if !matches!(self.layers.overlay(), Some(Overlay::History { .. })) {
            return false;
        }
        match c {
            Command::DeleteInspection => self.ask_delete_inspection(),
            Command::RestoreInspection => self.restore_selected_inspection(),
            Command::PreviewNotice => self.preview_from_history(),
            Command::ShowDeleted => {
                if let Some(Overlay::History { deleted, .. }) = self.layers.overlay_mut() {
                    *deleted = !*deleted;
                }
                self.reload_history();
            }
            _ => return false,
        }
        true
    }

    /// Delete (or Ctrl-D): asks what becomes of the tasks its directives created.
    fn ask_delete_inspection(&mut self) {
        if self.store.read_only() {
            return self.say(StatusKind::Problem, t(T::ReadOnlyNoEdit));
        }
        let Some((row, unit)) = self.history_selected() else {
            return;
        };
        if row.deleted_at.is_some() {
            let key = keys_of(Mode::Overlay, Scope::History, Command::RestoreInspection);
            return self.say(
                StatusKind::Problem,
                format!("{} {key}", t(T::RecordAlreadyDeleted)),
            );
        }
        let tasks = match self.store.tasks_of_inspection(row.id) {
            Ok(n) => n,
            Err(e) => return self.fail(e),
        };
        let mut body = format!("{} {}?", t(T::DlgDeleteRecordBody), which(&row, &unit));
        if tasks > 0 {
            body.push_str(&format!(" {tasks} {}", t(T::DlgDeleteRecordTasks)));
        }
        body.push_str(&format!(" {}", t(T::DlgDeleteRecordKept)));
        self.layers.push(Layer::Dialog(Dialog::new(
            DialogKind::DeleteInspection { id: row.id, tasks },
            body,
        )));
    }

    /// The dialog's answer: the record deleted (and its tasks, with `with_tasks`) in
    /// one transaction, and Ctrl-Z offered.
    pub(super) fn delete_inspection(&mut self, id: i64, with_tasks: bool) {
        let Some((row, unit)) = self.history_selected().filter(|(r, _)| r.id == id) else {
            return;
        };
        let at = Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
        let done = self.store.write(|tx| {
            let kept = if with_tasks {
                0
            } else {
                tx.tasks_of_inspection(id)?
            };
            Ok(tx
                .delete_inspection(id, with_tasks, &at)?
                .map(|m| (m, kept)))
        });
        match done {
            Ok(Some((moved, kept))) => {
                let what = which(&row, &unit);
                let tasks = match (moved, kept) {
                    (0, 0) => String::new(),
                    (0, k) => format!(",{}", tasks_words(T::RecordTasksKept, k)),
                    (m, _) => tasks_words(T::RecordAndTasks, m),
                };
                let said = format!("{} {what}{tasks}", t(T::RecordDeleted));
                self.say(StatusKind::Good, format!("{said} · {}", t(T::EdUndoHint)));
                self.undo = Some((Undo::InspectionDeleted { inspection_id: id }, said));
            }
            Ok(None) => self.say(StatusKind::Problem, t(T::RecordGone)),
            Err(e) => return self.fail(e),
        }
        self.data_changed();
        self.reload_history();
    }

    /// Ctrl-R on a deleted record: it comes back with the tasks deleted with it.
    fn restore_selected_inspection(&mut self) {
        if self.store.read_only() {
            return self.say(StatusKind::Problem, t(T::ReadOnlyNoEdit));
        }
        let Some((row, unit)) = self.history_selected() else {
            return;
        };
        if row.deleted_at.is_none() {
            return self.say(StatusKind::Problem, t(T::RecordNotDeleted));
        }
        match self.store.write(|tx| tx.restore_inspection(row.id)) {
            Ok(Some(n)) => {
                let tasks = if n > 0 {
                    tasks_words(T::RecordAndTasks, n)
                } else {
                    String::new()
                };
                self.say(
                    StatusKind::Good,
                    format!("{} {}{tasks}", t(T::RecordRestored), which(&row, &unit)),
                );
            }
            Ok(None) => self.say(StatusKind::Problem, t(T::RecordGone)),
            Err(e) => return self.fail(e),
        }
        self.data_changed();
        self.reload_history();
    }
}
