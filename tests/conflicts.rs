//! The app's part of the exchange between laptops (issue 15): the title says when
//! this copy last took in another laptop's changes and how many conflicts wait, and
//! the conflicts' view (`c`) lists them and decides each by a chord.

mod common;
#[path = "common/exchange.rs"]
mod exchange;

use common::{ctrl, key, render, type_text};
use exchange::{app, content, deadline, laptops, masked};
use ratatui::crossterm::event::KeyCode;
use tct::app::Overlay;

fn listed(app: &tct::app::App) -> Option<usize> {
    match app.overlay() {
        Some(Overlay::Conflicts { rows, .. }) => Some(rows.len()),
        _ => None,
    }
}

fn selected(app: &tct::app::App) -> Option<usize> {
    match app.overlay() {
        Some(Overlay::Conflicts { selected, .. }) => Some(*selected),
        _ => None,
    }
}

fn title(app: &tct::app::App) -> String {
    render(app).lines().next().unwrap_or_default().to_string()
}

#[test]
fn the_title_says_when_this_copy_exchanged_and_how_many_conflicts_wait() {
    let l = laptops(false);
    let app = app(l.a, 80, 24);
    let x = app.exchange.clone().expect("exchanged");
    assert_eq!(x.conflicts, 1);
    let last = x.last.expect("a bundle was taken in");
    let top = title(&app);
    assert!(
        top.contains(&format!("· trao đổi {last} · 1 xung đột")),
        "{top}"
    );
    insta::assert_snapshot!(masked(&app, &render(&app)));
}

/// A database that never took in a bundle and has no conflict shows no word of it:
/// not the demo, not a copy that only gave its changes away.
#[test]
fn the_title_is_as_before_for_a_database_that_never_exchanged() {
    let (_d, app) = common::demo_app(80, 24);
    assert_eq!(app.exchange, None);
    assert_eq!(
        title(&app),
        " tct · Tổ công tác của Chủ tịch UBND tỉnh  [DỮ LIỆU MẪU]"
    );
    let l = laptops(false);
    let b = app_of_b(l.b);
    assert_eq!(b.exchange, None, "B gave its bundle, took none");
    assert!(!title(&b).contains("trao đổi"), "{}", title(&b));
}

fn app_of_b(store: tct::store::Store) -> tct::app::App {
    app(store, 80, 24)
}

#[test]
fn the_conflicts_view_80x24() {
    let l = laptops(false);
    let mut app = app(l.a, 80, 24);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(listed(&app), Some(1));
    let screen = render(&app);
    for words in [
        "Xung đột · 1 chờ quyết định",
        "hạn xử lý: giữ 31/12/2022 · bị ghi đè 15/12/2022",
        "máy MÁY-B",
        "Ctrl-K giữ",
        "Ctrl-R khôi phục",
    ] {
        assert!(screen.contains(words), "{words}\n{screen}");
    }
    insta::assert_snapshot!(masked(&app, &screen));
    key(&mut app, KeyCode::Esc);
    assert_eq!(listed(&app), None, "Esc closes");
}

#[test]
fn ctrl_r_puts_back_the_deadline_written_over_and_the_decision_travels() {
    let mut l = laptops(false);
    let task = l.task;
    assert_eq!(deadline(&l.a, task).as_deref(), Some("2022-12-31"));
    let mut app = app(l.a, 80, 24);
    key(&mut app, KeyCode::Char('c'));
    ctrl(&mut app, 'r');
    assert_eq!(deadline(&app.store, task).as_deref(), Some("2022-12-15"));
    assert_eq!(listed(&app), Some(0), "decided, it leaves the list");
    let said = app.message().unwrap_or_default().to_string();
    assert!(
        said.contains("Đã khôi phục giá trị bị ghi đè") && said.contains("15/12/2022"),
        "{said}"
    );
    assert_eq!(app.exchange.as_ref().map(|x| x.conflicts), Some(0));
    assert!(!title(&app).contains("xung đột"), "{}", title(&app));
    let screen = render(&app);
    assert!(screen.contains("Không có xung đột"), "{screen}");
    key(&mut app, KeyCode::Esc);
    // The dashboard shows the deadline put back.
    assert!(!title(&app).contains("xung đột"));

    // The decision goes to the other laptop with the value put back.
    let bytes = tct::sync::bundle_of(&mut app.store).unwrap();
    tct::sync::take(&mut l.b, &bytes).unwrap();
    assert_eq!(deadline(&l.b, task).as_deref(), Some("2022-12-15"));
    assert!(l.b.sync_conflicts(false).unwrap().is_empty());
}

#[test]
fn ctrl_k_keeps_the_value_now() {
    let l = laptops(false);
    let task = l.task;
    let mut app = app(l.a, 80, 24);
    key(&mut app, KeyCode::Char('c'));
    ctrl(&mut app, 'k');
    assert_eq!(deadline(&app.store, task).as_deref(), Some("2022-12-31"));
    assert_eq!(listed(&app), Some(0));
    let said = app.message().unwrap_or_default().to_string();
    assert!(
        said.contains("Đã giữ giá trị hiện tại") && said.contains("31/12/2022"),
        "{said}"
    );
    let decided = app.store.sync_conflicts(true).unwrap();
    assert_eq!(decided.len(), 1);
    assert_eq!(
        decided[0].decided.as_ref().map(|d| d.0.as_str()),
        Some("kept")
    );
    assert_eq!(app.exchange.as_ref().map(|x| x.conflicts), Some(0));
}

/// No plain letter decides: typed in the view, as if the dashboard had the keys,
/// they change nothing and leave the view open.
#[test]
fn letters_typed_in_the_view_change_nothing() {
    let l = laptops(false);
    let mut app = app(l.a, 80, 24);
    let before = content(&app.store);
    key(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "abcdefghijklmnoprstuvwxyz+-KRGD đấtd 12/12/2022");
    key(&mut app, KeyCode::Enter);
    assert_eq!(content(&app.store), before);
    assert_eq!(app.store.sync_conflicts(false).unwrap().len(), 1);
    assert_eq!(app.exchange.as_ref().map(|x| x.conflicts), Some(1));
}

#[test]
fn ctrl_r_on_a_conflict_with_nothing_to_put_back_says_so_and_changes_nothing() {
    let l = laptops(true);
    let mut app = app(l.a, 80, 24);
    let before = content(&app.store);
    key(&mut app, KeyCode::Char('c'));
    let rows = match app.overlay() {
        Some(Overlay::Conflicts { rows, .. }) => rows.clone(),
        _ => panic!("the view is open"),
    };
    assert!(rows.len() >= 2, "{rows:?}");
    let at = rows
        .iter()
        .position(|r| !r.restorable)
        .expect("a row deleted while edited");
    // A task deleted since is named by its title all the same.
    assert!(rows[at].what.starts_with("Nhiệm vụ «"), "{:?}", rows[at]);
    // ↓ and ↑ move the selection, and stop at the ends.
    key(&mut app, KeyCode::Up);
    assert_eq!(selected(&app), Some(0));
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(selected(&app), Some(at));
    for _ in 0..rows.len() + 2 {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(selected(&app), Some(rows.len() - 1));
    for _ in 0..rows.len() - 1 - at {
        key(&mut app, KeyCode::Up);
    }
    assert_eq!(selected(&app), Some(at));
    ctrl(&mut app, 'r');
    let said = app.message().unwrap_or_default().to_string();
    assert!(
        said.contains("không có giá trị bị ghi đè") && said.contains("Ctrl-K"),
        "{said}"
    );
    assert_eq!(content(&app.store), before);
    assert_eq!(listed(&app), Some(rows.len()));
    // Kept instead, it leaves the list.
    ctrl(&mut app, 'k');
    assert_eq!(listed(&app), Some(rows.len() - 1));
    assert_eq!(
        app.exchange.as_ref().map(|x| x.conflicts),
        Some(rows.len() - 1)
    );
}

#[test]
fn with_no_conflict_the_view_says_how_they_come() {
    let (_d, mut app) = common::demo_app(80, 24);
    key(&mut app, KeyCode::Char('c'));
    let screen = render(&app);
    assert!(screen.contains("Không có xung đột"), "{screen}");
    assert!(screen.contains("hai máy cùng sửa"), "{screen}");
    ctrl(&mut app, 'r');
    ctrl(&mut app, 'k');
    assert_eq!(listed(&app), Some(0));
    // In a narrow window the way out still shows.
    app.update(tct::app::Action::Resize(40, 12));
    let screen = render(&app);
    assert!(screen.contains("Esc đóng"), "{screen}");
}

/// `?` lists the key that opens the view, and the view's own keys.
#[test]
fn help_lists_the_conflicts_keys() {
    let (_d, mut app) = common::demo_app(120, 200);
    key(&mut app, KeyCode::Char('?'));
    let screen = render(&app);
    let has = |keys: &str, words: &str| {
        screen
            .lines()
            .any(|l| l.contains(&format!("  {keys} ")) && l.contains(words))
    };
    assert!(has("c", "xung đột giữa các máy"), "{screen}");
    assert!(has("Ctrl-K", "giữ giá trị hiện tại"), "{screen}");
    assert!(has("Ctrl-R", "khôi phục giá trị bị ghi đè"), "{screen}");
}
