//! Edits from the dashboard, as a secretary makes them in a meeting: a deadline
//! extended, a task corrected, a task added by hand, a target's new reading. Each is
//! one transaction, refused input changes nothing, and Ctrl-Z right after takes the
//! edit back.

mod common;

use common::{ctrl, demo_app, key, render, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::{App, HAND_ORIGIN, StatusKind};
use tct::domain::target::TargetClass;
use tct::domain::task::TaskStatus;
use tct::keymap::Mode;
use tct::layout::Pane;
use tct::model::TaskMode;

/// Cao Lộc's overdue tasks, the first one selected in the Tasks pane.
fn overdue_task(app: &mut App) -> i64 {
    type_text(app, "/cao loc");
    key(app, KeyCode::Enter);
    key(app, KeyCode::Char('m'));
    assert_eq!(app.task_mode, TaskMode::Overdue);
    key(app, KeyCode::Tab);
    key(app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Tasks);
    let t = &app.task_rows[app.tasks.in_window()];
    assert!(matches!(t.status, TaskStatus::Overdue { .. }));
    t.id
}

fn one<T: rusqlite::types::FromSql>(app: &App, sql: &str, id: i64) -> T {
    app.store
        .connection()
        .query_row(sql, [id], |r| r.get(0))
        .unwrap()
}

fn deadline(app: &App, id: i64) -> Option<String> {
    one(app, "SELECT deadline FROM task WHERE id = ?1", id)
}

fn extensions(app: &App, id: i64) -> i64 {
    one(app, "SELECT count(*) FROM extension WHERE task_id = ?1", id)
}

fn count_tasks(app: &App) -> i64 {
    one(app, "SELECT count(*) FROM task WHERE id > ?1", 0)
}

fn good(app: &App) -> bool {
    app.status
        .as_ref()
        .is_some_and(|s| s.kind == StatusKind::Good)
}

fn error(app: &App) -> String {
    app.edit_dialog()
        .and_then(|d| d.error.clone())
        .unwrap_or_default()
}

#[test]
fn an_extension_moves_the_deadline_keeps_history_and_undoes() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    let before = deadline(&app, id).unwrap();
    let card = app.selected_unit().unwrap().card.tasks;
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(app.mode(), Mode::Prompt);
    let screen = render(&app);
    assert!(screen.contains("Gia hạn nhiệm vụ"), "{screen}");
    type_text(&mut app, "31/12/2022");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Văn bản số 123/UBND-KT");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "chờ vốn");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.mode(),
        Mode::Dashboard,
        "{:?}",
        app.edit_dialog().map(|d| &d.error)
    );
    assert!(good(&app));
    assert!(app.message().unwrap().contains("31/12/2022"));
    assert_eq!(deadline(&app, id).as_deref(), Some("2022-12-31"));
    let (granted, old, new, reason): (String, String, String, String) = app
        .store
        .connection()
        .query_row(
            "SELECT granted_on, old_deadline, new_deadline, reason FROM extension
             WHERE task_id = ?1 ORDER BY id DESC",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (granted.as_str(), old.as_str(), new.as_str()),
        ("2022-09-23", before.as_str(), "2022-12-31")
    );
    assert_eq!(reason, "Văn bản số 123/UBND-KT · chờ vốn");
    // The scorecard follows at once: one fewer overdue.
    let now = app.selected_unit().unwrap().card.tasks;
    assert_eq!(now.overdue, card.overdue - 1);
    // Ctrl-Z right after: the deadline and history as they were.
    ctrl(&mut app, 'z');
    assert!(good(&app), "{:?}", app.message());
    assert_eq!(deadline(&app, id).as_deref(), Some(before.as_str()));
    assert_eq!(extensions(&app, id), 0);
    assert_eq!(
        app.selected_unit().unwrap().card.tasks.overdue,
        card.overdue
    );
    // Once only.
    ctrl(&mut app, 'z');
    assert!(!good(&app));
    assert_eq!(deadline(&app, id).as_deref(), Some(before.as_str()));
}

#[test]
fn the_detail_shows_the_extension() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    key(&mut app, KeyCode::Char('+'));
    type_text(&mut app, "+30");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "45/TB-UBND");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Dashboard, "{}", error(&app));
    let new = deadline(&app, id).unwrap();
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('m'));
    while app.task_rows[app.tasks.in_window()].id != id {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    let screen = render(&app);
    let shown = tct::domain::format::fmt_date(tct::domain::format::from_iso(&new).unwrap());
    assert!(screen.contains(&format!("→ {shown}")), "{screen}");
    assert!(screen.contains("45/TB-UBND"), "{screen}");
}

#[test]
fn refused_extensions_change_nothing_and_say_why() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    let before = deadline(&app, id).unwrap();
    let shown = tct::domain::format::fmt_date(tct::domain::format::from_iso(&before).unwrap());
    key(&mut app, KeyCode::Char('+'));
    for (typed, why) in [
        ("", "chưa nhập ngày"),
        ("31/02/2022", "ngày không tồn tại"),
        ("mai", "ngày không hợp lệ"),
        (shown.as_str(), "hạn mới phải sau hạn hiện tại"),
        ("01/01/2000", "hạn mới phải sau hạn hiện tại"),
    ] {
        while app.edit_dialog().unwrap().text(0).chars().count() > 0 {
            key(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, typed);
        ctrl(&mut app, 's');
        assert_eq!(app.mode(), Mode::Prompt, "{typed}: the dialog stays");
        let err = error(&app);
        assert!(err.contains(why), "{typed}: {err}");
        assert!(render(&app).contains(why), "{typed}: on screen");
        assert_eq!(deadline(&app, id).as_deref(), Some(before.as_str()));
        assert_eq!(extensions(&app, id), 0);
    }
    // Esc leaves without writing, and there is nothing to undo.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Dashboard);
    ctrl(&mut app, 'z');
    assert!(app.message().unwrap().contains("không có gì để hoàn tác"));
    assert_eq!(deadline(&app, id).as_deref(), Some(before.as_str()));
}

#[test]
fn any_other_key_ends_the_undo_window() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    key(&mut app, KeyCode::Char('+'));
    type_text(&mut app, "31/12/2022");
    ctrl(&mut app, 's');
    assert!(app.undoable().is_some());
    key(&mut app, KeyCode::Down);
    assert!(app.undoable().is_none());
    ctrl(&mut app, 'z');
    assert_eq!(deadline(&app, id).as_deref(), Some("2022-12-31"));
    assert_eq!(extensions(&app, id), 1);
}

#[test]
fn a_correction_changes_title_and_unit_and_undoes() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    let (title, unit): (String, i64) = app
        .store
        .connection()
        .query_row("SELECT title, unit_id FROM task WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    let card = app.selected_unit().unwrap().card.tasks;
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(app.edit_dialog().unwrap().text(0), title);
    assert_eq!(app.edit_dialog().unwrap().text(1), "Cao Lộc");
    type_text(&mut app, " (sửa)");
    key(&mut app, KeyCode::Tab);
    // An empty title and an unknown unit are refused, with the closest names.
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "loc binhh");
    ctrl(&mut app, 's');
    let err = error(&app);
    assert!(
        err.contains("loc binhh") && err.contains("Lộc Bình"),
        "{err}"
    );
    assert_eq!(
        one::<i64>(&app, "SELECT unit_id FROM task WHERE id = ?1", id),
        unit
    );
    key(&mut app, KeyCode::Backspace);
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Dashboard, "{}", error(&app));
    let (now_title, now_unit): (String, String) = app
        .store
        .connection()
        .query_row(
            "SELECT t.title, u.name FROM task t JOIN unit u ON u.id = t.unit_id WHERE t.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(now_title, format!("{title} (sửa)"));
    assert_eq!(now_unit, "Lộc Bình");
    assert_eq!(
        app.selected_unit().unwrap().card.tasks.overdue,
        card.overdue - 1
    );
    ctrl(&mut app, 'z');
    assert!(good(&app), "{:?}", app.message());
    let back: (String, i64) = app
        .store
        .connection()
        .query_row("SELECT title, unit_id FROM task WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(back, (title, unit));
    assert_eq!(
        app.selected_unit().unwrap().card.tasks.overdue,
        card.overdue
    );
}

#[test]
fn an_empty_title_is_refused() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    let title: String = one(&app, "SELECT title FROM task WHERE id = ?1", id);
    key(&mut app, KeyCode::Char('s'));
    for _ in 0..title.chars().count() {
        key(&mut app, KeyCode::Backspace);
    }
    ctrl(&mut app, 's');
    assert!(
        error(&app).contains("không được để trống"),
        "{}",
        error(&app)
    );
    let still: String = one(&app, "SELECT title FROM task WHERE id = ?1", id);
    assert_eq!(still, title);
}

#[test]
fn a_task_added_by_hand_counts_at_once_and_undoes() {
    let (_d, mut app) = demo_app(120, 40);
    overdue_task(&mut app);
    let tasks = count_tasks(&app);
    let card = app.selected_unit().unwrap().card.tasks;
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(app.edit_dialog().unwrap().text(0), "Cao Lộc");
    // The cursor starts in the title: the unit is already there.
    ctrl(&mut app, 's');
    assert!(error(&app).contains("không được để trống"));
    type_text(&mut app, "Hoàn thành giải phóng mặt bằng cửa khẩu");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "01/01/2022");
    key(&mut app, KeyCode::Enter);
    type_text(&mut app, "Thông báo số 45/TB-UBND");
    key(&mut app, KeyCode::Enter);
    assert!(
        error(&app).contains("hạn trước ngày giao"),
        "{}",
        error(&app)
    );
    assert_eq!(count_tasks(&app), tasks);
    key(&mut app, KeyCode::BackTab);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "+30");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Dashboard, "{}", error(&app));
    assert_eq!(count_tasks(&app), tasks + 1);
    let (title, assigned, dl, doc, origin): (String, String, String, String, String) = app
        .store
        .connection()
        .query_row(
            "SELECT title, assigned_on, deadline, doc_number, origin FROM task
             ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(title, "Hoàn thành giải phóng mặt bằng cửa khẩu");
    assert_eq!(
        (assigned.as_str(), dl.as_str()),
        ("2022-09-23", "2022-10-23")
    );
    assert_eq!(doc, "Thông báo số 45/TB-UBND");
    assert_eq!(origin, HAND_ORIGIN);
    assert_eq!(
        app.selected_unit().unwrap().card.tasks.total(),
        card.total() + 1
    );
    ctrl(&mut app, 'z');
    assert!(good(&app), "{:?}", app.message());
    assert_eq!(count_tasks(&app), tasks);
    assert_eq!(
        app.selected_unit().unwrap().card.tasks.total(),
        card.total()
    );
}

/// Tràng Định's targets, the first one selected.
fn first_target(app: &mut App) -> i64 {
    type_text(app, "/trang dinh");
    key(app, KeyCode::Enter);
    key(app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Targets);
    app.target_rows[app.targets.selected].id
}

#[test]
fn a_reading_replaces_that_days_figure_reclassifies_and_undoes() {
    let (_d, mut app) = demo_app(120, 40);
    let id = first_target(&mut app);
    let row = app.target_rows[0].clone();
    let card = app.selected_unit().unwrap().card.targets;
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(app.edit_dialog().unwrap().text(1), "23/09/2022");
    // A value the target cannot miss with: far above its plan, or zero when lower
    // is better.
    let big = match row.direction {
        tct::domain::target::Direction::Higher => "1.000.000,5",
        tct::domain::target::Direction::Lower => "0",
    };
    type_text(&mut app, "abc");
    ctrl(&mut app, 's');
    assert!(error(&app).contains("không phải là số"), "{}", error(&app));
    for _ in 0..3 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, big);
    key(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "24/09/2022");
    ctrl(&mut app, 's');
    assert!(error(&app).contains("sau ngày xem"), "{}", error(&app));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "23/09/2022");
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Dashboard, "{}", error(&app));
    let value: f64 = one(
        &app,
        "SELECT value FROM reading WHERE target_id = ?1 AND on_date = '2022-09-23'",
        id,
    );
    assert_eq!(value, if big == "0" { 0.0 } else { 1_000_000.5 });
    let now = app.target_rows.iter().find(|t| t.id == id).unwrap();
    assert_eq!(now.progress.class, TargetClass::Met);
    if row.progress.class != TargetClass::Met {
        assert_eq!(app.selected_unit().unwrap().card.targets.met, card.met + 1);
    }
    // The same date again replaces that day's value; undo brings the first back.
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "7,5");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Dashboard, "{}", error(&app));
    let n: i64 = one(
        &app,
        "SELECT count(*) FROM reading WHERE target_id = ?1 AND on_date = '2022-09-23'",
        id,
    );
    assert_eq!(n, 1);
    let value: f64 = one(
        &app,
        "SELECT value FROM reading WHERE target_id = ?1 AND on_date = '2022-09-23'",
        id,
    );
    assert_eq!(value, 7.5);
    ctrl(&mut app, 'z');
    let value: f64 = one(
        &app,
        "SELECT value FROM reading WHERE target_id = ?1 AND on_date = '2022-09-23'",
        id,
    );
    assert_eq!(value, if big == "0" { 0.0 } else { 1_000_000.5 });
}

#[test]
fn a_new_reading_undone_is_gone() {
    let (_d, mut app) = demo_app(120, 40);
    let id = first_target(&mut app);
    let before: i64 = one(
        &app,
        "SELECT count(*) FROM reading WHERE target_id = ?1",
        id,
    );
    let card = app.selected_unit().unwrap().card.targets;
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "12.5");
    key(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "22/9/2022");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Dashboard, "{}", error(&app));
    let after: i64 = one(
        &app,
        "SELECT count(*) FROM reading WHERE target_id = ?1",
        id,
    );
    assert_eq!(after, before + 1);
    ctrl(&mut app, 'z');
    let undone: i64 = one(
        &app,
        "SELECT count(*) FROM reading WHERE target_id = ?1",
        id,
    );
    assert_eq!(undone, before);
    assert_eq!(app.selected_unit().unwrap().card.targets, card);
}

#[test]
fn keys_outside_their_pane_ask_for_a_record() {
    let (_d, mut app) = demo_app(120, 40);
    for (k, says) in [
        ('+', "chọn một nhiệm vụ"),
        ('s', "chọn một nhiệm vụ"),
        ('a', "chọn một nhiệm vụ"),
        ('r', "chọn một chỉ tiêu"),
    ] {
        key(&mut app, KeyCode::Char(k));
        assert_eq!(app.mode(), Mode::Dashboard, "{k}");
        assert!(
            app.message().unwrap_or("").contains(says),
            "{k}: {:?}",
            app.message()
        );
    }
}

/// Esc by mistake: nothing is written, and the same key on the same task brings back
/// what was typed; another task gets an empty dialog.
#[test]
fn a_dialog_closed_by_esc_keeps_its_text_for_the_same_record() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    let before = deadline(&app, id);
    key(&mut app, KeyCode::Char('+'));
    type_text(&mut app, "31/12/2022");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Công văn số 88/UBND-KT");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Dashboard);
    assert_eq!(deadline(&app, id), before, "nothing written");
    assert_eq!(extensions(&app, id), 0);
    assert!(
        app.message().unwrap().contains("chưa ghi"),
        "{:?}",
        app.message()
    );
    key(&mut app, KeyCode::Char('+'));
    let d = app.edit_dialog().unwrap();
    assert_eq!(d.text(0), "31/12/2022");
    assert_eq!(d.text(1), "Công văn số 88/UBND-KT");
    assert_eq!(d.field, 1, "the cursor where it was");
    key(&mut app, KeyCode::Esc);
    // Another task: a fresh dialog.
    key(&mut app, KeyCode::Down);
    assert_ne!(app.task_rows[app.tasks.in_window()].id, id);
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(app.edit_dialog().unwrap().text(0), "");
    key(&mut app, KeyCode::Esc);
    // The first task's text is still kept: a dialog closed untouched keeps nothing.
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(app.edit_dialog().unwrap().text(1), "Công văn số 88/UBND-KT");
    ctrl(&mut app, 's');
    assert_eq!(deadline(&app, id).as_deref(), Some("2022-12-31"));
}

#[test]
fn the_help_lists_the_edit_keys() {
    let (_d, mut app) = demo_app(120, 50);
    key(&mut app, KeyCode::Char('?'));
    let screen = render(&app);
    for words in [
        "nhiệm vụ: gia hạn",
        "nhiệm vụ: sửa tên, đơn vị chủ trì",
        "nhiệm vụ: thêm bằng tay",
        "chỉ tiêu: nhập số liệu mới",
        "Ctrl-Z",
    ] {
        assert!(screen.contains(words), "{words}: {screen}");
    }
}

/// Another window changed the record between the edit and Ctrl-Z: the undo refuses
/// and changes nothing, rather than revert what it did not make.
#[test]
fn an_undo_never_reverts_what_another_window_changed_since() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    key(&mut app, KeyCode::Char('+'));
    type_text(&mut app, "31/12/2022");
    ctrl(&mut app, 's');
    assert_eq!(extensions(&app, id), 1);
    // Another program extends it again, as a second window would.
    app.store
        .connection()
        .execute_batch(&format!(
            "INSERT INTO extension(task_id, granted_on, old_deadline, new_deadline, reason)
             VALUES ({id}, '2022-09-23', '2022-12-31', '2023-03-31', 'khác');
             UPDATE task SET deadline = '2023-03-31' WHERE id = {id};"
        ))
        .unwrap();
    ctrl(&mut app, 'z');
    assert!(!good(&app));
    assert!(
        app.message().unwrap().contains("đã thay đổi"),
        "{:?}",
        app.message()
    );
    assert_eq!(extensions(&app, id), 2);
    assert_eq!(deadline(&app, id).as_deref(), Some("2023-03-31"));
}

#[test]
fn a_reading_changed_since_is_not_undone() {
    let (_d, mut app) = demo_app(120, 40);
    let id = first_target(&mut app);
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "42");
    ctrl(&mut app, 's');
    app.store
        .connection()
        .execute(
            "UPDATE reading SET value = 43 WHERE target_id = ?1 AND on_date = '2022-09-23'",
            [id],
        )
        .unwrap();
    ctrl(&mut app, 'z');
    assert!(
        app.message().unwrap().contains("đã thay đổi"),
        "{:?}",
        app.message()
    );
    let value: f64 = one(
        &app,
        "SELECT value FROM reading WHERE target_id = ?1 AND on_date = '2022-09-23'",
        id,
    );
    assert_eq!(value, 43.0);
}

/// Another window on the demo's file, started after this one died.
fn restart(dir: &tempfile::TempDir) -> App {
    let store = tct::store::Store::open(&dir.path().join("demo.db")).unwrap();
    let mut app = App::new(
        store,
        common::ctx("23/09/2022"),
        tct::theme::Theme { color: false },
        (120, 40),
    );
    app.update(tct::app::Action::Resize(120, 40));
    app
}

fn drafts_on_disk(app: &App) -> i64 {
    one(app, "SELECT count(*) FROM draft WHERE id > ?1", 0)
}

/// What a dialog types is written as a draft; a window that dies with the dialog open
/// is offered it at the next start, named by what it edits, and Enter brings the
/// dialog back with its text. Saving it then writes the edit and deletes the draft.
#[test]
fn a_dialog_left_open_is_offered_back_and_saving_it_removes_the_draft() {
    let (dir, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    let title = app.task_rows[app.tasks.in_window()].title.clone();
    key(&mut app, KeyCode::Char('+'));
    type_text(&mut app, "31/12/2022");
    key(&mut app, KeyCode::Tab); // a field change writes the draft at once
    type_text(&mut app, "Văn bản số 123/UBND-KT");
    app.update(tct::app::Action::Tick); // the debounce's wake
    assert_eq!(drafts_on_disk(&app), 1);
    let draft_id = app.edit_dialog().and_then(|d| d.draft_id).unwrap();
    let body = app.store.draft(draft_id).unwrap().unwrap().body;
    assert!(body.contains("Văn bản số 123/UBND-KT"), "{body}");
    drop(app);

    let mut app = restart(&dir);
    let Some(tct::app::Overlay::Drafts(list)) = app.overlay() else {
        panic!("the dialog's draft is offered: {}", render(&app));
    };
    assert_eq!(list.entries.len(), 1);
    let line = &list.entries[0].first_words;
    let head: String = title.chars().take(10).collect();
    assert!(
        line.starts_with(&format!("Gia hạn nhiệm vụ «{head}")),
        "{line}"
    );
    assert!(
        line.ends_with("»: 31/12/2022 · Văn bản số 123/UBND-KT"),
        "{line}"
    );
    let screen = render(&app);
    assert!(screen.contains("31/12/2022"), "{screen}");
    // Past the guard against keys typed on, Enter restores it.
    let enter = ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Enter,
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    let at = app.now() + std::time::Duration::from_secs(2);
    app.on_key_at(enter, at);
    assert_eq!(app.mode(), Mode::Prompt);
    let d = app.edit_dialog().expect("the dialog is back");
    assert_eq!(d.text(0), "31/12/2022");
    assert_eq!(d.text(1), "Văn bản số 123/UBND-KT");
    assert_eq!(d.field, 1);
    assert_eq!(d.draft_id, Some(draft_id));

    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Dashboard, "{}", render(&app));
    assert_eq!(deadline(&app, id).as_deref(), Some("2022-12-31"));
    assert_eq!(drafts_on_disk(&app), 0);
}

/// Esc keeps the text in the draft: it is still on disk, and the same key reopens
/// the dialog as it was; a reading saved deletes its draft and no other.
#[test]
fn esc_keeps_the_dialogs_draft_and_saving_deletes_only_its_own() {
    let (_d, mut app) = demo_app(120, 40);
    overdue_task(&mut app);
    key(&mut app, KeyCode::Char('s'));
    type_text(&mut app, " (sửa)");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Dashboard);
    assert_eq!(drafts_on_disk(&app), 1);
    key(&mut app, KeyCode::Char('+'));
    type_text(&mut app, "+30");
    assert_eq!(drafts_on_disk(&app), 2);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('s'));
    let d = app.edit_dialog().unwrap();
    assert!(d.text(0).ends_with("(sửa)"), "{}", d.text(0));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Dashboard, "{}", render(&app));
    assert_eq!(drafts_on_disk(&app), 1, "the extension's draft stays");
}
