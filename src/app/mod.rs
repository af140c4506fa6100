//! The state of the screen and `update`. It asks the store and never draws.

mod dialog;
mod done;
mod form;
mod layers;
mod list;
mod status;

pub use dialog::{Dialog, DialogKind};
pub use done::DonePrompt;
pub use form::{DRAFT_EVERY, Field, Form, FormData, Invalid, ItemData};
pub use layers::{Layer, Layers, Overlay};
pub use list::{ListState, shift_window};
pub use status::{Status, StatusKind};

use std::time::Instant;

use chrono::Local;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;
use ratatui_textarea::{Input, TextArea};
use unicode_width::UnicodeWidthStr;

use crate::domain::text::{nfc, printable};
use crate::i18n::{T, lang, t};
use crate::keymap::{self, Command, Mode, Scope};
use crate::layout::{self, Areas, Pane};
use crate::model::{Ctx, TargetRow, TaskFate, TaskMode, TaskRow, TaskScope, UnitRow};
use crate::store::Store;
use crate::theme::Theme;

/// Everything that can change the state.
#[derive(Debug, Clone)]
pub enum Action {
    Command(Command),
    /// A key typed into an open text field.
    Edit(Input),
    Paste(String),
    Resize(u16, u16),
    /// The draft's deadline came while no key was pressed: write it.
    Tick,
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
    /// What is open over the dashboard: the filter being typed, the completion prompt,
    /// the form, overlays, dialogs.
    layers: Layers,
    /// The status bar's message; cleared by the next key.
    pub status: Option<Status>,
    pub quit: bool,
    /// The database is the demo: read once, drawn in every frame's title.
    pub demo: bool,
    selected_unit: Option<i64>,
}

impl App {
    pub fn new(store: Store, ctx: Ctx, theme: Theme, size: (u16, u16)) -> App {
        let demo = store.is_demo();
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
            layers: Layers::default(),
            status: None,
            quit: false,
            demo,
            selected_unit: None,
        };
        app.reload_units(true);
        app.offer_draft();
        app
    }

    /// A draft left by an earlier run (a crash, a closed window): offer it back.
    fn offer_draft(&mut self) {
        if let Ok(Some((body, saved_at))) = self.store.draft() {
            let unit = serde_json::from_str::<FormData>(&body)
                .map(|d| d.unit_name)
                .unwrap_or_default();
            self.layers.push(Layer::Dialog(Dialog::new(
                DialogKind::Draft,
                format!("{}: {unit} ({saved_at}).", t(T::DlgDraftBody)),
            )));
        }
    }

    /// The top layer decides which key table applies.
    pub fn mode(&self) -> Mode {
        self.layers.top().map_or(Mode::Dashboard, Layer::mode)
    }

    /// Where in its mode the top layer is, for the bindings that apply only there.
    fn scope(&self) -> Scope {
        match self.layers.top() {
            Some(Layer::Dialog(d)) => Scope::Asking(d.question()),
            Some(Layer::Form(f)) if f.data.field.single_line() => Scope::OneLine,
            _ => Scope::Any,
        }
    }

    /// A key press: the keymap names a command, or an open text field takes the key.
    pub fn on_key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        let mode = self.mode();
        if let Some(c) = keymap::lookup(mode, self.scope(), &ev) {
            self.update(Action::Command(c));
        } else if matches!(mode, Mode::Filter | Mode::Form | Mode::Prompt) {
            self.update(Action::Edit(Input::from(ev)));
        }
    }

    pub fn layers(&self) -> &Layers {
        &self.layers
    }

    pub fn form(&self) -> Option<&Form> {
        self.layers.form()
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.layers.form_mut()
    }

    pub fn dialog(&self) -> Option<&Dialog> {
        self.layers.dialog()
    }

    pub fn done(&self) -> Option<&DonePrompt> {
        self.layers.done()
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.layers.overlay()
    }

    /// The `/` filter being typed.
    pub fn filter_input(&self) -> Option<&TextArea<'static>> {
        self.layers.filter()
    }

    pub fn update(&mut self, action: Action) {
        self.status = None;
        match action {
            Action::Command(c) => self.command(c),
            Action::Edit(input) => self.edit(input),
            Action::Tick => self.write_draft(true),
            Action::Paste(text) => self.paste(&text),
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.rescroll_all();
            }
        }
        self.say_file_event();
        self.refresh_suggestion();
    }

    fn refresh_suggestion(&mut self) {
        if let Some(form) = self.layers.form_mut() {
            form.refresh_suggestion(&self.store, &self.ctx);
        }
    }

    /// A command goes to the top layer first; one it does not take goes down to the
    /// next, and last to the dashboard.
    fn command(&mut self, c: Command) {
        for mode in self.layers.modes_top_down() {
            let taken = match mode {
                Mode::Dialog => self.dialog_command(c),
                Mode::Overlay => self.overlay_command(c),
                Mode::Form => self.form_command(c),
                Mode::Prompt => self.prompt_command(c),
                Mode::Filter => self.filter_command(c),
                Mode::Dashboard => false,
            };
            if taken {
                return;
            }
        }
        self.dashboard_command(c);
    }

    /// A key that is not a command, typed into the topmost open field. Overlays only
    /// show; a dialog takes every key until it is answered.
    fn edit(&mut self, input: Input) {
        for mode in self.layers.modes_top_down() {
            match mode {
                Mode::Form => {
                    if let Some(form) = self.layers.form_mut()
                        && form.editor.input(input)
                    {
                        form.edited();
                        self.write_draft(false);
                    }
                }
                Mode::Prompt => {
                    if let Some(p) = self.layers.done_mut()
                        && p.input.input(input)
                    {
                        p.error = None;
                    }
                }
                Mode::Filter => {
                    if let Some(ta) = self.layers.filter_mut()
                        && ta.input(input)
                    {
                        self.filter_changed();
                    }
                }
                Mode::Overlay => continue,
                Mode::Dialog | Mode::Dashboard => {}
            }
            return;
        }
    }

    /// Pasted text goes where typed text would.
    fn paste(&mut self, text: &str) {
        for mode in self.layers.modes_top_down() {
            match mode {
                Mode::Form => {
                    if let Some(form) = self.layers.form_mut() {
                        // Pasted text is kept whole (many lines at once), as NFC, without
                        // control characters other than line breaks.
                        let clean: String = nfc(&text.replace("\r\n", "\n").replace('\r', "\n"))
                            .chars()
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
                }
                Mode::Prompt => {
                    if let Some(p) = self.layers.done_mut() {
                        p.input
                            .insert_str(printable(&nfc(text.lines().next().unwrap_or(""))));
                    }
                }
                Mode::Filter => {
                    if let Some(ta) = self.layers.filter_mut() {
                        // A filter is one line: the first line of what was pasted.
                        let line = printable(&nfc(text.lines().next().unwrap_or("")));
                        ta.insert_str(line);
                        self.filter_changed();
                    }
                }
                Mode::Overlay => continue,
                Mode::Dialog | Mode::Dashboard => {}
            }
            return;
        }
    }

    /// Up, down, a page, either end: how far a command moves, if it moves.
    fn movement(&self, c: Command) -> Option<isize> {
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

    /// The dashboard takes what no layer over it took; the commands of other layers
    /// do nothing here.
    fn dashboard_command(&mut self, c: Command) {
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
            Command::Help => self
                .layers
                .push(Layer::Overlay(Overlay::Help { scroll: 0 })),
            Command::NewInspection => self.new_inspection(),
            Command::MarkDone => self.start_done(),
            Command::History => self.open_history(),
            // The province-wide view is of overdue tasks only: listing every open task
            // of every unit would sort them all, and is not what it is for.
            Command::CycleTaskMode if self.all_units => {}
            Command::CycleTaskMode => {
                self.task_mode = self.task_mode.next();
                self.tasks.reset();
                self.reload_tasks(true);
            }
            Command::AllOverdue => self.toggle_all_overdue(),
            _ => {}
        }
    }

    fn toggle_all_overdue(&mut self) {
        self.all_units = !self.all_units;
        if self.all_units {
            self.task_mode = TaskMode::Overdue;
            self.focus = Pane::Tasks;
        }
        self.tasks.reset();
        self.tasks.filter.clear();
        self.reload_tasks(true);
    }

    /// Enter on a pane: units move on to their targets; a target or a task opens its
    /// detail.
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
            Ok(Some(o)) => self.layers.push(Layer::Overlay(o)),
            Ok(None) => {}
            Err(e) => self.fail(e),
        }
    }

    /// An overlay's keys: scroll, open or close it. Help and a task's detail scroll;
    /// under the others, up and down still move the list beneath.
    fn overlay_command(&mut self, c: Command) -> bool {
        match c {
            Command::Close => {
                self.layers.pop(Mode::Overlay);
            }
            Command::Open => {
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
                let delta = self.movement(c);
                let Some(Overlay::Help { scroll } | Overlay::Task { scroll, .. }) =
                    self.layers.overlay_mut()
                else {
                    return false;
                };
                let Some(delta) = delta else {
                    return false;
                };
                *scroll = scroll.saturating_add_signed(delta.clamp(-100, 100) as i16);
            }
        }
        true
    }

    fn prompt_command(&mut self, c: Command) -> bool {
        match c {
            Command::PromptApply => self.apply_done(),
            Command::PromptCancel => {
                self.layers.pop(Mode::Prompt);
            }
            _ => return false,
        }
        true
    }

    fn start_filter(&mut self) {
        let mut ta = TextArea::new(vec![self.list(self.focus).filter.clone()]);
        ta.move_cursor(ratatui_textarea::CursorMove::End);
        self.layers.push(Layer::Filter(ta));
    }

    fn filter_command(&mut self, c: Command) -> bool {
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

    fn back(&mut self) {
        if !self.list(self.focus).filter.is_empty() {
            self.set_filter(String::new());
        } else if self.focus == Pane::Tasks && self.all_units {
            self.toggle_all_overdue();
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
            .layers
            .filter()
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
            usize::from(self.layers.filter().is_some() || !self.list(p).filter.is_empty());
        let rows = layout::areas(self.area(), p, lines).list_rows(p);
        rows.saturating_sub(filter_line).max(1)
    }

    /// Form keys; false when the command is not the form's (quit, help).
    fn form_command(&mut self, c: Command) -> bool {
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
                form.undo_delete();
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
                    Some(id) => {
                        let dir = crate::notice::db_dir(&self.store);
                        match crate::notice::write_docx_for(&self.store, &self.ctx, id, &dir) {
                            Ok(p) => self.say(
                                StatusKind::Good,
                                format!("{}: {}", t(T::NoticeWritten), p.display()),
                            ),
                            Err(e) => self.say(
                                StatusKind::Problem,
                                format!("{}: {e}", t(T::NoticeNotWritten)),
                            ),
                        }
                    }
                }
            }
            Command::Help => self
                .layers
                .push(Layer::Overlay(Overlay::Help { scroll: 0 })),
            _ => return false,
        }
        // Moving between fields and items writes the draft at once.
        if !matches!(c, Command::Save | Command::Leave | Command::Quit) {
            self.write_draft(true);
        }
        true
    }

    /// A dialog takes every command: its question's answers answer it, the rest do
    /// nothing.
    fn dialog_command(&mut self, c: Command) -> bool {
        let answers = self
            .layers
            .dialog()
            .is_some_and(|d| keymap::choices(d.question()).any(|b| b.command == c));
        if answers {
            self.answer(c);
        }
        true
    }

    fn answer(&mut self, a: Command) {
        let Some(Layer::Dialog(dialog)) = self.layers.pop(Mode::Dialog) else {
            return;
        };
        match (dialog.kind, a) {
            // A failed save leaves the form open, its message on the status line.
            (DialogKind::Unsaved { then_quit }, Command::SaveAndLeave) if self.save_form() => {
                self.close_form();
                self.quit = then_quit;
            }
            (DialogKind::Unsaved { then_quit }, Command::Discard) => {
                if let Err(e) = self.store.delete_draft() {
                    self.fail(e);
                }
                self.close_form();
                self.quit = then_quit;
            }
            (DialogKind::DeleteItem { .. }, Command::Delete | Command::DeleteWithTask) => {
                if let Some(f) = self.layers.form_mut() {
                    f.delete_item(TaskFate::Delete);
                }
                self.write_draft(true);
            }
            (DialogKind::DeleteItem { .. }, Command::KeepTask) => {
                if let Some(f) = self.layers.form_mut() {
                    f.delete_item(TaskFate::Keep);
                }
                self.write_draft(true);
            }
            (DialogKind::Draft, Command::RestoreDraft) => self.restore_draft(),
            (DialogKind::Draft, Command::DropDraft) => {
                if let Err(e) = self.store.delete_draft() {
                    self.fail(e);
                }
            }
            _ => {}
        }
    }

    fn restore_draft(&mut self) {
        let draft = match self.store.draft() {
            Ok(Some((body, _))) => body,
            Ok(None) => return,
            Err(e) => return self.fail(e),
        };
        match serde_json::from_str::<FormData>(&draft) {
            Ok(data) => {
                let mut form = Form::from_data(data, &self.store, &self.ctx);
                form.dirty = true;
                self.layers.push(Layer::Form(Box::new(form)));
            }
            Err(e) => self.say(StatusKind::Problem, format!("{}: {e}", t(T::NotSaved))),
        }
    }

    fn new_inspection(&mut self) {
        if self.store.read_only() {
            self.say(StatusKind::Problem, t(T::ReadOnlyNoEdit));
            return;
        }
        if matches!(self.store.draft(), Ok(Some(_))) {
            // One draft at a time: the earlier one is offered first, never overwritten.
            self.offer_draft();
            return;
        }
        let Some(u) = self.selected_unit() else {
            return;
        };
        let (id, name) = (u.id, u.name.clone());
        let form = Form::new_inspection(&self.store, &self.ctx, id, &name);
        self.layers.push(Layer::Form(Box::new(form)));
    }

    fn open_history(&mut self) {
        let Some(u) = self.selected_unit() else {
            return;
        };
        let (id, unit_name) = (u.id, u.name.clone());
        match self.store.inspections_of(id) {
            Ok(rows) => self.layers.push(Layer::Overlay(Overlay::History {
                unit_name,
                rows,
                selected: 0,
            })),
            Err(e) => self.fail(e),
        }
    }

    fn open_inspection(&mut self, id: i64) {
        if matches!(self.store.draft(), Ok(Some(_))) {
            self.offer_draft();
            return;
        }
        match self.store.inspection(&self.ctx, id) {
            Ok(Some(ins)) => {
                let form = Form::from_inspection(&ins, &self.store, &self.ctx);
                self.layers.push(Layer::Form(Box::new(form)));
            }
            Ok(None) => {}
            Err(e) => self.fail(e),
        }
    }

    /// Saves the open form in one transaction; on any problem the text stays on
    /// screen and in the draft, and the message says why.
    fn save_form(&mut self) -> bool {
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
                self.say(StatusKind::Problem, inv.message);
                self.write_draft(true);
                return false;
            }
        };
        let now = Local::now();
        let stamp = now.format("%Y-%m-%d %H:%M:%S").to_string();
        let saved = self
            .store
            .save_inspection(&input, &stamp)
            .and_then(|id| self.store.inspection(&self.ctx, id));
        match saved {
            Ok(Some(ins)) => {
                if let Some(form) = self.layers.form_mut() {
                    form.saved(&ins, stamp);
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

    fn leave_form(&mut self, then_quit: bool) {
        let Some(form) = self.layers.form_mut() else {
            return;
        };
        form.commit();
        if form.dirty {
            self.layers.push(Layer::Dialog(Dialog::new(
                DialogKind::Unsaved { then_quit },
                t(T::DlgUnsavedBody).to_string(),
            )));
        } else {
            self.close_form();
            self.quit = then_quit;
        }
    }

    fn close_form(&mut self) {
        self.layers.close_form();
        self.data_changed();
    }

    /// Writes the draft when typing has gone on long enough since the last write, or
    /// at once when `now`. A failed write is said on the status line; the text stays.
    fn write_draft(&mut self, now: bool) {
        let Some(form) = self.layers.form_mut() else {
            return;
        };
        if !form.draft_pending || self.store.read_only() {
            return;
        }
        let due = form.last_draft.is_none_or(|t| t.elapsed() >= DRAFT_EVERY);
        if !(now || due) {
            return;
        }
        let body = form.draft_body();
        let stamp = Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
        match self.store.save_draft(&body, &stamp) {
            Ok(()) => {
                form.draft_pending = false;
                form.last_draft = Some(Instant::now());
            }
            Err(e) => self.say(StatusKind::Problem, format!("{}: {e}", t(T::NotSaved))),
        }
    }

    /// When the event loop must wake without a key: the draft's next write, if due.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.layers.form().and_then(Form::draft_due)
    }

    /// Figures may have changed (a save): re-read the visible windows.
    fn data_changed(&mut self) {
        self.reload_units(true);
        self.reload_targets();
        self.reload_tasks(true);
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
            // After a count the figures may have changed: fetch the whole window.
            let old = if count {
                Vec::new()
            } else {
                std::mem::take(&mut self.unit_rows)
            };
            let (store, ctx, filter) = (&self.store, &self.ctx, &self.units.filter);
            self.unit_rows = shift_window(
                old,
                self.units.loaded_at,
                self.units.offset,
                h,
                self.units.total,
                |off, n| store.units_page(ctx, filter, off, n),
            )?;
            self.units.loaded_at = self.units.offset;
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
