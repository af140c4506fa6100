//! `tct doctor`: the facts a person helping the secretary asks for, one a line, in the
//! user's language, on a sound, a missing and a damaged file alike, changing nothing;
//! and the dashboard started where it cannot draw, said in one line.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// What no user should ever read.
const NEVER: &[&str] = &["panicked", "backtrace", "RUST_BACKTRACE", "Error {", "Io("];

/// `tct ARGS` with the data directory moved into `home` (on Unix; Windows keeps its
/// AppData, which no variable moves) and no setting from the caller.
fn tct_in(home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tct"));
    cmd.args(args)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("HOME", home)
        .env_remove("TCT_DB")
        .env_remove("TCT_LANG")
        .env_remove("TCT_DEBUG")
        .env_remove("RUST_BACKTRACE");
    cmd
}

fn doctor(home: &Path, db: &Path, lang: &str) -> (Output, String) {
    let db = db.to_str().unwrap();
    let o = tct_in(home, &["--db", db, "--lang", lang, "doctor"])
        .output()
        .expect("tct runs");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let err = String::from_utf8_lossy(&o.stderr);
    for never in NEVER {
        assert!(!out.contains(never) && !err.contains(never), "{out}{err}");
    }
    (o, out)
}

fn demo_file(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let o = tct_in(
        dir,
        &["--demo", "--db", db.to_str().unwrap(), "report", "units"],
    )
    .output()
    .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    db
}

/// The names in a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The value after `label: ` on its line.
fn fact<'a>(out: &'a str, label: &str) -> &'a str {
    let prefix = format!("{label}: ");
    out.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no «{label}» line in:\n{out}"))
}

#[test]
fn on_the_demo_it_says_version_schema_checks_and_size_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let before = (std::fs::read(&db).unwrap(), listing(dir.path()));
    let (o, out) = doctor(dir.path(), &db, "vi");
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        out.lines().next(),
        Some(format!("tct {}", env!("CARGO_PKG_VERSION")).as_str())
    );
    let latest = tct::store::latest_version();
    assert_eq!(
        fact(&out, "Phiên bản lược đồ"),
        format!("{latest} (tct này {latest}: khớp)")
    );
    assert_eq!(fact(&out, "Kiểm tra toàn vẹn"), "ok");
    assert_eq!(fact(&out, "Liên kết hỏng (khoá ngoại)"), "0");
    assert_eq!(fact(&out, "Chế độ nhật ký giao dịch"), "wal");
    assert_eq!(fact(&out, "Cửa sổ tct đang mở tệp này"), "0");
    assert_eq!(
        fact(&out, "Cơ sở dữ liệu"),
        format!("{} (theo --db)", db.display())
    );
    let size = std::fs::metadata(&db).unwrap().len();
    assert!(
        fact(&out, "Kích thước").starts_with(&format!("{size} byte (")),
        "{out}"
    );
    assert!(fact(&out, "Nhật ký lỗi").contains("tct.log"), "{out}");
    assert_eq!(fact(&out, "Đầu ra là cửa sổ dòng lệnh"), "không");
    // Read-only, and read as it lies: no -wal or -shm made beside it.
    assert_eq!((std::fs::read(&db).unwrap(), listing(dir.path())), before);
}

#[test]
fn in_english_with_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let (o, out) = doctor(dir.path(), &db, "en");
    assert_eq!(o.status.code(), Some(0));
    let latest = tct::store::latest_version();
    assert_eq!(
        fact(&out, "Schema version"),
        format!("{latest} (this tct {latest}: current)")
    );
    assert_eq!(fact(&out, "Integrity check"), "ok");
    assert_eq!(fact(&out, "Language"), "en");
    assert!(
        !out.contains("Kiểm tra") && !out.contains("byte ("),
        "{out}"
    );
}

#[test]
fn a_missing_database_is_said_and_not_made() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    let (o, out) = doctor(dir.path(), &db, "vi");
    assert_eq!(o.status.code(), Some(0));
    assert!(
        fact(&out, "Kích thước").contains("không có tệp này"),
        "{out}"
    );
    assert!(!out.contains("Kiểm tra toàn vẹn"), "{out}");
    assert!(!db.exists());
    // Nothing at all made: neither the file nor the data directory.
    assert_eq!(listing(dir.path()), Vec::<String>::new());
}

/// A damaged file is part of the answer: said on its line, the rest still reported,
/// exit status 0 (the report was written), the file as it was.
#[test]
fn a_damaged_file_is_reported_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("rac.db");
    let bytes: Vec<u8> = (0..8192u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&garbage, &bytes).unwrap();
    let good = demo_file(dir.path());
    let cut = dir.path().join("cut.db");
    let whole = std::fs::read(&good).unwrap();
    std::fs::write(&cut, &whole[..whole.len() / 3]).unwrap();

    for (file, says) in [
        (&garbage, "không phải cơ sở dữ liệu SQLite"),
        (&cut, "bị hỏng"),
    ] {
        let before = std::fs::read(file).unwrap();
        let (o, out) = doctor(dir.path(), file, "vi");
        assert_eq!(o.status.code(), Some(0), "{out}");
        let problem = out
            .lines()
            .find(|l| l.contains(says))
            .unwrap_or_else(|| panic!("{says}: {out}"));
        assert!(
            problem.starts_with("Mở tệp: ") || problem.starts_with("Kiểm tra toàn vẹn: "),
            "{out}"
        );
        // What follows the database is still there.
        assert!(fact(&out, "Thư mục dữ liệu").contains("tct"), "{out}");
        assert!(out.contains("Biến môi trường: TERM="), "{out}");
        assert_eq!(std::fs::read(file).unwrap(), before);
    }
}

/// The dashboard with its input or output no terminal (a launcher without a console,
/// `tct < file`, `tct | cat`) says so in one line and exits 2, before any database
/// is made.
#[test]
fn the_dashboard_without_a_terminal_is_one_line_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let db = db.to_str().unwrap();
    for (lang, words) in [
        ("vi", "cần một cửa sổ dòng lệnh"),
        ("en", "needs a terminal"),
    ] {
        for stdin_null in [true, false] {
            let mut cmd = tct_in(dir.path(), &["--db", db, "--lang", lang]);
            if stdin_null {
                cmd.stdin(Stdio::null());
            }
            let o = cmd.output().expect("tct runs");
            let err = String::from_utf8_lossy(&o.stderr).into_owned();
            assert_eq!(o.status.code(), Some(2), "{err}");
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.starts_with("tct: ") && err.contains(words), "{err}");
            for never in NEVER {
                assert!(!err.contains(never), "{err}");
            }
            assert!(o.stdout.is_empty(), "no escape codes written");
        }
    }
    assert_eq!(listing(dir.path()), Vec::<String>::new());
}

/// A bug's log is named and counted, so the person helping knows to ask for it. On
/// Unix only: elsewhere the log is in the user's own AppData.
#[cfg(unix)]
#[test]
fn the_log_of_a_bug_is_named_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let log = dir.path().join("data").join("tct").join("tct.log");
    let (_, out) = doctor(dir.path(), &db, "vi");
    assert_eq!(
        fact(&out, "Nhật ký lỗi"),
        format!("{} (không có)", log.display())
    );
    let o = tct_in(
        dir.path(),
        &["--db", db.to_str().unwrap(), "report", "units"],
    )
    .env("TCT_TEST_PANIC", "command")
    .output()
    .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let (_, out) = doctor(dir.path(), &db, "vi");
    let said = fact(&out, "Nhật ký lỗi");
    assert!(
        said.starts_with(&format!("{} (lỗi đã ghi: 1, lần cuối ", log.display())),
        "{said}"
    );
}

/// In a terminal: the doctor sees it and its size; a terminal that says `dumb`
/// cannot draw the dashboard, which says so and leaves the terminal's modes alone.
/// Unix only: the pseudo-terminal harness.
#[cfg(unix)]
#[test]
fn in_a_terminal_its_size_and_a_dumb_one_refused() {
    use common::pty::Tui;
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let db = db.to_str().unwrap();
    let mut t = Tui::spawn(100, 30, dir.path(), &["--db", db, "doctor"]);
    assert!(t.wait_exit().success());
    let screen = t.screen();
    assert!(
        screen.contains("Đầu ra là cửa sổ dòng lệnh: có"),
        "{screen}"
    );
    assert!(screen.contains("Kích thước cửa sổ: 100×30"), "{screen}");

    let dumb = [("TERM", Path::new("dumb"))];
    let mut t = Tui::spawn_env(100, 30, dir.path(), &["--db", db], &dumb);
    let status = t.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let screen = t.screen();
    assert!(
        screen.contains("tct: cửa sổ dòng lệnh này (TERM=dumb)"),
        "{screen}"
    );
    assert!(!t.alternate_screen());
    let flags = t.local_flags();
    assert!(flags.iter().any(|f| f == "ICANON"), "{flags:?}");
}

/// The symbols the screen will draw: the old Windows console's plain set when asked.
#[test]
fn doctor_says_which_symbols_the_screen_draws() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let run = |glyphs: &str| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_tct"))
            .args(["--demo", "--db", db.to_str().unwrap(), "doctor"])
            .env("TCT_GLYPHS", glyphs)
            .env_remove("TCT_LANG")
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).to_string()
    };
    assert!(run("plain").contains("Ký hiệu: + ~ x"));
    assert!(run("unicode").contains("Ký hiệu: ✓ ◐ ✗"));
}
