//! Keys as Windows' console sends them, fed to the app with the times they came: a
//! press and a release for every key; a paste as such keys, microseconds apart, with
//! Enter for a line break and Tab for a tab (there is no bracketed paste); Unikey and
//! EVKey replacing what was typed with Backspaces and the accented letter.

mod common;

use std::time::{Duration, Instant};

use common::{demo_app, key, new_record, type_text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tct::app::{App, Field};
use tct::keymap::Mode;
use tct::layout::Pane;

/// How far apart the console reads a paste's keys, and a person's.
const PASTED: Duration = Duration::from_micros(30);
const PERSON: Duration = Duration::from_millis(120);

/// Key events with their times, as the console delivers them.
struct Keys {
    at: Instant,
    events: Vec<(KeyEvent, Instant)>,
}

fn code_of(c: char) -> KeyCode {
    match c {
        '\n' => KeyCode::Enter,
        '\t' => KeyCode::Tab,
        '\u{8}' => KeyCode::Backspace,
        c => KeyCode::Char(c),
    }
}

impl Keys {
    fn after(app: &App) -> Keys {
        Keys {
            at: app.now() + Duration::from_secs(1),
            events: Vec::new(),
        }
    }

    fn push(&mut self, code: KeyCode, kind: KeyEventKind, at: Instant) {
        let mods = match code {
            KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        self.events
            .push((KeyEvent::new_with_kind(code, mods, kind), at));
    }

    /// Each character a press and its release, `step` apart (`\u{8}` is Backspace).
    fn text(&mut self, s: &str, step: Duration) -> &mut Keys {
        for c in s.chars() {
            self.push(code_of(c), KeyEventKind::Press, self.at);
            self.push(code_of(c), KeyEventKind::Release, self.at + step / 2);
            self.at += step;
        }
        self
    }

    /// A person's key that the input method takes (Telex `f`, VNI `2`): it never
    /// arrives; what the method sends instead does, at once — `back` Backspaces, then
    /// `then` — and last the release of the person's key, which it lets through.
    fn ime(&mut self, key: char, back: usize, then: &str) -> &mut Keys {
        let sent = "\u{8}".repeat(back) + then;
        let start = self.at;
        self.text(&sent, PASTED);
        self.push(code_of(key), KeyEventKind::Release, start + PERSON / 2);
        self.at = start + PERSON;
        self
    }

    fn typed(&mut self, s: &str) -> &mut Keys {
        self.text(s, PERSON)
    }

    fn feed(&mut self, app: &mut App) {
        app.on_keys(&self.events);
        self.events.clear();
    }
}

fn filter_text(app: &App) -> String {
    app.filter_input()
        .expect("the filter is open")
        .lines()
        .join("\n")
}

fn item_text(app: &App) -> String {
    app.form().unwrap().data.items[0].text.clone()
}

fn open_filter(app: &mut App) {
    key(app, KeyCode::Char('/'));
    assert_eq!(app.mode(), Mode::Filter);
}

fn open_form(app: &mut App) {
    type_text(app, "/trang dinh");
    key(app, KeyCode::Enter);
    new_record(app);
    assert_eq!(app.form().unwrap().data.field, Field::ItemText);
}

/// The extension dialog (`+`) on Cao Lộc's first task, the cursor in the field of
/// the document number.
fn open_extension(app: &mut App) {
    type_text(app, "/cao loc");
    key(app, KeyCode::Enter);
    key(app, KeyCode::Tab);
    key(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Tasks);
    key(app, KeyCode::Char('+'));
    key(app, KeyCode::Tab);
    assert_eq!(app.edit_dialog().unwrap().field, 1);
}

fn dialog_field(app: &App, i: usize) -> String {
    app.edit_dialog().unwrap().fields[i]
        .input
        .lines()
        .join("\n")
}

#[test]
fn a_paste_in_the_filter_is_its_first_line_and_nothing_after_runs() {
    let (_d, mut app) = demo_app(120, 40);
    open_filter(&mut app);
    Keys::after(&app)
        .text("Tràng Định\nqo", PASTED)
        .feed(&mut app);
    assert!(!app.quit, "the q in the paste is text");
    assert_eq!(app.mode(), Mode::Filter, "the line break did not apply it");
    assert_eq!(filter_text(&app), "Tràng Định");
    assert_eq!(app.units.filter, "Tràng Định");
}

#[test]
fn a_paste_in_the_form_keeps_its_tab_and_line_break_as_text() {
    let (_d, mut app) = demo_app(120, 40);
    open_form(&mut app);
    Keys::after(&app)
        .text("Kết quả:\tđạt 12/14\nTồn tại: chậm", PASTED)
        .feed(&mut app);
    let f = app.form().unwrap();
    assert_eq!(f.data.field, Field::ItemText, "the Tab did not move on");
    assert_eq!(item_text(&app), "Kết quả: đạt 12/14\nTồn tại: chậm");
}

#[test]
fn a_paste_in_an_edit_dialog_stays_in_its_field_and_writes_nothing() {
    let (_d, mut app) = demo_app(120, 40);
    open_extension(&mut app);
    let written: i64 = app
        .store
        .connection()
        .query_row("SELECT count(*) FROM extension", [], |r| r.get(0))
        .unwrap();
    Keys::after(&app)
        .text("123/UBND-KT\tngày 05/9/2022\n\nq", PASTED)
        .feed(&mut app);
    let d = app.edit_dialog().expect("the dialog is still open");
    assert_eq!(d.field, 1, "neither Tab nor Enter moved on");
    assert_eq!(dialog_field(&app, 1), "123/UBND-KT ngày 05/9/2022");
    assert_eq!(dialog_field(&app, 0), "", "nothing went to the date");
    let now: i64 = app
        .store
        .connection()
        .query_row("SELECT count(*) FROM extension", [], |r| r.get(0))
        .unwrap();
    assert_eq!(now, written, "nothing was written");
    assert!(!app.quit);
}

#[test]
fn a_paste_on_the_dashboard_runs_no_command() {
    let (_d, mut app) = demo_app(120, 40);
    key(&mut app, KeyCode::Down);
    let (focus, selected) = (app.focus, app.units.selected);
    let (units, tasks) = (app.unit_rows.len(), app.task_rows.len());
    // n, x, l, d, o, m, t are commands, Tab changes pane, Enter opens, q quits.
    Keys::after(&app)
        .text("Đôn đốc xử lý\tnộp báo cáo tháng\nmq", PASTED)
        .feed(&mut app);
    assert!(!app.quit, "nothing quits");
    assert_eq!(app.mode(), Mode::Dashboard, "nothing opened");
    assert!(app.overlay().is_none() && app.form().is_none());
    assert_eq!((app.focus, app.units.selected), (focus, selected));
    assert_eq!((app.unit_rows.len(), app.task_rows.len()), (units, tasks));
    assert!(!app.show_abolished);
    let said = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(said.contains("dán"), "it says where a paste goes: {said}");
}

#[test]
fn a_person_typing_fast_is_not_a_paste() {
    // The same keys: 15 ms apart they are typed, Tab moving on; read microseconds
    // apart they are a paste.
    for (step, pasted) in [(Duration::from_millis(15), false), (PASTED, true)] {
        let (_d, mut app) = demo_app(120, 40);
        open_form(&mut app);
        Keys::after(&app).text("ab\tcd", step).feed(&mut app);
        let f = app.form().unwrap();
        assert_eq!(f.data.field == Field::ItemText, pasted, "{step:?}");
        let want = if pasted { "ab cd" } else { "ab" };
        assert_eq!(item_text(&app), want, "{step:?}");
    }
}

#[test]
fn a_burst_with_a_backspace_is_keys() {
    // Without the Backspace the burst is a paste and the filter stays open; with it,
    // it is keys (an input method, a person), and Enter applies the filter.
    for (burst, applied) in [("cao locc\u{8}\n", true), ("cao loc\n", false)] {
        let (_d, mut app) = demo_app(120, 40);
        open_filter(&mut app);
        Keys::after(&app).text(burst, PASTED).feed(&mut app);
        assert_eq!(app.units.filter, "cao loc", "{burst:?}");
        assert_eq!(app.mode() == Mode::Dashboard, applied, "{burst:?}");
    }
}

/// «Tràng Định», «đường», «nghiêng» as Unikey or EVKey sends them in Telex: the
/// person's keys, and for each key the method takes, the Backspaces and letters it
/// sends instead (the whole syllable after the mark is typed again).
fn telex(k: &mut Keys) {
    k.typed("Trang")
        .ime('f', 3, "àng")
        .typed(" D")
        .ime('d', 1, "Đ");
    k.typed("inh")
        .ime('j', 3, "ịnh")
        .typed(" d")
        .ime('d', 1, "đ");
    k.typed("uo")
        .ime('w', 2, "ươ")
        .typed("ng")
        .ime('f', 3, "ờng");
    k.typed(" nghie").ime('e', 1, "ê").typed("ng");
}

/// The same words in VNI: the marks are digits.
fn vni(k: &mut Keys) {
    k.typed("Trang")
        .ime('2', 3, "àng")
        .typed(" D")
        .ime('9', 1, "Đ");
    k.typed("inh")
        .ime('5', 3, "ịnh")
        .typed(" d")
        .ime('9', 1, "đ");
    k.typed("uo")
        .ime('7', 2, "ươ")
        .typed("ng")
        .ime('2', 3, "ờng");
    k.typed(" nghie").ime('6', 1, "ê").typed("ng");
}

const WORDS: &str = "Tràng Định đường nghiêng";

#[test]
fn unikey_and_evkey_in_telex_and_vni_give_the_words_in_the_filter() {
    for method in [telex, vni] {
        let (_d, mut app) = demo_app(120, 40);
        open_filter(&mut app);
        let mut k = Keys::after(&app);
        method(&mut k);
        k.feed(&mut app);
        assert_eq!(filter_text(&app), WORDS);
    }
}

#[test]
fn unikey_and_evkey_in_telex_and_vni_give_the_words_in_the_form() {
    for method in [telex, vni] {
        let (_d, mut app) = demo_app(120, 40);
        open_form(&mut app);
        let mut k = Keys::after(&app);
        method(&mut k);
        k.typed("\n");
        method(&mut k);
        k.feed(&mut app);
        assert_eq!(item_text(&app), format!("{WORDS}\n{WORDS}"));
    }
}

#[test]
fn unikey_and_evkey_in_telex_and_vni_give_the_words_in_an_edit_dialog() {
    for method in [telex, vni] {
        let (_d, mut app) = demo_app(120, 40);
        open_extension(&mut app);
        let mut k = Keys::after(&app);
        method(&mut k);
        k.feed(&mut app);
        assert_eq!(dialog_field(&app, 1), WORDS);
    }
}

#[test]
fn a_unikey_shorthand_is_typed_not_pasted() {
    // Unikey's shorthand (gõ tắt) turns «ubnd» and a space into the words at once,
    // Backspaces first: as many letters in a burst as a paste has, but typed.
    let (_d, mut app) = demo_app(120, 40);
    open_form(&mut app);
    let mut k = Keys::after(&app);
    k.typed("ubnd")
        .ime(' ', 4, "Ủy ban nhân dân ")
        .typed("huyện");
    k.feed(&mut app);
    assert_eq!(item_text(&app), "Ủy ban nhân dân huyện");
}
