//! Recording a task's completion from the dashboard: `d`, a date, Enter; refused dates
//! change nothing and say why.

mod common;

use common::{demo_app, key, render, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::{App, StatusKind};
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

fn completed_on(app: &App, id: i64) -> Option<String> {
    app.store
        .connection()
        .query_row("SELECT completed_on FROM task WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
}

/// Clears the prompt's date and types another.
fn retype(app: &mut App, date: &str) {
    for _ in 0..12 {
        key(app, KeyCode::Backspace);
    }
    type_text(app, date);
}

#[test]
fn an_overdue_task_recorded_done_today_counts_as_done_late() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    let card = app.selected_unit().unwrap().card.tasks;
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.mode(), Mode::Prompt);
    let screen = render(&app);
    assert!(screen.contains("Hoàn thành nhiệm vụ"), "{screen}");
    assert!(
        screen.contains("23/09/2022"),
        "today's date is offered: {screen}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Dashboard);
    assert_eq!(completed_on(&app, id).as_deref(), Some("2022-09-23"));
    assert_eq!(app.message(), Some("Đã ghi hoàn thành ngày 23/09/2022"));
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.kind == StatusKind::Good),
        "good news is not drawn as an error"
    );
    // The scorecard follows at once: one fewer overdue, one more done late.
    let now = app.selected_unit().unwrap().card.tasks;
    assert_eq!(now.overdue, card.overdue - 1);
    assert_eq!(now.done_late, card.done_late + 1);
    assert!(
        app.task_rows.iter().all(|t| t.id != id),
        "it left the overdue list"
    );
}

#[test]
fn refused_dates_change_nothing_and_say_why() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    let assigned = app.task_rows[app.tasks.in_window()].assigned_on.unwrap();
    key(&mut app, KeyCode::Char('d'));
    let day_before = (assigned - chrono::Days::new(1))
        .format("%d/%m/%Y")
        .to_string();
    for (typed, why) in [
        ("31/02/2022", "ngày không tồn tại"),
        ("hôm qua", "ngày không hợp lệ"),
        ("24/09/2022", "sau ngày xem"),
        (day_before.as_str(), "trước ngày giao"),
    ] {
        retype(&mut app, typed);
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.mode(), Mode::Prompt, "{typed}: the prompt stays");
        let err = app.done().unwrap().error.clone().unwrap_or_default();
        assert!(err.contains(why), "{typed}: {err}");
        assert!(
            render(&app).contains(why),
            "{typed}: the reason is on screen"
        );
        assert_eq!(completed_on(&app, id), None, "{typed}: nothing recorded");
    }
    // Esc leaves without recording.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Dashboard);
    assert_eq!(completed_on(&app, id), None);
}

#[test]
fn an_empty_date_records_a_task_as_not_done_again() {
    let (_d, mut app) = demo_app(120, 40);
    let id = overdue_task(&mut app);
    key(&mut app, KeyCode::Char('d'));
    retype(&mut app, "20/09/2022");
    key(&mut app, KeyCode::Enter);
    assert_eq!(completed_on(&app, id).as_deref(), Some("2022-09-20"));
    // Find it among all the unit's tasks, and take the date back.
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.task_mode, TaskMode::All);
    while app.task_rows[app.tasks.in_window()].id != id {
        let at = app.tasks.selected;
        key(&mut app, KeyCode::Down);
        assert_ne!(at, app.tasks.selected, "the task is in the list");
    }
    key(&mut app, KeyCode::Char('d'));
    let typed = app.done().unwrap().input.lines().concat();
    assert_eq!(typed, "20/09/2022", "a done task offers its own date");
    retype(&mut app, "");
    key(&mut app, KeyCode::Enter);
    assert_eq!(completed_on(&app, id), None);
    assert_eq!(app.message(), Some("Đã ghi là chưa hoàn thành"));
}

#[test]
fn d_outside_the_tasks_pane_asks_for_a_task() {
    let (_d, mut app) = demo_app(120, 40);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(app.mode(), Mode::Dashboard);
    assert!(
        app.message().unwrap_or("").contains("chọn một nhiệm vụ"),
        "{:?}",
        app.message()
    );
}

/// A task the office's file said was done late, on a day it did not give: the list
/// and the detail say it is done late and that the day is unknown, never a day;
/// `d` records a real one.
#[test]
fn a_completion_on_an_unknown_day_shows_as_unknown_until_recorded() {
    let (_d, mut app) = demo_app(120, 40);
    let (id, title): (i64, String) = app
        .store
        .connection()
        .query_row(
            "SELECT t.id, t.title FROM task t JOIN unit u ON u.id = t.unit_id
             WHERE u.name = 'Cao Lộc' AND t.completed_on > t.deadline ORDER BY t.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    app.store
        .connection()
        .execute(
            "UPDATE task SET completed_on = date(deadline, '+1 day'), completion_unknown = 1
             WHERE id = ?1",
            [id],
        )
        .unwrap();
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Tasks);
    let words: Vec<&str> = title.split_whitespace().take(4).collect();
    type_text(&mut app, &format!("/{}", words.join(" ")));
    key(&mut app, KeyCode::Enter);
    let row = &app.task_rows[app.tasks.in_window()];
    assert_eq!(row.id, id);
    assert_eq!(row.status, TaskStatus::DoneLate { days_late: None });
    key(&mut app, KeyCode::Enter);
    let screen = render(&app);
    assert!(screen.contains("ngày hoàn thành không rõ"), "{screen}");
    assert!(screen.contains("hoàn thành quá hạn"), "{screen}");
    assert!(!screen.contains("hoàn thành trễ 1"), "{screen}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('d'));
    retype(&mut app, "20/09/2022");
    key(&mut app, KeyCode::Enter);
    assert_eq!(completed_on(&app, id).as_deref(), Some("2022-09-20"));
    let unknown: bool = app
        .store
        .connection()
        .query_row(
            "SELECT completion_unknown FROM task WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!unknown);
}
