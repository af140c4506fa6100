//! A unit's inspections (`i`): a record made by mistake is deleted from the list
//! after a question no letter answers, with or without the tasks its directives
//! created; Ctrl-Z right after, or Ctrl-R on the deleted record listed with `x`,
//! brings it back.

mod common;

use common::{ctrl, demo_app, key, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::{App, DialogKind, Overlay, StatusKind};
use tct::keymap::Mode;

/// Tràng Định's inspections, its one record of 23/09/2022 selected.
fn trang_dinh_history(app: &mut App) -> i64 {
    type_text(app, "/trang dinh");
    key(app, KeyCode::Enter);
    key(app, KeyCode::Char('i'));
    let rows = history_rows(app);
    assert_eq!(rows.len(), 1);
    rows[0]
}

fn history_rows(app: &App) -> Vec<i64> {
    match app.overlay() {
        Some(Overlay::History { rows, .. }) => rows.iter().map(|r| r.id).collect(),
        other => panic!("not the list of inspections: {other:?}"),
    }
}

fn tasks(app: &App) -> i64 {
    app.store
        .connection()
        .query_row("SELECT count(*) FROM task", [], |r| r.get(0))
        .unwrap()
}

fn said(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn good(app: &App) -> bool {
    app.status
        .as_ref()
        .is_some_and(|s| s.kind == StatusKind::Good)
}

#[test]
fn delete_asks_and_no_letter_answers() {
    let (_d, mut app) = demo_app(100, 30);
    let id = trang_dinh_history(&mut app);
    let before = tasks(&app);
    key(&mut app, KeyCode::Delete);
    assert_eq!(app.mode(), Mode::Dialog);
    assert!(matches!(
        app.dialog().map(|d| d.kind),
        Some(DialogKind::DeleteInspection { id: i, tasks: 10 }) if i == id
    ));
    // A sentence typed on by mistake answers nothing and quits nothing.
    type_text(&mut app, "xkq d");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Dialog);
    assert!(!app.quit);
    assert_eq!(app.store.inspection_ids(None).unwrap().len(), 3);
    // Esc: nothing deleted.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Overlay);
    assert_eq!(history_rows(&app), vec![id]);
    assert_eq!(tasks(&app), before);
}

#[test]
fn delete_with_its_tasks_then_ctrl_z_restores() {
    let (_d, mut app) = demo_app(100, 30);
    let id = trang_dinh_history(&mut app);
    let before = tasks(&app);
    ctrl(&mut app, 'd');
    ctrl(&mut app, 'x');
    assert_eq!(app.mode(), Mode::Overlay, "the list stays open");
    assert!(history_rows(&app).is_empty());
    assert_eq!(tasks(&app), before - 10);
    assert!(!app.store.inspection_ids(None).unwrap().contains(&id));
    assert!(good(&app));
    assert_eq!(
        said(&app),
        "Đã xóa biên bản kiểm tra ngày 23/09/2022 (Tràng Định) và 10 nhiệm vụ · Ctrl-Z: hoàn tác"
    );
    ctrl(&mut app, 'z');
    assert!(good(&app), "{}", said(&app));
    assert!(said(&app).starts_with("Đã hoàn tác"));
    assert_eq!(history_rows(&app), vec![id]);
    assert_eq!(tasks(&app), before);
    // Once only.
    ctrl(&mut app, 'z');
    assert!(!good(&app));
    assert_eq!(tasks(&app), before);
}

#[test]
fn delete_keeping_the_tasks_then_restore_from_the_list() {
    let (_d, mut app) = demo_app(100, 30);
    let id = trang_dinh_history(&mut app);
    let before = tasks(&app);
    key(&mut app, KeyCode::Delete);
    ctrl(&mut app, 'k');
    assert!(history_rows(&app).is_empty());
    assert_eq!(tasks(&app), before, "the tasks are kept");
    assert!(said(&app).contains("giữ 10 nhiệm vụ"), "{}", said(&app));
    // A key later, Ctrl-Z is over: the list shows the deleted record, and Ctrl-R
    // brings it back.
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(history_rows(&app), vec![id]);
    // A deleted record is not opened, nor deleted again.
    key(&mut app, KeyCode::Enter);
    assert!(app.form().is_none());
    assert!(said(&app).contains("Ctrl-R"), "{}", said(&app));
    key(&mut app, KeyCode::Delete);
    assert!(app.dialog().is_none());
    ctrl(&mut app, 'r');
    assert!(good(&app), "{}", said(&app));
    assert_eq!(
        said(&app),
        "Đã khôi phục biên bản kiểm tra ngày 23/09/2022 (Tràng Định)"
    );
    assert!(app.store.inspection_ids(None).unwrap().contains(&id));
    assert_eq!(tasks(&app), before);
    // Restoring a record that is not deleted says so.
    ctrl(&mut app, 'r');
    assert!(!good(&app));
    // `x` again hides deleted records; Enter opens a live one.
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Enter);
    assert!(app.form().is_some());
}

#[test]
fn a_deleted_record_is_not_the_one_of_the_day() {
    let (_d, mut app) = demo_app(100, 30);
    trang_dinh_history(&mut app);
    key(&mut app, KeyCode::Delete);
    ctrl(&mut app, 'x');
    key(&mut app, KeyCode::Esc);
    // `n` on 23/09/2022 asks no more about the deleted record of that day.
    key(&mut app, KeyCode::Char('n'));
    assert!(app.dialog().is_none());
    assert!(app.form().is_some());
}

#[test]
fn a_record_without_tasks_asks_only_to_confirm() {
    let (_d, mut app) = demo_app(100, 30);
    trang_dinh_history(&mut app);
    key(&mut app, KeyCode::Esc);
    common::new_record(&mut app);
    type_text(&mut app, "Một kết quả");
    ctrl(&mut app, 's');
    if app.dialog().is_some() {
        ctrl(&mut app, 's');
    }
    key(&mut app, KeyCode::Esc);
    assert!(app.form().is_none());
    key(&mut app, KeyCode::Char('i'));
    assert_eq!(history_rows(&app).len(), 2);
    let before = tasks(&app);
    key(&mut app, KeyCode::Delete);
    assert!(matches!(
        app.dialog().map(|d| d.kind),
        Some(DialogKind::DeleteInspection { tasks: 0, .. })
    ));
    // No task to keep: Ctrl-K is no answer here.
    ctrl(&mut app, 'k');
    assert_eq!(app.mode(), Mode::Dialog);
    ctrl(&mut app, 'x');
    assert_eq!(history_rows(&app).len(), 1);
    assert_eq!(tasks(&app), before);
    assert_eq!(
        said(&app),
        "Đã xóa biên bản kiểm tra ngày 23/09/2022 (Tràng Định) · Ctrl-Z: hoàn tác"
    );
}

/// A record deleted in another window while it is open here is not written to
/// unseen: saving says to restore it first, and creates no task.
#[test]
fn a_record_deleted_meanwhile_is_not_saved_over() {
    let (_d, mut app) = demo_app(100, 30);
    let id = trang_dinh_history(&mut app);
    key(&mut app, KeyCode::Enter);
    assert!(app.form().is_some());
    app.store
        .write(|c| c.delete_inspection(id, true, "2022-09-23 18:00:00"))
        .unwrap();
    let before = tasks(&app);
    type_text(&mut app, " thêm");
    ctrl(&mut app, 's');
    assert!(!good(&app));
    assert!(said(&app).contains("Ctrl-R"), "{}", said(&app));
    assert_eq!(tasks(&app), before);
    assert!(
        app.store
            .inspection_ids(None)
            .unwrap()
            .iter()
            .all(|&i| i != id)
    );
}

/// A draft left of a record deleted since is not offered at the next start (it could
/// not be saved); restoring the record offers it again.
#[test]
fn a_draft_of_a_deleted_record_waits_with_it() {
    let (_d, mut app) = demo_app(100, 30);
    let id = trang_dinh_history(&mut app);
    let unit: i64 = app
        .store
        .connection()
        .query_row("SELECT unit_id FROM inspection WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    // Another window's draft of the record, that window gone.
    let draft = app
        .store
        .save_draft(None, unit, Some(id), "{}", "2022-09-23 10:00:00")
        .unwrap();
    app.store
        .connection()
        .execute("UPDATE draft SET owner = NULL WHERE id = ?1", [draft])
        .unwrap();
    let left = |app: &App| -> Vec<i64> {
        app.store
            .drafts_left()
            .unwrap()
            .iter()
            .map(|d| d.id)
            .collect()
    };
    assert_eq!(left(&app), [draft]);
    key(&mut app, KeyCode::Delete);
    ctrl(&mut app, 'x');
    assert!(left(&app).is_empty(), "{}", said(&app));
    ctrl(&mut app, 'z');
    assert_eq!(left(&app), [draft], "{}", said(&app));
}
