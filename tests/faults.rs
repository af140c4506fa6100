//! Faults around the file: a save that fails keeps the text on screen and says why.

mod common;

use common::{ctrl, demo_app, key, type_text};
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_full_disk_keeps_the_text_and_says_so() {
    let (_d, mut app) = demo_app(100, 30);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    let sentence = "Kết luận dài ".repeat(2000);
    app.update(tct::app::Action::Paste(sentence.clone()));
    let before = app.store.inspection_ids(None).unwrap().len();
    // The disk is full: the file may not grow by a single page.
    let c = app.store.connection();
    let pages: i64 = c.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    c.pragma_update(None, "max_page_count", pages).unwrap();
    ctrl(&mut app, 's');
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.starts_with("Chưa lưu được"), "{msg}");
    let f = app.form.as_mut().expect("the form stays open");
    f.commit();
    assert!(f.dirty);
    assert!(
        f.data.items[0].text == sentence,
        "the typed text is still in the form, whole"
    );
    assert_eq!(
        app.store.inspection_ids(None).unwrap().len(),
        before,
        "nothing half-saved"
    );
    // Room again: the same text saves.
    app.store
        .connection()
        .pragma_update(None, "max_page_count", 1_000_000_000i64)
        .unwrap();
    ctrl(&mut app, 's');
    assert!(
        app.message
            .clone()
            .unwrap_or_default()
            .starts_with("Đã lưu"),
        "{:?}",
        app.message
    );
    assert_eq!(app.store.inspection_ids(None).unwrap().len(), before + 1);
}

#[test]
fn another_tct_writing_the_same_file_is_waited_for_then_named_not_a_crash() {
    let (dir, mut app) = demo_app(100, 30);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Kết luận khi máy khác đang ghi.");
    // A second tct on the same file, in the middle of its own write.
    let other = tct::store::Store::open(&dir.path().join("demo.db")).unwrap();
    other.connection().execute_batch("BEGIN IMMEDIATE").unwrap();
    app.store
        .connection()
        .busy_timeout(std::time::Duration::from_millis(200))
        .unwrap();
    ctrl(&mut app, 's');
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.starts_with("Chưa lưu được"), "{msg}");
    assert!(
        app.form.as_ref().unwrap().dirty,
        "the text waits in the form"
    );
    // The other one finishes: the same keystroke saves.
    other.connection().execute_batch("COMMIT").unwrap();
    ctrl(&mut app, 's');
    assert!(
        app.message
            .clone()
            .unwrap_or_default()
            .starts_with("Đã lưu"),
        "{:?}",
        app.message
    );
    // And the other instance sees it.
    let n: i64 = other
        .connection()
        .query_row("SELECT count(*) FROM inspection", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 4);
}
