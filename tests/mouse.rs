//! The mouse as `update` sees it: clicks and wheel notches at cells found from the
//! same layout the screen is drawn by, for a given terminal size.

mod common;

use std::time::{Duration, Instant};

use common::{demo_app, key, render};
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use tct::app::{Action, App, DialogKind, Layer, Overlay};
use tct::layout::Pane;

/// The cell in the middle of the `n`-th row (0-based) of a pane's list as drawn now.
fn row_cell(app: &App, p: Pane, n: u16) -> (u16, u16) {
    let r: Rect = app.areas().list_area(p).expect("the pane is on screen");
    assert!(n < r.height, "row {n} is not shown");
    (r.x + r.width / 2, r.y + n)
}

fn click(app: &mut App, (col, row): (u16, u16), at: Instant) {
    app.update(Action::Click { col, row, at });
}

fn wheel(app: &mut App, (col, row): (u16, u16), down: bool) {
    app.update(Action::Scroll { col, row, down });
}

/// The demo on a wide screen with Cao Lộc (26 tasks) selected by a click on its row.
fn cao_loc(at: Instant) -> (tempfile::TempDir, App) {
    let (d, mut app) = demo_app(160, 30);
    let n = app
        .unit_rows
        .iter()
        .position(|u| u.name == "Cao Lộc")
        .expect("Cao Lộc in the demo");
    let cell = row_cell(&app, Pane::Units, n as u16);
    click(&mut app, cell, at);
    assert_eq!(app.selected_unit().unwrap().name, "Cao Lộc");
    assert!(app.tasks.total > app.page_rows(Pane::Tasks) + 3);
    (d, app)
}

#[test]
fn a_click_selects_the_third_row_shown_of_the_tasks_pane_after_the_wheel_scrolled_it() {
    let t0 = Instant::now();
    let (_d, mut app) = cao_loc(t0);
    assert_eq!(app.focus, Pane::Units);
    let over_tasks = row_cell(&app, Pane::Tasks, 0);
    wheel(&mut app, over_tasks, true);
    assert_eq!(
        (app.tasks.offset, app.tasks.selected),
        (3, 3),
        "the window moved three rows and carried the selection along"
    );
    assert_eq!(app.focus, Pane::Units, "the wheel does not take the focus");

    let third = row_cell(&app, Pane::Tasks, 2);
    click(&mut app, third, t0 + Duration::from_secs(2));
    assert_eq!(app.focus, Pane::Tasks);
    assert_eq!(app.tasks.selected, 3 + 2);
    // The row selected is the row drawn where the click was.
    let title = &app.task_rows[app.tasks.in_window()].title;
    let screen = render(&app);
    let line = screen.lines().nth(third.1 as usize).unwrap();
    let start: String = title.chars().take(12).collect();
    assert!(
        line.contains(&start),
        "{start:?} not on the row clicked: {line}"
    );
    assert!(app.overlay().is_none(), "one click only selects");
}

#[test]
fn the_wheel_scrolls_the_list_under_the_pointer_and_back() {
    let (_d, mut app) = cao_loc(Instant::now());
    let over_tasks = row_cell(&app, Pane::Tasks, 4);
    let before = app.task_rows[0].id;
    wheel(&mut app, over_tasks, true);
    wheel(&mut app, over_tasks, true);
    assert_eq!(app.tasks.offset, 6);
    assert_ne!(app.task_rows[0].id, before, "the rows shown moved");
    let last = app.tasks.total - app.page_rows(Pane::Tasks);
    for _ in 0..20 {
        wheel(&mut app, over_tasks, true);
    }
    assert_eq!(app.tasks.offset, last, "no further than the last row");
    // Over the Units pane it is not the tasks that move.
    let cell = row_cell(&app, Pane::Units, 0);
    wheel(&mut app, cell, false);
    assert_eq!(app.tasks.offset, last);
    for _ in 0..20 {
        wheel(&mut app, over_tasks, false);
    }
    assert_eq!(app.tasks.offset, 0);
    assert_eq!(app.task_rows[0].id, before);
}

#[test]
fn a_double_click_opens_the_detail_as_enter_does() {
    let t0 = Instant::now();
    let (_d, mut app) = cao_loc(t0);
    let row = row_cell(&app, Pane::Tasks, 1);
    let t1 = t0 + Duration::from_secs(5);
    click(&mut app, row, t1);
    click(&mut app, row, t1 + Duration::from_millis(250));
    let Some(Overlay::Task { detail, .. }) = app.overlay() else {
        panic!("no task detail open: {:?}", app.overlay().is_some());
    };
    assert_eq!(detail.row.id, app.task_rows[1].id);
}

#[test]
fn two_clicks_far_apart_or_on_two_rows_do_not_open_it() {
    let t0 = Instant::now();
    let (_d, mut app) = cao_loc(t0);
    let row = row_cell(&app, Pane::Tasks, 1);
    let t1 = t0 + Duration::from_secs(5);
    click(&mut app, row, t1);
    click(&mut app, row, t1 + Duration::from_secs(1));
    assert!(app.overlay().is_none(), "a second later is two clicks");
    let cell = row_cell(&app, Pane::Tasks, 2);
    click(&mut app, cell, t1 + Duration::from_millis(1100));
    assert!(app.overlay().is_none(), "another row is two clicks");
    assert_eq!(app.tasks.selected, 2);
    // A key between two clicks makes them two clicks too.
    let t2 = t1 + Duration::from_secs(3);
    click(&mut app, row, t2);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Up);
    click(&mut app, row, t2 + Duration::from_millis(100));
    assert!(app.overlay().is_none());
}

#[test]
fn a_click_on_a_tab_brings_its_pane() {
    let (_d, mut app) = demo_app(80, 24);
    assert_eq!(app.focus, Pane::Units);
    let bar = app.areas().tabs.expect("tabs on a narrow screen");
    let tasks = tct::layout::tabs(bar)[2].1;
    click(&mut app, (tasks.x + 1, tasks.y), Instant::now());
    assert_eq!(app.focus, Pane::Tasks);
    assert!(app.areas().tasks.is_some() && app.areas().units.is_none());
}

#[test]
fn a_click_with_a_question_open_changes_nothing() {
    let (_d, mut app) = demo_app(160, 30);
    // Tràng Định has a record of the as-of date: `n` asks first.
    let n = app
        .unit_rows
        .iter()
        .position(|u| u.name == "Tràng Định")
        .unwrap();
    let t0 = Instant::now();
    let cell = row_cell(&app, Pane::Units, n as u16);
    click(&mut app, cell, t0);
    key(&mut app, KeyCode::Char('n'));
    assert!(matches!(
        app.dialog().map(|d| &d.kind),
        Some(DialogKind::SameDay { .. })
    ));
    let screen = render(&app);
    let (focus, units, tasks) = (app.focus, app.units.clone(), app.tasks.clone());
    let status = app.status.as_ref().map(|s| s.text.clone());
    // Everywhere: the question's own box, a task twice, the wheel.
    let row = row_cell(&app, Pane::Tasks, 1);
    for (i, at) in [(80, 15), row, row, (1, 5)].into_iter().enumerate() {
        click(&mut app, at, t0 + Duration::from_millis(100 * i as u64));
        wheel(&mut app, at, true);
    }
    assert!(matches!(app.layers().top(), Some(Layer::Dialog(_))));
    assert_eq!((app.focus, &app.units, &app.tasks), (focus, &units, &tasks));
    assert_eq!(app.status.as_ref().map(|s| s.text.clone()), status);
    assert_eq!(render(&app), screen);
    assert!(app.form().is_none(), "nothing was opened beneath");
}

#[test]
fn the_wheel_scrolls_the_help() {
    let (_d, mut app) = demo_app(80, 24);
    key(&mut app, KeyCode::Char('?'));
    let top = render(&app);
    wheel(&mut app, (40, 12), true);
    assert!(matches!(app.overlay(), Some(Overlay::Help { scroll: 3 })));
    assert_ne!(render(&app), top);
    // A click over it does nothing: it is closed by its keys.
    click(&mut app, (40, 12), Instant::now());
    assert!(matches!(app.overlay(), Some(Overlay::Help { scroll: 3 })));
}
