//! The secretary's working day: selections that stay where the user left them, the
//! guards around inspections, empty states and the small things noticed in use.

mod common;

use common::{demo_app, key, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::layout::Pane;

#[test]
fn clearing_a_filter_keeps_the_unit_selected_and_in_view() {
    // 80x14 shows a few units: Văn Lãng is far below the first page.
    let (_d, mut app) = demo_app(80, 14);
    type_text(&mut app, "/van lang");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_unit().unwrap().name, "Văn Lãng");
    key(&mut app, KeyCode::Esc);
    assert!(app.units.filter.is_empty());
    assert!(app.units.total > 10);
    assert_eq!(
        app.selected_unit().map(|u| u.name.as_str()),
        Some("Văn Lãng"),
        "the next `n` is for the unit the user was looking at"
    );
    assert!(app.units.selected > 10 && app.units.offset > 0);
    assert!(app.units.selected - app.units.offset < app.page_rows(Pane::Units));
}

#[test]
fn slash_shows_the_filter_selected_so_typing_replaces_it() {
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "/trang");
    assert_eq!(app.units.filter, "trang");
    assert_eq!(app.selected_unit().unwrap().name, "Tràng Định");
    key(&mut app, KeyCode::Enter);
    // An arrow key keeps the text to be edited.
    type_text(&mut app, "/");
    key(&mut app, KeyCode::End);
    type_text(&mut app, " dinh");
    assert_eq!(app.units.filter, "trang dinh");
}

#[test]
fn a_filter_of_tasks_or_targets_keeps_the_row_too() {
    let (_d, mut app) = demo_app(120, 30);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    let id = app.task_rows[app.tasks.in_window()].id;
    let word = app.task_rows[app.tasks.in_window()]
        .title
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_string();
    type_text(&mut app, &format!("/{word}"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.task_rows[app.tasks.in_window()].id, id);

    let (_d, mut app) = demo_app(120, 30);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    let id = app.target_rows[app.targets.selected].id;
    type_text(&mut app, "/n");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.target_rows[app.targets.selected].id, id);
}
