//! Long random sequences of keys, pastes (some huge), resizes down to nothing and timer
//! wakes, fed to the app's update loop with a frame drawn after each: no panic, no
//! frame that is not the terminal's size, no control character drawn, and never a
//! state that a few keys cannot leave. 1,500 events in `cargo test`; set
//! TCT_FUZZ_EVENTS (e.g. 1000000, in release) for the long run.

mod common;

use common::{Lcg, demo_app, render};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tct::app::{Action, App};
use tct::keymap::Mode;

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

/// Every kind of key the app knows, and some it doesn't. Ctrl-E (which writes a
/// notice file) is left out; it has its own tests.
fn keys() -> Vec<(KeyCode, KeyModifiers)> {
    let mut v: Vec<(KeyCode, KeyModifiers)> = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::F(1),
    ]
    .into_iter()
    .map(|k| (k, NONE))
    .collect();
    for c in "/mo?jkdniqbxglđệ漢+3 1/2".chars() {
        v.push((KeyCode::Char(c), NONE));
    }
    for c in "snztlcwuxkd ".chars() {
        v.push((KeyCode::Char(c), CTRL));
    }
    for k in [KeyCode::Up, KeyCode::Down] {
        v.push((k, ALT));
    }
    v
}

/// A paste of a kind a person might make, or one no person would.
fn paste(rng: &mut Lcg) -> String {
    match rng.below(6) {
        0 => "Tra\u{300}ng\u{1b}[2J\n".repeat(rng.below(50) as usize),
        1 => "\u{1b}]0;title\u{7}\r\n\t\u{200b}\u{202e}👩‍👩‍👧".repeat(rng.below(20) as usize),
        2 => "31/12/2022".to_string(),
        3 => "+30".to_string(),
        // Once in a while, huge: a whole document pasted by mistake.
        4 if rng.below(40) == 0 => "Kết luận rất dài. ".repeat(20_000),
        _ => "Sở Tài chính".to_string(),
    }
}

/// Esc out of whatever is open, dropping unsaved text: at most a few keys must reach
/// the dashboard from any state.
fn leave(app: &mut App) -> bool {
    for _ in 0..8 {
        if app.mode() == Mode::Dashboard {
            return true;
        }
        let (code, mods) = match app.mode() {
            Mode::Dialog if app.form().is_some() => (KeyCode::Char('x'), CTRL),
            _ => (KeyCode::Esc, NONE),
        };
        app.on_key(KeyEvent::new(code, mods));
        app.quit = false;
    }
    app.mode() == Mode::Dashboard
}

#[test]
fn random_keys_pastes_and_resizes_never_panic_or_trap() {
    let (_d, mut app) = demo_app(80, 24);
    let mut rng = Lcg(2022);
    let keys = keys();
    let events = common::env_count("TCT_FUZZ_EVENTS", 1500) as usize;
    let mut forms = 0;
    for i in 0..events {
        match rng.below(40) {
            0 => {
                // Down to nothing at all, and up to a large terminal.
                let (w, h) = (rng.below(220) as u16, rng.below(70) as u16);
                app.update(Action::Resize(w, h));
            }
            1 => app.update(Action::Resize(80, 24)),
            2 | 3 => app.update(Action::Paste(paste(&mut rng))),
            4 => app.update(Action::Tick),
            _ => {
                let (code, mods) = keys[rng.below(keys.len() as u64) as usize];
                app.on_key(KeyEvent::new(code, mods));
            }
        }
        if app.form().is_some() {
            forms += 1;
        }
        app.quit = false;
        let screen = render(&app);
        assert_eq!(screen.lines().count(), app.size.1 as usize, "event {i}");
        assert!(
            !screen.chars().any(|c| c.is_control() && c != '\n'),
            "a control character drawn at event {i}"
        );
        assert!(app.units.selected < app.units.total.max(1), "event {i}");
        // Now and then, prove the way out still works, then carry on from there.
        if i % 500 == 499 {
            assert!(leave(&mut app), "event {i}: stuck in {:?}", app.mode());
        }
    }
    assert!(
        forms > events / 20,
        "the run spent too little time in the form to test it: {forms} of {events}"
    );
}
