//! The app's update logic as (state before, keys, state after), without a terminal.

mod common;

use common::{ctrl, demo_app, key, render, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::{Action, Overlay};
use tct::layout::Pane;
use tct::model::TaskMode;

#[test]
fn filter_without_diacritics_selects_trang_dinh() {
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/trang dinh");
    assert_eq!(app.units.total, 1);
    key(&mut app, KeyCode::Enter);
    assert!(
        app.filter_input().is_none(),
        "Enter keeps the filter and closes the input"
    );
    assert_eq!(app.units.filter, "trang dinh");
    assert_eq!(app.selected_unit().unwrap().name, "Tràng Định");
    assert!(
        app.summary()
            .contains("02/14 chỉ tiêu đạt và vượt, 04/14 đạt trên 70%, 08/14 dưới 70%")
    );
    let card = app.selected_unit().unwrap().card;
    assert_eq!((card.tasks.done_on_time, card.tasks.due()), (11, 11));
    assert_eq!(app.tasks.total as u32, card.tasks.total());
    key(&mut app, KeyCode::Esc);
    assert!(app.units.filter.is_empty());
    assert!(app.units.total > 10);
}

#[test]
fn telex_backspace_and_replacement_and_nfd_paste() {
    let (_d, mut app) = demo_app(80, 24);
    // An input method types "tra", then replaces the "a" with "à".
    type_text(&mut app, "/tra");
    key(&mut app, KeyCode::Backspace);
    type_text(&mut app, "àng");
    assert_eq!(app.units.filter, "tràng");
    assert_eq!(app.units.total, 1);
    key(&mut app, KeyCode::Esc);
    assert!(app.units.filter.is_empty());
    // Decomposed text and several lines pasted: one NFC line is kept.
    key(&mut app, KeyCode::Char('/'));
    app.update(Action::Paste("Tra\u{300}ng\nDi\u{323}nh".into()));
    assert_eq!(app.units.filter, "Tràng");
    assert_eq!(app.units.total, 1);
    // Control characters in a paste are dropped, never drawn.
    app.update(Action::Paste("\u{1b}[2J Định".into()));
    assert_eq!(app.units.filter, "Tràng[2J Định");
    assert!(!render(&app).contains('\u{1b}'));
}

#[test]
fn letters_in_the_filter_are_text_not_commands() {
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/qo?m");
    assert!(!app.quit && app.overlay().is_none() && !app.all_units);
    assert_eq!(app.units.filter, "qo?m");
    ctrl(&mut app, 'c');
    assert!(app.quit, "Ctrl-C quits from anywhere");
}

#[test]
fn tab_cycles_panes_and_narrow_layout_shows_one() {
    let (_d, mut app) = demo_app(80, 24);
    assert_eq!(app.focus, Pane::Units);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Targets);
    let a = app.areas();
    assert!(a.targets.is_some() && a.units.is_none() && a.tasks.is_none());
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Units);
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Tasks);
}

#[test]
fn task_modes_and_the_province_wide_overdue_view() {
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.task_mode, TaskMode::All);
    let all = app.tasks.total;
    key(&mut app, KeyCode::Char('m'));
    let overdue = app.selected_unit().unwrap().card.tasks.overdue as usize;
    assert!(overdue >= 4);
    assert_eq!(
        (app.task_mode, app.tasks.total),
        (TaskMode::Overdue, overdue)
    );
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.task_mode, TaskMode::Open);
    assert!(app.tasks.total > overdue && app.tasks.total < all);

    key(&mut app, KeyCode::Char('o'));
    assert!(app.all_units);
    assert_eq!(app.focus, Pane::Tasks);
    let units: std::collections::HashSet<_> =
        app.task_rows.iter().map(|t| t.unit_name.clone()).collect();
    assert!(units.len() > 3, "tasks of many units: {units:?}");
    assert!(
        app.task_rows
            .iter()
            .all(|t| matches!(t.status, tct::domain::task::TaskStatus::Overdue { .. }))
    );
    key(&mut app, KeyCode::Esc);
    assert!(!app.all_units);
    assert!(app.task_rows.iter().all(|t| t.unit_name == "Cao Lộc"));
}

#[test]
fn panes_never_hold_more_rows_than_they_show() {
    let (_d, mut app) = demo_app(80, 14);
    key(&mut app, KeyCode::Char('o'));
    for _ in 0..40 {
        key(&mut app, KeyCode::Down);
        assert!(app.task_rows.len() <= app.page_rows(Pane::Tasks));
        let sel = &app.task_rows[app.tasks.in_window()];
        assert!(app.task_rows.iter().any(|r| r.id == sel.id));
    }
    assert_eq!(
        app.tasks.selected,
        app.tasks.total - 1,
        "stops at the last row"
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::End);
    assert!(app.unit_rows.len() <= app.page_rows(Pane::Units));
    assert_eq!(app.selected_unit().unwrap().name, "Văn Quan");
    key(&mut app, KeyCode::Home);
    assert_eq!(app.selected_unit().unwrap().name, "Bắc Sơn");
}

#[test]
fn enter_opens_details_and_esc_closes_them() {
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    match app.overlay() {
        Some(Overlay::Target(d)) => {
            assert_eq!(d.unit_name, "Tràng Định");
            assert!(d.readings.len() >= 2, "a history to draw");
        }
        other => panic!("expected a target detail, got {other:?}"),
    }
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay().is_none());
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    match app.overlay() {
        Some(Overlay::Task { detail, .. }) => {
            assert!(detail.row.doc_number.is_some() || detail.row.inspection_on.is_some())
        }
        other => panic!("expected a task detail, got {other:?}"),
    }
    key(&mut app, KeyCode::Char('q'));
    assert!(
        app.overlay().is_none() && !app.quit,
        "q closes the overlay first"
    );
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn unit_change_reloads_targets_and_tasks() {
    let (_d, mut app) = demo_app(120, 40);
    let first = app.selected_unit().unwrap().name.clone();
    let first_targets: Vec<_> = app.target_rows.iter().map(|t| t.id).collect();
    key(&mut app, KeyCode::Down);
    assert_ne!(app.selected_unit().unwrap().name, first);
    assert_ne!(
        app.target_rows.iter().map(|t| t.id).collect::<Vec<_>>(),
        first_targets
    );
    let uid = app.selected_unit().unwrap().id;
    assert!(app.task_rows.iter().all(|t| t.unit_id == uid));
}

#[test]
fn x_lists_the_abolished_units_too_and_the_title_says_so() {
    let (_d, mut app) = common::after_the_reform(120, 40);
    // After the reform the 2022 districts are not in the list.
    let before = app.units.total;
    let names = |app: &tct::app::App| -> Vec<(String, bool)> {
        app.unit_rows
            .iter()
            .map(|u| (u.name.clone(), u.abolished.is_some()))
            .collect()
    };
    assert!(
        names(&app).iter().all(|(_, gone)| !gone),
        "{:?}",
        names(&app)
    );
    assert!(!render(&app).contains("kể cả đã giải thể"));
    key(&mut app, KeyCode::Char('x'));
    assert!(app.show_abolished);
    assert!(app.units.total > before, "{} ≤ {before}", app.units.total);
    let screen = render(&app);
    assert!(
        screen.contains(&format!("Đơn vị · kể cả đã giải thể ({})", app.units.total)),
        "{screen}"
    );
    // Cao Lộc district is back, marked with the day it ceased.
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    let cao_loc = app
        .unit_rows
        .iter()
        .find(|u| u.name == "Cao Lộc" && u.abolished.is_some())
        .expect("the district listed");
    assert_eq!(
        cao_loc.abolished.as_ref().unwrap().on,
        common::date("01/07/2025")
    );
    let screen = render(&app);
    // The sentence under the title: the name, the mark, every successor.
    assert!(
        screen.contains("Cao Lộc (huyện) (đã giải thể 01/07/2025 → Ba Sơn,"),
        "{screen}"
    );
    // Again: hidden, and the title back.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('x'));
    assert!(!app.show_abolished);
    assert_eq!(app.units.total, before);
    assert!(!render(&app).contains("kể cả đã giải thể"));
}
