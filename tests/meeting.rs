//! A whole meeting as the secretary lives it, key by key on the demo (with the
//! province's catalogue of units): find the unit, record the conclusions with a
//! directive for a commune whose name three communes share, extend two deadlines,
//! enter a target's new figure, delete a record made by mistake, and export the
//! notice — no step needs a workaround, and each shows in the figures at once.

mod common;

use common::{ctrl, date, demo_app, key, new_record, tct, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::{App, DialogKind, Overlay, StatusKind};
use tct::keymap::Mode;
use tct::layout::Pane;

fn one(app: &App, sql: &str) -> i64 {
    app.store
        .connection()
        .query_row(sql, [], |r| r.get(0))
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
fn a_whole_meeting_from_the_keyboard() {
    let (dir, mut app) = demo_app(120, 40);
    tct::import::load_catalogue(&mut app.store, date("23/09/2022")).unwrap();
    let inspections = |app: &App| {
        one(
            app,
            "SELECT count(*) FROM inspection WHERE deleted_at IS NULL",
        )
    };
    let (records, tasks) = (inspections(&app), one(&app, "SELECT count(*) FROM task"));

    // Find the unit and record what is said.
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.selected_unit().unwrap().name, "Tràng Định");
    new_record(&mut app);
    assert_eq!(app.mode(), Mode::Form);
    type_text(&mut app, "Huyện đã hoàn thành 11/11 nhiệm vụ đúng hạn.");
    ctrl(&mut app, 'n');
    type_text(&mut app, "Tiến độ giải ngân vốn đầu tư công còn chậm.");
    ctrl(&mut app, 'n');
    type_text(&mut app, "Phối hợp rà soát hồ sơ đất đai giáp ranh.");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Hoàng Văn Thụ");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "cuối quý");
    ctrl(&mut app, 's');
    // Three communes of that name: which one, and then it saves.
    assert!(matches!(
        app.dialog().map(|d| d.kind),
        Some(DialogKind::ChooseUnit { .. })
    ));
    key(&mut app, KeyCode::Down);
    ctrl(&mut app, 's');
    assert!(said(&app).starts_with("Đã lưu"), "{}", said(&app));
    ctrl(&mut app, 'n');
    type_text(&mut app, "Đẩy nhanh giải ngân vốn đầu tư công.");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Phòng Tài chính - Kế hoạch huyện");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "+30");
    ctrl(&mut app, 's');
    assert!(said(&app).starts_with("Đã lưu"), "{}", said(&app));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Dashboard);
    assert_eq!(inspections(&app), records + 1);
    assert_eq!(one(&app, "SELECT count(*) FROM task"), tasks + 2);

    // Extend two deadlines, as the unit asks and the chair agrees.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Tasks);
    let extensions = one(&app, "SELECT count(*) FROM extension");
    for (n, (by, doc)) in [("+30", "15/UBND-TH"), ("+15", "16/UBND-TH")]
        .iter()
        .enumerate()
    {
        if n > 0 {
            key(&mut app, KeyCode::Down);
        }
        key(&mut app, KeyCode::Char('+'));
        assert_eq!(app.mode(), Mode::Prompt, "{}", said(&app));
        type_text(&mut app, by);
        key(&mut app, KeyCode::Tab);
        type_text(&mut app, doc);
        key(&mut app, KeyCode::Tab);
        type_text(&mut app, "Chờ bố trí vốn");
        key(&mut app, KeyCode::Enter);
        assert_eq!(
            app.mode(),
            Mode::Dashboard,
            "{:?}",
            app.edit_dialog().and_then(|d| d.error.clone())
        );
        assert!(good(&app), "{}", said(&app));
    }
    assert_eq!(one(&app, "SELECT count(*) FROM extension"), extensions + 2);

    // A target's new figure, announced in the meeting: the scorecard follows.
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Targets);
    key(&mut app, KeyCode::Char('r'));
    type_text(&mut app, "1.000.000");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.mode(),
        Mode::Dashboard,
        "{:?}",
        app.edit_dialog().and_then(|d| d.error.clone())
    );
    assert_eq!(
        one(
            &app,
            "SELECT count(*) FROM reading WHERE value = 1000000 AND on_date = '2022-09-23'"
        ),
        1,
        "{}",
        said(&app)
    );

    // A second record started by mistake and saved; deleted from the list.
    key(&mut app, KeyCode::BackTab);
    new_record(&mut app);
    type_text(&mut app, "Nhầm.");
    ctrl(&mut app, 's');
    assert!(said(&app).starts_with("Đã lưu"), "{}", said(&app));
    key(&mut app, KeyCode::Esc);
    assert_eq!(inspections(&app), records + 2);
    key(&mut app, KeyCode::Char('i'));
    let mistaken = one(&app, "SELECT max(id) FROM inspection");
    let Some(Overlay::History { rows, .. }) = app.overlay() else {
        panic!("the list of inspections");
    };
    let at = rows.iter().position(|r| r.id == mistaken).expect("listed");
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Delete);
    ctrl(&mut app, 'x');
    assert!(good(&app), "{}", said(&app));
    assert_eq!(inspections(&app), records + 1);
    key(&mut app, KeyCode::Esc);

    // The notice: the meeting's record, not the mistaken one, its directives whole.
    let db = dir.path().join("demo.db");
    let out = tct(&[
        "--db",
        db.to_str().unwrap(),
        "--today",
        "23/09/2022",
        "export",
        "inspection",
        "latest",
        "--unit",
        "Tràng Định",
        "--format",
        "md",
        "-o",
        "-",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Phối hợp rà soát hồ sơ đất đai giáp ranh"),
        "{text}"
    );
    assert!(
        text.contains("Đẩy nhanh giải ngân vốn đầu tư công"),
        "{text}"
    );
    assert!(text.contains("Hoàng Văn Thụ"), "{text}");
    assert!(!text.contains("Nhầm."), "{text}");
}
