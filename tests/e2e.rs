//! End-to-end tests: run the real `tct` binary in a pseudo-terminal, type at it, and read
//! the screen back through a terminal emulator (vt100), as a person would see it.
//!
//! Every wait is bounded; a child that outlives its test is killed when the harness drops.

mod common;

use common::pty::{Tui, db_path, temp_dir};

/// The overdue day counts ("quá hạn N ngày") in the order the rows appear on screen.
fn overdue_days(screen: &str) -> Vec<u32> {
    const MARK: &str = "quá hạn ";
    let mut days = Vec::new();
    for line in screen.lines() {
        let mut rest = line;
        while let Some(i) = rest.find(MARK) {
            rest = &rest[i + MARK.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if !digits.is_empty() && rest[digits.len()..].starts_with(" ngày") {
                days.push(digits.parse().expect("day count"));
            }
        }
    }
    days
}

#[test]
fn filter_units_shows_scorecard_and_quit_restores_terminal() {
    let dir = temp_dir();
    let mut tui = Tui::demo(80, 24, &dir, &[]);
    tui.wait_for("Tràng Định");
    tui.wait_for("Ngày xem 23/09/2022");
    assert!(
        tui.alternate_screen(),
        "the dashboard runs on the alternate screen"
    );
    assert!(
        tui.bracketed_paste(),
        "the dashboard enables bracketed paste"
    );
    #[cfg(unix)]
    assert!(
        !tui.local_flags().iter().any(|f| f == "ICANON"),
        "the dashboard runs in raw mode"
    );

    tui.send("/");
    tui.send("trang dinh");
    tui.send("\r");
    tui.wait_for("02/14 chỉ tiêu đạt và vượt");
    tui.wait_for("Đơn vị (1)");
    tui.settle();
    // The summary sentence may wrap at 80 columns; look for it across rows.
    tui.assert_screen_has("Tràng Định: 02/14 chỉ tiêu đạt và vượt");
    tui.assert_screen_has("04/14 đạt trên 70%");
    tui.assert_screen_has("08/14 dưới 70%");
    tui.assert_screen_has("11/11 nhiệm vụ hoàn thành đúng hạn");
    if tui.screen().contains("Bắc Sơn") {
        tui.fail("the filter should hide every unit but Tràng Định");
    }

    // Enter kept the filter and left the filter prompt, so `q` quits rather than typing.
    tui.quit_with(b"q");
    assert!(!tui.bracketed_paste(), "bracketed paste left on after exit");
    assert!(!tui.hide_cursor(), "cursor left hidden after exit");
    #[cfg(unix)]
    {
        let flags = tui.local_flags();
        assert!(
            ["ICANON", "ECHO"]
                .iter()
                .all(|f| flags.iter().any(|g| g == f)),
            "raw mode left on after exit: local flags {flags:?}"
        );
    }
}

#[test]
fn overdue_view_lists_most_overdue_first() {
    let dir = temp_dir();
    let mut tui = Tui::demo(160, 50, &dir, &[]);
    tui.wait_for("Văn Quan");
    if tui.screen().contains("Quá hạn – toàn tỉnh") {
        tui.fail("the province-wide overdue view should be off at start");
    }

    tui.send("o");
    tui.wait_for("Quá hạn – toàn tỉnh");
    tui.wait_for("quá hạn 140 ngày");
    tui.settle();
    let screen = tui.screen();
    let days = overdue_days(&screen);
    if days.first() != Some(&140) {
        tui.fail(&format!(
            "the first overdue row should be the 140-day one; rows in order: {days:?}"
        ));
    }
    if days.len() < 2 || days.windows(2).any(|w| w[0] < w[1]) {
        tui.fail(&format!(
            "overdue rows should run from most to least overdue; rows in order: {days:?}"
        ));
    }
    let row_140 = screen
        .lines()
        .find(|l| l.contains("quá hạn 140 ngày"))
        .unwrap_or_default();
    if !row_140.contains("Văn Quan") {
        tui.fail(&format!(
            "the 140-day task belongs to Văn Quan; its row: {row_140:?}"
        ));
    }

    tui.quit_with([0x03]);
}

#[test]
fn help_overlay_opens_and_closes() {
    let dir = temp_dir();
    let mut tui = Tui::demo(120, 40, &dir, &[]);
    tui.wait_for("Tràng Định");
    tui.settle();
    if tui.screen().contains("Phím tắt") || tui.screen().contains("thoát") {
        tui.fail("the help should not be showing before `?`");
    }

    tui.send("?");
    tui.wait_for("Phím tắt");
    tui.wait_for("thoát");

    tui.send("\x1b");
    tui.wait_gone("Phím tắt");
    tui.wait_gone("thoát");
    // The dashboard is back underneath.
    tui.wait_for("Tràng Định");

    tui.quit_with(b"q");
}

#[test]
fn english_interface() {
    let dir = temp_dir();
    let mut tui = Tui::demo(80, 24, &dir, &["--lang", "en"]);
    tui.wait_for("As of 23/09/2022");
    tui.wait_for("Units");
    tui.settle();
    if tui.screen().contains("Ngày xem") {
        tui.fail("--lang en should not show the Vietnamese status bar");
    }
    tui.quit_with(b"q");
}

#[test]
fn data_persists_between_runs() {
    let dir = temp_dir();
    let db = db_path(&dir);
    {
        let mut first = Tui::demo(80, 24, &dir, &[]);
        first.wait_for("Tràng Định");
        first.quit_with(b"q");
    }
    assert!(
        db.exists(),
        "the demo run should have created {}",
        db.display()
    );

    // Same database, no --demo: what the first run wrote must still be there.
    let db_arg = db.to_str().expect("utf-8 temp path");
    let mut second = Tui::spawn(80, 24, dir.path(), &["--db", db_arg]);
    second.wait_for("[DỮ LIỆU MẪU]");
    second.wait_for("Tràng Định");
    second.wait_for("Ngày xem 23/09/2022");
    second.quit_with(b"q");
}

#[test]
fn survives_resize_to_tiny_and_back() {
    let dir = temp_dir();
    let mut tui = Tui::demo(80, 24, &dir, &[]);
    tui.wait_for("Tràng Định");

    tui.resize(20, 5);
    tui.wait_for("quá nhỏ");

    tui.resize(100, 30);
    tui.wait_for("Tràng Định");
    tui.wait_gone("quá nhỏ");
    tui.wait_for("Ngày xem 23/09/2022");

    tui.quit_with(b"q");
}
