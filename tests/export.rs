//! Exported files — reports with `-o`, notices of conclusions — hold the same records
//! as the database: they are written whole or not at all, owner-only, with no
//! temporary file left behind; a large export shows a progress bar on a terminal and
//! nothing when standard error is piped.

mod common;

use common::tct;

#[cfg(unix)]
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Output;
#[cfg(unix)]
use std::time::Duration;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The demo database in `dir`.
fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("demo.db");
    let o = tct(&["--demo", "--db", s(&db), "report", "units"]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

/// The names in a directory, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Status 2 and one line on standard error.
fn fails_in_one_line(o: &Output) {
    assert_eq!(o.status.code(), Some(2), "{}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
}

/// Every export command of the demo, writing into `out`.
fn exports(db: &Path, out: &Path) -> Vec<(Vec<String>, PathBuf)> {
    let mut runs = Vec::new();
    for (what, format) in [
        ("overdue", "csv"),
        ("overdue", "xlsx"),
        ("overdue", "json"),
        ("units", "csv"),
        ("targets", "json"),
        ("conclusions", "md"),
    ] {
        let file = out.join(format!("{what}.{format}"));
        let args = [
            "--db",
            s(db),
            "report",
            what,
            "--format",
            format,
            "-o",
            s(&file),
        ];
        runs.push((args.map(String::from).to_vec(), file));
    }
    for format in ["docx", "md"] {
        let file = out.join(format!("thong-bao.{format}"));
        let args = [
            "--db",
            s(db),
            "export",
            "inspection",
            "latest",
            "--unit",
            "trang dinh",
            "--format",
            format,
            "-o",
            s(&file),
        ];
        runs.push((args.map(String::from).to_vec(), file));
    }
    runs
}

fn run(args: &[String]) -> Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    tct(&args)
}

#[test]
fn every_export_is_whole_owner_only_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let runs = exports(&db, &out);
    // Twice: a new file, then one replaced.
    for _ in 0..2 {
        for (args, file) in &runs {
            let o = run(args);
            assert!(o.status.success(), "{args:?}: {}", stderr(&o));
            assert!(std::fs::metadata(file).unwrap().len() > 0, "{args:?}");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{} is {mode:o}", file.display());
            }
        }
    }
    let mut expected: Vec<String> = runs
        .iter()
        .map(|(_, f)| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    expected.sort();
    assert_eq!(names(&out), expected, "only the exported files");
}

#[test]
fn a_failed_export_leaves_the_old_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let old = b"\xef\xbb\xbfold;file;\xff kept as it was\n";
    let target = out.join("qua-han.csv");
    std::fs::write(&target, old).unwrap();
    let check = |o: &Output| {
        fails_in_one_line(o);
        assert_eq!(std::fs::read(&target).unwrap(), old);
        assert_eq!(names(&out), ["qua-han.csv"], "no temporary file left");
    };
    // A mistake found after the file was named: an unknown unit.
    check(&tct(&[
        "--db",
        s(&db),
        "report",
        "overdue",
        "--unit",
        "khong co don vi nay",
        "--format",
        "csv",
        "-o",
        s(&target),
    ]));
    // A notice of an inspection that does not exist, over the same file.
    check(&tct(&[
        "--db",
        s(&db),
        "export",
        "inspection",
        "999",
        "-o",
        s(&target),
    ]));
    // The final rename fails: the target's name is taken by a directory.
    let taken = out.join("taken.csv");
    std::fs::create_dir(&taken).unwrap();
    std::fs::write(taken.join("inside"), b"x").unwrap();
    let o = tct(&[
        "--db",
        s(&db),
        "report",
        "overdue",
        "--format",
        "csv",
        "-o",
        s(&taken),
    ]);
    fails_in_one_line(&o);
    assert_eq!(names(&taken), ["inside"]);
    std::fs::remove_dir_all(&taken).unwrap();
    assert_eq!(names(&out), ["qua-han.csv"], "no temporary file left");
    // A directory that does not exist.
    let o = tct(&[
        "--db",
        s(&db),
        "report",
        "overdue",
        "--format",
        "xlsx",
        "-o",
        s(&out.join("khong/co/thu-muc.xlsx")),
    ]);
    fails_in_one_line(&o);
    assert!(stderr(&o).contains("khong/co"), "{}", stderr(&o));
}

/// A directory tct cannot write into, put back as it was however the test ends.
#[cfg(unix)]
struct Unwritable {
    dir: PathBuf,
    immutable: bool,
}

#[cfg(unix)]
impl Unwritable {
    /// Takes write permission away from `dir`; as root, who writes through any mode,
    /// sets the immutable attribute as well (`chattr +i`), which binds root too. Says
    /// why when neither keeps a file from being created there.
    fn make(dir: &Path) -> Result<Unwritable, String> {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500)).unwrap();
        let mut u = Unwritable {
            dir: dir.to_path_buf(),
            immutable: false,
        };
        if !u.writable() {
            return Ok(u);
        }
        let o = std::process::Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .output()
            .map_err(|e| format!("running as a user who writes through modes; chattr: {e}"))?;
        if !o.status.success() {
            return Err(format!(
                "running as a user who writes through modes; chattr +i: {}",
                stderr(&o).trim()
            ));
        }
        u.immutable = true;
        if u.writable() {
            return Err("a file can still be created in an immutable directory".into());
        }
        Ok(u)
    }

    fn writable(&self) -> bool {
        let probe = self.dir.join("probe");
        let made = std::fs::File::create(&probe).is_ok();
        if made {
            std::fs::remove_file(&probe).unwrap();
        }
        made
    }
}

#[cfg(unix)]
impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.dir)
                .status();
        }
        let _ = std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700));
    }
}

/// A directory tct cannot write into: the export fails in one line, the file in it
/// stays. Run as root too, through the immutable attribute; skipped (and says so) only
/// where a directory cannot be made unwritable at all (root on a file system without
/// that attribute).
#[cfg(unix)]
#[test]
fn a_read_only_directory_keeps_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let out = dir.path().join("ro");
    std::fs::create_dir(&out).unwrap();
    let target = out.join("thong-bao.docx");
    std::fs::write(&target, b"old notice").unwrap();
    let unwritable = match Unwritable::make(&out) {
        Ok(u) => u,
        Err(why) => {
            common::skipped(&why);
            return;
        }
    };
    for args in [
        vec!["report", "units", "--format", "json", "-o", s(&target)],
        vec![
            "export",
            "inspection",
            "latest",
            "--unit",
            "trang dinh",
            "-o",
            s(&target),
        ],
    ] {
        let mut all = vec!["--db", s(&db)];
        all.extend(args);
        let o = tct(&all);
        fails_in_one_line(&o);
        assert_eq!(std::fs::read(&target).unwrap(), b"old notice");
    }
    drop(unwritable);
    assert_eq!(names(&out), ["thong-bao.docx"]);
}

/// A database whose overdue report is large enough for a progress bar: a small
/// generated province plus 12,000 overdue tasks written straight in SQL (fast even in
/// a debug build).
fn large_db(dir: &Path) -> PathBuf {
    let db = dir.join("lon.db");
    let o = tct(&[
        "generate",
        "--db",
        s(&db),
        "--units",
        "10",
        "--tasks",
        "500",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let con = rusqlite::Connection::open(&db).unwrap();
    con.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000)
         INSERT INTO task (title, title_key, unit_id, assigned_on, deadline, original_deadline)
         SELECT 'Nhiệm vụ thử ' || i, 'nhiem vu thu ' || i,
                (SELECT unit_id FROM task ORDER BY id LIMIT 1),
                '2025-08-01', date('2026-09-01', '-' || (i % 300) || ' days'),
                date('2026-09-01', '-' || (i % 300) || ' days')
         FROM n;",
    )
    .unwrap();
    db
}

#[test]
fn no_progress_on_a_piped_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = large_db(dir.path());
    for format in ["csv", "json", "xlsx"] {
        let file = dir.path().join(format!("qua-han.{format}"));
        let o = tct(&[
            "--db",
            s(&db),
            "report",
            "overdue",
            "--format",
            format,
            "-o",
            s(&file),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(o.stderr.is_empty(), "stderr: {}", stderr(&o));
        assert!(o.stdout.is_empty());
        if format == "csv" {
            let rows = std::fs::read_to_string(&file).unwrap().lines().count();
            assert!(rows > 12_000, "{rows} lines");
        }
    }
}

/// On a terminal the same export draws a bar with the row count, the rate and the time
/// left, and clears it when done.
#[cfg(unix)]
#[test]
fn a_large_export_shows_progress_on_a_terminal() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let dir = tempfile::tempdir().unwrap();
    let db = large_db(dir.path());
    let file = dir.path().join("qua-han.csv");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tct"));
    cmd.args([
        "--db",
        s(&db),
        "report",
        "overdue",
        "--format",
        "csv",
        "-o",
        s(&file),
    ]);
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        let _ = tx.send(all);
    });
    let mut status = None;
    common::poll_until(Duration::from_secs(10), || {
        status = child.try_wait().unwrap();
        status.is_some()
    });
    let Some(status) = status else {
        let _ = child.kill();
        panic!("tct did not finish within 10 s");
    };
    drop(pair.master);
    let seen = rx.recv_timeout(Duration::from_secs(5)).unwrap_or_default();
    let seen = String::from_utf8_lossy(&seen);
    assert!(status.success(), "{seen}");
    let total = std::fs::read_to_string(&file).unwrap().lines().count() - 1;
    assert!(
        seen.contains(&format!("/{total}")) && seen.contains("/s"),
        "a bar with {total} rows and a rate: {seen:?}"
    );
}

/// The file type and content a path leads to, to see it untouched: (kind, bytes).
#[cfg(unix)]
fn state(p: &Path) -> (String, Vec<u8>) {
    let kind = match std::fs::symlink_metadata(p) {
        Ok(m) if m.file_type().is_symlink() => format!("link to {:?}", std::fs::read_link(p)),
        Ok(m) => format!("{:?}", m.file_type()),
        Err(e) => format!("{:?}", e.kind()),
    };
    let bytes = match std::fs::metadata(p) {
        Ok(m) if m.is_file() => std::fs::read(p).unwrap(),
        _ => Vec::new(),
    };
    (kind, bytes)
}

/// `-o` and `tct backup FILE` never write over the open database — by its name, a
/// symlink, a hard link, its -wal or -shm, a window's lock — nor anything but a regular file: a FIFO,
/// a device, a directory, a symlink to one or to nothing. Each is one line, exit
/// status 2, the path as it was, and no temporary file beside it. (A notice given a
/// directory goes into it under its usual name: tested above.)
#[cfg(unix)]
#[test]
fn outputs_that_are_the_database_or_not_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = demo(d);
    std::os::unix::fs::symlink(&db, d.join("link.db")).unwrap();
    std::fs::hard_link(&db, d.join("hard.db")).unwrap();
    let o = std::process::Command::new("mkfifo")
        .arg(d.join("fifo"))
        .output()
        .expect("mkfifo");
    assert!(o.status.success());
    // A device reached through a link, so that a regression replaces the link, never
    // the device.
    std::os::unix::fs::symlink("/dev/null", d.join("null")).unwrap();
    std::fs::create_dir(d.join("dir")).unwrap();
    std::os::unix::fs::symlink(d.join("dir"), d.join("dir-link")).unwrap();
    std::os::unix::fs::symlink(d.join("nothing"), d.join("dangling")).unwrap();
    let database = "cơ sở dữ liệu đang mở";
    let not_file = "không phải tệp thường";
    let cases = [
        ("demo.db", database),
        ("link.db", database),
        ("hard.db", database),
        ("demo.db-wal", database),
        ("demo.db-shm", database),
        ("demo.db-window-0123456789abcdef", database),
        ("fifo", not_file),
        ("null", not_file),
        ("dir", not_file),
        ("dir-link", not_file),
        ("dangling", not_file),
    ];
    let before_names = names(d);
    let before_db = std::fs::read(&db).unwrap();
    for (name, says) in cases {
        let target = d.join(name);
        let t = s(&target);
        let before = state(&target);
        let runs: [Vec<&str>; 4] = [
            vec!["report", "overdue", "--format", "csv", "-o", t],
            vec!["report", "units", "--format", "xlsx", "-o", t],
            vec![
                "export",
                "inspection",
                "latest",
                "--unit",
                "trang dinh",
                "-o",
                t,
            ],
            vec!["backup", t],
        ];
        for run in runs {
            if run[0] == "export" && target.is_dir() {
                continue;
            }
            let mut args = vec!["--db", s(&db)];
            args.extend(&run);
            let o = tct(&args);
            fails_in_one_line(&o);
            assert!(stderr(&o).contains(says), "{name} {run:?}: {}", stderr(&o));
            assert_eq!(state(&target), before, "{name} {run:?}");
        }
    }
    assert_eq!(names(d), before_names, "no temporary file, nothing new");
    assert!(
        std::fs::read(&db).unwrap() == before_db,
        "the database as it was"
    );
    let c = rusqlite::Connection::open(&db).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

/// A symlink to a regular file writes the file it names; the link stays a link.
#[cfg(unix)]
#[test]
fn a_symlink_to_a_file_writes_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let real = dir.path().join("out");
    std::fs::create_dir(&real).unwrap();
    std::fs::write(real.join("qua-han.csv"), b"old").unwrap();
    let link = dir.path().join("qua-han.csv");
    std::os::unix::fs::symlink(real.join("qua-han.csv"), &link).unwrap();
    let o = tct(&[
        "--db",
        s(&db),
        "report",
        "overdue",
        "--format",
        "csv",
        "-o",
        s(&link),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    let written = std::fs::read_to_string(real.join("qua-han.csv")).unwrap();
    assert!(
        written.starts_with("\u{feff}Số ngày quá hạn;"),
        "the report: {written}"
    );
    assert_eq!(names(&real), ["qua-han.csv"]);
}

/// `-o -` is standard output: text formats as they would be in a file, and XLSX or
/// DOCX when piped; nothing else is printed (no path).
#[test]
fn dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = names(dir.path());
    let o = tct(&[
        "--db",
        s(&db),
        "report",
        "units",
        "--format",
        "csv",
        "-o",
        "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(csv.contains("Tràng Định;"), "{csv}");
    for args in [
        vec!["report", "overdue", "--format", "xlsx", "-o", "-"],
        vec![
            "export",
            "inspection",
            "latest",
            "--unit",
            "trang dinh",
            "-o",
            "-",
        ],
    ] {
        let mut all = vec!["--db", s(&db)];
        all.extend(&args);
        let o = tct(&all);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(
            o.stdout.starts_with(b"PK\x03\x04"),
            "{args:?}: a zip (XLSX/DOCX)"
        );
        let zip = zip::ZipArchive::new(std::io::Cursor::new(o.stdout)).unwrap();
        assert!(zip.len() > 2, "{args:?}");
    }
    let o = tct(&[
        "--db",
        s(&db),
        "export",
        "inspection",
        "latest",
        "--unit",
        "trang dinh",
        "--format",
        "md",
        "-o",
        "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.contains("THÔNG BÁO"), "{md}");
    assert!(!md.contains(s(dir.path())), "no path printed: {md}");
    assert_eq!(names(dir.path()), before, "no file named -");
}

/// XLSX or DOCX to standard output on a terminal would print as garbage: refused in
/// one line that says how to write it to a file.
#[cfg(unix)]
#[test]
fn binary_formats_are_not_printed_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    for args in [
        vec!["report", "units", "--format", "xlsx", "-o", "-"],
        vec![
            "export",
            "inspection",
            "latest",
            "--unit",
            "trang dinh",
            "-o",
            "-",
        ],
    ] {
        let mut all = vec!["--db", s(&db)];
        all.extend(&args);
        let (status, seen) = on_a_terminal(&all);
        assert_eq!(status.exit_code(), 2, "{args:?}: {seen}");
        assert!(
            seen.contains("không in") && seen.contains("-o TỆP"),
            "{seen}"
        );
        assert!(!seen.contains("PK"), "{seen}");
        assert_eq!(seen.trim().lines().count(), 1, "{seen}");
    }
}

/// `tct ARGS` in a pseudo-terminal, run to its end: its status and all it printed.
#[cfg(unix)]
fn on_a_terminal(args: &[&str]) -> (portable_pty::ExitStatus, String) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tct"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("TCT_LANG");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let _ = reader.read_to_end(&mut all);
        let _ = tx.send(all);
    });
    let mut status = None;
    common::poll_until(Duration::from_secs(10), || {
        status = child.try_wait().unwrap();
        status.is_some()
    });
    let Some(status) = status else {
        let _ = child.kill();
        panic!("tct did not finish within 10 s");
    };
    drop(pair.master);
    let seen = rx.recv_timeout(Duration::from_secs(5)).unwrap_or_default();
    (status, String::from_utf8_lossy(&seen).into_owned())
}

/// An export killed midway leaves its temporary file (hidden, named after it and
/// the process); the next start of tct on the database beside it sweeps it, as the
/// process that wrote it is gone.
#[cfg(unix)]
#[test]
fn a_killed_exports_temporary_file_is_swept_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = large_db(dir.path());
    let target = dir.path().join("qua-han.xlsx");
    let temporary = || {
        names(dir.path())
            .into_iter()
            .find(|n| n.starts_with(".qua-han.xlsx.tct-") && n.ends_with(".tmp"))
    };
    let mut left = None;
    // The export must be caught while it writes: a few tries, each bounded.
    for _ in 0..5 {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tct"))
            .args([
                "--db",
                s(&db),
                "report",
                "overdue",
                "--format",
                "xlsx",
                "-o",
            ])
            .arg(&target)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while temporary().is_none()
            && child.try_wait().unwrap().is_none()
            && std::time::Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(1));
        }
        let _ = child.kill();
        child.wait().unwrap();
        if let Some(name) = temporary()
            && !target.exists()
        {
            left = Some((name, child.id()));
            break;
        }
        let _ = std::fs::remove_file(&target);
    }
    let (left, pid) = left.expect("an export killed while its temporary file was there");
    assert!(
        left.starts_with(&format!(".qua-han.xlsx.tct-{pid}-")),
        "named after the target and its process: {left}"
    );
    let o = tct(&["--db", s(&db), "report", "units"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(temporary(), None, "swept at the next start");
    assert!(!target.exists());
}

/// The default CSV opens right in Excel on a Vietnamese Windows: a UTF-8 byte-order
/// mark, `;` between cells, CRLF, numbers with a decimal comma and no thousands
/// separator, counts out of a total never taken for dates; `csv-comma` is the comma
/// and the decimal point.
#[test]
fn csv_is_what_excel_reads_on_a_vietnamese_windows() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let file = dir.path().join("chi-tieu.csv");
    let args = ["--db", s(&db), "report", "targets", "--unit", "bac son"];
    let o = tct(&[&args[..], &["--format", "csv", "-o", s(&file)]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&file).unwrap();
    let head = "\u{feff}Đơn vị;Tên;Kế hoạch;Thực hiện;ĐVT;Tiến độ (%);Trạng thái;Ngày số liệu\r\n\
                Bắc Sơn;Số lượt khách du lịch;110000;118800;lượt khách;108;đạt và vượt;20/09/2022\r\n\
                Bắc Sơn;Doanh thu từ hoạt động du lịch;55;46,2;tỷ đồng;84;trên 70%;20/09/2022\r\n";
    assert!(
        bytes.starts_with(head.as_bytes()),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    // Redirected rather than -o: the same bytes.
    let o = tct(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(o.stdout, bytes);
    // The plain flavour, in English.
    let o = tct(&[&args[..], &["--lang", "en", "--format", "csv-comma"]].concat());
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.starts_with(
            "Unit,Name,Plan,Actual,Measure,Progress (%),Status,Reading date\n\
             Bắc Sơn,Số lượt khách du lịch,110000,118800,lượt khách,108,met,20/09/2022\n\
             Bắc Sơn,Doanh thu từ hoạt động du lịch,55,46.2,tỷ đồng,84,above 70%,20/09/2022\n"
        ),
        "{text}"
    );
    // Units' counts out of a total: `02/10` would be 2 October to Excel.
    let o = tct(&[
        "--db",
        s(&db),
        "report",
        "units",
        "--unit",
        "bac son",
        "--format",
        "csv",
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        // The last column, empty: not abolished in 2022.
        text.ends_with("\r\nBắc Sơn;huyện;02∕10;04∕10;03∕10;01∕10;08∕09;1;0;1;\r\n"),
        "{text}"
    );
}

/// In XLSX a plan of one figure is a number a spreadsheet can sum; a range is text.
#[test]
fn xlsx_plans_are_numbers_where_they_are_numbers() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let file = dir.path().join("chi-tieu.xlsx");
    let o = tct(&[
        "--db",
        s(&db),
        "report",
        "targets",
        "--format",
        "xlsx",
        "-o",
        s(&file),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    let sheet = book.worksheet_range("Chỉ tiêu").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows[0][2], Data::String("Kế hoạch".into()));
    let plans: Vec<&Data> = rows[1..].iter().map(|r| &r[2]).collect();
    assert!(plans.contains(&&Data::Float(110_000.0)), "{plans:?}");
    assert!(plans.contains(&&Data::String("8–9".into())), "{plans:?}");
    assert!(
        plans
            .iter()
            .all(|p| matches!(p, Data::Float(_)) || matches!(p, Data::String(s) if s.contains('–'))),
        "{plans:?}"
    );
}

/// The overdue report's columns say what they are, in both languages, with where
/// each task came from.
#[test]
fn overdue_columns_are_named_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let o = tct(&["--db", s(&db), "report", "overdue"]);
    let text = String::from_utf8(o.stdout).unwrap();
    let head: Vec<&str> = text
        .lines()
        .next()
        .unwrap()
        .split("  ")
        .filter(|c| !c.trim().is_empty())
        .map(str::trim)
        .collect();
    assert_eq!(
        head,
        [
            "Số ngày quá hạn",
            "Đơn vị",
            "Hạn xử lý",
            "Số/ký hiệu văn bản",
            "Tên nhiệm vụ",
            "Ngày giao",
            "Nguồn nhiệm vụ",
            "Giải thể"
        ]
    );
    assert!(
        // Nothing was abolished in 2022: the last column is empty.
        text.lines()
            .nth(1)
            .unwrap()
            .trim_end()
            .ends_with("VNPT-iOffice"),
        "{text}"
    );
    // A directive of an inspection: the inspection it came from.
    let binh_gia = text
        .lines()
        .find(|l| l.contains("Bình Gia") && l.contains("Chương trình mục tiêu quốc gia"))
        .expect("the directive's task");
    assert!(
        binh_gia
            .trim_end()
            .ends_with("Kết luận kiểm tra 10/06/2022"),
        "{binh_gia}"
    );
    let o = tct(&[
        "--lang",
        "en",
        "--db",
        s(&db),
        "report",
        "overdue",
        "--format",
        "csv-comma",
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.starts_with(
            "Days overdue,Unit,Deadline,Document number,Task,Assigned on,Task origin,Abolished\n"
        ),
        "{text}"
    );
}
