//! Whole-app snapshots on ratatui's TestBackend at fixed sizes. Review changes with
//! `cargo insta review` (or INSTA_UPDATE=always) and commit the .snap files.

mod common;

use common::{demo_app, key, new_record, render, type_text};
use ratatui::crossterm::event::KeyCode;

#[test]
fn dashboard_wide_120x40() {
    let (_d, app) = demo_app(120, 40);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn dashboard_80x24_filtered_to_trang_dinh() {
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn targets_tab_80x24() {
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn province_overdue_view_120x40() {
    let (_d, mut app) = demo_app(120, 40);
    key(&mut app, KeyCode::Char('o'));
    insta::assert_snapshot!(render(&app));
}

#[test]
fn target_detail_with_chart_120x40() {
    let (_d, mut app) = demo_app(120, 40);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn task_detail_80x24() {
    let (_d, mut app) = demo_app(80, 24);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render(&app));
}

/// The keys, and first the database's path and that notices go beside it.
#[test]
fn help_overlay_80x24() {
    let (d, mut app) = common::demo_app_at_stable_path(80, 24);
    key(&mut app, KeyCode::Char('?'));
    let screen = common::stable_path(&render(&app), &d);
    assert!(screen.contains("Cơ sở dữ liệu: /tmp/tct000000"), "{screen}");
    // Windows writes the rest of the path with a backslash.
    #[cfg(unix)]
    assert!(
        screen.contains("Cơ sở dữ liệu: /tmp/tct000000/demo.db"),
        "{screen}"
    );
    // Elsewhere the temporary folder's path is another length.
    #[cfg(unix)]
    insta::assert_snapshot!(screen);
}

#[test]
fn too_small_30x8() {
    let (_d, app) = demo_app(30, 8);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn every_size_draws_without_panic() {
    let (_d, mut app) = demo_app(80, 24);
    key(&mut app, KeyCode::Char('o'));
    for w in (0..=130).step_by(7).chain([1, 39, 40, 119, 120]) {
        for h in (0..=45).step_by(5).chain([1, 9, 10]) {
            app.update(tct::app::Action::Resize(w, h));
            let screen = render(&app);
            assert_eq!(screen.lines().count(), h as usize);
        }
    }
}

fn form_with_two_items(w: u16, h: u16) -> (tempfile::TempDir, tct::app::App) {
    let (d, mut app) = demo_app(w, h);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    new_record(&mut app);
    type_text(
        &mut app,
        "Huyện đã triển khai đồng bộ, bài bản các nhiệm vụ được giao.",
    );
    common::ctrl(&mut app, 'n');
    common::ctrl(&mut app, 't');
    type_text(&mut app, "Đẩy nhanh tiến độ giải ngân vốn đầu tư công.");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "so tai");
    (d, app)
}

#[test]
fn inspection_form_120x40() {
    let (_d, app) = form_with_two_items(120, 40);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn inspection_form_80x24() {
    let (_d, app) = form_with_two_items(80, 24);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn unsaved_dialog_80x24() {
    let (_d, mut app) = form_with_two_items(80, 24);
    key(&mut app, KeyCode::Esc);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn inspection_history_80x24() {
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/cao loc");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    insta::assert_snapshot!(render(&app));
}

/// Delete in a unit's inspections asks what becomes of the record's tasks.
#[test]
fn delete_record_dialog_80x24() {
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Delete);
    insta::assert_snapshot!(render(&app));
}

/// `x` in a unit's inspections lists the deleted ones too, with the day each was
/// deleted.
#[test]
fn inspection_history_with_a_deleted_record_80x24() {
    let (_dir, mut store) = common::demo_store();
    let id = store.inspection_ids(None).unwrap()[0];
    store
        .write(|c| c.delete_inspection(id, true, "2022-09-24 08:30:00"))
        .unwrap();
    let theme = tct::theme::Theme { color: false };
    let mut app = tct::app::App::new(store, common::ctx("23/09/2022"), theme, (80, 24));
    app.update(tct::app::Action::Resize(80, 24));
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Char('x'));
    insta::assert_snapshot!(render(&app));
}

/// Two drafts left by windows that are gone, written at fixed times, as the next start
/// offers them.
fn drafts_left_at_start(w: u16, h: u16) -> (tempfile::TempDir, tct::app::App) {
    let (dir, mut store) = common::demo_store();
    let ctx = common::ctx("23/09/2022");
    for (unit, text, at) in [
        (
            "Tràng Định",
            "Đề nghị huyện khẩn trương rà soát hồ sơ",
            "2022-09-23 10:01:02",
        ),
        (
            "Cao Lộc",
            "Kết quả bước đầu tích cực",
            "2022-09-23 11:30:00",
        ),
    ] {
        let id = match store.find_unit(unit, ctx.as_of).unwrap() {
            tct::model::UnitLookup::Found(id, _) => id,
            _ => panic!("no {unit}"),
        };
        let mut data = tct::app::Form::new_inspection(&store, &ctx, id, unit).data;
        data.items[0].text = text.into();
        let body = serde_json::to_string(&data).unwrap();
        store.save_draft(None, id, None, &body, at).unwrap();
    }
    // The window that wrote them is gone.
    drop(store);
    let store = tct::store::Store::open(&dir.path().join("demo.db")).unwrap();
    let mut app = tct::app::App::new(store, ctx, tct::theme::Theme { color: false }, (w, h));
    app.update(tct::app::Action::Resize(w, h));
    (dir, app)
}

#[test]
fn drafts_left_at_start_120x40() {
    let (_d, app) = drafts_left_at_start(120, 40);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn drafts_left_at_start_80x24() {
    let (_d, app) = drafts_left_at_start(80, 24);
    insta::assert_snapshot!(render(&app));
}

#[test]
fn province_overdue_view_after_the_reform_120x40() {
    let (_d, mut app) = common::after_the_reform(120, 40);
    key(&mut app, KeyCode::Char('o'));
    let screen = render(&app);
    assert!(screen.contains("đã giải thể 01/07/2025 → "), "{screen}");
    insta::assert_snapshot!(screen);
}

/// The detail of a task whose lead unit the reform abolished names who took over.
#[test]
fn task_of_an_abolished_unit_in_detail_after_the_reform_100x30() {
    let (_d, mut app) = common::after_the_reform(100, 30);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Enter);
    let screen = render(&app);
    assert!(
        screen.contains("(đã giải thể 01/07/2025 → "),
        "the lead unit's line says it: {screen}"
    );
    insta::assert_snapshot!(screen);
}

/// `t` on the province's overdue view: by unit, and the title says so.
#[test]
fn province_overdue_by_unit_120x40() {
    let (_d, mut app) = demo_app(120, 40);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('t'));
    insta::assert_snapshot!(render(&app));
}

/// `f`: every task of the province whose title holds the words typed without
/// diacritics, with its unit, deadline and status.
#[test]
fn search_every_task_120x40() {
    let (_d, mut app) = demo_app(120, 40);
    key(&mut app, KeyCode::Char('f'));
    type_text(&mut app, "thu ngan sach");
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(render(&app));
}

/// The notice read before it is written: Ctrl-P in Tràng Định's demo inspection, its
/// title naming the record, the text laid out to the width, and its keys.
#[test]
fn notice_preview_80x24() {
    let (_d, mut app) = demo_app(80, 24);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Enter);
    common::ctrl(&mut app, 'p');
    let screen = render(&app);
    assert!(
        screen.contains("Xem trước thông báo kết luận #3 — Tràng Định"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    // Its end: the directives, the recipients and the signer.
    key(&mut app, KeyCode::End);
    insta::assert_snapshot!("notice_preview_end_80x24", render(&app));
}
