//! Units that share a name (three communes "Hoàng Văn Thụ" in 2022, the city and the
//! province "Lạng Sơn"), and a unit's own office named in a directive: the form, the
//! dashboard's dialogs and the command line say which unit is meant, the same way.

mod common;

use common::{ctrl, date, demo_app, key, new_record, render, tct, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::{App, DialogKind};
use tct::keymap::Mode;

const HVT: [&str; 3] = [
    "Hoàng Văn Thụ (xã, Bình Gia)",
    "Hoàng Văn Thụ (xã, Văn Lãng)",
    "Hoàng Văn Thụ (phường, Lạng Sơn)",
];

/// The demo with the province's catalogue of units, as `--demo` opens it.
fn app() -> (tempfile::TempDir, App) {
    let (d, mut app) = demo_app(120, 40);
    tct::import::load_catalogue(&mut app.store, date("23/09/2022")).unwrap();
    (d, app)
}

/// A directive typed into a new record of Tràng Định, its unit field holding `unit`.
fn directive_for(app: &mut App, unit: &str) {
    type_text(app, "/trang dinh");
    key(app, KeyCode::Enter);
    new_record(app);
    ctrl(app, 't');
    ctrl(app, 't');
    type_text(app, "Rà soát hồ sơ đất đai.");
    key(app, KeyCode::Tab);
    type_text(app, unit);
    key(app, KeyCode::Tab);
    type_text(app, "+30");
}

/// (unit, its parent, the task's office) of the newest task.
fn newest_task(app: &App) -> (String, Option<String>, Option<String>) {
    app.store
        .connection()
        .query_row(
            "SELECT u.name, p.name, t.office FROM task t JOIN unit u ON u.id = t.unit_id
             LEFT JOIN unit p ON p.id = u.parent_id AND p.kind <> 'tinh'
             ORDER BY t.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

fn tasks(app: &App) -> i64 {
    app.store
        .connection()
        .query_row("SELECT count(*) FROM task", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_name_several_units_have_asks_which_and_saves_the_one_chosen() {
    let (_d, mut app) = app();
    let before = tasks(&app);
    directive_for(&mut app, "Hoàng Văn Thụ");
    ctrl(&mut app, 's');
    let d = app.dialog().expect("which Hoàng Văn Thụ?");
    assert!(matches!(d.kind, DialogKind::ChooseUnit { .. }));
    let mut choices = d.choices.clone();
    choices.sort();
    let mut want = HVT.map(String::from).to_vec();
    want.sort();
    assert_eq!(choices, want);
    assert_eq!(tasks(&app), before, "nothing saved while asking");
    let screen = render(&app);
    assert!(screen.contains(&format!("▶ {}", app.dialog().unwrap().choices[0])));
    // Enter is no answer (a key pressed twice must not choose for the user): over
    // the form it drops the question, as typing does, and nothing is saved.
    key(&mut app, KeyCode::Enter);
    assert!(app.dialog().is_none());
    assert_eq!(tasks(&app), before);
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Up);
    let chosen = app.dialog().unwrap().choices[1].clone();
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Form, "{:?}", app.message());
    assert!(app.message().unwrap_or("").starts_with("Đã lưu"));
    assert_eq!(tasks(&app), before + 1);
    assert_eq!(app.form().unwrap().data.item().unit, chosen);
    let (name, parent, _) = newest_task(&app);
    assert_eq!(
        format!(
            "{name} ({}, {})",
            if chosen.contains("phường") {
                "phường"
            } else {
                "xã"
            },
            parent.unwrap()
        ),
        chosen
    );
}

#[test]
fn the_name_completion_offers_is_taken_back_as_it_is() {
    let (_d, mut app) = app();
    let before = tasks(&app);
    directive_for(&mut app, "");
    key(&mut app, KeyCode::BackTab);
    type_text(&mut app, "hoang van thu");
    ctrl(&mut app, ' ');
    let offered = app.form().unwrap().data.item().unit.clone();
    assert!(HVT.contains(&offered.as_str()), "{offered}");
    ctrl(&mut app, 's');
    assert!(app.dialog().is_none(), "no question for a name tct offered");
    assert_eq!(tasks(&app), before + 1, "{:?}", app.message());
}

#[test]
fn a_units_own_office_is_kept_with_its_task_counted_under_the_unit() {
    let (_d, mut app) = app();
    directive_for(&mut app, "Phòng Tài chính - Kế hoạch huyện");
    ctrl(&mut app, 's');
    assert!(
        app.message().unwrap_or("").starts_with("Đã lưu"),
        "{:?}",
        app.message()
    );
    assert_eq!(
        newest_task(&app),
        (
            "Tràng Định".into(),
            None,
            Some("Phòng Tài chính - Kế hoạch huyện".into())
        )
    );
    // Saved again after another change, the office stays as it was.
    assert_eq!(
        app.form().unwrap().data.item().unit,
        "Phòng Tài chính - Kế hoạch huyện"
    );
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::BackTab);
    type_text(&mut app, " Báo cáo kết quả.");
    ctrl(&mut app, 's');
    assert!(app.message().unwrap_or("").starts_with("Đã lưu"));
    assert_eq!(
        newest_task(&app).2.as_deref(),
        Some("Phòng Tài chính - Kế hoạch huyện")
    );
    // Another unit's office, named after its kind word: that unit's task.
    ctrl(&mut app, 'n');
    type_text(&mut app, "Kiểm tra an toàn thực phẩm.");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Trung tâm Y tế huyện Cao Lộc");
    ctrl(&mut app, 's');
    assert!(app.message().unwrap_or("").starts_with("Đã lưu"));
    assert_eq!(
        newest_task(&app),
        (
            "Cao Lộc".into(),
            None,
            Some("Trung tâm Y tế huyện Cao Lộc".into())
        )
    );
}

#[test]
fn correcting_a_task_to_a_shared_name_asks_which() {
    let (_d, mut app) = app();
    // Tràng Định's tasks: the first one, corrected to a commune of a shared name.
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('s'));
    let d = app.edit_dialog().expect("the correction dialog");
    assert_eq!(d.text(1), "Tràng Định");
    key(&mut app, KeyCode::Tab);
    for _ in 0.."Tràng Định".chars().count() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Hoàng Văn Thụ");
    key(&mut app, KeyCode::Enter);
    let d = app.dialog().expect("which one?");
    assert_eq!(d.choices.len(), 3);
    let chosen = d.choices[0].clone();
    ctrl(&mut app, 's');
    assert_eq!(app.mode(), Mode::Dashboard, "{:?}", app.message());
    assert!(app.edit_dialog().is_none());
    // Ctrl-Z takes it back: the unit chosen was written, in one step.
    assert!(
        app.message().unwrap_or("").contains("Ctrl-Z"),
        "{:?}",
        app.message()
    );
    let _ = chosen;
}

#[test]
fn the_command_line_names_each_unit_of_a_shared_name_so_it_can_be_written() {
    let dir = tempfile::TempDir::new().unwrap();
    let db = dir.path().join("d.db");
    let db = db.to_str().unwrap();
    let run = |unit: &str| tct(&["--demo", "--db", db, "report", "units", "--unit", unit]);
    let o = run("Hoàng Văn Thụ");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("là tên của nhiều đơn vị"), "{err}");
    for label in HVT {
        assert!(err.contains(label), "{label}: {err}");
        let o = run(label);
        assert!(
            o.status.success(),
            "{label}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("\nHoàng Văn Thụ"), "{label}: {out}");
    }
    // The parent with its kind word, too.
    assert!(run("Hoàng Văn Thụ (xã, huyện Bình Gia)").status.success());
    // A district abolished in 2025, named with its kind after it, as of 2026.
    let o = tct(&[
        "--demo",
        "--db",
        db,
        "--today",
        "01/12/2026",
        "report",
        "units",
        "--unit",
        "Cao Lộc (huyện)",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("Cao Lộc  huyện"), "{out}");
}
