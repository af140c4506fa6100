//! The state of the screen and `update`. It asks the store and never draws.

mod list;

pub use list::ListState;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;
use ratatui_textarea::{Input, TextArea};
use unicode_width::UnicodeWidthStr;

use crate::domain::text::{nfc, printable};
use crate::i18n::lang;
use crate::keymap::{self, Command, Mode};
use crate::layout::{self, Areas, Pane};
use crate::store::{
    Ctx, Store, TargetDetail, TargetRow, TaskDetail, TaskMode, TaskRow, TaskScope, UnitRow,
};
use crate::theme::Theme;

/// Everything that can change the state.
#[derive(Debug, Clone)]
pub enum Action {
    Command(Command),
    /// A key typed into an open text field.
    Edit(Input),
    Paste(String),
    Resize(u16, u16),
}

/// A layer drawn over the dashboard; it takes the keys while open.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Target(Box<TargetDetail>),
    Task {
        detail: Box<TaskDetail>,
        scroll: u16,
    },
}

pub struct App {
    pub store: Store,
    pub ctx: Ctx,
    pub theme: Theme,
    pub size: (u16, u16),
    pub focus: Pane,
    pub units: ListState,
    pub unit_rows: Vec<UnitRow>,
    pub targets: ListState,
    pub target_rows: Vec<TargetRow>,
    pub tasks: ListState,
    pub task_rows: Vec<TaskRow>,
    pub task_mode: TaskMode,
    /// The province-wide view: tasks of every unit instead of the selected one's.
    pub all_units: bool,
    /// The `/` filter being typed, for the focused pane.
    pub filter_input: Option<TextArea<'static>>,
    pub overlay: Option<Overlay>,
    /// A message for the status bar (errors, notices); cleared by the next key.
    pub message: Option<String>,
    pub quit: bool,
    selected_unit: Option<i64>,
}

impl App {
    pub fn new(store: Store, ctx: Ctx, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App {
            store,
            ctx,
            theme,
            size,
            focus: Pane::Units,
            units: ListState::default(),
            unit_rows: Vec::new(),
            targets: ListState::default(),
            target_rows: Vec::new(),
            tasks: ListState::default(),
            task_rows: Vec::new(),
            task_mode: TaskMode::All,
            all_units: false,
            filter_input: None,
            overlay: None,
            message: None,
            quit: false,
            selected_unit: None,
        };
        app.reload_units(true);
        app
    }

    /// The top layer decides which key table applies.
    pub fn mode(&self) -> Mode {
        if self.overlay.is_some() {
            Mode::Overlay
        } else if self.filter_input.is_some() {
            Mode::Filter
        } else {
            Mode::Dashboard
        }
    }

    /// A key press: the keymap names a command, or an open text field takes the key.
    pub fn on_key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        let mode = self.mode();
        if let Some(cmd) = keymap::lookup(mode, &ev) {
            self.update(Action::Command(cmd));
        } else if mode == Mode::Filter {
            self.update(Action::Edit(Input::from(ev)));
        }
    }

    pub fn update(&mut self, action: Action) {
        self.message = None;
        match action {
            Action::Command(c) => self.command(c),
            Action::Edit(input) => {
                if let Some(ta) = self.filter_input.as_mut()
                    && ta.input(input)
                {
                    self.filter_changed();
                }
            }
            Action::Paste(text) => {
                if let Some(ta) = self.filter_input.as_mut() {
                    // A filter is one line: the first line of what was pasted.
                    let line = printable(&nfc(text.lines().next().unwrap_or("")));
                    ta.insert_str(line);
                    self.filter_changed();
                }
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.rescroll_all();
            }
        }
    }

    fn command(&mut self, c: Command) {
        match c {
            Command::Quit => self.quit = true,
            Command::Up => self.move_by(-1),
            Command::Down => self.move_by(1),
            Command::PageUp => self.move_by(-(self.page_rows(self.focus) as isize)),
            Command::PageDown => self.move_by(self.page_rows(self.focus) as isize),
            Command::Top => self.move_by(isize::MIN / 2),
            Command::Bottom => self.move_by(isize::MAX / 2),
            Command::NextPane => self.set_focus(self.focus.next()),
            Command::PrevPane => self.set_focus(self.focus.prev()),
            Command::StartFilter => {
                let mut ta = TextArea::new(vec![self.list(self.focus).filter.clone()]);
                ta.move_cursor(ratatui_textarea::CursorMove::End);
                self.filter_input = Some(ta);
            }
            Command::FilterApply => self.filter_input = None,
            Command::FilterCancel => {
                self.filter_input = None;
                self.set_filter(String::new());
            }
            Command::Open => self.open(),
            Command::Back => self.back(),
            Command::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Command::Close => self.overlay = None,
            Command::CycleTaskMode => {
                self.task_mode = self.task_mode.next();
                self.tasks.reset();
                self.reload_tasks(true);
            }
            Command::AllOverdue => {
                self.all_units = !self.all_units;
                if self.all_units {
                    self.task_mode = TaskMode::Overdue;
                    self.focus = Pane::Tasks;
                }
                self.tasks.reset();
                self.tasks.filter.clear();
                self.reload_tasks(true);
            }
        }
    }

    fn open(&mut self) {
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
            Ok(o) => self.overlay = o,
            Err(e) => self.fail(e),
        }
    }

    fn back(&mut self) {
        if !self.list(self.focus).filter.is_empty() {
            self.set_filter(String::new());
        } else if self.focus == Pane::Tasks && self.all_units {
            self.command(Command::AllOverdue);
        } else if self.focus != Pane::Units {
            self.set_focus(Pane::Units);
        }
    }

    fn set_focus(&mut self, p: Pane) {
        self.focus = p;
        // Narrow layouts give the focused pane the whole body: its window grows.
        self.rescroll_all();
    }

    fn move_by(&mut self, delta: isize) {
        if let Some(Overlay::Help { scroll } | Overlay::Task { scroll, .. }) = self.overlay.as_mut()
        {
            *scroll = scroll.saturating_add_signed(delta.clamp(-100, 100) as i16);
            return;
        }
        let h = self.page_rows(self.focus);
        match self.focus {
            Pane::Units => {
                let sel = self.units.selected;
                if self.units.step(delta, h) {
                    self.reload_units(false);
                }
                if sel != self.units.selected {
                    self.unit_changed();
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

    fn filter_changed(&mut self) {
        let text = self
            .filter_input
            .as_ref()
            .map(|t| t.lines().join(" "))
            .unwrap_or_default();
        self.set_filter(nfc(&text));
    }

    fn set_filter(&mut self, f: String) {
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

    pub fn list(&self, p: Pane) -> &ListState {
        match p {
            Pane::Units => &self.units,
            Pane::Targets => &self.targets,
            Pane::Tasks => &self.tasks,
        }
    }

    fn list_mut(&mut self, p: Pane) -> &mut ListState {
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

    /// The selected unit's name and scorecard sentence, shown under the title.
    pub fn summary(&self) -> String {
        match self.selected_unit() {
            Some(u) => format!("{}: {}", u.name, u.card.phrase(lang())),
            None => String::new(),
        }
    }

    /// Lines the summary needs: one, or two when it is wider than the screen.
    fn summary_lines(&self) -> u16 {
        if self.summary().width() + 1 > self.size.0 as usize {
            2
        } else {
            1
        }
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.area(), self.focus, self.summary_lines())
    }

    /// Rows a pane shows when it is on screen (narrow layouts show one pane at a time).
    pub fn page_rows(&self, p: Pane) -> usize {
        let lines = self.summary_lines();
        let filter_line =
            usize::from(self.filter_input.is_some() || !self.list(p).filter.is_empty());
        let rows = layout::areas(self.area(), p, lines).list_rows(p);
        rows.saturating_sub(filter_line).max(1)
    }

    fn fail(&mut self, e: rusqlite::Error) {
        self.message = Some(format!("{e}"));
    }

    /// After a resize or focus change: keep each selection visible in its new window.
    fn rescroll_all(&mut self) {
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
    fn reload_units(&mut self, count: bool) {
        let h = self.page_rows(Pane::Units);
        let result = (|| {
            if count {
                self.units.total = self.store.count_units(&self.ctx, &self.units.filter)?;
                self.units.select(self.units.selected, h);
            }
            self.unit_rows =
                self.store
                    .units_page(&self.ctx, &self.units.filter, self.units.offset, h)?;
            Ok(())
        })();
        if let Err(e) = result {
            self.fail(e);
        }
        self.unit_changed();
    }

    /// The selected unit changed (or may have): its targets and tasks follow.
    fn unit_changed(&mut self) {
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

    fn reload_targets(&mut self) {
        self.target_rows = match self.selected_unit {
            Some(id) => match self.store.targets_of(&self.ctx, id, &self.targets.filter) {
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

    pub fn task_scope(&self) -> Option<TaskScope> {
        if self.all_units {
            Some(TaskScope::AllUnits)
        } else {
            self.selected_unit.map(TaskScope::Unit)
        }
    }

    fn reload_tasks(&mut self, count: bool) {
        let Some(scope) = self.task_scope() else {
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
            self.task_rows =
                self.store
                    .tasks_page(&self.ctx, scope, mode, &filter, self.tasks.offset, h)?;
            Ok(())
        })();
        if let Err(e) = result {
            self.fail(e);
        }
    }
}
