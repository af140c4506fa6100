//! The secretary's working day: selections that stay where the user left them, the
//! guards around inspections, empty states and the small things noticed in use.

mod common;

use common::{ctrl, demo_app, demo_store, key, render, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::DialogKind;
use tct::i18n::{T, t};
use tct::layout::Pane;
use tct::model::InspectionInput;
use tct::notice::{self, NoticeFormat};

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

/// The demo's Tràng Định was inspected on its as-of date.
fn on_trang_dinh(w: u16, h: u16) -> (tempfile::TempDir, tct::app::App) {
    let (d, mut app) = demo_app(w, h);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    (d, app)
}

#[test]
fn a_second_record_of_the_same_day_asks_first() {
    let (_d, mut app) = on_trang_dinh(100, 30);
    let existing = app.store.inspection_ids(None).unwrap()[0];
    key(&mut app, KeyCode::Char('n'));
    assert!(app.form().is_none());
    assert!(matches!(
        app.dialog().map(|d| d.kind),
        Some(DialogKind::SameDay { existing: e }) if e == existing
    ));
    assert!(render(&app).contains("23/09/2022"));
    // Typed on, as if into the form: no letter answers, nothing quits.
    type_text(&mut app, "Kết luận qn");
    assert!(app.dialog().is_some() && !app.quit);
    assert_eq!(
        app.message(),
        Some(t(T::AnswerFirst)),
        "says why nothing is typed"
    );
    ctrl(&mut app, 'o');
    let form = app.form().expect("the existing record opens");
    assert_eq!(form.data.inspection_id, Some(existing));

    // Esc on the question: nothing opens; Ctrl-N: a new one anyway.
    let (_d, mut app) = on_trang_dinh(100, 30);
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Esc);
    assert!(app.dialog().is_none() && app.form().is_none());
    key(&mut app, KeyCode::Char('n'));
    ctrl(&mut app, 'n');
    assert_eq!(app.form().unwrap().data.inspection_id, None);
}

#[test]
fn an_empty_record_is_not_saved() {
    let (_d, mut app) = demo_app(100, 30);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    let before = app.store.inspection_ids(None).unwrap().len();
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "   ");
    ctrl(&mut app, 's');
    assert_eq!(app.message(), Some(t(T::FormEmpty)));
    assert_eq!(app.store.inspection_ids(None).unwrap().len(), before);
    assert_eq!(app.form().unwrap().data.inspection_id, None);
}

#[test]
fn export_latest_never_picks_an_empty_record() {
    let (dir, mut store) = demo_store();
    let ctx = common::ctx("23/09/2022");
    let unit = match store.find_unit("trang dinh", ctx.as_of).unwrap() {
        tct::model::UnitLookup::Found(id, _) => id,
        _ => panic!("no Tràng Định"),
    };
    let full = store.inspection_ids(Some(unit)).unwrap()[0];
    // A record with nothing in it, newer than the real one (as an older tct or a
    // crash could leave).
    let empty = store
        .save_inspection(
            &InspectionInput {
                unit_id: unit,
                held_on: common::date("24/09/2022"),
                ..Default::default()
            },
            "2022-09-24 08:00:00",
        )
        .unwrap();
    assert_eq!(store.inspection_ids(Some(unit)).unwrap()[0], full);
    let out = dir.path().join("tb.md");
    notice::export_cli(
        &store,
        &ctx,
        "latest",
        Some("trang dinh"),
        NoticeFormat::Md,
        Some(&out),
    )
    .unwrap();
    let first = store.inspection(&ctx, full).unwrap().unwrap().items[0]
        .text
        .clone();
    let words: String = first
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains(&words), "the real record's notice: {words}");
    let refused = notice::export_cli(
        &store,
        &ctx,
        &empty.to_string(),
        None,
        NoticeFormat::Md,
        Some(&dir.path().join("empty.md")),
    )
    .unwrap_err();
    assert!(refused.to_string().contains(t(T::ErrInspectionEmpty)));
    assert!(!dir.path().join("empty.md").exists());
}

#[test]
fn ctrl_n_follows_the_record_order_and_ctrl_z_says_when_there_is_nothing() {
    use tct::domain::inspection::ItemKind;
    let (_d, mut app) = demo_app(100, 30);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    ctrl(&mut app, 'z');
    assert_eq!(app.message(), Some(t(T::NothingToUndo)));
    let kind = |app: &tct::app::App| app.form().unwrap().data.item().kind;
    assert_eq!(kind(&app), ItemKind::Result);
    type_text(&mut app, "Kết quả.");
    ctrl(&mut app, 'n');
    assert_eq!(kind(&app), ItemKind::Shortcoming);
    type_text(&mut app, "Hạn chế.");
    ctrl(&mut app, 'n');
    assert_eq!(kind(&app), ItemKind::Directive);
    type_text(&mut app, "Chỉ đạo.");
    ctrl(&mut app, 'n');
    assert_eq!(kind(&app), ItemKind::Directive);
    // An item deleted can be undone; then nothing is left to undo.
    ctrl(&mut app, 'd');
    ctrl(&mut app, 'z');
    assert_eq!(app.message(), None);
    ctrl(&mut app, 'z');
    assert_eq!(app.message(), Some(t(T::NothingToUndo)));
}

#[test]
fn a_deadline_shortcut_shows_the_date_it_means() {
    let (_d, mut app) = demo_app(100, 30);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Kết quả.");
    ctrl(&mut app, 'n');
    ctrl(&mut app, 'n');
    type_text(&mut app, "Chỉ đạo.");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "cuối n");
    assert!(!render(&app).contains("→ 31/12/2022"), "not a date yet");
    type_text(&mut app, "ăm");
    assert!(render(&app).contains("→ 31/12/2022"), "{}", render(&app));
    // A date typed whole needs none.
    for _ in 0..8 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "+30");
    assert!(render(&app).contains("→ 23/10/2022"));
    for _ in 0..3 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "15/10/2022");
    assert!(!render(&app).contains("→ "));
}

#[test]
fn the_overdue_view_gives_its_width_to_the_titles_and_shows_documents_whole() {
    let (_d, mut app) = demo_app(120, 30);
    key(&mut app, KeyCode::Char('o'));
    let screen = render(&app);
    for r in &app.task_rows {
        if let Some(doc) = &r.doc_number {
            assert!(screen.contains(doc.as_str()), "{doc} whole:\n{screen}");
        }
        // At least 45 columns of each title are read.
        let head: String = r.title.chars().take(45).collect();
        assert!(screen.contains(&head), "{head}:\n{screen}");
    }
    insta::assert_snapshot!("overdue_view_120x30", screen);
    let (_d, mut app) = demo_app(80, 24);
    key(&mut app, KeyCode::Char('o'));
    let screen = render(&app);
    for r in &app.task_rows {
        let head: String = r.title.chars().take(25).collect();
        assert!(screen.contains(&head), "{head}:\n{screen}");
    }
    insta::assert_snapshot!("overdue_view_80x24", screen);
    // Tab back to the units: the three panes again, the view still of every unit.
    let (_d, mut app) = demo_app(120, 30);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Tab);
    assert!(app.areas().units.is_some() && app.all_units);
}

#[test]
fn last_times_directives_show_their_status_whole() {
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    let screen = render(&app);
    let labels = app.form().unwrap().previous.clone().unwrap().1;
    assert!(!labels.is_empty());
    for d in labels {
        let Some(s) = d.task_status else { continue };
        let label = tct::words::status_text(s);
        assert!(screen.contains(&label), "«{label}» whole:\n{screen}");
    }
}

#[test]
fn a_long_message_is_never_cut_mid_word() {
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    ctrl(&mut app, 'z');
    let msg = t(T::NothingToUndo);
    assert!(msg.chars().count() > 40);
    let (_d2, mut narrow) = demo_app(50, 20);
    type_text(&mut narrow, "/cao loc");
    key(&mut narrow, KeyCode::Enter);
    key(&mut narrow, KeyCode::Char('n'));
    ctrl(&mut narrow, 'z');
    let screen = render(&narrow);
    // Every word of the message is on screen whole, in order, on the bottom lines.
    let bottom: Vec<&str> = screen
        .lines()
        .rev()
        .take_while(|l| l.starts_with(' '))
        .collect();
    assert!(bottom.len() > 1, "wrapped, not cut:\n{screen}");
    let shown: String = bottom
        .iter()
        .rev()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(shown, msg, "\n{screen}");
}

#[test]
fn help_says_what_the_columns_and_abbreviations_mean() {
    let (_d, mut app) = demo_app(120, 30);
    key(&mut app, KeyCode::Char('?'));
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&render(&app));
        key(&mut app, KeyCode::Down);
    }
    for (head, meaning) in [
        (T::ColMet, T::HelpMet),
        (T::ColOnTime, T::HelpOnTime),
        (T::ColLate, T::HelpLate),
        (T::ColOverdue, T::HelpOverdue),
        (T::ColDirectives, T::HelpDirectives),
        (T::ColDoc, T::HelpDoc),
    ] {
        let words: Vec<&str> = t(meaning).split(' ').take(3).collect();
        let words = words.join(" ");
        assert!(
            seen.lines()
                .any(|l| l.contains(&format!("  {}  ", t(head))) && l.contains(&words)),
            "{meaning:?} explained beside {head:?}:\n{seen}"
        );
    }
    assert!(seen.contains("0/10/0"));
}

/// A first start: an empty database in `common::first_start_dir`, and its path.
fn first_start(w: u16, h: u16) -> (tempfile::TempDir, tct::app::App, String) {
    let dir = common::first_start_dir();
    let db = dir.path().join("t.db");
    let store = tct::store::Store::open(&db).unwrap();
    let mut app = tct::app::App::new(
        store,
        common::ctx("23/09/2022"),
        tct::theme::Theme { color: false },
        (w, h),
    );
    app.update(tct::app::Action::Resize(w, h));
    let name = db.display().to_string();
    (dir, app, name)
}

#[test]
fn a_first_start_says_how_to_begin_and_where_the_data_is() {
    for (w, h) in [(80, 24), (120, 30)] {
        let (_d, mut app, db) = first_start(w, h);
        let screen = render(&app);
        assert!(screen.contains("t.db import"), "{screen}");
        assert!(screen.contains("tct --demo"), "{screen}");
        assert!(screen.contains(&format!("Cơ sở dữ liệu: {db}")), "{screen}");
        let stable = screen.replace(&db, "/tmp/tct000000/t.db");
        #[cfg(unix)]
        insta::assert_snapshot!(format!("first_start_{w}x{h}"), stable);
        #[cfg(not(unix))]
        assert!(
            stable.contains("--db /tmp/tct000000/t.db import"),
            "{stable}"
        );
        // `n` with no unit says why instead of doing nothing.
        key(&mut app, KeyCode::Char('n'));
        assert_eq!(app.message(), Some(t(T::NoUnitForInspection)));
        assert!(app.form().is_none());
    }
}

#[test]
fn empty_lists_say_so() {
    let (_d, mut app) = demo_app(120, 30);
    type_text(&mut app, "/tràng định");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.tasks.total, 0);
    assert!(render(&app).contains(t(T::EmptyOverdue)));
    key(&mut app, KeyCode::Esc);
    type_text(&mut app, "/khong co don vi nay");
    assert!(render(&app).contains(t(T::EmptyNoMatch)));
}

#[test]
fn the_scorecard_sentence_is_read_whole_at_80_columns() {
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    let screen = render(&app);
    let top: String = screen
        .lines()
        .skip(1)
        .take(3)
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(top.starts_with(&app.summary()), "{screen}");
}

#[test]
fn scrolling_a_task_list_does_not_move_its_columns() {
    let (_d, mut app) = demo_app(80, 14);
    key(&mut app, KeyCode::Char('o'));
    let header = |app: &tct::app::App| {
        render(app)
            .lines()
            .find(|l| l.contains(t(T::ColDeadline)))
            .unwrap()
            .to_string()
    };
    let first = header(&app);
    key(&mut app, KeyCode::End);
    assert!(app.tasks.offset > 0);
    assert_eq!(header(&app), first);
}

#[test]
fn help_columns_read_at_80x24() {
    let (_d, mut app) = demo_app(80, 24);
    key(&mut app, KeyCode::Char('?'));
    // The database's path and the notices' folder come first, three lines; the keys
    // (`e`, the unit's brief, takes two at 80 columns) before the columns.
    for _ in 0..40 {
        key(&mut app, KeyCode::Down);
    }
    let screen = render(&app);
    assert!(screen.contains(t(T::HelpColumns)), "{screen}");
    insta::assert_snapshot!("help_columns_80x24", screen);
}

#[test]
fn the_same_day_question_at_80x24() {
    let (_d, mut app) = on_trang_dinh(80, 24);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Huyện");
    insta::assert_snapshot!("same_day_question_80x24", render(&app));
}

#[test]
fn saving_a_new_record_on_a_date_already_recorded_asks_once() {
    // Cao Lộc was inspected on 15/03/2022: a new record typed with that date.
    let (_d, mut app) = demo_app(100, 30);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    let before = app.store.inspection_ids(None).unwrap().len();
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Kết quả kiểm tra bổ sung.");
    // Tab to the date (after the item's fields) and type the earlier visit's date.
    while app.form().unwrap().data.field != tct::app::Field::Date {
        key(&mut app, KeyCode::Tab);
    }
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "15/03/2022");
    ctrl(&mut app, 's');
    assert!(matches!(
        app.dialog().map(|d| d.kind),
        Some(DialogKind::SameDaySave { .. })
    ));
    assert_eq!(app.store.inspection_ids(None).unwrap().len(), before);
    // Esc keeps editing; Ctrl-S again asks again; then Ctrl-S in the question saves.
    key(&mut app, KeyCode::Esc);
    assert!(app.dialog().is_none() && app.form().is_some());
    ctrl(&mut app, 's');
    ctrl(&mut app, 's');
    assert!(app.dialog().is_none());
    assert_eq!(app.store.inspection_ids(None).unwrap().len(), before + 1);
    // A later save of the same record asks nothing.
    while app.form().unwrap().data.field != tct::app::Field::ItemText {
        key(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, " Thêm.");
    ctrl(&mut app, 's');
    assert!(app.dialog().is_none());
    assert!(
        app.message().unwrap().starts_with(t(T::SavedMsg)),
        "{:?}",
        app.message()
    );
    assert_eq!(app.store.inspection_ids(None).unwrap().len(), before + 1);
}
