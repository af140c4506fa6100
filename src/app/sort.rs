//! `t`, the focused pane's next order, and `f`, the search through every task of the
//! province. The selected row stays selected through a change of order.

use super::App;
use crate::layout::Pane;
use crate::model::TaskMode;

impl App {
    pub(super) fn cycle_sort(&mut self) {
        let pane = self.focus;
        let kept = self.selected_id(pane);
        match pane {
            Pane::Units => self.unit_sort = self.unit_sort.next(),
            Pane::Targets => self.target_sort = self.target_sort.next(),
            Pane::Tasks => self.task_sort = self.task_sort.next(self.all_units),
        }
        match pane {
            Pane::Targets => {
                self.reload_targets();
                let at = kept.and_then(|id| self.target_rows.iter().position(|r| r.id == id));
                let h = self.page_rows(Pane::Targets);
                self.targets.select(at.unwrap_or(0), h);
            }
            Pane::Units | Pane::Tasks => {
                let at = kept.and_then(|id| self.position_of(pane, id));
                let h = self.page_rows(pane);
                let list = self.list_mut(pane);
                // The window is placed anew about the row, so it is fetched whole.
                list.offset = 0;
                list.select(at.unwrap_or(0), h);
                if pane == Pane::Units {
                    self.reload_units(true);
                } else {
                    self.reload_tasks(true);
                }
            }
        }
    }

    /// The search: every task of the province, whatever its state, listed as words
    /// are typed in the filter line.
    pub(super) fn start_search(&mut self) {
        self.all_units = true;
        self.task_mode = TaskMode::All;
        self.focus = Pane::Tasks;
        self.tasks.reset();
        self.tasks.filter.clear();
        self.reload_tasks(true);
        self.start_filter();
    }

    /// The province-wide list of every task: the search.
    pub fn searching(&self) -> bool {
        self.all_units && self.task_mode != TaskMode::Overdue
    }

    /// The search with no word typed yet.
    pub fn search_unasked(&self) -> bool {
        self.searching() && self.tasks.filter.trim().is_empty()
    }
}
