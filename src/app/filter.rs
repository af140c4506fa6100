//! The `/` filter of the focused pane: typed on a line of its own, applied as it is
//! typed, matched without diacritics.

use ratatui_textarea::{CursorMove, Input, TextArea};

use super::{App, Layer};
use crate::domain::text::{nfc, printable};
use crate::keymap::{Command, Mode};
use crate::layout::Pane;

impl App {
    pub(super) fn start_filter(&mut self) {
        let mut ta = TextArea::new(vec![self.list(self.focus).filter.clone()]);
        ta.move_cursor(CursorMove::End);
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
        let list = self.list_mut(pane);
        if list.filter == f {
            return;
        }
        list.filter = f;
        list.reset();
        match pane {
            Pane::Units => self.reload_units(true),
            Pane::Targets => self.reload_targets(),
            Pane::Tasks => self.reload_tasks(true),
        }
    }
}
