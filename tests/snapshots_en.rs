//! The English interface (its own test binary: the language is process-wide).

mod common;

use common::{demo_app, render};

#[test]
fn dashboard_in_english_120x40() {
    tct::i18n::set_lang(tct::i18n::Lang::En);
    let (_d, app) = demo_app(120, 40);
    let screen = render(&app);
    assert!(screen.contains("As of 23/09/2022"), "{screen}");
    assert!(screen.contains("targets met or exceeded"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn overdue_view_in_english_at_both_sizes() {
    tct::i18n::set_lang(tct::i18n::Lang::En);
    for (w, h) in [(80, 24), (120, 30)] {
        let (_d, mut app) = demo_app(w, h);
        common::key(&mut app, ratatui::crossterm::event::KeyCode::Char('o'));
        let screen = render(&app);
        assert!(screen.contains("Overdue – all units (20)"), "{screen}");
        insta::assert_snapshot!(format!("overdue_en_{w}x{h}"), screen);
    }
}

#[test]
fn first_start_in_english_80x24() {
    tct::i18n::set_lang(tct::i18n::Lang::En);
    let dir = common::first_start_dir();
    let db = dir.path().join("t.db");
    let store = tct::store::Store::open(&db).unwrap();
    let mut app = tct::app::App::new(
        store,
        common::ctx("23/09/2022"),
        tct::theme::Theme { color: false },
        (80, 24),
    );
    app.update(tct::app::Action::Resize(80, 24));
    let screen = render(&app).replace(&db.display().to_string(), "/tmp/tct000000/t.db");
    assert!(screen.contains("No data yet"), "{screen}");
    assert!(screen.contains("Database: /tmp/tct000000/t.db"), "{screen}");
    #[cfg(unix)]
    insta::assert_snapshot!(screen);
}

#[test]
fn same_day_question_in_english_80x24() {
    use ratatui::crossterm::event::KeyCode;
    tct::i18n::set_lang(tct::i18n::Lang::En);
    let (_d, mut app) = demo_app(80, 24);
    common::type_text(&mut app, "/trang dinh");
    common::key(&mut app, KeyCode::Enter);
    common::key(&mut app, KeyCode::Char('n'));
    let screen = render(&app);
    assert!(screen.contains("Ctrl-O"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn province_overdue_view_after_the_reform_in_english_120x40() {
    tct::i18n::set_lang(tct::i18n::Lang::En);
    let (_d, mut app) = common::after_the_reform(120, 40);
    common::key(&mut app, ratatui::crossterm::event::KeyCode::Char('o'));
    let screen = render(&app);
    assert!(screen.contains("abolished 01/07/2025 → "), "{screen}");
    insta::assert_snapshot!(screen);
}

/// Delete in a unit's inspections, in English: what becomes of the record's tasks.
#[test]
fn delete_record_dialog_in_english_80x24() {
    use ratatui::crossterm::event::KeyCode;
    tct::i18n::set_lang(tct::i18n::Lang::En);
    let (_d, mut app) = demo_app(80, 24);
    common::type_text(&mut app, "/trang dinh");
    common::key(&mut app, KeyCode::Enter);
    common::key(&mut app, KeyCode::Char('i'));
    common::key(&mut app, KeyCode::Delete);
    let screen = render(&app);
    assert!(screen.contains("Ctrl-K"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// A name several units share, in English: which one.
#[test]
fn choose_unit_dialog_in_english_100x30() {
    use ratatui::crossterm::event::KeyCode;
    tct::i18n::set_lang(tct::i18n::Lang::En);
    let (_d, mut app) = demo_app(100, 30);
    tct::import::load_catalogue(&mut app.store, common::date("23/09/2022")).unwrap();
    common::type_text(&mut app, "/trang dinh");
    common::key(&mut app, KeyCode::Enter);
    common::new_record(&mut app);
    common::ctrl(&mut app, 't');
    common::ctrl(&mut app, 't');
    common::type_text(&mut app, "Review the land files.");
    common::key(&mut app, KeyCode::Tab);
    common::type_text(&mut app, "Hoàng Văn Thụ");
    common::ctrl(&mut app, 's');
    let screen = render(&app);
    assert!(screen.contains("names several units"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// The notice's preview with `--lang en`: its title, the notice as written in
/// English, and its keys.
#[test]
fn notice_preview_in_english_80x24() {
    use ratatui::crossterm::event::KeyCode;
    tct::i18n::set_lang(tct::i18n::Lang::En);
    let (_d, mut app) = demo_app(80, 24);
    common::type_text(&mut app, "/trang dinh");
    common::key(&mut app, KeyCode::Enter);
    common::key(&mut app, KeyCode::Char('i'));
    common::key(&mut app, KeyCode::Enter);
    common::ctrl(&mut app, 'p');
    let screen = render(&app);
    assert!(
        screen.contains("Preview of the notice of conclusions #3 — Tràng Định"),
        "{screen}"
    );
    assert!(screen.contains("Esc close"), "{screen}");
    insta::assert_snapshot!(screen);
}
