//! Faults around the file: a save that fails keeps the text on screen and says why.

mod common;

use common::{ctrl, demo_app, key, new_record, type_text};
use ratatui::crossterm::event::KeyCode;
use tct::app::StatusKind;

#[test]
fn a_full_disk_keeps_the_text_and_says_so() {
    let (_d, mut app) = demo_app(100, 30);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    new_record(&mut app);
    let sentence = "Kết luận dài ".repeat(2000);
    app.update(tct::app::Action::Paste(sentence.clone()));
    let before = app.store.inspection_ids(None).unwrap().len();
    // The disk is full: the file may not grow by a single page.
    let c = app.store.connection();
    let pages: i64 = c.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    c.pragma_update(None, "max_page_count", pages).unwrap();
    ctrl(&mut app, 's');
    let msg = app.message().unwrap_or_default().to_string();
    assert!(msg.starts_with("Chưa lưu được"), "{msg}");
    assert!(
        !app.status
            .as_ref()
            .is_some_and(|s| s.kind == StatusKind::Good),
        "a failure is drawn as one"
    );
    let f = app.form_mut().expect("the form stays open");
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
        app.message().unwrap_or_default().starts_with("Đã lưu"),
        "{:?}",
        app.message()
    );
    assert_eq!(app.store.inspection_ids(None).unwrap().len(), before + 1);
}

#[test]
fn another_tct_writing_the_same_file_is_waited_for_then_named_not_a_crash() {
    let (dir, mut app) = demo_app(100, 30);
    type_text(&mut app, "/trang dinh");
    key(&mut app, KeyCode::Enter);
    new_record(&mut app);
    type_text(&mut app, "Kết luận khi máy khác đang ghi.");
    // A second tct on the same file, in the middle of its own write.
    let other = tct::store::Store::open(&dir.path().join("demo.db")).unwrap();
    other.connection().execute_batch("BEGIN IMMEDIATE").unwrap();
    app.store
        .connection()
        .busy_timeout(std::time::Duration::from_millis(200))
        .unwrap();
    ctrl(&mut app, 's');
    let msg = app.message().unwrap_or_default().to_string();
    assert!(msg.starts_with("Chưa lưu được"), "{msg}");
    assert!(app.form().unwrap().dirty, "the text waits in the form");
    // The other one finishes: the same keystroke saves.
    other.connection().execute_batch("COMMIT").unwrap();
    ctrl(&mut app, 's');
    assert!(
        app.message().unwrap_or_default().starts_with("Đã lưu"),
        "{:?}",
        app.message()
    );
    // And the other instance sees it.
    let n: i64 = other
        .connection()
        .query_row("SELECT count(*) FROM inspection", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 4);
}

/// Tràng Định's new inspection form, with one sentence typed.
fn typing(app: &mut tct::app::App, sentence: &str) {
    type_text(app, "/trang dinh");
    key(app, KeyCode::Enter);
    new_record(app);
    type_text(app, sentence);
}

#[cfg(unix)]
fn inspections_in(path: &std::path::Path) -> i64 {
    let c = rusqlite::Connection::open(path).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    c.query_row("SELECT count(*) FROM inspection", [], |r| r.get(0))
        .unwrap()
}

/// The saved inspection's items, read from the file at `path` by another connection.
#[cfg(unix)]
fn item_texts(path: &std::path::Path) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    c.prepare(
        "SELECT text FROM conclusion_item
         WHERE inspection_id = (SELECT max(id) FROM inspection) ORDER BY position",
    )
    .unwrap()
    .query_map([], |r| r.get(0))
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[cfg(unix)]
#[test]
fn a_database_deleted_while_open_is_written_back_and_the_save_lands() {
    // Deleting the file alone, or with its WAL and shared-memory files beside it.
    for with_wal in [false, true] {
        let (dir, mut app) = demo_app(100, 30);
        let db = dir.path().join("demo.db");
        let sentence = "Kết luận ghi khi tệp đã bị xoá.";
        typing(&mut app, sentence);
        let before = app.store.inspection_ids(None).unwrap().len() as i64;
        std::fs::remove_file(&db).unwrap();
        if with_wal {
            for s in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{s}", db.display()));
            }
        }
        ctrl(&mut app, 's');
        let msg = app.message().unwrap_or_default().to_string();
        assert!(msg.starts_with("Đã lưu"), "{msg}");
        assert!(
            msg.contains("đã bị xoá") && msg.contains(&db.display().to_string()),
            "the message says what happened and where the data is: {msg}"
        );
        assert!(db.exists(), "the file is back at its path");
        assert_eq!(app.store.path(), db);
        // Everything saved before and the new record, in the file a new tct opens.
        assert_eq!(inspections_in(&db), before + 1);
        assert_eq!(item_texts(&db), [sentence]);
        let units: i64 = rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
            .unwrap();
        assert!(units > 10, "the demo's units came back too: {units}");
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the written-back file is the owner's only");
        // Later writes go to the same file, with nothing more to say.
        type_text(&mut app, " Thêm.");
        ctrl(&mut app, 's');
        let msg = app.message().unwrap_or_default().to_string();
        assert!(!msg.contains("xoá"), "{msg}");
        assert_eq!(
            item_texts(&db),
            [format!("{sentence} Thêm.")],
            "the edit reached the file at the path"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") || n.contains("journal"))
            .collect();
        assert!(left.is_empty(), "no temporary file left: {left:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_database_replaced_while_open_is_left_alone_and_tct_goes_on_beside_it() {
    let (dir, mut app) = demo_app(100, 30);
    let db = dir.path().join("demo.db");
    typing(&mut app, "Kết luận ghi khi tệp đã bị thay.");
    let before = app.store.inspection_ids(None).unwrap().len() as i64;
    // Another file moved onto the path, as `mv other.db demo.db` would.
    let other = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE note(x); INSERT INTO note VALUES ('not tct');")
            .unwrap();
    }
    std::fs::rename(&other, &db).unwrap();
    let replacement = std::fs::read(&db).unwrap();
    // The draft is written on the next field change; then the save.
    ctrl(&mut app, 's');
    let msg = app.message().unwrap_or_default().to_string();
    assert!(msg.starts_with("Đã lưu"), "{msg}");
    assert!(msg.contains("thay bằng tệp khác"), "{msg}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        replacement,
        "the file that took the path is not written over"
    );
    let moved = app.store.path().to_path_buf();
    assert_ne!(moved, db);
    assert_eq!(moved.parent(), db.parent(), "the new file sits beside it");
    assert!(
        msg.contains(&moved.display().to_string()),
        "the message names the new file: {msg}"
    );
    assert_eq!(inspections_in(&moved), before + 1);
}

/// The dialog says the draft is on disk only when it has just been written: with the
/// file locked by another tct, it says the draft could not be written.
#[test]
fn the_unsaved_dialog_says_the_draft_is_kept_only_when_it_was_written() {
    let (dir, mut app) = demo_app(100, 30);
    typing(&mut app, "Kết luận chưa ghi vào nháp.");
    let other = tct::store::Store::open(&dir.path().join("demo.db")).unwrap();
    other.connection().execute_batch("BEGIN IMMEDIATE").unwrap();
    app.store
        .connection()
        .busy_timeout(std::time::Duration::from_millis(200))
        .unwrap();
    key(&mut app, KeyCode::Esc);
    let screen = common::render(&app);
    assert!(screen.contains("chưa ghi được"), "{screen}");
    assert!(!screen.contains("vẫn được giữ"), "{screen}");
    // The lock goes: asked again, the draft is written, and the dialog says so.
    other.connection().execute_batch("COMMIT").unwrap();
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    let screen = common::render(&app);
    assert!(screen.contains("vẫn được giữ"), "{screen}");
    let id = app.form().unwrap().draft_id.unwrap();
    let body = app.store.draft(id).unwrap().unwrap().body;
    assert!(body.contains("Kết luận chưa ghi vào nháp."), "{body}");
}

/// Another program holds a write on the file (an import in another window): what is
/// typed meanwhile stays in the form and in memory, the status line says the draft
/// could not be written, and it is written as soon as the file is free.
#[test]
fn a_busy_file_keeps_the_typing_and_writes_the_draft_when_free() {
    let (dir, mut app) = demo_app(100, 30);
    // The app waits a moment, not the command line's seconds, so the next key is
    // taken at once.
    assert!(app.store.busy_wait() <= std::time::Duration::from_millis(500));
    typing(&mut app, "Gõ tiếp khi máy khác");
    let other = tct::store::Store::open(&dir.path().join("demo.db")).unwrap();
    other.connection().execute_batch("BEGIN IMMEDIATE").unwrap();
    type_text(&mut app, " đang nhập tệp.");
    key(&mut app, KeyCode::Tab);
    let msg = app.message().unwrap_or_default().to_string();
    assert!(msg.starts_with("Chưa lưu được"), "{msg}");
    let form = app.form().unwrap();
    assert_eq!(
        form.data.items[0].text,
        "Gõ tiếp khi máy khác đang nhập tệp."
    );
    let id = form.draft_id;
    other.connection().execute_batch("COMMIT").unwrap();
    key(&mut app, KeyCode::BackTab);
    let id = app.form().unwrap().draft_id.or(id).expect("a draft row");
    let draft = app.store.draft(id).unwrap().expect("written");
    assert!(
        draft.body.contains("Gõ tiếp khi máy khác đang nhập tệp."),
        "{}",
        draft.body
    );
}

// The command line meets trouble: each case one line in the user's language and exit
// status 2, the file as it was; a reader that goes away is not trouble.

/// Where a case's standard output goes.
#[cfg(target_os = "linux")]
#[derive(Clone, Copy)]
enum Out {
    Captured,
    /// A device that takes nothing: every write says the disk is full.
    DevFull,
    /// A pipe whose reader has gone (`tct report … | head -1`).
    ClosedPipe,
}

/// A run of the binary for one case, in one language.
#[cfg(target_os = "linux")]
fn run_case(args: &[&str], out: Out, lang: &str) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tct"));
    cmd.args(args)
        .env_remove("TCT_DB")
        .env("TCT_LANG", lang)
        .env_remove("RUST_BACKTRACE");
    match out {
        Out::Captured => {}
        Out::DevFull => {
            let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
            cmd.stdout(full.expect("/dev/full"));
        }
        Out::ClosedPipe => {
            let (reader, writer) = std::io::pipe().unwrap();
            drop(reader);
            cmd.stdout(writer);
        }
    }
    cmd.output().expect("tct runs")
}

/// Words the system or SQLite would say in English, never to be seen in Vietnamese.
#[cfg(target_os = "linux")]
const ENGLISH: &[&str] = &[
    "No space left",
    "No such file",
    "Permission denied",
    "database is locked",
    "Read-only",
    "Is a directory",
    "os error",
    "Broken pipe",
    "already exists",
];

/// What no user should ever read.
const NEVER: &[&str] = &[
    "panicked",
    "backtrace",
    "RUST_BACKTRACE",
    "Error {",
    "Io(",
    "Db(",
];

#[cfg(target_os = "linux")]
struct Fault {
    what: &'static str,
    args: Vec<String>,
    out: Out,
    /// Words of the one line, in Vietnamese and in English; `None`: a clean exit 0.
    says: Option<(&'static str, &'static str)>,
    /// A file the case must leave byte for byte.
    untouched: Option<std::path::PathBuf>,
}

/// A demo database in `dir` under `name`.
fn demo_file(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let db = dir.join(name);
    let o = common::tct(&["--demo", "--db", db.to_str().unwrap(), "report", "units"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    db
}

#[cfg(target_os = "linux")]
fn args(db: &std::path::Path, rest: &[&str]) -> Vec<String> {
    let mut v = vec!["--db".to_string(), db.to_str().unwrap().to_string()];
    v.extend(rest.iter().map(|s| s.to_string()));
    v
}

#[cfg(target_os = "linux")]
#[test]
fn every_failure_is_one_line_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = demo_file(d, "demo.db");

    let truncated = d.join("cut.db");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();

    // A schema version set back below what the tables are: migration 3 would run
    // again, then 4 fail on a table it has.
    let lowered = demo_file(d, "lowered.db");
    rusqlite::Connection::open(&lowered)
        .unwrap()
        .pragma_update(None, "user_version", 2)
        .unwrap();

    // Another program in the middle of a write, for as long as the test runs.
    let locked = demo_file(d, "locked.db");
    let holder = rusqlite::Connection::open(&locked).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();

    let cases = [
        Fault {
            what: "standard output on a full device",
            args: args(&good, &["report", "units"]),
            out: Out::DevFull,
            says: Some(("ổ đĩa đã đầy", "disk is full")),
            untouched: None,
        },
        Fault {
            what: "a reader that closed the pipe",
            args: args(&good, &["report", "overdue"]),
            out: Out::ClosedPipe,
            says: None,
            untouched: None,
        },
        Fault {
            what: "a database another program is writing",
            args: args(&locked, &["config", "place", "Tràng Định"]),
            out: Out::Captured,
            says: Some(("đang bận", "is busy")),
            untouched: Some(locked.clone()),
        },
        Fault {
            what: "a truncated database",
            args: args(&truncated, &["report", "units"]),
            out: Out::Captured,
            says: Some(("bị hỏng", "damaged")),
            untouched: Some(truncated.clone()),
        },
        Fault {
            what: "a lowered schema version",
            args: args(&lowered, &["report", "units"]),
            out: Out::Captured,
            says: Some(("không khớp với các bảng", "does not match its tables")),
            untouched: Some(lowered.clone()),
        },
        Fault {
            what: "conclusions in a format they are not written in",
            args: args(&good, &["report", "conclusions", "--format", "xlsx", "-o"])
                .into_iter()
                .chain([d.join("kl.xlsx").to_str().unwrap().to_string()])
                .collect(),
            out: Out::Captured,
            says: Some(("md hoặc json", "md or json")),
            untouched: None,
        },
    ];
    for case in &cases {
        let before = case.untouched.as_ref().map(|f| std::fs::read(f).unwrap());
        for (lang, words) in [
            ("vi", case.says.map(|s| s.0)),
            ("en", case.says.map(|s| s.1)),
        ] {
            let a: Vec<&str> = case.args.iter().map(String::as_str).collect();
            let o = run_case(&a, case.out, lang);
            let err = String::from_utf8_lossy(&o.stderr).into_owned();
            let what = format!("{} ({lang}): {err:?}", case.what);
            for never in NEVER {
                assert!(!err.contains(never), "{what}");
            }
            let Some(words) = words else {
                assert_eq!(o.status.code(), Some(0), "{what}");
                assert!(err.is_empty(), "quiet: {what}");
                continue;
            };
            assert_eq!(o.status.code(), Some(2), "{what}");
            assert_eq!(err.lines().count(), 1, "one line: {what}");
            assert!(err.starts_with("tct: ") && err.contains(words), "{what}");
            if lang == "vi" {
                for english in ENGLISH {
                    assert!(!err.contains(english), "no English: {what}");
                }
            }
        }
        if let (Some(file), Some(before)) = (&case.untouched, before) {
            assert!(
                std::fs::read(file).unwrap() == before,
                "{} changed",
                case.what
            );
        }
    }
    assert!(
        !d.join("kl.xlsx").exists(),
        "no Markdown written into an .xlsx"
    );
    holder.execute_batch("ROLLBACK").unwrap();
}

/// A bug in tct, made on purpose (`TCT_TEST_PANIC`, in test builds only): one line in
/// the user's language naming the log, exit status 2, the details in the log (owner
/// only, started afresh past its bound) or on standard error with `TCT_DEBUG=1`. On
/// Windows the log is in the user's AppData, which no variable moves: there it is read
/// but not filled past its bound, which would replace the user's older log.
#[test]
fn a_bug_is_one_line_and_its_details_go_to_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path(), "demo.db");
    let data = dir.path().join("data");
    #[cfg(unix)]
    let log = data.join("tct").join("tct.log");
    #[cfg(not(unix))]
    let log = tct::cli::data_dir().unwrap().join("tct.log");
    let bug = |lang: &str, debug: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tct"));
        cmd.args([
            "--db",
            db.to_str().unwrap(),
            "--lang",
            lang,
            "report",
            "units",
        ])
        .env("TCT_TEST_PANIC", "command")
        .env("XDG_DATA_HOME", &data)
        .env("HOME", dir.path())
        .env_remove("RUST_BACKTRACE");
        if debug {
            cmd.env("TCT_DEBUG", "1");
        } else {
            cmd.env_remove("TCT_DEBUG");
        }
        cmd.output().unwrap()
    };
    for (lang, words) in [("vi", "lỗi nội bộ"), ("en", "internal error")] {
        let o = bug(lang, false);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains(words), "{err}");
        assert!(err.trim_end().ends_with(log.to_str().unwrap()), "{err}");
        for never in NEVER {
            assert!(!err.contains(never), "{err}");
        }
        assert!(o.stdout.is_empty());
    }
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("src/commands/mod.rs"), "where: {logged}");
    #[cfg(not(unix))]
    assert!(
        logged.contains("a bug made on purpose by a test"),
        "{logged}"
    );
    #[cfg(unix)]
    {
        assert_eq!(logged.matches("a bug made on purpose by a test").count(), 2);
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&log).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // Past its bound the log starts afresh, the old one kept beside it.
        std::fs::write(&log, "x".repeat(300 * 1024)).unwrap();
        bug("vi", false);
        assert!(std::fs::metadata(&log).unwrap().len() < 100 * 1024);
        assert_eq!(
            std::fs::metadata(log.with_extension("log.1"))
                .unwrap()
                .len(),
            300 * 1024
        );
    }
    // TCT_DEBUG=1: the details themselves.
    let o = bug("vi", true);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("a bug made on purpose by a test"), "{err}");
}
