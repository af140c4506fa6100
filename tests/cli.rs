//! The `tct` binary from the command line: reports, and one-line errors that leave
//! files as they were.

mod common;

use common::tct;

use std::path::Path;
use std::process::{Command, Output};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn demo_db(dir: &Path) -> String {
    dir.join("demo.db").to_str().unwrap().to_string()
}

/// A failure is one line on stderr and a non-zero status.
fn fails_with(o: &Output, needle: &str) {
    assert!(!o.status.success(), "should fail: {}", stdout(o));
    let err = stderr(o);
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    assert!(err.contains(needle), "expected «{needle}» in: {err}");
}

#[test]
fn units_report_shows_the_articles_figures() {
    let dir = tempfile::tempdir().unwrap();
    let o = tct(&["--demo", "--db", &demo_db(dir.path()), "report", "units"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.starts_with("Tràng Định"))
        .expect("Tràng Định row");
    let cells: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        &cells[3..8],
        ["02/14", "04/14", "08/14", "00/14", "11/11"],
        "{line}"
    );
}

#[test]
fn json_report_for_one_unit_typed_without_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let o = tct(&[
        "--demo",
        "--db",
        &db,
        "report",
        "units",
        "--unit",
        "trang dinh",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["name"], "Tràng Định");
    assert_eq!(v[0]["targets"]["met"], 2);
    assert_eq!(v[0]["targets"]["above70"], 4);
    assert_eq!(v[0]["targets"]["below70"], 8);
    assert_eq!(v[0]["tasks"]["done_on_time"], 11);
    let en = tct(&[
        "--db",
        &db,
        "--lang",
        "en",
        "report",
        "units",
        "--unit",
        "trang dinh",
    ]);
    assert!(
        stdout(&en).contains("02/14 targets met or exceeded"),
        "{}",
        stdout(&en)
    );
}

#[test]
fn overdue_report_is_most_overdue_first_in_csv() {
    let dir = tempfile::tempdir().unwrap();
    let o = tct(&[
        "--demo",
        "--db",
        &demo_db(dir.path()),
        "report",
        "overdue",
        "--format",
        "csv",
    ]);
    assert!(o.status.success());
    // Excel's CSV for a Vietnamese Windows: a byte-order mark, `;`, CRLF.
    let body = o.stdout.strip_prefix("\u{feff}".as_bytes()).expect("a BOM");
    let header = "Số ngày quá hạn;Đơn vị;Hạn xử lý;Số/ký hiệu văn bản;Tên nhiệm vụ;\
                  Ngày giao;Nguồn nhiệm vụ;Giải thể\r\n";
    assert!(body.starts_with(header.as_bytes()), "{}", stdout(&o));
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
    let origins: Vec<String> = r.records().map(|rec| rec.unwrap()[6].to_string()).collect();
    assert!(
        origins
            .iter()
            .all(|o| o == "VNPT-iOffice" || o.starts_with("Kết luận kiểm tra ")),
        "{origins:?}"
    );
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
    let days: Vec<i64> = r
        .records()
        .map(|rec| rec.unwrap()[0].parse().unwrap())
        .collect();
    assert!(days.len() >= 10);
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    assert!(days.iter().all(|d| *d > 0));
}

#[test]
fn targets_report_for_a_unit() {
    let dir = tempfile::tempdir().unwrap();
    let o = tct(&[
        "--demo",
        "--db",
        &demo_db(dir.path()),
        "report",
        "targets",
        "--unit",
        "Tràng Định",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let classes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["class"].as_str().unwrap())
        .collect();
    assert_eq!(classes.len(), 14);
    assert_eq!(classes.iter().filter(|c| **c == "met").count(), 2);
}

#[test]
fn unknown_unit_lists_the_closest_names() {
    let dir = tempfile::tempdir().unwrap();
    let o = tct(&[
        "--demo",
        "--db",
        &demo_db(dir.path()),
        "report",
        "units",
        "--unit",
        "Trang Dnh",
    ]);
    fails_with(&o, "Tràng Định");
    assert!(stderr(&o).contains("gần giống"));
}

#[test]
fn a_date_that_does_not_exist_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let o = tct(&[
        "--demo",
        "--db",
        &demo_db(dir.path()),
        "--today",
        "31/02/2022",
        "report",
        "units",
    ]);
    fails_with(&o, "31/02/2022");
}

#[test]
fn bad_files_are_refused_and_left_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/dir/tct.db");
    fails_with(
        &tct(&["--db", missing.to_str().unwrap(), "report", "units"]),
        "no/such/dir",
    );

    let text = dir.path().join("notes.db");
    std::fs::write(&text, "không phải SQLite").unwrap();
    fails_with(
        &tct(&["--db", text.to_str().unwrap(), "report", "units"]),
        "SQLite",
    );
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "không phải SQLite");

    let newer = dir.path().join("newer.db");
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.execute_batch("CREATE TABLE x(y)").unwrap();
        c.pragma_update(None, "application_id", tct::store::APPLICATION_ID)
            .unwrap();
        c.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&newer).unwrap();
    fails_with(
        &tct(&["--db", newer.to_str().unwrap(), "report", "units"]),
        "999",
    );
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}

#[test]
fn demo_never_overwrites_a_real_database() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.db");
    {
        let mut s = tct::store::Store::open(&mine).unwrap();
        s.write(|c| {
            c.insert_unit(&tct::model::NewUnit {
                name: "Xã của tôi".into(),
                kind: tct::domain::unit::UnitKind::Xa,
                code: None,
                parent_id: None,
                valid_from: None,
                valid_to: None,
            })
        })
        .unwrap();
    }
    let path = mine.to_str().unwrap();
    fails_with(&tct(&["--demo", "--db", path, "report", "units"]), "mẫu");
    fails_with(
        &tct(&["--reset-demo", "--db", path, "report", "units"]),
        "mẫu",
    );
    let o = tct(&["--db", path, "--today", "01/01/2024", "report", "units"]);
    assert!(stdout(&o).contains("Xã của tôi"));
}

#[test]
fn reset_demo_recreates_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    assert!(
        tct(&["--demo", "--db", &db, "report", "units"])
            .status
            .success()
    );
    // Change the demo, then reset it.
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute(
            "UPDATE unit SET name = 'Đổi tên', name_key = 'doi ten' WHERE code = '180'",
            [],
        )
        .unwrap();
    }
    assert!(stdout(&tct(&["--demo", "--db", &db, "report", "units"])).contains("Đổi tên"));
    let o = tct(&["--reset-demo", "--db", &db, "report", "units"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Tràng Định") && !out.contains("Đổi tên"));
}

#[test]
fn help_and_version() {
    let h = tct(&["--help"]);
    assert!(h.status.success());
    for flag in ["--db", "--today", "--lang", "--demo", "report"] {
        assert!(stdout(&h).contains(flag), "--help lacks {flag}");
    }
    let v = tct(&["--version"]);
    assert!(stdout(&v).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn control_characters_never_reach_the_terminal_in_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    assert!(
        tct(&["--demo", "--db", &db, "report", "units"])
            .status
            .success()
    );
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute("UPDATE unit SET name = 'Tràng Định' || char(27) || ']0;pwned' || char(7) WHERE code = '180'", [])
            .unwrap();
    }
    let o = tct(&["--db", &db, "report", "units"]);
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("Tràng Định]0;pwned"));
}

#[test]
fn conclusions_report_prints_the_articles_inspection() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let o = tct(&[
        "--demo",
        "--db",
        &db,
        "report",
        "conclusions",
        "--unit",
        "trang dinh",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ins = &v[0];
    assert_eq!(ins["header"]["chair_name"], "Phạm Hùng Trường");
    assert_eq!(ins["header"]["held_on"], "2022-09-23");
    let items = ins["items"].as_array().unwrap();
    let directives: Vec<&serde_json::Value> =
        items.iter().filter(|i| i["kind"] == "directive").collect();
    assert_eq!(directives.len(), 10);
    assert!(directives.iter().any(|d| {
        d["text"]
            .as_str()
            .unwrap()
            .contains("giải ngân vốn đầu tư công")
    }));
    assert!(directives.iter().all(|d| d["task_id"].is_number()));

    let md = tct(&[
        "--db",
        &db,
        "report",
        "conclusions",
        "--inspection",
        ins["header"]["id"].to_string().as_str(),
    ]);
    let text = stdout(&md);
    assert!(
        text.starts_with("# Biên bản kiểm tra Tràng Định — 23/09/2022"),
        "{text}"
    );
    assert!(
        text.contains("[Chỉ đạo, yêu cầu] Đẩy nhanh tiến độ giải ngân vốn đầu tư công."),
        "{text}"
    );
    assert!(
        text.contains("Hạn xử lý: 31/12/2022 · Trạng thái: trong hạn"),
        "{text}"
    );
    fails_with(
        &tct(&["--db", &db, "report", "conclusions", "--inspection", "999"]),
        "999",
    );
    fails_with(
        &tct(&["--db", &db, "report", "units", "--format", "md"]),
        "conclusions",
    );
}

#[test]
fn a_damaged_database_is_named_in_one_line_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let good = demo_db(dir.path());
    assert!(
        tct(&["--demo", "--db", &good, "report", "units"])
            .status
            .success()
    );
    let bytes = std::fs::read(&good).unwrap();
    let truncated = dir.path().join("cut.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let garbled = dir.path().join("garbled.db");
    let mut g = bytes.clone();
    for b in g.iter_mut().skip(8192).take(32768) {
        *b = 0x5A;
    }
    std::fs::write(&garbled, &g).unwrap();
    for file in [&truncated, &garbled] {
        let before = std::fs::read(file).unwrap();
        fails_with(
            &tct(&["--db", file.to_str().unwrap(), "report", "units"]),
            "bị hỏng",
        );
        assert_eq!(
            std::fs::read(file).unwrap(),
            before,
            "{} was changed",
            file.display()
        );
    }
}

#[test]
fn help_is_in_vietnamese_unless_english_is_asked_for() {
    let vi = tct(&["--help"]);
    assert!(vi.status.success());
    let text = stdout(&vi);
    for words in [
        "Cách dùng: tct",
        "Tuỳ chọn:",
        "Lệnh:",
        "In trợ giúp",
        "Ngày xem, DD/MM/YYYY",
    ] {
        assert!(text.contains(words), "«{words}» in:\n{text}");
    }
    assert!(
        !text.contains("Usage:") && !text.contains("Print help"),
        "{text}"
    );
    // A subcommand's help too, values named in the line rather than by clap in English.
    let report = stdout(&tct(&["report", "--help"]));
    assert!(report.contains("Chỉ đơn vị này"), "{report}");
    assert!(!report.contains("possible values"), "{report}");
    // Its placeholders too.
    assert!(
        report.contains("Cách dùng: tct report [TUỲ CHỌN] <LOẠI>"),
        "{report}"
    );
    assert!(report.contains("--db <TỆP>"), "{report}");
    assert!(
        !report.contains("[OPTIONS]") && !report.contains("<PATH>"),
        "{report}"
    );

    for en in [
        tct(&["--lang", "en", "--help"]),
        Command::new(env!("CARGO_BIN_EXE_tct"))
            .arg("--help")
            .env_remove("TCT_DB")
            .env("TCT_LANG", "en")
            .output()
            .unwrap(),
    ] {
        let text = stdout(&en);
        assert!(
            text.contains("Usage: tct") && text.contains("Print help"),
            "{text}"
        );
        assert!(text.contains("As-of date"), "{text}");
        assert!(!text.contains("Cách dùng"), "{text}");
    }
}

#[test]
fn a_backup_is_whole_under_its_name_or_not_there() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    assert!(
        tct(&["--demo", "--db", &db, "report", "units"])
            .status
            .success()
    );
    // No such directory: one line, exit 2, nothing written.
    let missing = dir.path().join("no/such/dir/b.db");
    let o = tct(&["--db", &db, "backup", missing.to_str().unwrap()]);
    fails_with(&o, "thư mục không tồn tại");
    assert!(!dir.path().join("no").exists());
    // "-" (standard output elsewhere) is no file to back up to, and none is made.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_tct"))
        .args(["--db", &db, "backup", "-"])
        .current_dir(dir.path())
        .env_remove("TCT_LANG")
        .output()
        .unwrap();
    fails_with(&o, "sao lưu cần tên tệp");
    assert!(!dir.path().join("-").exists());
    // Over an existing file: replaced whole by a database, owner-only, and no
    // temporary file left beside it.
    let dest = dir.path().join("b.db");
    std::fs::write(&dest, "an old note").unwrap();
    let o = tct(&["--db", &db, "backup", dest.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let c = rusqlite::Connection::open(&dest).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let units: i64 = c
        .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
        .unwrap();
    assert!(units > 10, "the copy holds the demo: {units}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("demo.db"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["b.db"],
        "only the backup is left beside the database"
    );
}

/// clap's English never reaches a Vietnamese user: one line in tct's words, the
/// valid values named, and English only when asked for.
#[test]
fn argument_mistakes_are_one_line_in_the_users_language() {
    let o = tct(&["report", "--bogus"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "tct: đối số không rõ «--bogus»; cách dùng: tct report [TUỲ CHỌN] <LOẠI> \
         (xem thêm: tct report --help)\n"
    );
    let o = tct(&["report", "foo"]);
    assert_eq!(
        stderr(&o),
        "tct: giá trị không hợp lệ «foo» cho <LOẠI>; chọn một trong: units, targets, \
         overdue, conclusions (xem thêm: tct report --help)\n"
    );
    // `--lang` after the mistake is still read, and so is TCT_LANG.
    let o = tct(&["report", "--bogus", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "tct: unknown argument «--bogus»; usage: tct report [OPTIONS] <WHAT> \
         (more: tct report --help)\n"
    );
    let o = Command::new(env!("CARGO_BIN_EXE_tct"))
        .args(["export", "inspection", "--format", "md"])
        .env_remove("TCT_DB")
        .env("TCT_LANG", "en")
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(
        err.starts_with("tct: missing argument: <ID>; usage: tct export inspection"),
        "{err}"
    );
    assert!(
        err.ends_with("(more: tct export inspection --help)\n"),
        "{err}"
    );
    // A value clap cannot parse: no Rust parse error in the sentence.
    let o = tct(&["report", "units", "--inspection", "abc"]);
    assert_eq!(
        stderr(&o),
        "tct: giá trị không hợp lệ «abc» cho --inspection <SỐ> \
         (xem thêm: tct report --help)\n"
    );
}

/// The notice in Markdown is text: without -o it is printed. DOCX without -o goes
/// beside the database under its usual name, and a second run never replaces the
/// first (which may have been edited in Word since): it takes the next free name and
/// prints it.
#[test]
fn a_notice_without_output_is_printed_or_written_beside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let args = ["--demo", "--db", &db, "export", "inspection", "latest"];
    let o = tct(&[&args[..], &["--unit", "trang dinh", "--format", "md"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("**ỦY BAN NHÂN DÂN**  \n**TỈNH LẠNG SƠN**"),
        "{}",
        stdout(&o)
    );
    let o = tct(&[&args[..], &["--unit", "trang dinh"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let first = std::path::PathBuf::from(stdout(&o).trim_end());
    assert_eq!(first.parent(), Some(dir.path()), "{first:?}");
    let name = first.file_name().unwrap().to_str().unwrap().to_string();
    assert!(
        name.starts_with("thong-bao-") && name.ends_with(".docx"),
        "{name}"
    );
    std::fs::write(&first, b"edited in Word").unwrap();
    let o = tct(&[&args[..], &["--unit", "trang dinh"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let second = dir.path().join(name.replace(".docx", " (2).docx"));
    assert_eq!(stdout(&o), format!("{}\n", second.display()));
    assert_eq!(std::fs::read(&first).unwrap(), b"edited in Word");
    assert!(std::fs::read(&second).unwrap().starts_with(b"PK"));
}

/// A mistyped --db is said in one line and makes no file; `import` makes the
/// database it needs and says so, and keeps it only when something was imported.
#[test]
fn a_database_that_does_not_exist_is_made_only_by_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let db = db.to_str().unwrap();
    for args in [
        &["report", "overdue"][..],
        &["report", "conclusions"],
        &["export", "inspection", "1", "--format", "md"],
        &["backup", "b.db"],
        &["config"],
    ] {
        let o = tct(&[&["--db", db][..], args].concat());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&o),
            format!(
                "tct: không có cơ sở dữ liệu {db}; tạo mới bằng `tct --db {db} import TỆP` \
                 hoặc mở tct\n"
            ),
            "{args:?}"
        );
        assert!(
            std::fs::read_dir(dir.path()).unwrap().next().is_none(),
            "{args:?}"
        );
    }
    let o = tct(&["--lang", "en", "--db", db, "report", "units"]);
    assert_eq!(
        stderr(&o),
        format!(
            "tct: no database at {db}; create it with `tct --db {db} import FILE` or by opening tct\n"
        )
    );
    // Setting a value is a write: an unknown setting leaves nothing, a known one
    // makes the database and says so.
    let o = tct(&["--db", db, "config", "bogus", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
    let other = dir.path().join("c.db");
    let other = other.to_str().unwrap();
    let o = tct(&["--lang", "en", "--db", other, "config", "place", "Lạng Sơn"]);
    assert_eq!(
        stderr(&o),
        format!("tct: created a new database: {other}\n")
    );
    std::fs::remove_file(other).unwrap();
    let units = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/mau-don-vi.csv");
    // A dry run, or a file that cannot be read, leaves no database behind.
    let o = tct(&["--db", db, "import", units, "--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = tct(&["--db", db, "import", "/no/such/file.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
    let o = tct(&["--db", db, "import", units]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), format!("tct: đã tạo cơ sở dữ liệu mới: {db}\n"));
    // The second time it exists: nothing said.
    let o = tct(&["--db", db, "import", units]);
    assert!(o.status.success());
    assert_eq!(stderr(&o), "");
    // A unit without inspections: the conclusions report says so.
    let o = tct(&["--db", db, "report", "conclusions", "--unit", "trang dinh"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "Tràng Định: đơn vị chưa có lần kiểm tra nào\n");
    let o = tct(&[
        "--lang",
        "en",
        "--db",
        db,
        "report",
        "conclusions",
        "--unit",
        "trang dinh",
    ]);
    assert_eq!(stdout(&o), "Tràng Định: the unit has no inspection yet\n");
    let o = tct(&["--lang", "en", "--db", db, "report", "conclusions"]);
    assert_eq!(stdout(&o), "no inspection yet\n");
    let o = tct(&["--db", db, "report", "conclusions", "--format", "json"]);
    assert_eq!(stdout(&o), "[]\n", "JSON stays an empty list");
}

/// A workbook that is not one: the zip reader's English stays out of the
/// Vietnamese line, and the new database is not kept.
#[test]
fn a_damaged_workbook_is_said_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hong.xlsx");
    std::fs::write(&file, b"PK\x03\x04not a zip").unwrap();
    let db = dir.path().join("d.db");
    let args = [
        "--db",
        db.to_str().unwrap(),
        "import",
        file.to_str().unwrap(),
    ];
    let o = tct(&args);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!(
            "tct: {}: không đọc được tệp: tệp hỏng hoặc không đúng định dạng bảng tính\n",
            file.display()
        )
    );
    assert!(!db.exists());
    let o = tct(&[&["--lang", "en"][..], &args].concat());
    assert!(
        stderr(&o).contains(": cannot read the file: the file is damaged or not a spreadsheet: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn overdue_report_after_the_reform_marks_abolished_units() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let run = |extra: &[&str]| {
        let mut args = vec!["--demo", "--db", &db, "--today", "01/12/2026"];
        args.extend_from_slice(extra);
        let o = tct(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    // The table: the district's overdue tasks say it is gone and who took over.
    let table = run(&["report", "overdue"]);
    assert!(
        table.lines().next().unwrap().contains("Giải thể"),
        "{table}"
    );
    assert!(
        table.lines().any(|l| l.contains("Tràng Định")
            && l.contains("đã giải thể 01/07/2025 → ")
            && l.contains("Thất Khê")),
        "{table}"
    );
    // The commune of the district's name, made in 2025, is not marked.
    assert!(
        table
            .lines()
            .any(|l| l.contains("Tràng Định") && !l.contains("giải thể")),
        "{table}"
    );
    // CSV, in English: the column and the mark.
    let csv = run(&["--lang", "en", "report", "overdue", "--format", "csv"]);
    let body = csv.trim_start_matches('\u{feff}');
    assert!(
        body.lines().next().unwrap().ends_with(";Abolished"),
        "{body}"
    );
    assert!(body.contains("abolished 01/07/2025 → "), "{body}");
    // JSON: the day, the successors, the mark; a unit still in place has none.
    let json = run(&["report", "overdue", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v.as_array().unwrap();
    let gone: Vec<_> = rows.iter().filter(|r| !r["abolished"].is_null()).collect();
    assert!(!gone.is_empty());
    assert!(
        gone.iter()
            .all(|r| r["abolished"]["on"] == "2025-07-01" || r["abolished"]["on"] == "2025-03-01")
    );
    assert!(gone.iter().any(|r| {
        r["abolished"]["successors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "Thất Khê")
    }));
    assert!(
        rows.iter()
            .filter(|r| r["unit"] == "Sở Tài chính")
            .all(|r| r["abolished"].is_null())
    );
}

#[test]
fn units_report_marks_an_abolished_unit_named_with_unit() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let run = |extra: &[&str]| {
        let mut args = vec!["--demo", "--db", &db, "--today", "01/12/2026"];
        args.extend_from_slice(extra);
        let o = tct(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let unit = ["report", "units", "--unit", "so giao thong van tai"];
    let vi = run(&unit);
    assert!(vi.lines().next().unwrap().ends_with("Giải thể"), "{vi}");
    assert!(vi.contains("đã giải thể 01/03/2025 → Sở Xây dựng"), "{vi}");
    let mut en_args = vec!["--lang", "en"];
    en_args.extend_from_slice(&unit);
    let en = run(&en_args);
    assert!(en.lines().next().unwrap().ends_with("Abolished"), "{en}");
    assert!(en.contains("abolished 01/03/2025 → Sở Xây dựng"), "{en}");
    let mut json_args = unit.to_vec();
    json_args.extend_from_slice(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&run(&json_args)).unwrap();
    assert_eq!(v[0]["abolished"]["on"], "2025-03-01");
    assert_eq!(v[0]["abolished"]["successors"][0], "Sở Xây dựng");
    // The same unit before it ceased has no mark.
    let o = tct(&["--demo", "--db", &db, "report", "units", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|u| u.get("abolished").is_none())
    );
}
