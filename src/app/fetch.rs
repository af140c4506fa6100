//! Each pane's visible window, fetched from the store: after a change of data, of
//! selection, of filter or of size. Only the rows on screen are ever read.

use super::{App, shift_window};
use crate::layout::Pane;

impl App {
    /// Figures may have changed (a save): re-read the visible windows.
    pub(super) fn data_changed(&mut self) {
        self.reload_exchange();
        self.reload_units(true);
        self.reload_targets();
        self.reload_tasks(true);
    }

    /// After a resize or focus change: keep each selection visible in its new window.
    pub(super) fn rescroll_all(&mut self) {
        let h = self.page_rows(Pane::Units);
        self.units.select(self.units.selected, h);
        self.reload_units(false);
        let h = self.page_rows(Pane::Targets);
        self.targets.select(self.targets.selected, h);
        let h = self.page_rows(Pane::Tasks);
        self.tasks.select(self.tasks.selected, h);
        self.reload_tasks(false);
    }

    /// Fetches the visible window of units (and counts them when `count`).
    pub(super) fn reload_units(&mut self, count: bool) {
        let h = self.page_rows(Pane::Units);
        let result = (|| {
            if count {
                self.units.total = self.store.count_units_in(
                    &self.ctx,
                    &self.units.filter,
                    self.show_abolished,
                )?;
                self.units.select(self.units.selected, h);
            }
            // After a count the figures may have changed: fetch the whole window.
            let old = if count {
                Vec::new()
            } else {
                std::mem::take(&mut self.unit_rows)
            };
            let (store, ctx, filter) = (&self.store, &self.ctx, &self.units.filter);
            let list = (filter.as_str(), self.show_abolished, self.unit_sort);
            self.unit_rows = shift_window(
                old,
                self.units.loaded_at,
                self.units.offset,
                h,
                self.units.total,
                |off, n| store.units_page_sorted(ctx, list, off, n),
            )?;
            self.units.loaded_at = self.units.offset;
            Ok(())
        })();
        if let Err(e) = result {
            self.fail(e);
        }
        // The selected unit's sentence may take another line than the last one's, and
        // the list a line less: keep the selection in the window that is left.
        // (Once more at most: the selected unit, and so the height, stays the same.)
        if self.page_rows(Pane::Units) != h {
            self.units
                .select(self.units.selected, self.page_rows(Pane::Units));
            self.reload_units(false);
            return;
        }
        self.unit_changed();
    }

    /// The selected unit changed (or may have): its targets and tasks follow.
    pub(super) fn unit_changed(&mut self) {
        let id = self.selected_unit().map(|u| u.id);
        if id == self.selected_unit {
            return;
        }
        self.selected_unit = id;
        self.targets.reset();
        self.targets.filter.clear();
        self.reload_targets();
        if !self.all_units {
            self.tasks.reset();
            self.tasks.filter.clear();
            self.reload_tasks(true);
        }
    }

    pub(super) fn reload_targets(&mut self) {
        self.target_rows = match self.selected_unit {
            Some(id) => match self.store.targets_sorted(
                &self.ctx,
                id,
                &self.targets.filter,
                self.target_sort,
            ) {
                Ok(rows) => rows,
                Err(e) => {
                    self.fail(e);
                    Vec::new()
                }
            },
            None => Vec::new(),
        };
        self.targets.total = self.target_rows.len();
        let h = self.page_rows(Pane::Targets);
        self.targets.select(self.targets.selected, h);
    }

    pub(super) fn reload_tasks(&mut self, count: bool) {
        // The search lists nothing until words are typed: every task of the province
        // is no list to read.
        let Some(scope) = self.task_scope().filter(|_| !self.search_unasked()) else {
            self.task_rows.clear();
            self.tasks.total = 0;
            return;
        };
        let h = self.page_rows(Pane::Tasks);
        let (mode, filter) = (self.task_mode, self.tasks.filter.clone());
        let result = (|| {
            if count {
                self.tasks.total = self.store.count_tasks(&self.ctx, scope, mode, &filter)?;
                self.tasks.select(self.tasks.selected, h);
            }
            let list = (scope, mode, filter.as_str(), self.task_sort);
            self.task_rows = self
                .store
                .tasks_page_sorted(&self.ctx, list, self.tasks.offset, h)?;
            Ok(())
        })();
        if let Err(e) = result {
            self.fail(e);
        }
    }
}
