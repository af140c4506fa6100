//! Every screen a user meets, in both languages, read for the slips a reader notices:
//! a doubled colon, a word said twice in a row. (Its own binary: the language is
//! process-wide.)

mod common;
#[path = "common/exchange.rs"]
mod exchange;

use common::{ctrl, demo_app, key, render, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::App;
use tct::i18n::{Lang, set_lang};

fn slips(screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in screen.lines() {
        if line.contains("::") {
            found.push(format!("doubled colon: {line}"));
        }
        // Words next to each other on the screen, not across a border.
        for part in line.split(['│', '┌', '┐', '└', '┘', '─', '·']) {
            let ws: Vec<String> = part
                .split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .filter(|w| w.chars().count() > 1 && !w.chars().any(|c| c.is_ascii_digit()))
                .collect();
            for w in ws.windows(2) {
                if w[0] == w[1] {
                    found.push(format!("«{}» twice: {line}", w[0]));
                }
            }
        }
        // A title that says a phrase twice: "Quá hạn – toàn tỉnh · quá hạn".
        if let Some(title) = line.split(['┌', '┐']).nth(1) {
            let words: Vec<String> = title
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 1)
                .map(str::to_lowercase)
                .collect();
            for (i, pair) in words.windows(2).enumerate() {
                if words[i + 2..].windows(2).any(|p| p == pair) {
                    found.push(format!("«{}» twice in a title: {line}", pair.join(" ")));
                }
            }
        }
        // Every date is dd/mm/yyyy: no two-digit years, no cut year. (A date that runs
        // into a border is one an overlay covers, not a slip.)
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '/') {
                i += 1;
            }
            if i == start {
                i += 1;
                continue;
            }
            let token: String = chars[start..i].iter().collect();
            let parts: Vec<&str> = token.split('/').collect();
            let day_month = parts.len() == 3 && parts[0].len() == 2 && parts[1].len() == 2;
            let ends_in_text = chars.get(i).is_none_or(|c| *c == ' ');
            if day_month && parts[2].len() != 4 && ends_in_text {
                found.push(format!("date «{token}» not dd/mm/yyyy: {line}"));
            }
        }
    }
    found
}

fn screens(lang: Lang, w: u16, h: u16) -> Vec<(String, String)> {
    set_lang(lang);
    let mut out = Vec::new();
    let mut shot =
        |name: &str, app: &App| out.push((format!("{lang:?} {w}x{h} {name}"), render(app)));
    let (_d, mut app) = demo_app(w, h);
    shot("dashboard", &app);
    key(&mut app, KeyCode::Char('?'));
    shot("help", &app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('o'));
    shot("overdue", &app);
    key(&mut app, KeyCode::Enter);
    shot("task detail", &app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('d'));
    shot("done prompt", &app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('o'));
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    shot("history", &app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    shot("target detail", &app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('n'));
    shot("form", &app);
    type_text(&mut app, "Kết quả");
    ctrl(&mut app, 'n');
    ctrl(&mut app, 'n');
    for n in 0..12 {
        shot(&format!("form field {n}"), &app);
        key(&mut app, KeyCode::Tab);
    }
    key(&mut app, KeyCode::Esc);
    shot("unsaved dialog", &app);
    ctrl(&mut app, 'x');
    key(&mut app, KeyCode::Char('b'));
    shot("drafts", &app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('c'));
    shot("no conflicts", &app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    shot("same-day question", &app);
    ctrl(&mut app, 'n');
    ctrl(&mut app, 'z');
    shot("nothing to undo", &app);
    ctrl(&mut app, 's');
    shot("empty record", &app);
    let dir = tempfile::tempdir().unwrap();
    let store = tct::store::Store::open(&dir.path().join("t.db")).unwrap();
    let mut empty = App::new(
        store,
        common::ctx("23/09/2022"),
        tct::theme::Theme { color: false },
        (w, h),
    );
    empty.update(tct::app::Action::Resize(w, h));
    shot("first start", &empty);
    let laptops = exchange::laptops(true);
    let mut two = exchange::app(laptops.a, w, h);
    shot("title after an exchange", &two);
    key(&mut two, KeyCode::Char('c'));
    shot("conflicts", &two);
    ctrl(&mut two, 'r');
    shot("conflict put back", &two);
    ctrl(&mut two, 'r');
    shot("conflict with nothing to put back", &two);
    out
}

#[test]
fn no_screen_doubles_a_colon_or_a_word() {
    let mut found = Vec::new();
    for lang in [Lang::Vi, Lang::En] {
        for (w, h) in [(80, 24), (120, 30)] {
            for (name, screen) in screens(lang, w, h) {
                for s in slips(&screen) {
                    found.push(format!("{name}: {s}"));
                }
            }
        }
    }
    set_lang(Lang::Vi);
    assert!(found.is_empty(), "{}", found.join("\n"));
}
