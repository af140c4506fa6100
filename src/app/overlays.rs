//! Help, a target's or a task's detail, and a unit's inspections: views over the
//! dashboard (help over the form too) that are read and closed.

use super::{App, Layer, Overlay, StatusKind};
use crate::i18n::{T, t};
use crate::keymap::{Command, Mode, Scope, keys_of};

impl App {
    pub(super) fn open_help(&mut self) {
        self.layers
            .push(Layer::Overlay(Overlay::Help { scroll: 0 }));
    }

    pub(super) fn open_history(&mut self) {
        let Some(u) = self.selected_unit() else {
            return;
        };
        let (id, unit_name) = (u.id, u.name.clone());
        match self.store.inspections_of(id, false) {
            Ok(rows) => self.layers.push(Layer::Overlay(Overlay::History {
                unit_id: id,
                unit_name,
                rows,
                selected: 0,
                deleted: false,
            })),
            Err(e) => self.fail(e),
        }
    }

    /// An overlay's keys: scroll, open or close it.
    pub(super) fn overlay_command(&mut self, c: Command) -> bool {
        if self.drafts_command(c) || self.history_command(c) || self.conflicts_command(c) {
            return true;
        }
        match c {
            Command::Close => {
                self.layers.pop(Mode::Overlay);
            }
            Command::Open => {
                // A deleted record is restored before it is opened.
                if let Some(Overlay::History { rows, selected, .. }) = self.layers.overlay()
                    && rows.get(*selected).is_some_and(|r| r.deleted_at.is_some())
                {
                    let key = keys_of(Mode::Overlay, Scope::History, Command::RestoreInspection);
                    self.say(
                        StatusKind::Problem,
                        format!("{} {key}", t(T::RecordAlreadyDeleted)),
                    );
                    return true;
                }
                // In a unit's inspections, Enter opens the selected one in the form.
                let id = match self.layers.pop(Mode::Overlay) {
                    Some(Layer::Overlay(Overlay::History { rows, selected, .. })) => {
                        rows.get(selected).map(|r| r.id)
                    }
                    _ => None,
                };
                if let Some(id) = id {
                    self.open_inspection(id);
                }
            }
            Command::Quit => self.quit = true,
            _ => {
                // Help and a task's detail scroll, a unit's inspections move their
                // selection; under a target's detail, up and down go on to move the
                // list beneath.
                let delta = self.movement(c);
                match (self.layers.overlay_mut(), delta) {
                    (Some(Overlay::Help { scroll } | Overlay::Task { scroll, .. }), Some(d)) => {
                        *scroll = scroll.saturating_add_signed(d.clamp(-100, 100) as i16);
                    }
                    (Some(Overlay::History { rows, selected, .. }), Some(d)) => {
                        let last = rows.len().saturating_sub(1) as isize;
                        *selected = (*selected as isize).saturating_add(d).clamp(0, last) as usize;
                    }
                    (Some(Overlay::Conflicts { rows, selected }), Some(d)) => {
                        let last = rows.len().saturating_sub(1) as isize;
                        *selected = (*selected as isize).saturating_add(d).clamp(0, last) as usize;
                    }
                    _ => return false,
                }
            }
        }
        true
    }
}
