//! End-to-end tests: run the real `tct` binary in a pseudo-terminal, type at it, and read
//! the screen back through a terminal emulator (vt100), as a person would see it.
//!
//! Every wait is bounded; a child that outlives its test is killed when the harness drops.

// The pseudo-terminal harness drives a Unix pty; Windows has only its ConPTY, which
// Wine does not emulate faithfully, so these run on Linux and not in the Wine run.
#![cfg(unix)]

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
    // The help opens with the database's path.
    let db_line = "Cơ sở dữ liệu:";
    if tui.screen().contains("Phím tắt") || tui.screen().contains(db_line) {
        tui.fail("the help should not be showing before `?`");
    }

    tui.send("?");
    tui.wait_for("Phím tắt");
    tui.wait_for(db_line);

    tui.send("\x1b");
    tui.wait_gone("Phím tắt");
    tui.wait_gone(db_line);
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

/// Whether the process is stopped, as the kernel says (`T` in /proc/PID/stat).
#[cfg(target_os = "linux")]
fn stopped(tui: &Tui) -> bool {
    let pid = tui.child.process_id().expect("tct's process id");
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The state follows the command's name in parentheses.
    stat.rsplit(')')
        .next()
        .unwrap_or("")
        .trim_start()
        .starts_with('T')
}

/// A stop from the shell (`kill -TSTP`, as Ctrl-Z in the shell would send) gives the
/// terminal back while tct is stopped: the shell's screen, cooked mode, no bracketed
/// paste. `fg` (SIGCONT) takes it again and draws the dashboard whole, and keys work.
#[test]
fn a_stop_from_the_shell_gives_the_terminal_back_and_fg_redraws() {
    let dir = temp_dir();
    let mut tui = Tui::demo(100, 30, &dir, &[]);
    tui.wait_for("Ngày xem 23/09/2022");
    for round in 0..2 {
        tui.signal(libc::SIGTSTP);
        tui.wait_until("the terminal given back", |t| {
            !t.alternate_screen()
                && !t.bracketed_paste()
                && t.mouse_mode() == vt100::MouseProtocolMode::None
                && t.local_flags().iter().any(|f| f == "ICANON")
        });
        #[cfg(target_os = "linux")]
        tui.wait_until("tct stopped", stopped);
        if tui.screen().contains("Ngày xem") {
            tui.fail("the shell's screen, not the dashboard, while stopped");
        }
        tui.signal(libc::SIGCONT);
        // Entering the alternate screen clears it: the dashboard is on it again only
        // if it was drawn again.
        tui.wait_until("the dashboard back, redrawn", |t| {
            t.alternate_screen()
                && t.bracketed_paste()
                && t.mouse_mode() != vt100::MouseProtocolMode::None
                && !t.local_flags().iter().any(|f| f == "ICANON")
                && t.screen().contains("Ngày xem 23/09/2022")
                && t.screen().contains("Tràng Định")
        });
        if round == 0 {
            for k in ["/", "trang dinh", "\r"] {
                tui.send(k);
            }
            tui.wait_for("02/14 chỉ tiêu đạt và vượt");
        }
    }
    tui.quit_with("q");
}

/// A bug while the dashboard is on screen (made on purpose, `TCT_TEST_PANIC`, in test
/// builds only): the terminal is given back first, then one line in Vietnamese says
/// where the details went, and tct exits with 2.
#[test]
fn a_bug_on_screen_gives_the_terminal_back_and_says_one_line() {
    let dir = temp_dir();
    let db = db_path(&dir);
    let data = dir.path().join("data");
    let mut tui = Tui::spawn_env(
        100,
        30,
        dir.path(),
        &["--demo", "--db", db.to_str().unwrap()],
        &[
            ("TCT_TEST_PANIC", std::path::Path::new("screen")),
            ("XDG_DATA_HOME", &data),
            ("HOME", dir.path()),
        ],
    );
    let status = tui.wait_exit();
    assert_eq!(status.exit_code(), 2, "{}", tui.screen());
    assert!(!tui.alternate_screen(), "{}", tui.screen());
    assert!(!tui.bracketed_paste());
    assert_eq!(tui.mouse_mode(), vt100::MouseProtocolMode::None);
    assert!(tui.local_flags().iter().any(|f| f == "ICANON"));
    let said: Vec<String> = tui
        .screen()
        .lines()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let log = data.join("tct").join("tct.log");
    let line = said.join("");
    assert!(
        line.starts_with("tct: tct gặp lỗi nội bộ") && line.ends_with(log.to_str().unwrap()),
        "{said:?}"
    );
    assert!(!line.contains("panicked"), "{said:?}");
    assert!(
        std::fs::read_to_string(&log)
            .unwrap()
            .contains("a bug made on purpose by a test")
    );
}

/// Opening a database that does not exist makes it, and the status line says so
/// until the first key.
#[test]
fn a_new_database_is_said_on_the_status_line() {
    let dir = temp_dir();
    let db = dir.path().join("moi.db");
    let mut tui = Tui::spawn(100, 24, dir.path(), &["--db", db.to_str().unwrap()]);
    tui.wait_for("đã tạo cơ sở dữ liệu mới");
    tui.assert_screen_has("moi.db");
    tui.quit_with("q");
    assert!(db.exists());
    // The second time it is only opened: nothing said.
    let mut tui = Tui::spawn(100, 24, dir.path(), &["--db", db.to_str().unwrap()]);
    tui.wait_for("Ngày xem");
    tui.settle();
    assert!(!tui.screen().contains("đã tạo"), "{}", tui.screen());
    tui.quit_with("q");
}
