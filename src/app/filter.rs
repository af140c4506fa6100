//! The `/` filter of the focused pane: typed on a line of its own, applied as it is
//! typed, matched without diacritics.

use ratatui_textarea::{CursorMove, Input, TextArea};

use super::{App, Layer};
use crate::domain::text::{nfc, printable};
use crate::keymap::{Command, Mode};
use crate::layout::Pane;

impl App {
    pub(super) fn start_filter(&mut self) {
        // The current filter is shown selected: typing replaces it, an arrow key
        // keeps it to be edited.
        let mut ta = TextArea::new(vec![self.list(self.focus).filter.clone()]);
        ta.move_cursor(CursorMove::End);
        ta.select_all();
        self.layers.push(Layer::Filter(ta));
    }

    pub(super) fn filter_command(&mut self, c: Command) -> bool {
        match c {
            Command::FilterApply => {
                self.layers.pop(Mode::Filter);
            }
            Command::FilterCancel => {
                self.layers.pop(Mode::Filter);
                self.set_filter(String::new());
            }
            _ => return false,
        }
        true
    }

    pub(super) fn filter_edit(&mut self, input: Input) {
        if let Some(ta) = self.layers.filter_mut()
            && ta.input(input)
        {
            self.filter_changed();
        }
    }

    /// A filter is one line: the first line of what was pasted.
    pub(super) fn filter_paste(&mut self, text: &str) {
        if let Some(ta) = self.layers.filter_mut() {
            let line = printable(&nfc(text.lines().next().unwrap_or("")));
            ta.insert_str(line);
            self.filter_changed();
        }
    }

    fn filter_changed(&mut self) {
        let text = self
            .layers
            .filter()
            .map(|t| t.lines().join(" "))
            .unwrap_or_default();
        self.set_filter(nfc(&text));
    }

    pub(super) fn set_filter(&mut self, f: String) {
        let pane = self.focus;
        if self.list(pane).filter == f {
            return;
        }
        // The row the user was on stays selected when the new filter keeps it (always
        // when the filter is cleared): the next key acts on it, not on the first row.
        let kept = self.selected_id(pane);
        let list = self.list_mut(pane);
        list.filter = f;
        match kept.and_then(|id| self.position_of(pane, id)) {
            Some(at) => self.list_mut(pane).selected = at,
            None => self.list_mut(pane).reset(),
        }
        match pane {
            Pane::Units => self.reload_units(true),
            Pane::Targets => {
                self.reload_targets();
                let at = kept.and_then(|id| self.target_rows.iter().position(|r| r.id == id));
                let h = self.page_rows(Pane::Targets);
                self.targets.select(at.unwrap_or(0), h);
            }
            Pane::Tasks => self.reload_tasks(true),
        }
    }

    /// The id of the selected row of a pane.
    pub(super) fn selected_id(&self, pane: Pane) -> Option<i64> {
        match pane {
            Pane::Units => self.selected_unit().map(|u| u.id),
            Pane::Targets => self.target_rows.get(self.targets.selected).map(|r| r.id),
            Pane::Tasks => self.task_rows.get(self.tasks.in_window()).map(|r| r.id),
        }
    }

    /// Where row `id` stands in the pane's list under its filter now (targets come
    /// whole, so they are looked up after they are read).
    pub(super) fn position_of(&mut self, pane: Pane, id: i64) -> Option<usize> {
        let filter = &self.list(pane).filter;
        let found = match pane {
            Pane::Units => self.store.unit_position_sorted(
                &self.ctx,
                (filter, self.show_abolished, self.unit_sort),
                id,
            ),
            // The search with its words cleared lists nothing: no task to look for
            // among every task of the province.
            Pane::Tasks if self.search_unasked() => Ok(None),
            Pane::Tasks => match self.task_scope() {
                Some(scope) => self.store.task_position_sorted(
                    &self.ctx,
                    (scope, self.task_mode, filter, self.task_sort),
                    id,
                ),
                None => Ok(None),
            },
            Pane::Targets => Ok(None),
        };
        found.unwrap_or_else(|e| {
            self.fail(e);
            None
        })
    }
}
