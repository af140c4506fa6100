//! The state of the screen and `update`. It asks the store and never draws.
//!
//! `update` hands a command to the layers open over the dashboard, top first (see
//! `layers`), then to the dashboard; each file here holds what one of them does.

mod burst;
mod conflicts;
mod dashboard;
mod dialog;
mod done;
mod drafts;
mod edit;
mod edit_write;
mod fetch;
mod filter;
mod form;
mod history;
mod inspection;
mod layers;
mod list;
mod mouse;
mod overlays;
mod preview;
mod sort;
mod status;
mod undo;

pub use burst::{Delivery, GAP as BURST_GAP};
pub use conflicts::{ConflictLine, Exchange};
pub use dialog::{Dialog, DialogKind, UnitField};
pub use done::DonePrompt;
pub use drafts::{DraftEntry, DraftList, GUARD, KEEP_DISCARDED_DAYS};
pub use edit::{DialogDraft, EditDialog, EditField, EditKind, HAND_ORIGIN};
/// How long a write from the app waits for another program's write to end.
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

pub use form::{DRAFT_EVERY, Field, Form, FormData, Invalid, ItemData};
pub use layers::{Layer, Layers, Overlay};
pub use list::{ListState, shift_window};
pub use mouse::{DOUBLE_CLICK, mouse_action};
pub use preview::Preview;
pub use status::{Status, StatusKind};
pub use undo::Undo;

use std::time::Instant;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui_textarea::{Input, TextArea};

use crate::i18n::{T, t};
use crate::keymap::{self, Command, Mode, Scope};
use crate::layout::Pane;
use crate::model::{Ctx, TargetRow, TargetSort, TaskMode, TaskRow, TaskSort, UnitRow, UnitSort};
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
    /// A left click at a cell (0-based), at a time: two on one row close together
    /// open it.
    Click {
        col: u16,
        row: u16,
        at: Instant,
    },
    /// A notch of the mouse wheel over a cell.
    Scroll {
        col: u16,
        row: u16,
        down: bool,
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
    /// Each pane's order (`t`).
    pub task_sort: TaskSort,
    pub unit_sort: UnitSort,
    pub target_sort: TargetSort,
    /// The province-wide view: tasks of every unit instead of the selected one's.
    pub all_units: bool,
    /// The Units pane lists the units abolished before the as-of date too (`x`).
    pub show_abolished: bool,
    /// What is open over the dashboard: the filter being typed, the completion prompt,
    /// the form, overlays, dialogs.
    layers: Layers,
    /// The status bar's message; cleared by the next key.
    pub status: Option<Status>,
    pub quit: bool,
    /// The database is the demo: read once, drawn in every frame's title.
    pub demo: bool,
    /// When this copy last took in another laptop's changes and how many conflicts
    /// wait, for the title; none for a database that never exchanged. Read at the
    /// start and after each write.
    pub exchange: Option<Exchange>,
    selected_unit: Option<i64>,
    /// When the key being handled came: the clock a question reads to tell a burst
    /// typed on from a deliberate answer (given by the caller, so tests choose it).
    now: Instant,
    /// Keys typed before this belong to a burst that began as tct opened a question
    /// by itself; it does not act on them.
    burst_until: Option<Instant>,
    /// The edit made by the last action, which Ctrl-Z takes back; the next action
    /// ends it.
    /// With what was said when it was made.
    undo: Option<(Undo, String)>,
    /// The last click on a list row (its pane, its index, when), which a second click
    /// on that row makes a double click.
    last_click: Option<(Pane, usize, Instant)>,
}

impl App {
    pub fn new(mut store: Store, ctx: Ctx, theme: Theme, size: (u16, u16)) -> App {
        let demo = store.is_demo();
        // Another program writing the file (an import in another window) holds a
        // save back only a moment: the form keeps taking keys, and the draft is
        // written when the file is free.
        let _ = store.set_busy_wait(BUSY_WAIT);
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
            task_sort: TaskSort::default(),
            unit_sort: UnitSort::default(),
            target_sort: TargetSort::default(),
            all_units: false,
            show_abolished: false,
            layers: Layers::default(),
            status: None,
            quit: false,
            demo,
            exchange: None,
            selected_unit: None,
            now: Instant::now(),
            burst_until: None,
            undo: None,
            last_click: None,
        };
        app.reload_exchange();
        app.reload_units(true);
        // Said once, at the start: a database on a network share is kept without WAL.
        if app.store.on_network() {
            let path = crate::domain::text::printable(&app.store.path().display().to_string());
            app.say(
                StatusKind::Problem,
                format!("{}: {path}", t(T::DbOnNetwork)),
            );
        }
        app.offer_drafts_at_start();
        app
    }

    /// The time of the last key handled (or of the start): tests count from it.
    pub fn now(&self) -> Instant {
        self.now
    }

    /// The top layer decides which key table applies.
    pub fn mode(&self) -> Mode {
        self.layers.top().map_or(Mode::Dashboard, Layer::mode)
    }

    /// Where in its mode the top layer is, for the bindings that apply only there.
    fn scope(&self) -> Scope {
        match self.layers.top() {
            Some(Layer::Dialog(d)) => Scope::Asking(d.question()),
            Some(Layer::Overlay(Overlay::Drafts(_))) => Scope::Drafts,
            Some(Layer::Overlay(Overlay::History { .. })) => Scope::History,
            Some(Layer::Overlay(Overlay::Conflicts { .. })) => Scope::Conflicts,
            Some(Layer::Form(f)) if f.data.field.single_line() => Scope::OneLine,
            _ => Scope::Any,
        }
    }

    /// A key press, now.
    pub fn on_key(&mut self, ev: KeyEvent) {
        self.on_key_at(ev, Instant::now());
    }

    /// A key press that came at `at`: the keymap names a command, or an open text
    /// field takes the key.
    pub fn on_key_at(&mut self, ev: KeyEvent, at: Instant) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        self.now = at;
        if keymap::is_typing(&ev) {
            // A dialog is never answered by typing. Over the form, the question is
            // dropped as Esc would drop it (keep editing, cancel) and the key goes on
            // to the field, so a sentence typed on after a key pressed by mistake
            // lands where it was going.
            if self.mode() == Mode::Dialog && self.form().is_some() {
                self.layers.pop(Mode::Dialog);
            }
            if self.typed_on(at) {
                // Any message that came with the list (why it opened) stays.
                if self.status.is_none() {
                    self.say(StatusKind::Problem, t(T::DraftsTypedOn));
                }
                return;
            }
        }
        let mode = self.mode();
        if let Some(c) = keymap::lookup(mode, self.scope(), &ev) {
            self.update(Action::Command(c));
        } else if matches!(
            mode,
            Mode::Filter | Mode::Form | Mode::Prompt | Mode::Dialog | Mode::Preview
        ) {
            self.update(Action::Edit(Input::from(ev)));
        }
    }

    /// Keys the terminal had ready together, each with when it was read: a run that
    /// only a paste makes (Windows sends a paste as keys) goes in as one paste, the
    /// rest key by key (`burst`).
    pub fn on_keys(&mut self, keys: &[(KeyEvent, Instant)]) {
        for d in burst::split(keys) {
            // Keys read with a `q` after it are not acted on once tct is closing.
            if self.quit {
                return;
            }
            match d {
                Delivery::Key(ev, at) => self.on_key_at(ev, at),
                Delivery::Paste(text, at) => {
                    self.now = at;
                    self.update(Action::Paste(text));
                }
            }
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

    pub fn edit_dialog(&self) -> Option<&EditDialog> {
        self.layers.edit()
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.layers.overlay()
    }

    /// The `/` filter being typed.
    pub fn filter_input(&self) -> Option<&TextArea<'static>> {
        self.layers.filter()
    }

    pub fn update(&mut self, action: Action) {
        // The mouse over what does not take it changes nothing, not even the message.
        if matches!(action, Action::Click { .. } | Action::Scroll { .. })
            && !self.takes_mouse(&action)
        {
            return;
        }
        self.status = None;
        // A double click is two clicks with nothing between them.
        if !matches!(action, Action::Click { .. } | Action::Tick) {
            self.last_click = None;
        }
        // Any action a person takes ends the undo window; the clock and the window's
        // size do not.
        let undo = match action {
            Action::Tick | Action::Resize(..) => None,
            _ => self.undo.take(),
        };
        match action {
            Action::Command(Command::UndoEdit) => self.undo_edit(undo),
            Action::Command(c) => self.command(c),
            Action::Edit(input) => self.edit(input),
            Action::Tick => {
                self.write_draft(true);
                self.write_edit_draft(true);
            }
            Action::Paste(text) => self.paste(&text),
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.rescroll_all();
                self.relay_preview();
            }
            Action::Click { col, row, at } => {
                self.now = at;
                self.click(col, row, at);
            }
            Action::Scroll { col, row, down } => self.scroll(col, row, down),
        }
        self.say_file_event();
        self.refresh_suggestion();
    }

    /// A command goes to the top layer first; one it does not take goes down to the
    /// next, and last to the dashboard.
    fn command(&mut self, c: Command) {
        for mode in self.layers.modes_top_down() {
            let taken = match mode {
                Mode::Dialog => self.dialog_command(c),
                Mode::Overlay => self.overlay_command(c),
                Mode::Preview => self.preview_command(c),
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

    /// A key that is not a command, typed into the topmost open field.
    fn edit(&mut self, input: Input) {
        for mode in self.layers.modes_top_down() {
            match mode {
                Mode::Form => self.form_edit(input),
                Mode::Prompt => self.prompt_edit(input),
                Mode::Filter => self.filter_edit(input),
                // Overlays only show: the text is for the field beneath.
                Mode::Overlay => continue,
                // The preview covers the form: what is typed in it goes nowhere.
                Mode::Preview => self.preview_typed(),
                // A dialog takes every key until it is answered. Typing on over the
                // question `n` asked, as if the form were open, is told why nothing
                // takes it.
                Mode::Dialog
                    if self
                        .dialog()
                        .is_some_and(|d| matches!(d.kind, DialogKind::SameDay { .. })) =>
                {
                    self.say(StatusKind::Problem, t(T::AnswerFirst));
                }
                Mode::Dialog | Mode::Dashboard => {}
            }
            return;
        }
    }

    /// Pasted text goes where typed text would: as typing does, it drops a dialog
    /// over the form. With no field open it does nothing but say where a paste goes:
    /// its letters are never commands, and filtering by a paragraph meant for the
    /// form would only empty the list.
    fn paste(&mut self, text: &str) {
        if self.mode() == Mode::Dialog && self.form().is_some() {
            self.layers.pop(Mode::Dialog);
        }
        for mode in self.layers.modes_top_down() {
            match mode {
                Mode::Form => self.form_paste(text),
                Mode::Prompt => self.prompt_paste(text),
                Mode::Filter => self.filter_paste(text),
                Mode::Overlay => continue,
                Mode::Preview => self.preview_typed(),
                Mode::Dialog | Mode::Dashboard => {}
            }
            return;
        }
        self.say(StatusKind::Problem, t(T::PasteNowhere));
    }
}
