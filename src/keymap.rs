//! Keys as data: one table of key → named command → help text, per mode. The help
//! overlay, the hint bar and each dialog's list of choices are generated from it;
//! nothing else matches on keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::T;

/// What a key asks for. The app's `update` gives each its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextPane,
    PrevPane,
    StartFilter,
    Open,
    Back,
    Help,
    Quit,
    CycleTaskMode,
    /// The focused pane's next order.
    CycleSort,
    /// Every task of the province, found by words of its title or document number.
    Search,
    AllOverdue,
    /// The Units pane lists the units abolished before the as-of date too, or not.
    ShowAbolished,
    /// On a unit: its brief before a visit, as DOCX beside the database.
    WriteBrief,
    FilterApply,
    FilterCancel,
    Close,
    NewInspection,
    History,
    /// The list of drafts: left unsaved, or discarded and still kept.
    Drafts,
    /// The conflicts between laptops that wait for a person (sync).
    Conflicts,
    // The inspection form.
    Save,
    Leave,
    NextField,
    PrevField,
    NewItem,
    DeleteItem,
    UndoDelete,
    CycleKind,
    MoveItemUp,
    MoveItemDown,
    PrevItem,
    NextItem,
    Complete,
    ExportNotice,
    /// The notice's text, read before it is written.
    PreviewNotice,
    MarkDone,
    /// On a task: extend its deadline (gia hạn).
    Extend,
    /// On a task: correct its title or lead unit.
    Correct,
    /// On the tasks pane: add a task by hand.
    AddTask,
    /// On a target: enter a new reading.
    Reading,
    /// Right after an edit from the dashboard: revert it.
    UndoEdit,
    PromptApply,
    PromptCancel,
    // A dialog's answers.
    SaveAndLeave,
    Discard,
    KeepEditing,
    Delete,
    DeleteWithTask,
    KeepTask,
    Cancel,
    /// In the list of drafts: discard the selected one (it is kept some days).
    DropDraft,
    /// In a unit's inspections: delete the selected record (asks first).
    DeleteInspection,
    /// In a unit's inspections: list the deleted records too, or not.
    ShowDeleted,
    /// In a unit's inspections: bring the selected deleted record back.
    RestoreInspection,
    /// In the conflicts: the value now stays.
    KeepConflict,
    /// In the conflicts: the value written over comes back.
    RestoreConflict,
    OpenExisting,
    NewAnyway,
    SaveAnyway,
    /// Of several units of one name, the one highlighted.
    Choose,
}

/// Which table applies: the top layer that is open decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Dashboard,
    Filter,
    Overlay,
    Form,
    /// A question; the choices of the question asked are its keys.
    Dialog,
    /// A one-line question over the dashboard: a task's completion date.
    Prompt,
    /// The notice's text, read-only and full-screen: no letter is a key in it.
    Preview,
}

/// What a dialog asks. Each question has its own choices, and the dialog lists them.
/// None of them is a key that can be typed as text (`is_typing`): a dialog opened by a
/// key pressed by mistake must not take the next letters as its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Leave a form with unsaved changes?
    Unsaved,
    /// Delete an item that has no task?
    Delete,
    /// Delete an item whose directive has a task: keep the task, or delete it too?
    DeleteWithTask,
    /// `n` on a unit inspected on this date already: open that record, or a new one?
    SameDay,
    /// Saving a new record of a date the unit has a record of already?
    SameDaySave,
    /// Which of several units of the name typed?
    ChooseUnit,
    /// Delete an inspection record whose directives created no task?
    DeleteRecord,
    /// Delete an inspection record whose directives created tasks: keep them, or
    /// delete them too?
    DeleteRecordWithTasks,
}

/// Where in its mode a binding applies. The help overlay and the hint bar list the
/// bindings that apply anywhere in a mode; a dialog lists its question's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Any,
    /// The form's cursor is in a one-line field.
    OneLine,
    /// A dialog asks this question.
    Asking(Question),
    /// The list of drafts is the overlay on top.
    Drafts,
    /// A unit's inspections are the overlay on top.
    History,
    /// The conflicts between laptops are the overlay on top.
    Conflicts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
    /// The key whatever modifiers are held with it.
    pub any_mods: bool,
}

const fn key(code: KeyCode, mods: KeyModifiers) -> Key {
    Key {
        code,
        mods,
        any_mods: false,
    }
}

const fn k(code: KeyCode) -> Key {
    key(code, KeyModifiers::NONE)
}

const fn c(ch: char) -> Key {
    key(KeyCode::Char(ch), KeyModifiers::NONE)
}

const fn ctrl(ch: char) -> Key {
    key(KeyCode::Char(ch), KeyModifiers::CONTROL)
}

const fn ctrl_k(code: KeyCode) -> Key {
    key(code, KeyModifiers::CONTROL)
}

const fn alt(code: KeyCode) -> Key {
    key(code, KeyModifiers::ALT)
}

const fn any_mods(code: KeyCode) -> Key {
    Key {
        any_mods: true,
        ..k(code)
    }
}

pub struct Binding {
    pub mode: Mode,
    pub scope: Scope,
    pub keys: &'static [Key],
    pub command: Command,
    pub help: T,
    /// Shown in the hint bar, not only in the help overlay.
    pub hint: bool,
}

const fn b(mode: Mode, keys: &'static [Key], command: Command, help: T, hint: bool) -> Binding {
    Binding {
        mode,
        scope: Scope::Any,
        keys,
        command,
        help,
        hint,
    }
}

/// A binding in part of a mode only; never a hint.
const fn only(
    mode: Mode,
    scope: Scope,
    keys: &'static [Key],
    command: Command,
    help: T,
) -> Binding {
    Binding {
        mode,
        scope,
        keys,
        command,
        help,
        hint: false,
    }
}

/// A dialog's choice: its keys, the answer, and the label the dialog shows.
const fn ask(q: Question, keys: &'static [Key], command: Command, label: T) -> Binding {
    only(Mode::Dialog, Scope::Asking(q), keys, command, label)
}

use Command as C;
use Mode::{Dashboard as D, Filter as F, Form as E, Overlay as O, Preview as V, Prompt as P};
use Question::{
    ChooseUnit as QChoose, Delete as QDel, DeleteRecord as QDelRec,
    DeleteRecordWithTasks as QDelRecTasks, DeleteWithTask as QDelTask, SameDay as QSameDay,
    SameDaySave as QSameSave, Unsaved as QUnsaved,
};

/// One line a binding, so the table reads as the keymap it is.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b(D, &[k(KeyCode::Up), c('k')], C::Up, T::KUp, false),
    b(D, &[k(KeyCode::Down), c('j')], C::Down, T::KDown, false),
    b(D, &[k(KeyCode::PageUp)], C::PageUp, T::KPageUp, false),
    b(D, &[k(KeyCode::PageDown)], C::PageDown, T::KPageDown, false),
    b(D, &[k(KeyCode::Home), c('g')], C::Top, T::KTop, false),
    b(D, &[k(KeyCode::End), c('G')], C::Bottom, T::KBottom, false),
    b(D, &[k(KeyCode::Tab), k(KeyCode::Right), c('l')], C::NextPane, T::KNextPane, true),
    b(D, &[k(KeyCode::BackTab), k(KeyCode::Left), c('h')], C::PrevPane, T::KPrevPane, false),
    b(D, &[c('/')], C::StartFilter, T::KFilter, true),
    b(D, &[k(KeyCode::Enter)], C::Open, T::KOpen, true),
    b(D, &[c('n')], C::NewInspection, T::KNewInspection, true),
    b(D, &[c('i')], C::History, T::KHistory, true),
    b(D, &[c('b')], C::Drafts, T::KDrafts, false),
    b(D, &[c('c')], C::Conflicts, T::KConflicts, false),
    b(D, &[c('m')], C::CycleTaskMode, T::KTaskMode, true),
    b(D, &[c('o')], C::AllOverdue, T::KAllOverdue, true),
    b(D, &[c('f')], C::Search, T::KSearch, false),
    b(D, &[c('t')], C::CycleSort, T::KSort, false),
    b(D, &[c('x')], C::ShowAbolished, T::KShowAbolished, false),
    b(D, &[c('e')], C::WriteBrief, T::KWriteBrief, false),
    b(D, &[c('d')], C::MarkDone, T::KMarkDone, false),
    b(D, &[c('+')], C::Extend, T::KExtend, false),
    b(D, &[c('s')], C::Correct, T::KCorrect, false),
    b(D, &[c('a')], C::AddTask, T::KAddTask, false),
    b(D, &[c('r')], C::Reading, T::KReading, false),
    b(D, &[ctrl('z')], C::UndoEdit, T::KUndoEdit, false),
    b(D, &[k(KeyCode::Esc)], C::Back, T::KBack, false),
    b(D, &[c('?')], C::Help, T::KHelp, true),
    b(D, &[c('q'), ctrl('c')], C::Quit, T::KQuit, true),
    b(F, &[k(KeyCode::Enter), k(KeyCode::Down), k(KeyCode::Tab)], C::FilterApply, T::KFilterApply, true),
    b(F, &[k(KeyCode::Esc)], C::FilterCancel, T::KFilterCancel, true),
    b(F, &[ctrl('c')], C::Quit, T::KQuit, false),
    b(P, &[k(KeyCode::Enter)], C::PromptApply, T::KPromptApply, true),
    b(P, &[k(KeyCode::Esc)], C::PromptCancel, T::KPromptCancel, true),
    b(P, &[k(KeyCode::Tab)], C::NextField, T::KNextField, false),
    b(P, &[k(KeyCode::BackTab)], C::PrevField, T::KPrevField, false),
    b(P, &[ctrl('s')], C::Save, T::KSave, false),
    b(P, &[ctrl('c')], C::Quit, T::KQuit, false),
    b(O, &[k(KeyCode::Esc), c('q'), c('?')], C::Close, T::KClose, true),
    b(O, &[k(KeyCode::Enter)], C::Open, T::KOpenOrClose, true),
    b(O, &[k(KeyCode::Up), c('k')], C::Up, T::KScrollUp, true),
    b(O, &[k(KeyCode::Down), c('j')], C::Down, T::KScrollDown, true),
    b(O, &[ctrl('c')], C::Quit, T::KQuit, false),
    only(O, Scope::Drafts, &[ctrl('x')], C::DropDraft, T::KDropDraft),
    // Deleting asks first, and a deleted record is kept: the list shows it with `x`.
    only(O, Scope::History, &[k(KeyCode::Delete), ctrl('d')], C::DeleteInspection, T::KDeleteInspection),
    only(O, Scope::History, &[ctrl('z')], C::UndoEdit, T::KUndoEdit),
    only(O, Scope::History, &[c('x')], C::ShowDeleted, T::KShowDeleted),
    only(O, Scope::History, &[ctrl('r')], C::RestoreInspection, T::KRestoreInspection),
    only(O, Scope::History, &[c('p'), ctrl('p')], C::PreviewNotice, T::KPreviewNotice),
    // Deciding a conflict writes: a chord, never a letter that could be typed on.
    only(O, Scope::Conflicts, &[ctrl('k')], C::KeepConflict, T::KKeepConflict),
    only(O, Scope::Conflicts, &[ctrl('r')], C::RestoreConflict, T::KRestoreConflict),
    b(E, &[ctrl('s')], C::Save, T::KSave, true),
    b(E, &[k(KeyCode::Tab)], C::NextField, T::KNextField, true),
    b(E, &[k(KeyCode::BackTab)], C::PrevField, T::KPrevField, false),
    b(E, &[ctrl('n')], C::NewItem, T::KNewItem, true),
    b(E, &[ctrl('t')], C::CycleKind, T::KCycleKind, true),
    b(E, &[ctrl_k(KeyCode::Up), k(KeyCode::PageUp)], C::PrevItem, T::KPrevItem, false),
    b(E, &[ctrl_k(KeyCode::Down), k(KeyCode::PageDown)], C::NextItem, T::KNextItem, false),
    b(E, &[alt(KeyCode::Up)], C::MoveItemUp, T::KMoveItemUp, false),
    b(E, &[alt(KeyCode::Down)], C::MoveItemDown, T::KMoveItemDown, false),
    b(E, &[ctrl('d')], C::DeleteItem, T::KDeleteItem, true),
    b(E, &[ctrl('z')], C::UndoDelete, T::KUndoDelete, false),
    b(E, &[ctrl(' '), ctrl('l')], C::Complete, T::KComplete, false),
    b(E, &[ctrl('e')], C::ExportNotice, T::KExportNotice, true),
    b(E, &[ctrl('p')], C::PreviewNotice, T::KPreviewNotice, false),
    b(E, &[k(KeyCode::F(1))], C::Help, T::KHelp, false),
    b(E, &[k(KeyCode::Esc)], C::Leave, T::KLeave, true),
    b(E, &[ctrl('c')], C::Quit, T::KQuit, false),
    // Enter in a one-line field moves on, as in any form: such a field takes no line
    // break, with whatever modifier Enter comes.
    only(E, Scope::OneLine, &[any_mods(KeyCode::Enter)], C::NextField, T::KNextField),
    // The notice's preview reads, writes or closes: a letter typed in it is nobody's.
    b(V, &[k(KeyCode::Up)], C::Up, T::KScrollUp, false),
    b(V, &[k(KeyCode::Down)], C::Down, T::KScrollDown, false),
    b(V, &[k(KeyCode::PageUp)], C::PageUp, T::KPageUp, false),
    b(V, &[k(KeyCode::PageDown)], C::PageDown, T::KPageDown, false),
    b(V, &[k(KeyCode::Home)], C::Top, T::KTextTop, false),
    b(V, &[k(KeyCode::End)], C::Bottom, T::KTextEnd, false),
    b(V, &[ctrl('e')], C::ExportNotice, T::KExportNotice, false),
    b(V, &[k(KeyCode::Esc)], C::Close, T::KClose, false),
    b(V, &[ctrl('c')], C::Quit, T::KQuit, false),
    // Each question's choices, in the order the dialog lists them: what discards or
    // deletes is a Ctrl chord, never a letter that could be the next one of a word.
    ask(QUnsaved, &[ctrl('s')], C::SaveAndLeave, T::DlgSaveLeave),
    ask(QUnsaved, &[ctrl('x')], C::Discard, T::DlgDiscard),
    ask(QUnsaved, &[k(KeyCode::Esc)], C::KeepEditing, T::DlgKeepEditing),
    ask(QDel, &[ctrl('x')], C::Delete, T::DlgDelete),
    ask(QDel, &[k(KeyCode::Esc)], C::Cancel, T::DlgCancel),
    ask(QDelTask, &[ctrl('k')], C::KeepTask, T::DlgKeepTask),
    ask(QDelTask, &[ctrl('x')], C::DeleteWithTask, T::DlgDeleteWithTask),
    ask(QDelTask, &[k(KeyCode::Esc)], C::Cancel, T::DlgCancel),
    ask(QSameDay, &[ctrl('o')], C::OpenExisting, T::DlgOpenExisting),
    ask(QSameDay, &[ctrl('n')], C::NewAnyway, T::DlgNewAnyway),
    ask(QSameDay, &[k(KeyCode::Esc)], C::Cancel, T::DlgCancel),
    ask(QSameSave, &[ctrl('s')], C::SaveAnyway, T::DlgSaveSecond),
    ask(QSameSave, &[k(KeyCode::Esc)], C::KeepEditing, T::DlgKeepEditing),
    // Choosing is no letter or Enter either: a key pressed twice must not pick the
    // first name for the user.
    ask(QChoose, &[k(KeyCode::Up)], C::Up, T::DlgChooseUp),
    ask(QChoose, &[k(KeyCode::Down)], C::Down, T::DlgChooseDown),
    ask(QChoose, &[ctrl('s')], C::Choose, T::DlgChoose),
    ask(QChoose, &[k(KeyCode::Esc)], C::KeepEditing, T::DlgKeepEditing),
    ask(QDelRec, &[ctrl('x')], C::Delete, T::DlgDeleteRecord),
    ask(QDelRec, &[k(KeyCode::Esc)], C::Cancel, T::DlgCancel),
    ask(QDelRecTasks, &[ctrl('k')], C::KeepTask, T::DlgDeleteRecordKeepTasks),
    ask(QDelRecTasks, &[ctrl('x')], C::DeleteWithTask, T::DlgDeleteRecordAndTasks),
    ask(QDelRecTasks, &[k(KeyCode::Esc)], C::Cancel, T::DlgCancel),
];

fn same(key: &Key, ev: &KeyEvent, any_case: bool) -> bool {
    // Shift is part of the character itself ('G', '?'), so it is ignored for chars.
    let mods = match ev.code {
        KeyCode::Char(_) => ev.modifiers - KeyModifiers::SHIFT,
        KeyCode::BackTab => KeyModifiers::NONE,
        _ => ev.modifiers,
    };
    let code = match ev.code {
        KeyCode::Char(ch) if any_case => KeyCode::Char(ch.to_ascii_lowercase()),
        other => other,
    };
    key.code == code && (key.any_mods || key.mods == mods)
}

/// A key that can be part of typed text: a character (Shift, or AltGr as Ctrl-Alt,
/// allowed), Enter, Tab, Backspace, Delete. A question never takes one as its answer.
pub fn is_typing(ev: &KeyEvent) -> bool {
    let chord = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    match ev.code {
        KeyCode::Char(_) => chord.is_empty() || chord == KeyModifiers::CONTROL | KeyModifiers::ALT,
        KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab | KeyCode::Backspace | KeyCode::Delete => {
            true
        }
        _ => false,
    }
}

/// The command a key press means in a mode, where in it the top layer is (`scope`),
/// if any. A dialog's keys are taken in either case: Caps Lock must not hide an
/// answer.
pub fn lookup(mode: Mode, scope: Scope, ev: &KeyEvent) -> Option<Command> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let any_case = mode == Mode::Dialog;
    BINDINGS
        .iter()
        .filter(|b| b.mode == mode && (b.scope == Scope::Any || b.scope == scope))
        .find(|b| b.keys.iter().any(|k| same(k, ev, any_case)))
        .map(|b| b.command)
}

pub fn key_label(k: &Key) -> String {
    let base = match k.code {
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Char(ch) => ch.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    // A space reads as nothing: name it.
    let base = if base == " " {
        "Space".to_string()
    } else {
        base
    };
    let upper = |b: String| {
        if b.chars().count() == 1 {
            b.to_uppercase()
        } else {
            b
        }
    };
    if k.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", upper(base))
    } else if k.mods.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

/// "↑/k" for a binding's keys.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(key_label).collect::<Vec<_>>().join("/")
}

/// The bindings that apply anywhere in a mode: what the help overlay and hint bar list.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.mode == mode && b.scope == Scope::Any)
}

/// A question's choices, in the order the dialog lists them.
pub fn choices(q: Question) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.scope == Scope::Asking(q))
}

/// The keys of a command in a mode (and scope), as labelled: "Enter", "Esc/q/?".
pub fn keys_of(mode: Mode, scope: Scope, command: Command) -> String {
    BINDINGS
        .iter()
        .filter(|b| b.mode == mode && (b.scope == Scope::Any || b.scope == scope))
        .find(|b| b.command == command)
        .map(keys_label)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_find_their_commands() {
        assert_eq!(
            lookup(D, Scope::Any, &ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(C::Down)
        );
        assert_eq!(
            lookup(D, Scope::Any, &ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(C::Help)
        );
        assert_eq!(
            lookup(
                D,
                Scope::Any,
                &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(C::Quit)
        );
        assert_eq!(
            lookup(D, Scope::Any, &ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(C::PrevPane)
        );
        // In the filter, letters are text, not commands.
        assert_eq!(
            lookup(F, Scope::Any, &ev(KeyCode::Char('q'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            lookup(F, Scope::Any, &ev(KeyCode::Esc, KeyModifiers::NONE)),
            Some(C::FilterCancel)
        );
    }

    #[test]
    fn one_line_fields_and_dialogs_have_their_own_keys() {
        let enter = ev(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(lookup(E, Scope::Any, &enter), None);
        assert_eq!(lookup(E, Scope::OneLine, &enter), Some(C::NextField));
        assert_eq!(
            lookup(E, Scope::OneLine, &ev(KeyCode::Enter, KeyModifiers::ALT)),
            Some(C::NextField)
        );
        assert_eq!(
            lookup(
                E,
                Scope::OneLine,
                &ev(KeyCode::Char('s'), KeyModifiers::CONTROL)
            ),
            Some(C::Save)
        );
        let asking = |q| Scope::Asking(q);
        assert_eq!(lookup(Mode::Dialog, asking(QDelTask), &enter), None);
        // Chords in either case, as typed with Caps Lock or Shift.
        assert_eq!(
            lookup(
                Mode::Dialog,
                asking(QUnsaved),
                &ev(
                    KeyCode::Char('X'),
                    KeyModifiers::CONTROL | KeyModifiers::SHIFT
                )
            ),
            Some(C::Discard)
        );
        assert_eq!(
            lookup(
                Mode::Dialog,
                asking(QUnsaved),
                &ev(KeyCode::Char('S'), KeyModifiers::CONTROL)
            ),
            Some(C::SaveAndLeave)
        );
        // The list of drafts has its own key over the overlays' ones.
        let ctrl_x = ev(KeyCode::Char('x'), KeyModifiers::CONTROL);
        assert_eq!(lookup(O, Scope::Drafts, &ctrl_x), Some(C::DropDraft));
        assert_eq!(lookup(O, Scope::Any, &ctrl_x), None);
        assert_eq!(lookup(O, Scope::Drafts, &enter), Some(C::Open));
        // A unit's inspections: Delete asks to delete the record there only.
        let delete = ev(KeyCode::Delete, KeyModifiers::NONE);
        assert_eq!(
            lookup(O, Scope::History, &delete),
            Some(C::DeleteInspection)
        );
        assert_eq!(lookup(O, Scope::Any, &delete), None);
        assert_eq!(lookup(O, Scope::Drafts, &delete), None);
        assert_eq!(
            lookup(
                O,
                Scope::History,
                &ev(KeyCode::Char('d'), KeyModifiers::NONE)
            ),
            None
        );
        // Outside a dialog, case is part of the key.
        assert_eq!(
            lookup(D, Scope::Any, &ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(C::Bottom)
        );
        // The help overlay and the hint bar list neither.
        assert!(bindings(E).all(|b| b.scope == Scope::Any));
        assert_eq!(bindings(Mode::Dialog).count(), 0);
        assert_eq!(choices(QDel).count(), 2);
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let questions = [
            QUnsaved,
            QDel,
            QDelTask,
            QSameDay,
            QSameSave,
            QDelRec,
            QDelRecTasks,
        ];
        let tables = [D, F, O, E, P, V]
            .map(|m| (m, Scope::Any))
            .into_iter()
            .chain([
                (E, Scope::OneLine),
                (O, Scope::Drafts),
                (O, Scope::History),
                (O, Scope::Conflicts),
            ])
            .chain(questions.map(|q| (Mode::Dialog, Scope::Asking(q))));
        for (mode, scope) in tables {
            let keys: Vec<&Key> = BINDINGS
                .iter()
                .filter(|b| b.mode == mode && (b.scope == Scope::Any || b.scope == scope))
                .flat_map(|b| b.keys.iter())
                .collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(
                    !keys[i + 1..].contains(a),
                    "{a:?} bound twice in {mode:?} {scope:?}"
                );
            }
        }
    }

    /// A dialog opened by a key pressed by mistake must not take the next letters as
    /// its answer: no answer, and nothing in the list of drafts, can be typed as text.
    #[test]
    fn no_question_is_answered_by_a_key_of_typing() {
        let asking = BINDINGS
            .iter()
            .filter(|b| matches!(b.scope, Scope::Asking(_) | Scope::Drafts | Scope::Conflicts));
        for b in asking {
            for k in b.keys {
                let press = ev(k.code, k.mods);
                assert!(!is_typing(&press), "{k:?} answers {:?}", b.scope);
            }
        }
        assert!(is_typing(&ev(KeyCode::Char('b'), KeyModifiers::NONE)));
        assert!(is_typing(&ev(KeyCode::Char('Đ'), KeyModifiers::SHIFT)));
        assert!(is_typing(&ev(KeyCode::Enter, KeyModifiers::NONE)));
        assert!(is_typing(&ev(
            KeyCode::Char('@'),
            KeyModifiers::CONTROL | KeyModifiers::ALT
        )));
        assert!(!is_typing(&ev(KeyCode::Char('x'), KeyModifiers::CONTROL)));
        assert!(!is_typing(&ev(KeyCode::Esc, KeyModifiers::NONE)));
        assert_eq!(keys_of(O, Scope::Drafts, C::DropDraft), "Ctrl-X");
        assert_eq!(keys_of(O, Scope::Drafts, C::Close), "Esc/q/?");
    }

    /// A letter typed in the preview, as if the form beneath had the keys, must not
    /// close it (the next letters would land in the form) nor write anything.
    #[test]
    fn no_key_of_the_preview_can_be_typed() {
        for b in BINDINGS.iter().filter(|b| b.mode == V) {
            for k in b.keys {
                assert!(!is_typing(&ev(k.code, k.mods)), "{k:?} in the preview");
            }
        }
        assert_eq!(keys_of(V, Scope::Any, C::ExportNotice), "Ctrl-E");
        assert_eq!(keys_of(V, Scope::Any, C::Close), "Esc");
        assert_eq!(keys_of(E, Scope::Any, C::PreviewNotice), "Ctrl-P");
        assert_eq!(keys_of(O, Scope::History, C::PreviewNotice), "p/Ctrl-P");
        let p = ev(KeyCode::Char('p'), KeyModifiers::NONE);
        assert_eq!(
            lookup(O, Scope::Any, &p),
            None,
            "only in a unit's inspections"
        );
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(key_label(&ctrl('c')), "Ctrl-C");
        assert_eq!(key_label(&ctrl(' ')), "Ctrl-Space");
        assert_eq!(key_label(&alt(KeyCode::Up)), "Alt-↑");
        assert_eq!(key_label(&ctrl_k(KeyCode::Down)), "Ctrl-↓");
        assert_eq!(keys_label(&BINDINGS[0]), "↑/k");
    }
}
