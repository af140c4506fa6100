//! Hostile and broken input, as a table: each case is what is typed into which field,
//! and either the message that must come back (nothing saved) or that it is saved and
//! drawn safely. Adding a case is one line.

mod common;

use common::{ctrl, demo_app, key, new_record, render, tct, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::{Action, App, Field};

/// Starts a form for Tràng Định with one directive whose fields are set as given.
fn form_with(
    text: &str,
    unit: &str,
    deadline: &str,
    held_on: Option<&str>,
) -> (tempfile::TempDir, App) {
    let (d, mut app) = demo_app(100, 30);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    new_record(&mut app);
    let f = app.form_mut().unwrap();
    f.data.items[0].kind = tct::domain::inspection::ItemKind::Directive;
    f.data.items[0].text = text.into();
    f.data.items[0].unit = unit.into();
    f.data.items[0].deadline = deadline.into();
    if let Some(h) = held_on {
        f.data.held_on = h.into();
    }
    f.data.field = Field::Place;
    f.edited();
    (d, app)
}

fn inspections(app: &App) -> usize {
    app.store.inspection_ids(None).unwrap().len()
}

#[test]
fn refused_input_says_why_and_saves_nothing() {
    let long_name = "Xã ".repeat(5000);
    let cases: &[(&str, &str, &str, Option<&str>, &str)] = &[
        // (text, unit, deadline, date of the inspection, expected message)
        ("Chỉ đạo.", "", "31/02/2023", None, "không tồn tại"),
        ("Chỉ đạo.", "", "29/02/2023", None, "không tồn tại"),
        ("Chỉ đạo.", "", "01/01/2022", None, "trước ngày kiểm tra"),
        ("Chỉ đạo.", "", "+99999", None, "không hợp lệ"),
        ("Chỉ đạo.", "", "sớm nhất có thể", None, "không hợp lệ"),
        ("Chỉ đạo.", "", "01/01/99999", None, "không hợp lệ"),
        ("Chỉ đạo.", "", "", Some("31/02/2022"), "không tồn tại"),
        ("Chỉ đạo.", "", "", Some(""), "không hợp lệ"),
        ("Chỉ đạo.", "", "", Some("01/01/1800"), "1900"),
        ("Chỉ đạo.", "Sở Không Tồn Tại", "", None, "không có đơn vị"),
        ("Chỉ đạo.", &long_name, "", None, "không có đơn vị"),
        ("Chỉ đạo.", "\u{1b}]0;x\u{7}", "", None, "không có đơn vị"),
    ];
    for (text, unit, deadline, held_on, expected) in cases {
        let (_d, mut app) = form_with(text, unit, deadline, *held_on);
        let before = inspections(&app);
        ctrl(&mut app, 's');
        let msg = app.message().unwrap_or_default().to_string();
        assert!(
            msg.contains(expected),
            "{deadline:?}/{held_on:?}/{}: got {msg:?}",
            unit.len()
        );
        assert_eq!(inspections(&app), before, "nothing saved for {deadline:?}");
        let screen = render(&app);
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{7}'),
            "controls drawn"
        );
    }
}

#[test]
fn odd_but_valid_text_is_saved_as_typed_and_drawn_safely() {
    let cases: &[&str] = &[
        "Xoá màn hình \u{1b}[2J và đổi tiêu đề \u{1b}]0;pwned\u{7} giữa câu.",
        "Chữ viết ngược \u{202E}đảo chiều\u{202C} và cách\u{200B}không\u{200D}rộng.",
        "Biểu tượng 👩‍👩‍👧‍👦 🇻🇳 và chữ Hán 漢字 rộng hai cột.",
        &"Rất dài. ".repeat(1200),
        "Dòng một\nDòng hai\n\nDòng bốn",
    ];
    for text in cases {
        let (_d, mut app) = form_with(text, "", "", None);
        let before = inspections(&app);
        ctrl(&mut app, 's');
        assert_eq!(inspections(&app), before + 1, "{:?}", app.message());
        let id = app.form().unwrap().data.inspection_id.unwrap();
        let saved = app.store.inspection(&app.ctx, id).unwrap().unwrap();
        let expected: String = tct::domain::text::nfc(text.trim());
        assert_eq!(
            saved.items[0].text, expected,
            "saved exactly as typed (NFC)"
        );
        // Back to the item's text: now the editor itself holds it.
        for _ in 0..4 {
            common::key_mod(
                &mut app,
                KeyCode::BackTab,
                ratatui::crossterm::event::KeyModifiers::SHIFT,
            );
        }
        assert_eq!(app.form().unwrap().data.field, Field::ItemText);
        for (w, h) in [(100, 30), (40, 10), (20, 5)] {
            app.update(Action::Resize(w, h));
            let screen = render(&app);
            for bad in ['\u{1b}', '\u{7}', '\u{202E}'] {
                assert!(!screen.contains(bad), "{bad:?} drawn at {w}x{h}");
            }
        }
    }
}

/// Every way a message reaches the terminal from the command line, each fed a value
/// holding terminal commands (retitle, clear screen, a C1 introducer): an argument, a
/// setting, a cell of an imported file, a unit's name, a file's name. None of them
/// may reach standard output or standard error raw.
#[test]
fn no_message_prints_terminal_commands() {
    const HOSTILE: &str = "X\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31mY";
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tct.db");
    let db = db.to_str().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    // A unit whose name holds the commands, imported, then shown by a report.
    let units = path("don-vi.csv");
    std::fs::write(
        &units,
        format!("Tên đơn vị;Loại;Mã\n\"Huyện {HOSTILE}\";huyện;991\nBình Gia;huyện;992\n"),
    )
    .unwrap();
    // Tasks whose cells are wrong in hostile ways: an unknown unit, a date.
    let tasks = path("nhiem-vu.csv");
    std::fs::write(
        &tasks,
        format!(
            "Tên nhiệm vụ;Đơn vị chủ trì;Hạn xử lý\n\
             Việc một;\"{HOSTILE}\";30/09/2022\n\
             Việc hai;Bình Gia;\"{HOSTILE}\"\n"
        ),
    )
    .unwrap();
    // A file whose very name holds them. Windows allows no control character in a
    // name: there tct is given the name of a file it cannot find, and names it.
    let named = path(&format!("tệp {HOSTILE}.csv"));
    #[cfg(unix)]
    std::fs::write(&named, "Tên đơn vị;Loại;Mã\nVăn Lãng;huyện;993\n").unwrap();
    let missing_dir = path(&format!("{HOSTILE}/ra.csv"));
    let set = tct(&["--db", db, "config", "place", HOSTILE]);
    assert!(set.status.success(), "{set:?}");
    let runs: Vec<(&str, Vec<&str>)> = vec![
        ("an unknown argument", vec![HOSTILE]),
        ("an argument's value", vec!["report", HOSTILE]),
        ("--lang", vec!["--lang", HOSTILE, "report", "units"]),
        ("--today", vec!["--today", HOSTILE, "report", "units"]),
        (
            "--unit",
            vec!["--db", db, "report", "units", "--unit", HOSTILE],
        ),
        ("a setting's name", vec!["--db", db, "config", HOSTILE]),
        ("a setting's value", vec!["--db", db, "config", "place"]),
        ("a units file", vec!["--db", db, "import", &units]),
        (
            "a unit's name in a report",
            vec!["--db", db, "report", "units"],
        ),
        ("cells of a tasks file", vec!["--db", db, "import", &tasks]),
        (
            "--sheet",
            vec!["--db", db, "import", &tasks, "--sheet", HOSTILE],
        ),
        ("a file's name", vec!["--db", db, "import", &named]),
        ("a missing file", vec!["--db", db, "import", &missing_dir]),
        (
            "an output's folder",
            vec!["--db", db, "report", "units", "-o", &missing_dir],
        ),
        (
            "a backup's folder",
            vec!["--db", db, "backup", &missing_dir],
        ),
    ];
    for (what, args) in runs {
        let out = tct(&args);
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!said.trim().is_empty(), "{what}: says something");
        for bad in ['\u{1b}', '\u{7}', '\u{9b}'] {
            assert!(!said.contains(bad), "{what}: {bad:?} printed raw: {said:?}");
        }
    }
    // The hostile unit was taken as data (its name kept), not refused.
    let report = tct(&["--db", db, "report", "units", "--format", "json"]);
    let json = String::from_utf8_lossy(&report.stdout);
    assert!(json.contains("\\u001b]0;pwned"), "{json}");
}
