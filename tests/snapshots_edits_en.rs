//! The edit dialogs at 80×24, in English (Vietnamese in `snapshots_edits.rs`).

mod common;

use common::{demo_app, key, render, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::App;

fn english() {
    tct::i18n::set_lang(tct::i18n::Lang::En);
}

/// The province's most overdue task selected, and `key` pressed on it.
pub fn on_overdue_task(k: char) -> (tempfile::TempDir, App) {
    english();
    let (d, mut app) = demo_app(80, 24);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char(k));
    (d, app)
}

#[test]
fn extend_dialog_80x24() {
    let (_d, mut app) = on_overdue_task('+');
    type_text(&mut app, "31/12/2022");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "123/UBND-KT");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn extend_refused_80x24() {
    let (_d, mut app) = on_overdue_task('+');
    type_text(&mut app, "01/01/2022");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn correct_dialog_80x24() {
    let (_d, app) = on_overdue_task('s');
    insta::assert_snapshot!(render(&app));
}

#[test]
fn add_task_dialog_80x24() {
    let (_d, mut app) = on_overdue_task('a');
    type_text(&mut app, "Report on disbursement progress");
    insta::assert_snapshot!(render(&app));
}

#[test]
fn reading_dialog_80x24() {
    english();
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "r152,5");
    insta::assert_snapshot!(render(&app));
}
