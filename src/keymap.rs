//! Keys as data: one table of key → named command → help text, per mode. The help
//! overlay and the hint bar are generated from it; nothing else matches on keys.

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
    AllOverdue,
    FilterApply,
    FilterCancel,
    Close,
    NewInspection,
    History,
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
    MarkDone,
    PromptApply,
    PromptCancel,
}

/// Which table applies: the top layer that is open decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Dashboard,
    Filter,
    Overlay,
    Form,
    /// A question; its own choices are its keys (see `app::dialog`).
    Dialog,
    /// A one-line question over the dashboard: a task's completion date.
    Prompt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub const fn c(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::NONE,
    }
}

pub const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::CONTROL,
    }
}

const fn ctrl_k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::CONTROL,
    }
}

const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::ALT,
    }
}

pub struct Binding {
    pub mode: Mode,
    pub keys: &'static [Key],
    pub command: Command,
    pub help: T,
    /// Shown in the hint bar, not only in the help overlay.
    pub hint: bool,
}

const fn b(mode: Mode, keys: &'static [Key], command: Command, help: T, hint: bool) -> Binding {
    Binding {
        mode,
        keys,
        command,
        help,
        hint,
    }
}

use Command as C;
use Mode::{Dashboard as D, Filter as F, Form as E, Overlay as O, Prompt as P};

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
    b(D, &[c('m')], C::CycleTaskMode, T::KTaskMode, true),
    b(D, &[c('o')], C::AllOverdue, T::KAllOverdue, true),
    b(D, &[c('d')], C::MarkDone, T::KMarkDone, false),
    b(D, &[k(KeyCode::Esc)], C::Back, T::KBack, false),
    b(D, &[c('?')], C::Help, T::KHelp, true),
    b(D, &[c('q'), ctrl('c')], C::Quit, T::KQuit, true),
    b(F, &[k(KeyCode::Enter), k(KeyCode::Down), k(KeyCode::Tab)], C::FilterApply, T::KFilterApply, true),
    b(F, &[k(KeyCode::Esc)], C::FilterCancel, T::KFilterCancel, true),
    b(F, &[ctrl('c')], C::Quit, T::KQuit, false),
    b(P, &[k(KeyCode::Enter)], C::PromptApply, T::KPromptApply, true),
    b(P, &[k(KeyCode::Esc)], C::PromptCancel, T::KPromptCancel, true),
    b(P, &[ctrl('c')], C::Quit, T::KQuit, false),
    b(O, &[k(KeyCode::Esc), c('q'), c('?')], C::Close, T::KClose, true),
    b(O, &[k(KeyCode::Enter)], C::Open, T::KOpenOrClose, true),
    b(O, &[k(KeyCode::Up), c('k')], C::Up, T::KScrollUp, true),
    b(O, &[k(KeyCode::Down), c('j')], C::Down, T::KScrollDown, true),
    b(O, &[ctrl('c')], C::Quit, T::KQuit, false),
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
    b(E, &[k(KeyCode::F(1))], C::Help, T::KHelp, false),
    b(E, &[k(KeyCode::Esc)], C::Leave, T::KLeave, true),
    b(E, &[ctrl('c')], C::Quit, T::KQuit, false),
];

fn same(key: &Key, ev: &KeyEvent) -> bool {
    // Shift is part of the character itself ('G', '?'), so it is ignored for chars.
    let mods = match ev.code {
        KeyCode::Char(_) => ev.modifiers - KeyModifiers::SHIFT,
        KeyCode::BackTab => KeyModifiers::NONE,
        _ => ev.modifiers,
    };
    key.code == ev.code && key.mods == mods
}

/// The command a key press means in a mode, if any.
pub fn lookup(mode: Mode, ev: &KeyEvent) -> Option<Command> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    BINDINGS
        .iter()
        .filter(|b| b.mode == mode)
        .find(|b| b.keys.iter().any(|k| same(k, ev)))
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

pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.mode == mode)
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
            lookup(D, &ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(C::Down)
        );
        assert_eq!(
            lookup(D, &ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(C::Help)
        );
        assert_eq!(
            lookup(D, &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(C::Quit)
        );
        assert_eq!(
            lookup(D, &ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(C::PrevPane)
        );
        // In the filter, letters are text, not commands.
        assert_eq!(lookup(F, &ev(KeyCode::Char('q'), KeyModifiers::NONE)), None);
        assert_eq!(
            lookup(F, &ev(KeyCode::Esc, KeyModifiers::NONE)),
            Some(C::FilterCancel)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in [D, F, O, E] {
            let keys: Vec<&Key> = bindings(mode).flat_map(|b| b.keys.iter()).collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{a:?} bound twice in {mode:?}");
            }
        }
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
