//! The conflicts' view and the title's word of the exchange in English (its own test
//! binary: the language is process-wide).

mod common;
#[path = "common/exchange.rs"]
mod exchange;

use common::{ctrl, key, render};
use exchange::{app, deadline, laptops, masked};
use ratatui::crossterm::event::KeyCode;

#[test]
fn the_conflicts_view_in_english_80x24() {
    tct::i18n::set_lang(tct::i18n::Lang::En);
    let l = laptops(false);
    let task = l.task;
    let mut app = app(l.a, 80, 24);
    let top = render(&app).lines().next().unwrap_or_default().to_string();
    assert!(
        top.contains("· exchanged ") && top.ends_with("· 1 conflict"),
        "{top}"
    );
    key(&mut app, KeyCode::Char('c'));
    let screen = render(&app);
    for words in [
        "Conflicts · 1 to decide",
        "Task «",
        "deadline: kept 31/12/2022 · written over 15/12/2022",
        "laptop MÁY-B",
        "Ctrl-K keep",
        "Ctrl-R put back",
    ] {
        assert!(screen.contains(words), "{words}\n{screen}");
    }
    insta::assert_snapshot!(masked(&app, &screen));
    ctrl(&mut app, 'r');
    assert_eq!(deadline(&app.store, task).as_deref(), Some("2022-12-15"));
    let said = app.message().unwrap_or_default().to_string();
    assert!(
        said.starts_with("Put back the value written over: Task «"),
        "{said}"
    );
    assert!(render(&app).contains("No conflicts"));
}
