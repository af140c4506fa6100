//! The dashboard: moving through the three panes, Enter and Esc on them, the task
//! views, and the geometry that decides how many rows each pane shows.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::{App, Layer, ListState, Overlay, StatusKind};
use crate::i18n::{T, lang, t};
use crate::keymap::Command;
use crate::layout::{self, Areas, Pane};
use crate::model::{TaskMode, TaskScope, TaskSort, UnitRow};

impl App {
    /// The dashboard takes what no layer over it took; the commands of other layers
    /// do nothing here.
    pub(super) fn dashboard_command(&mut self, c: Command) {
        if let Some(delta) = self.movement(c) {
            return self.move_by(delta);
        }
        match c {
            Command::Quit => self.quit = true,
            Command::NextPane => self.set_focus(self.focus.next()),
            Command::PrevPane => self.set_focus(self.focus.prev()),
            Command::StartFilter => self.start_filter(),
            Command::Open => self.open(),
            Command::Back => self.back(),
            Command::Help => self.open_help(),
            Command::NewInspection => self.new_inspection(),
            Command::MarkDone => self.start_done(),
            Command::Extend => self.start_extend(),
            Command::Correct => self.start_correct(),
            Command::AddTask => self.start_add_task(),
            Command::Reading => self.start_reading(),
            Command::History => self.open_history(),
            Command::Drafts => self.open_drafts(),
            Command::Conflicts => self.open_conflicts(),
            // The province-wide view is of overdue tasks only: listing every open task
            // of every unit would sort them all, and is not what it is for.
            Command::CycleTaskMode if self.all_units => {}
            Command::CycleTaskMode => {
                self.task_mode = self.task_mode.next();
                self.tasks.reset();
                self.reload_tasks(true);
            }
            Command::AllOverdue => self.toggle_all_overdue(),
            Command::CycleSort => self.cycle_sort(),
            Command::Search => self.start_search(),
            Command::ShowAbolished => self.toggle_abolished(),
            Command::WriteBrief => self.write_brief(),
            _ => {}
        }
    }

    /// `e`: the selected unit's brief as DOCX beside the database, as Ctrl-E writes a
    /// notice (never over a file there); the status line says where.
    fn write_brief(&mut self) {
        let Some(id) = self.selected_unit().map(|u| u.id) else {
            return;
        };
        match crate::papers::write_brief_beside_db(&self.store, &self.ctx, id) {
            Ok(p) => self.say(
                StatusKind::Good,
                format!("{}: {}", t(T::BriefWritten), p.display()),
            ),
            Err(e) => self.say(
                StatusKind::Problem,
                format!("{}: {e}", t(T::BriefNotWritten)),
            ),
        }
    }

    /// Up, down, a page, either end: how far a command moves, if it moves.
    pub(super) fn movement(&self, c: Command) -> Option<isize> {
        Some(match c {
            Command::Up => -1,
            Command::Down => 1,
            Command::PageUp => -(self.page_rows(self.focus) as isize),
            Command::PageDown => self.page_rows(self.focus) as isize,
            Command::Top => isize::MIN / 2,
            Command::Bottom => isize::MAX / 2,
            _ => return None,
        })
    }

    /// `o`: the province's overdue tasks, or back to the unit's; from the search, on
    /// to the overdue tasks.
    fn toggle_all_overdue(&mut self) {
        if self.all_units && self.task_mode == TaskMode::Overdue {
            return self.leave_province();
        }
        self.all_units = true;
        self.task_mode = TaskMode::Overdue;
        self.focus = Pane::Tasks;
        self.tasks.reset();
        self.tasks.filter.clear();
        self.reload_tasks(true);
    }

    /// Back from the province-wide view (overdue tasks or the search) to the unit's.
    fn leave_province(&mut self) {
        self.all_units = false;
        // One unit's tasks are all of one unit.
        if self.task_sort == TaskSort::Unit {
            self.task_sort = TaskSort::Deadline;
        }
        self.tasks.reset();
        self.tasks.filter.clear();
        self.reload_tasks(true);
    }

    /// The Units pane with or without the units abolished before the as-of date; the
    /// selected unit stays selected when the list keeps it.
    fn toggle_abolished(&mut self) {
        let kept = self.selected_unit().map(|u| u.id);
        self.show_abolished = !self.show_abolished;
        let at = kept.and_then(|id| self.position_of(Pane::Units, id));
        match at {
            Some(at) => self.units.selected = at,
            None => self.units.reset(),
        }
        self.reload_units(true);
    }

    /// Enter on a pane: units move on to their targets; a target or a task opens its
    /// detail.
    pub(super) fn open(&mut self) {
        let loaded = match self.focus {
            Pane::Units => {
                self.set_focus(Pane::Targets);
                return;
            }
            Pane::Targets => {
                let Some(t) = self.target_rows.get(self.targets.selected) else {
                    return;
                };
                self.store
                    .target_detail(&self.ctx, t.id)
                    .map(|d| d.map(|d| Overlay::Target(Box::new(d))))
            }
            Pane::Tasks => {
                let Some(t) = self.task_rows.get(self.tasks.in_window()) else {
                    return;
                };
                self.store.task_detail(&self.ctx, t.id).map(|d| {
                    d.map(|d| Overlay::Task {
                        detail: Box::new(d),
                        scroll: 0,
                    })
                })
            }
        };
        match loaded {
            Ok(Some(o)) => self.layers.push(Layer::Overlay(o)),
            Ok(None) => {}
            Err(e) => self.fail(e),
        }
    }

    fn back(&mut self) {
        if !self.list(self.focus).filter.is_empty() {
            self.set_filter(String::new());
        } else if self.focus == Pane::Tasks && self.all_units {
            self.leave_province();
        } else if self.focus != Pane::Units {
            self.set_focus(Pane::Units);
        }
    }

    pub(super) fn set_focus(&mut self, p: Pane) {
        self.focus = p;
        // Narrow layouts give the focused pane the whole body: its window grows.
        self.rescroll_all();
    }

    fn move_by(&mut self, delta: isize) {
        self.move_in(self.focus, delta);
    }

    /// Moves the selection of pane `p` by `delta` rows.
    pub(super) fn move_in(&mut self, p: Pane, delta: isize) {
        let h = self.page_rows(p);
        match p {
            Pane::Units => {
                let sel = self.units.selected;
                if self.units.step(delta, h) {
                    self.reload_units(false);
                }
                if sel != self.units.selected {
                    self.unit_changed();
                }
                // Another unit's sentence may take another line: keep it in view.
                if self.page_rows(Pane::Units) != h {
                    self.units
                        .select(self.units.selected, self.page_rows(Pane::Units));
                    self.reload_units(false);
                }
            }
            Pane::Targets => {
                self.targets.step(delta, h);
            }
            Pane::Tasks => {
                if self.tasks.step(delta, h) {
                    self.reload_tasks(false);
                }
            }
        }
    }

    pub fn list(&self, p: Pane) -> &ListState {
        match p {
            Pane::Units => &self.units,
            Pane::Targets => &self.targets,
            Pane::Tasks => &self.tasks,
        }
    }

    pub(super) fn list_mut(&mut self, p: Pane) -> &mut ListState {
        match p {
            Pane::Units => &mut self.units,
            Pane::Targets => &mut self.targets,
            Pane::Tasks => &mut self.tasks,
        }
    }

    pub fn selected_unit(&self) -> Option<&UnitRow> {
        self.unit_rows.get(self.units.in_window())
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// The selected unit's name and scorecard sentence, shown under the title; for a
    /// unit abolished before the date, the mark after its name (every successor).
    pub fn summary(&self) -> String {
        match self.selected_unit() {
            Some(u) => {
                let name = crate::words::unit_label(&u.name, u.kind, &u.namesake);
                let name = match &u.abolished {
                    Some(a) => format!(
                        "{name} ({})",
                        crate::words::abolished_mark(a.on, &a.successors)
                    ),
                    None => name,
                };
                format!("{name}: {}", u.card.phrase(lang()))
            }
            None => String::new(),
        }
    }

    /// Lines the summary needs, wrapped between words in the width it is drawn in
    /// (one column of margin): up to three, so a narrow screen still reads it whole.
    fn summary_lines(&self) -> u16 {
        let width = (self.size.0 as usize).saturating_sub(1).max(1);
        let (mut lines, mut used) = (1u16, 0usize);
        for word in self.summary().split(' ') {
            let w = word.width();
            if used > 0 && used + 1 + w > width {
                lines += 1;
                used = w;
            } else {
                used += w + usize::from(used > 0);
            }
        }
        lines.min(3)
    }

    pub fn areas(&self) -> Areas {
        layout::areas(
            self.area(),
            self.focus,
            self.summary_lines(),
            self.all_units,
        )
    }

    /// Rows a pane shows when it is on screen (narrow layouts show one pane at a time).
    pub fn page_rows(&self, p: Pane) -> usize {
        let lines = self.summary_lines();
        let areas = layout::areas(self.area(), p, lines, self.all_units);
        self.rows_shown(&areas, p).max(1)
    }

    /// Rows of pane `p` in `areas`: the filter line, typed or set, takes the last.
    pub(super) fn rows_shown(&self, areas: &Areas, p: Pane) -> usize {
        let filter_line =
            usize::from(self.layers.filter().is_some() || !self.list(p).filter.is_empty());
        areas.list_rows(p).saturating_sub(filter_line)
    }

    pub fn task_scope(&self) -> Option<TaskScope> {
        if self.all_units {
            Some(TaskScope::AllUnits)
        } else {
            self.selected_unit.map(TaskScope::Unit)
        }
    }
}
