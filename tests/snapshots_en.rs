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
