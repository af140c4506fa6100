//! The mouse over the dashboard: a click focuses a pane (or its tab) and selects the
//! row under it, a second click on that row soon after opens it as Enter does, and the
//! wheel scrolls the list under the pointer. What is where comes from `layout`, the
//! geometry the screen is drawn by. Nothing a click does discards or deletes, and no
//! click ever answers a question: with anything open over the dashboard the mouse is
//! ignored, but for the wheel over a view that scrolls.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::{Action, App, Layer};
use crate::keymap::Command;
use crate::layout::{Pane, Spot};

/// Two clicks on one row within this are a double click.
pub const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// Rows one notch of the wheel scrolls.
const WHEEL_ROWS: isize = 3;

/// The action a mouse event asks for, if any: a left press, or a notch of the wheel.
/// Releases, drags and moves ask for nothing, so they neither redraw nor clear the
/// status line.
pub fn mouse_action(ev: &MouseEvent, at: Instant) -> Option<Action> {
    let (col, row) = (ev.column, ev.row);
    match ev.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { col, row, at }),
        MouseEventKind::ScrollDown => Some(Action::Scroll {
            col,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::Scroll {
            col,
            row,
            down: false,
        }),
        _ => None,
    }
}

impl App {
    /// Whether the mouse acts now: on the dashboard alone, and the wheel over a view
    /// (help, a detail, a unit's inspections, the drafts, the notice's preview) too.
    pub(super) fn takes_mouse(&self, action: &Action) -> bool {
        match self.layers.top() {
            None => true,
            Some(Layer::Overlay(_) | Layer::Preview(_)) => {
                matches!(action, Action::Scroll { .. })
            }
            Some(_) => false,
        }
    }

    pub(super) fn click(&mut self, col: u16, row: u16, at: Instant) {
        let areas = self.areas();
        let (pane, shown) = match areas.at(col, row) {
            Some(Spot::Tab(p)) => (p, None),
            Some(Spot::Pane(p, shown)) => (p, shown),
            None => return,
        };
        // The row as drawn now, before a change of focus moves the panes about.
        let list = self.list(pane);
        let idx = shown
            .filter(|&r| r < self.rows_shown(&areas, pane))
            .map(|r| list.offset + r)
            .filter(|&i| i < list.total);
        if pane != self.focus {
            self.set_focus(pane);
        }
        let Some(idx) = idx else {
            self.last_click = None;
            return;
        };
        let double = self.last_click.is_some_and(|(p, i, then)| {
            p == pane && i == idx && at.saturating_duration_since(then) <= DOUBLE_CLICK
        });
        let selected = self.list(pane).selected;
        self.move_in(pane, idx as isize - selected as isize);
        if double {
            // A third click starts over rather than open it again.
            self.last_click = None;
            self.open();
        } else {
            self.last_click = Some((pane, idx, at));
        }
    }

    pub(super) fn scroll(&mut self, col: u16, row: u16, down: bool) {
        let delta = if down { WHEEL_ROWS } else { -WHEEL_ROWS };
        if self.preview().is_some() || self.overlay().is_some() {
            let c = if down { Command::Down } else { Command::Up };
            for _ in 0..WHEEL_ROWS {
                self.command(c);
            }
            return;
        }
        if let Some(Spot::Pane(p, _)) = self.areas().at(col, row) {
            self.scroll_in(p, delta);
        }
    }

    /// Moves the window of pane `p` by `delta` rows; the selection stays where it is
    /// while it is in view, and is carried along at the edge when it would leave.
    fn scroll_in(&mut self, p: Pane, delta: isize) {
        let h = self.page_rows(p);
        let list = self.list_mut(p);
        let offset = list
            .offset
            .saturating_add_signed(delta)
            .min(list.total.saturating_sub(h));
        if offset == list.offset {
            return;
        }
        list.offset = offset;
        list.selected = list.selected.clamp(offset, offset + h - 1);
        match p {
            // Reading the window follows a selected unit that changed.
            Pane::Units => self.reload_units(false),
            Pane::Targets => {}
            Pane::Tasks => self.reload_tasks(false),
        }
    }
}
